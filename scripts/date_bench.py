"""Date benchmark on FA-KES dev (issue #6): only the date measures of ``marsad eval``.

Why a script: ``marsad eval`` scores every field and reparses 300 articles each run; this
one caches the parsed spaCy docs (``casualty_bench.parse_cached``: keyed by the cleaned
texts and the pipeline's config) so that a change to date inference or resolution is measured
in well under a minute.
``published`` is withheld from the input, exactly as ``marsad eval`` does (the gold date is
the article's date, the system must find it in the text).

Figures (the FA-KES scorer's own functions, so they equal ``marsad eval``'s):
- ``published``: the inferred publication date equals the gold date;
- ``published_or_event``: the inferred publication date, or the one-day range of any event of
  the article, equals the gold date (the issue #6 metric);
- ``date``: the main event's range (else the published date) is exactly the gold day;
- ``published_sources``: how often each kind of evidence gave the publication date.

Usage: .venv/bin/python scripts/date_bench.py [path] [--misses N] [--no-events]
(``--no-events`` skips spaCy and the extractors: only ``published`` is measured, in ~2 s.)
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.evaluation.fakes import FakesRow, parse_gold, score_fakes
from marsad.evaluation.mappings import input_fields
from marsad.evaluation.runner import document_key
from marsad.ingest import prepare
from marsad.ingest.published import infer_publication
from marsad.model import Document, DocumentResult, SourceDocument

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "data" / "dev" / "fakes_dev.jsonl"
FIELDS = ("published", "published_or_event", "date")


def _prepared(records: list[dict[str, Any]]) -> list[tuple[Document, list[str]]]:
    fields = input_fields("fakes")
    return [prepare(SourceDocument(**{k: r[k] for k in fields if r.get(k) is not None},
                                   origin=str(r["id"]))) for r in records]


def results_with_events(records: list[dict[str, Any]]) -> list[DocumentResult]:
    """Run the whole pipeline (spaCy docs cached between runs)."""
    from casualty_bench import parse_cached

    from marsad.context import get_context
    from marsad.pipeline import extract_result

    ctx = get_context()
    prepared = _prepared(records)
    docs = parse_cached("date_bench", [d.text for d, _ in prepared])
    return [extract_result(d, doc, ctx, w) for (d, w), doc in zip(prepared, docs, strict=True)]


def results_without_events(records: list[dict[str, Any]]) -> list[DocumentResult]:
    """Clean and infer the publication date only (no spaCy, no events)."""
    return [DocumentResult(doc=d, warnings=w) for d, w in _prepared(records)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", type=int, default=0, help="print N missed rows")
    parser.add_argument("--no-events", action="store_true", help="published date only")
    args = parser.parse_args()
    records = [json.loads(line) for line in args.path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    results = (results_without_events if args.no_events else results_with_events)(records)
    fields = input_fields("fakes")
    keys = [document_key(SourceDocument(**{k: r[k] for k in fields if r.get(k) is not None}))
            for r in records]
    rows = [FakesRow(record_id=str(r["id"]), article=key,
                     gold=parse_gold(str(r["id"]), r["gold"]), result=res)
            for r, res, key in zip(records, results, keys, strict=True)]
    report = score_fakes(rows)
    figures: dict[str, Any] = {"rows": len(rows)}
    for name in FIELDS if not args.no_events else FIELDS[:1]:
        scores = report.fields[name]
        figures[name] = {k: scores[k] for k in ("exact_day", "within_7_days") if k in scores}
    sources = Counter(e.source if (e := infer_publication(str(r["text"]))) else "none"
                      for r in records)
    figures["published_sources"] = dict(sources.most_common())
    print(json.dumps(figures))
    shown = 0
    for record, row in zip(records, rows, strict=True):
        gold = row.gold.day()
        days = {row.result.doc.published} | {e.date.start for e in row.result.events
                                             if e.date is not None
                                             and e.date.start == e.date.end}
        if gold in days or shown >= args.misses:
            continue
        shown += 1
        found = infer_publication(str(record["text"]))
        print(f"\n=== {record['id']} {record['source']} gold={gold} "
              f"published={row.result.doc.published} "
              f"({found.source if found else '-'}: {found.text if found else ''!r})")
        print("  events:", sorted({(str(e.date.start), str(e.date.end), e.date.text or "")
                                   for e in row.result.events if e.date is not None}))
        print("  TEXT:", row.result.doc.text[:600].replace("\n", " | "))


if __name__ == "__main__":
    main()
