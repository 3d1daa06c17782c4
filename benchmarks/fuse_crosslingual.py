"""Calibrate and stress cross-lingual linking (issue #13 item 5): encoder on against off.

Run: .venv/bin/python benchmarks/fuse_crosslingual.py [GOLD_JSONL]
(default: tests/gold/crosslingual/crosslingual_gold.jsonl)

1. Threshold sweep: EN/AR link precision / recall / F1 of the gold at each threshold, with
   fusion.yaml's sentence encoder on and off.
2. Stress: the gold's Arabic results with structured fields knocked out the way Arabic
   extraction fails on unseen text (no actors, the province instead of the town, a
   neighbouring sub-type, no toll), alone and together; linking F1 with the encoder on / off.
   The gold itself is easy for the structured match (every pair scores >= 0.85), so this is
   where the encoder's evidence similarity shows what it adds.
Also prints the cosine of every gold pair's lead evidence against the non-pairs (the ramp's
floor / full in fusion.yaml are read off these).
"""

from __future__ import annotations

import json
import statistics
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from marsad.context import get_context
from marsad.evaluation.crosslingual import (
    gold_links,
    is_crosslingual_gold,
    link_scores,
    predicted_links,
)
from marsad.evaluation.incidents import DEFAULT_THRESHOLDS, lead_event, predicted_labels
from marsad.fusion.report import make_report
from marsad.fusion.semantic import EvidenceVectors
from marsad.fusion.settings import FusionSettings, load_fusion_settings
from marsad.model import DocumentResult, SourceDocument
from marsad.pipeline import process

GOLD = (Path(__file__).resolve().parents[1] / "tests" / "gold" / "crosslingual"
        / "crosslingual_gold.jsonl")
# A neighbouring sub-type, as a source reading the same incident differently would give it.
NEIGHBOUR = {"Air/drone strike": "Shelling/artillery/missile attack",
             "Shelling/artillery/missile attack": "Air/drone strike",
             "Armed clash": "Attack", "Attack": "Armed clash",
             "Remote explosive/landmine/IED": "Suicide bomb",
             "Suicide bomb": "Remote explosive/landmine/IED"}
STRESSES: tuple[tuple[str, ...], ...] = (
    (), ("actors",), ("place",), ("type",), ("toll",), ("actors", "type"),
    ("place", "type"), ("actors", "place", "type", "toll"))


def degrade(result: DocumentResult, kinds: Sequence[str]) -> DocumentResult:
    """Knock ``kinds`` of structured fields out of an Arabic result (English ones unchanged)."""
    if result.doc.language != "ar" or not kinds:
        return result
    events = []
    for event in result.events:
        update: dict[str, Any] = {}
        if "actors" in kinds:
            update.update(actor1=None, actor2=None, assoc_actors1=[], assoc_actors2=[])
        if "place" in kinds and event.location is not None:
            update["location"] = event.location.model_copy(update={
                "precision": 3, "lat": None, "lon": None,
                "name": event.location.admin1 or event.location.name})
        if "type" in kinds and event.sub_event_type in NEIGHBOUR:
            update["sub_event_type"] = NEIGHBOUR[event.sub_event_type]
        if "toll" in kinds:
            update["fatalities"] = None
        events.append(event.model_copy(update=update))
    return result.model_copy(update={"events": events})


def link_f1(records: list[dict[str, Any]], results: Sequence[DocumentResult],
            settings: FusionSettings) -> dict[str, float]:
    labels = predicted_labels(results, settings)
    return link_scores(gold_links(records), predicted_links(records, labels))


def cosines(records: list[dict[str, Any]], results: Sequence[DocumentResult]) -> None:
    """Print the lead-evidence cosine quartiles of gold pairs and of other EN/AR pairs."""
    vectors, leads = EvidenceVectors(), {}
    for record, result in zip(records, results, strict=True):
        event = lead_event(result)
        if event is not None:
            leads[str(record["id"])] = make_report(0, result.doc, event)
    gold = gold_links(records)
    pairs: dict[bool, list[float]] = {True: [], False: []}
    for english in (r for r in records if r["language"] == "en" and str(r["id"]) in leads):
        for arabic in (r for r in records if r["language"] == "ar" and str(r["id"]) in leads):
            key = (str(english["id"]), str(arabic["id"]))
            pairs[key in gold].append(vectors.cosine(leads[key[0]], leads[key[1]]))
    for linked, values in pairs.items():
        quartiles = [round(q, 3) for q in statistics.quantiles(values, n=4)]
        print(f"cosine of {'gold pairs' if linked else 'other pairs'} ({len(values)}): "
              f"min {min(values):.3f} quartiles {quartiles} max {max(values):.3f}")


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else GOLD
    records = [r for r in (json.loads(line) for line in path.read_text(encoding="utf-8")
                           .splitlines() if line.strip()) if is_crosslingual_gold(r)]
    ctx = get_context()
    results = [process(SourceDocument(id=str(r["id"]), outlet=r.get("outlet"),
                                      published=r.get("published"), title=r.get("title"),
                                      text=r["text"]), ctx) for r in records]
    on = load_fusion_settings().with_encoder(enabled=True)
    off = on.with_encoder(enabled=False)
    cosines(records, results)
    print("\nthreshold  F1_encoder_off  F1_encoder_on")
    for threshold in DEFAULT_THRESHOLDS:
        without = link_f1(records, results, off.with_threshold(threshold))["f1"]
        with_encoder = link_f1(records, results, on.with_threshold(threshold))["f1"]
        print(f"{threshold:9.3f}  {without:14.3f}  {with_encoder:13.3f}")
    print(f"\nstress (threshold {on.threshold})            encoder off P/R/F1   encoder on P/R/F1")
    for kinds in STRESSES:
        stressed = [degrade(result, kinds) for result in results]
        cells = []
        for settings in (off, on):
            s = link_f1(records, stressed, settings)
            cells.append(f"{s['precision']:.3f}/{s['recall']:.3f}/{s['f1']:.3f}")
        print(f"{'+'.join(kinds) or 'none':34s}  {cells[0]:20s} {cells[1]}")


if __name__ == "__main__":
    main()
