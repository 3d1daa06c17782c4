"""Rebuild examples/articles.jsonl from the shared dev data (run from the repo root).

Kept so the provenance of every bundled sample is reproducible: the seed article
(Enab Baladi, credited) and openly licensed documents from the re3d corpus
(US CENTCOM and US State Department: public domain; UK Government: Open Government
Licence v3.0). See examples/README.md for sources and licences.
"""

from __future__ import annotations

import json
from pathlib import Path

RE3D = Path("../shared/data/dev/re3d/re3d_docs.jsonl")
SEED = Path("../shared/seed/000_739b723b4f688f7a.txt")
OUT = Path("examples/articles.jsonl")
TITLES = [
    "January 9: Military airstrikes continue against ISIL terrorists in Syria and Iraq",
    "Death of Abu Jandal al-Kuwaiti",
    "Coalition Strikes Mosul Hospital",
    "Airstrikes destroy ISIL’s captured tanks",
    "DoD Spokesman: U.S. Airstrikes Weaken Al-Qaida, ISIL Terrorists",
    "SDF initiate next phase of Raqqah isolation",
    "Iraqis Hold Line Against ISIL, DoD Spokesman Says",
    "DoD Identifies Fallen U.S. Service Member in Syria",
    "Minister for the Middle East condemns attack in Baghdad",
    "Foreign Secretary condemns further Syrian barrel bomb use",
    "Minister for the Middle East welcomes news that Iraqi forces have taken Tikrit",
    "Minister Ellwood statement on Syria ceasefire violations",
    "Foreign Secretary statement on Syria aid convoy attack",
    "Liberation of Sinjar from ISIL terrorists",
    "Minister Ellwood condemns terrorist attack in al-Hilla, Iraq",
    "Terrorist Attacks in Iraq",
    "Statement by Secretary of Defense Ash Carter on the Liberation of Dabiq",
    "Rocket Attack on Camp Hurriya in Iraq",
    "U.S. Condemns Terrorist Attack in Hasaka, Syria",
    "Terrorist Attacks in Baghdad",
]
LICENCES = {"CENTCOM": "public domain", "US State Department": "public domain",
            "UK Government": "Open Government Licence v3.0"}


def main() -> None:
    records = []
    seed_lines = SEED.read_text(encoding="utf-8").strip().splitlines()
    records.append({"id": "enab-baladi-2018-05-08-southern-damascus", "outlet": "Enab Baladi",
                    "published": "2018-05-08", "title": seed_lines[0].strip(),
                    "text": "\n".join(seed_lines[1:]).strip(),
                    "licence": "© Enab Baladi, quoted with credit for demonstration"})
    wanted = {t.strip(): None for t in TITLES}
    for line in RE3D.read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        title = doc["title"].strip()
        if doc["subset"] in LICENCES and any(title.startswith(t[:40]) for t in wanted):
            records.append({"id": "re3d-" + doc["id"][:12].lower(), "url": doc["url"],
                            "title": title, "outlet": doc["source"], "text": doc["text"],
                            "licence": LICENCES[doc["subset"]]})
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                   encoding="utf-8")
    print(f"{len(records)} records written to {OUT}")


if __name__ == "__main__":
    main()
