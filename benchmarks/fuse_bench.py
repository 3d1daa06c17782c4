"""Time incident fusion of ~50,000 synthetic events cloned from real pipeline results.

Run: .venv/bin/python benchmarks/fuse_bench.py [EVENTS] [--store] [--arabic]
The gold-set articles are processed once; their results are cloned with dates shifted
across two years and places moved up to 1.5 degrees, so clones of one article sometimes
land near each other (as real reports do). Prints the time to fuse in memory and, with
--store, to fuse the same events from a fresh SQLite store (ingest time not counted).
--arabic adds the cross-lingual gold (22 Arabic, 22 English articles) to the articles cloned,
so that the sentence encoder scores cross-script pairs; compare with
MARSAD_FUSION_ENCODER=off to see what it adds. Clones share their evidence sentences, which the
encoder encodes once per run; --unique-evidence appends the clone number to every evidence
sentence, so each event costs its own encoding, as in a real corpus.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
import tempfile
import time
from pathlib import Path

from marsad.context import get_context
from marsad.evaluation.crosslingual import is_crosslingual_gold
from marsad.evaluation.incidents import process_gold, read_gold
from marsad.fusion import fuse_results
from marsad.fusion.settings import load_fusion_settings
from marsad.fusion.store import fuse_store
from marsad.model import DocumentResult, SourceDocument
from marsad.pipeline import process
from marsad.store import open_store

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold" / "incidents" / "incidents_gold.jsonl"
CROSSLINGUAL = GOLD.parents[1] / "crosslingual" / "crosslingual_gold.jsonl"


def crosslingual_results() -> list[DocumentResult]:
    """Pipeline results of the cross-lingual gold (English and Arabic articles)."""
    records = [json.loads(line) for line in CROSSLINGUAL.read_text(encoding="utf-8").splitlines()
               if line.strip()]
    ctx = get_context()
    return [process(SourceDocument(id=str(r["id"]), outlet=r.get("outlet"),
                                   published=r.get("published"), title=r.get("title"),
                                   text=r["text"]), ctx)
            for r in records if is_crosslingual_gold(r)]


def clone(result: DocumentResult, number: int, rng: random.Random,
          unique_evidence: bool = False) -> DocumentResult:
    """Copy ``result`` under a new id with its dates and places shifted together."""
    days = dt.timedelta(days=rng.randrange(730))
    d_lat, d_lon = rng.uniform(-1.5, 1.5), rng.uniform(-1.5, 1.5)
    events = []
    for event in result.events:
        update: dict[str, object] = {"event_id": f"{event.event_id}-c{number}"}
        if unique_evidence:
            update["evidence"] = event.evidence.model_copy(
                update={"text": f"{event.evidence.text} {number}"})
        if event.date:
            update["date"] = event.date.model_copy(update={"start": event.date.start + days,
                                                           "end": event.date.end + days})
        place = event.location
        if place and place.lat is not None and place.lon is not None:
            update["location"] = place.model_copy(update={
                "lat": max(-89.0, min(89.0, place.lat + d_lat)),
                "lon": max(-179.0, min(179.0, place.lon + d_lon))})
        events.append(event.model_copy(update=update))
    doc = result.doc.model_copy(update={"id": f"{result.doc.id}-c{number}",
                                        "content_hash": f"clone-{number}"})
    return result.model_copy(update={"doc": doc, "events": events})


def main() -> None:
    wanted = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else 50_000
    rng = random.Random(9)
    gold = read_gold(GOLD)
    base = [r for r in process_gold(gold, get_context()) if r.events]
    if "--arabic" in sys.argv:
        base += [r for r in crosslingual_results() if r.events]
    clones, events = [], 0
    while events < wanted:
        result = clone(base[len(clones) % len(base)], len(clones), rng,
                       "--unique-evidence" in sys.argv)
        clones.append(result)
        events += len(result.events)
    settings = load_fusion_settings()
    started = time.perf_counter()
    incidents = fuse_results(clones, settings)
    seconds = time.perf_counter() - started
    multi = sum(len(i.members) > 1 for i in incidents)
    arabic = sum(r.doc.language == "ar" for r in clones)
    print(f"in memory: {events} events from {len(clones)} documents ({arabic} Arabic) -> "
          f"{len(incidents)} incidents ({multi} with several reports) in {seconds:.1f} s "
          f"(encoder {'on' if settings.encoder.enabled else 'off'})")
    if "--store" in sys.argv:
        with tempfile.TemporaryDirectory() as folder:
            with open_store(f"sqlite:///{folder}/bench.db") as store:
                for result in clones:
                    store.save(result)
                started = time.perf_counter()
                summary = fuse_store(store, settings)
                seconds = time.perf_counter() - started
            print(f"from the store: {summary.line()} in {seconds:.1f} s")


if __name__ == "__main__":
    main()
