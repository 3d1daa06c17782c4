"""Casualty benchmark on FA-KES dev (issue #8): does the gold toll match what we extract?

Why a script and not a test: it times nothing but runs the whole pipeline over 300
articles, and its figures go into docs/benchmarks.md. Parsed spaCy docs are cached (DocBin
under the marsad cache dir) so that reruns after a change to the extractors are quick.

Measures, per gold row (gold total = nb_civilians + nb_noncivilians):
- exact: the total equals the fatalities.best of one non-aggregate event of the article, or
  the sum of the article's non-aggregate per-event bests (0 when nothing was extracted);
- within_10pct: the same with |predicted - gold| <= 10% of gold;
- civilians_exact: nb_civilians equals the sum of the per-event bests whose victims are
  civilians, or one such event's best.
- children_exact / women_exact: nb_children (nb_women) equals the sum of the per-event
  ``fatalities.children`` (``women``; not stated counts as 0), or one event's figure; also
  given over the rows whose gold figure is above 0 (``children_exact_gold_pos``), since most
  rows have none and "not stated" matches those for free.

Usage: .venv/bin/python scripts/casualty_bench.py [path] [--misses N]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from pathlib import Path

from spacy.tokens import Doc, DocBin

from marsad.context import get_context
from marsad.evaluation.mappings import input_fields
from marsad.gazetteer import index_fingerprint
from marsad.ingest import prepare
from marsad.model import DocumentResult, SourceDocument
from marsad.pipeline import extract_result

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT / ".." / "shared" / "data" / "dev" / "fakes_dev.jsonl"


def parse_cached(name: str, texts: list[str]) -> list[Doc]:
    """Parse ``texts`` with marsad's pipeline, cached between runs under ``name``.

    The cache is keyed by the texts, the pipeline's config and the gazetteer index: a change
    to cleaning (not to the input file) must not reuse docs of old texts, whose offsets no
    longer match, nor a change to the pipeline (``parsing.yaml``'s hints) old parses, nor a
    new gazetteer name (the entity ruler's patterns, which the config does not hold) entities
    found without it.
    """
    ctx = get_context()
    base = Path(os.environ.get("MARSAD_CACHE_DIR", Path.home() / ".cache" / "marsad"))
    key = "\x00".join([ctx.nlp.config.to_str(), index_fingerprint(), *texts])
    cache = base / f"{name}_{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}.spacy"
    if cache.exists():
        return list(DocBin().from_disk(cache).get_docs(ctx.nlp.vocab))
    docs = list(ctx.nlp.pipe(texts, batch_size=16))
    cache.parent.mkdir(parents=True, exist_ok=True)
    DocBin(store_user_data=True, docs=docs).to_disk(cache)
    return docs


def run(path: Path) -> tuple[list[dict[str, object]], list[DocumentResult]]:
    ctx = get_context()
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    fields = input_fields("fakes")
    prepared = []
    for record in records:
        source = SourceDocument(**{k: record[k] for k in fields if record.get(k) is not None},
                                origin=str(record["id"]))
        document, warnings = prepare(source)
        prepared.append((document, warnings))
    docs = parse_cached(f"casualty_bench_{path.stem}", [d.text for d, _ in prepared])
    results = [extract_result(d, doc, ctx, w) for (d, w), doc in zip(prepared, docs, strict=True)]
    return records, results


def _bests(result: DocumentResult, civilians_only: bool = False) -> list[int]:
    return [e.fatalities.best for e in result.events
            if e.fatalities is not None and not e.fatalities.aggregate
            and (not civilians_only or e.fatalities.victims == "civilians")]


def _parts(result: DocumentResult, group: str) -> list[int]:
    return [getattr(e.fatalities, group) or 0 for e in result.events
            if e.fatalities is not None and not e.fatalities.aggregate]


def _matches(gold: int, bests: list[int], tolerance: float) -> bool:
    options = [*bests, sum(bests)]
    return any(abs(option - gold) <= tolerance * gold for option in options)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--misses", type=int, default=0, help="print N missed rows")
    args = parser.parse_args()
    records, results = run(args.path)
    exact = within = civ = 0
    parts = {g: [0, 0, 0] for g in ("children", "women")}  # exact, gold>0 rows, exact there
    misses = []
    for record, result in zip(records, results, strict=True):
        gold = record["gold"]
        for group, counts in parts.items():
            wanted = int(gold[f"nb_{group}"])
            hit = _matches(wanted, _parts(result, group), 0.0)
            counts[0] += hit
            counts[1] += wanted > 0
            counts[2] += hit and wanted > 0
        total = int(gold["nb_civilians"]) + int(gold["nb_noncivilians"])
        bests = _bests(result)
        hit = _matches(total, bests, 0.0)
        exact += hit
        within += _matches(total, bests, 0.1)
        civ += _matches(int(gold["nb_civilians"]), _bests(result, True), 0.0)
        if not hit:
            misses.append((record, result, total, bests))
    n = len(records)
    print(json.dumps({"rows": n, "exact": round(exact / n, 3),
                      "within_10pct": round(within / n, 3),
                      "civilians_exact": round(civ / n, 3),
                      **{f"{g}_exact": round(c[0] / n, 3) for g, c in parts.items()},
                      **{f"{g}_exact_gold_pos": f"{c[2]}/{c[1]}" for g, c in parts.items()}}))
    for record, result, total, bests in misses[:args.misses]:
        print(f"\n=== {record['id']} gold={total} "
              f"(civ {record['gold']['nb_civilians']}) predicted={bests}")
        for event in result.events:
            if event.fatalities is not None:
                f = event.fatalities
                print(f"  {event.sub_event_type}: {f.best} {f.victims} agg={f.aggregate} "
                      f"{f.text!r}")
        print("  TEXT:", result.doc.text[:1500].replace("\n", " "))


if __name__ == "__main__":
    main()
