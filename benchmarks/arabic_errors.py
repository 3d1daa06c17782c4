"""List every spurious and missed event on an Arabic gold file, with the trigger behind it.

Why: the event precision of the Arabic pipeline is limited by extra readings next to the real
event; seeing the trigger text and its sentence is the quickest way to tell a rule gap from a
gold gap. Usage (path defaults to tests/gold/arabic/arabic_gold.jsonl):
    .venv/bin/python benchmarks/arabic_errors.py [PATH] [--ids ar-45,ar-46]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from marsad.context import get_context
from marsad.evaluation.arabic import _matches, gold_point
from marsad.model import SourceDocument
from marsad.pipeline import process

DEFAULT = Path(__file__).resolve().parents[1] / "tests" / "gold" / "arabic" / "arabic_gold.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--ids", default="", help="comma-separated document ids to keep")
    args = parser.parse_args()
    keep = {i for i in args.ids.split(",") if i}
    ctx = get_context()
    gold_n = predicted_n = matched_n = 0
    for line in args.path.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        if keep and data["id"] not in keep:
            continue
        result = process(SourceDocument(id=data["id"], outlet=data["outlet"],
                                        published=data["published"], text=data["text"]), ctx)
        free = list(result.events)
        gold_n += len(data["arabic_events"])
        predicted_n += len(free)
        for gold in data["arabic_events"]:
            point = gold_point(gold, ctx)
            found = next((e for e in free if _matches(e, gold, point)), None)
            if found is None:
                print(f"{data['id']}\tMISSED\t{gold['sub_event_type']}\t{gold['place']}\t"
                      f"{gold['date']}")
            else:
                free.remove(found)
                matched_n += 1
        for event in free:
            where = event.location.name if event.location else "-"
            precision = event.location.precision if event.location else "-"
            day = event.date.start.isoformat() if event.date else "-"
            print(f"{data['id']}\tSPURIOUS\t{event.sub_event_type}\t{where} (p{precision})\t"
                  f"{day}\ttrigger={event.trigger.text!r}")
    p = matched_n / predicted_n if predicted_n else 0.0
    r = matched_n / gold_n if gold_n else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print(f"gold {gold_n} predicted {predicted_n} matched {matched_n} "
          f"P {p:.3f} R {r:.3f} F1 {f1:.3f}")


if __name__ == "__main__":
    main()
