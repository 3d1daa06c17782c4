"""List the FA-KES dev rows whose nb_civilians or nb_noncivilians we get wrong, and why.

Why a script: the per-class casualty figures of ``marsad eval`` (fields ``nb_civilians``,
``nb_noncivilians``) come from the events aligned to each gold row
(``marsad.evaluation.fakes``); this prints, per missed row, the gold, what the eval
predicts, every killed-kind casualty mention of the article with its victim class, side and
aggregate flag, and its sentence, then a rough automatic class of the miss and a table of
the classes. The classes are a first sort for reading, not a verdict (see docs/benchmarks.md,
Casualties, for the hand-checked table).

Automatic classes (first that applies):
- ``split``: our civilians + non-civilians total equals the gold total but the split differs
  (victim class or side wrong);
- ``unknown-victims/<why>``: the lead event's victims are "unknown" but its toll is the gold
  total; <why> is the class of its casualty mention(s): ``combatants`` (side not resolved to
  actor1/actor2 by the event builder), ``unknown`` (no victim word), ``several-mentions``;
- ``mixed-class``: the right figure is a killed mention of the article in the right class
  but it is not on an event of the row (aggregate, other event, merged away);
- ``not-found``: no killed mention of the article carries the gold figure;
- ``over``: we predict more than the gold for the class (extra mentions added up).

Run on the lead event's counts (``fakes.lead_counts``), like ``marsad eval``.

Usage: .venv/bin/python scripts/fakes_casualty_misses.py [path] [--limit N] [--quiet]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from casualty_bench import DEFAULT, parse_cached, run  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from marsad.evaluation.fakes import (  # noqa: E402
    FakesRow,
    fatalities_by_side,
    lead_counts,
    parse_gold,
    predict_rows,
)
from marsad.extractors.casualties import CasualtyMention, find_casualties  # noqa: E402
from marsad.model import DocumentResult, Event  # noqa: E402

FATAL = {"killed"}


def _docs(results: list[DocumentResult]) -> list[Doc]:
    """The parsed documents of ``results`` (the cache ``run`` filled)."""
    return parse_cached(f"casualty_bench_{DEFAULT.stem}", [r.doc.text for r in results])


def _classify(gold: tuple[int, int], pred: tuple[int, int, int],
              unknown: int, mentions: list[CasualtyMention]) -> str:
    civ, non = gold
    if pred[0] + pred[1] == civ + non and pred[0] + pred[1] > 0:
        return "split"
    if unknown and pred[2] == civ + non:
        return "unknown-victims"
    if pred[0] > civ or pred[1] > non:
        return "over"
    wanted = {("civilians", civ)} if pred[0] != civ and civ else set()
    if pred[1] != non and non:
        wanted.add(("combatants", non))
    found = {(m.victims, m.best) for m in mentions}
    found |= {("unknown", m.best) for m in mentions}
    if any(w in found or ("unknown", w[1]) in found for w in wanted):
        return "mixed-class"
    return "not-found"


def _lead_class(events: list[Event], mentions: list[CasualtyMention]) -> str:
    """Why the lead event's victims are "unknown": its mentions' classes ("combatants": the
    victims' side was not resolved to actor1/actor2 by the event builder; "mixed": civilians
    and combatants in one toll; "unknown": no victim word)."""
    lead = next((e for e in sorted(events, key=lambda e: e.trigger.char_span[0])
                 if fatalities_by_side(e)[2]), None)
    if lead is None or lead.fatalities is None:
        return "none"
    span = lead.fatalities.char_span
    if span is None:
        return "several-mentions"
    classes = {m.victims for m in mentions if (m.start_char, m.end_char) == span}
    return "+".join(sorted(classes)) or "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=0, help="print at most N rows")
    parser.add_argument("--quiet", action="store_true", help="print the table only")
    args = parser.parse_args()
    records, results = run(args.path)
    docs = _docs(results)
    rows = [FakesRow(record_id=str(r["id"]), article=result.doc.text, result=result,
                     gold=parse_gold(str(r["id"]), r["gold"]))
            for r, result in zip(records, results, strict=True)]
    preds, _ = predict_rows(rows)
    classes: Counter[str] = Counter()
    shown = 0
    ok = {"civ": 0, "non": 0}
    for row, pred, doc in zip(rows, preds, docs, strict=True):
        gold = row.gold
        sums = lead_counts(pred.events)
        ok["civ"] += sums[0] == gold.nb_civilians
        ok["non"] += sums[1] == gold.nb_noncivilians
        if sums[0] == gold.nb_civilians and sums[1] == gold.nb_noncivilians:
            continue
        mentions = [m for m in find_casualties(doc) if m.kind in FATAL]  # type: ignore[arg-type]
        unknown = sum(e.fatalities.best for e in pred.events
                      if e.fatalities is not None and not e.fatalities.aggregate
                      and fatalities_by_side(e)[:2] == (0, 0))
        label = _classify((gold.nb_civilians, gold.nb_noncivilians), sums, unknown, mentions)
        if label == "unknown-victims":
            label += "/" + _lead_class(pred.events, mentions)
        classes[label] += 1
        if args.quiet or (args.limit and shown >= args.limit):
            continue
        shown += 1
        print(f"\n=== {row.record_id} [{label}] gold civ={gold.nb_civilians} "
              f"non={gold.nb_noncivilians} (children {gold.nb_children}, women "
              f"{gold.nb_women}) predicted civ={sums[0]} non={sums[1]} all={sums[2]}")
        for event in pred.events:
            f = event.fatalities
            if f is None:
                continue
            a1 = event.actor1.name if event.actor1 else None
            a2 = event.actor2.name if event.actor2 else None
            print(f"  EVENT {event.sub_event_type}: best={f.best} victims={f.victims} "
                  f"agg={f.aggregate} a1={a1!r} a2={a2!r} {f.text!r}")
        sentences = list(doc.sents)  # type: ignore[attr-defined]
        for m in mentions:
            print(f"  MENTION {m.best} {m.victims} side={m.victim_side_text!r} "
                  f"agg={m.aggregate} toll={m.toll} {m.text!r}")
            print(f"    | {sentences[m.sentence_index].text.strip()[:300]}")
        if not mentions:
            print("  TEXT:", row.result.doc.text[:600].replace("\n", " "))
    n = len(rows)
    print(f"\nrows {n}: nb_civilians exact {ok['civ'] / n:.3f}, "
          f"nb_noncivilians exact {ok['non'] / n:.3f}")
    print("| class | rows |\n|---|---:|")
    for label, count in classes.most_common():
        print(f"| {label} | {count} |")


if __name__ == "__main__":
    main()
