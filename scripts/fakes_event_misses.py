"""List the FA-KES dev rows whose actor class or cause of death we get wrong, and why.

Why a script: ``marsad eval`` gives FA-KES actor and cause accuracy and the confusion pairs,
but improving the event rules needs the rows themselves: the gold, the main event the eval
aligned to the row (sub-type, actor1, trigger, sentence) and the article's other events.
Same alignment and mappings as ``marsad eval`` (``marsad.evaluation.fakes``); parsed docs are
cached like ``casualty_bench.py`` (delete the cache after changing the gazetteer).

Usage: .venv/bin/python scripts/fakes_event_misses.py [path] [--field actor|cause|both]
       [--gold CLASS] [--summary] [--named] [--by-type]

``--by-type`` prints, for each sub-event type of the rows' main events, the gold causes of
death: where one type meets several gold causes (an Armed clash's dead are "unknown",
"shooting" or "shelling" in FA-KES), no mapping of that type gets all its rows right.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from functools import cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casualty_bench import DEFAULT, run  # noqa: E402

from marsad.context import get_context  # noqa: E402
from marsad.evaluation.fakes import FakesRow, killer, parse_gold, predict_rows  # noqa: E402
from marsad.evaluation.mappings import actor_class, cause_class  # noqa: E402
from marsad.extractors.actors import find_actors  # noqa: E402
from marsad.model import Event  # noqa: E402


def _event_line(event: Event, text: str) -> str:
    actor1 = event.actor1.name if event.actor1 else "-"
    actor2 = event.actor2.name if event.actor2 else "-"
    deaths = event.fatalities.best if event.fatalities else "-"
    return (f"{event.sub_event_type} | a1={actor1} | a2={actor2} | killed={deaths} | "
            f"trigger={event.trigger.text!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--field", choices=("actor", "cause", "both"), default="both")
    parser.add_argument("--gold", help="only rows with this gold class")
    parser.add_argument("--summary", action="store_true", help="only the miss counts")
    parser.add_argument("--named", action="store_true",
                        help="also tally whether the gold's actor class is named in the article")
    parser.add_argument("--by-type", action="store_true",
                        help="gold causes of death per main-event sub-type (a ceiling)")
    args = parser.parse_args()
    records, results = run(args.path)
    rows = [FakesRow(record_id=str(r["id"]), article=result.doc.text, result=result,
                     gold=parse_gold(str(r["id"]), r["gold"]))
            for r, result in zip(records, results, strict=True)]
    preds, _ = predict_rows(rows)
    if args.by_type:
        _print_causes_by_type(rows, [p.main for p in preds])
        return
    tally: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for row, pred in zip(rows, preds, strict=True):
        actor = actor_class(killer(pred.main))
        cause = cause_class(pred.main)
        wrong = []
        if args.field in ("actor", "both") and actor != row.gold.actor:
            wrong.append(f"actor gold={row.gold.actor!r} pred={actor!r}")
        if args.field in ("cause", "both") and cause != row.gold.cause_of_death:
            wrong.append(f"cause gold={row.gold.cause_of_death!r} pred={cause!r}")
        if not wrong:
            continue
        if args.gold and args.gold not in (row.gold.actor, row.gold.cause_of_death):
            continue
        tally.update(w.split(" pred")[0] + " -> " + w.split("pred=")[1] for w in wrong)
        if args.named and actor != row.gold.actor:
            named[_gold_actor_named(row)] += 1
        if args.summary:
            continue
        text = row.result.doc.text
        print(f"=== {row.record_id}  {'; '.join(wrong)}  (gold {row.gold.location}, "
              f"civ {row.gold.nb_civilians}, non-civ {row.gold.nb_noncivilians})")
        print("   title:", (row.result.doc.title or "")[:150])
        if pred.main is not None:
            print("   MAIN:", _event_line(pred.main, text))
            print("        ", pred.main.evidence.text[:300].replace("\n", " "))
        for event in row.result.events:
            if event is not pred.main:
                print("   other:", _event_line(event, text))
        print("   lead:", text[:400].replace("\n", " "))
    for key, count in tally.most_common():
        print(f"{count:4d}  {key}")
    for key, count in named.most_common():
        print(f"{count:4d}  actor misses where {key}")


def _print_causes_by_type(rows: list[FakesRow], mains: list[Event | None]) -> None:
    """Gold causes per main-event sub-type, and the best any one cause per type could score."""
    by_type: dict[str, Counter[str]] = {}
    for row, main in zip(rows, mains, strict=True):
        sub = main.sub_event_type if main is not None else "(no event)"
        by_type.setdefault(sub, Counter())[row.gold.cause_of_death] += 1
    best = 0
    for sub, causes in sorted(by_type.items(), key=lambda kv: -sum(kv[1].values())):
        best += causes.most_common(1)[0][1]
        print(f"{sum(causes.values()):4d}  {sub}: " +
              ", ".join(f"{cause} {n}" for cause, n in causes.most_common()))
    print(f"best accuracy of any one cause per sub-type: {best / len(rows):.3f}")


def _gold_actor_named(row: FakesRow) -> str:
    """Whether any actor mention of the article maps to the gold's class (a rough ceiling:
    a named class may be a target, an accuser's claim or a bystander)."""
    if row.gold.actor == "unknown":
        return "the gold is 'unknown'"
    classes = _named_classes(row.result.doc.text)
    return "the gold's class is named" if row.gold.actor in classes else "it is never named"


@cache
def _named_classes(text: str) -> frozenset[str]:
    """The VDC classes of every actor mention of an article (parsed once: rows share it)."""
    ctx = get_context()
    return frozenset(actor_class(m.to_actor("Syria")) for m in find_actors(ctx.nlp(text), ctx))


if __name__ == "__main__":
    main()
