"""Score the places and actors of our events against re3d's Location/Organisation entities.

re3d annotates every mention, not events, so only recall is meaningful as a target: how many
distinct gold names of a document our events quote. Matching is by text, not offsets, because
cleaning may change ``doc.text``: a gold name matches one of our span texts when, after folding
case and punctuation, one contains the other. Precision is reported for information (our actor
spans are often re3d Nationality entities such as "Syrian").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.evaluation.metrics import f1, ratio
from marsad.evaluation.report import EvalReport
from marsad.model import DocumentResult

MIN_CONFIDENCE = 0.5
"""README: score against annotations with IBCC confidence >= 0.5 (the others are candidates)."""

DEFINITIONS = {
    "Location": "distinct gold Location names (confidence >= 0.5) quoted by our event locations",
    "Organisation": "distinct gold Organisation names quoted by our actor1/actor2/associated "
                    "actors",
}


@dataclass(frozen=True)
class Re3dRow:
    """One re3d document's entity list with its processed result."""

    record_id: str
    entities: list[dict[str, Any]]
    result: DocumentResult


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def gold_names(entities: Sequence[dict[str, Any]], kind: str) -> set[str]:
    """Distinct folded names of one entity type at or above the confidence threshold."""
    return {_fold(str(e.get("value", ""))) for e in entities
            if e.get("type") == kind and float(e.get("confidence", 0)) >= MIN_CONFIDENCE} - {""}


def predicted_names(result: DocumentResult, kind: str) -> set[str]:
    """Distinct folded span texts of our places ("Location") or actors ("Organisation")."""
    texts: list[str | None] = []
    for event in result.events:
        if kind == "Location":
            texts.append(event.location.text if event.location else None)
        else:
            actors = [event.actor1, event.actor2, *event.assoc_actors1, *event.assoc_actors2]
            texts += [actor.text for actor in actors if actor is not None]
    return {_fold(text) for text in texts if text} - {""}


def _matches(name: str, others: set[str]) -> bool:
    """Whole-word containment either way ("the yarmouk camp" ~ "yarmouk camp", "us" !~ "russia")."""
    padded = f" {name} "
    return any(padded in f" {other} " or f" {other} " in padded for other in others)


def score_re3d(rows: Sequence[Re3dRow]) -> EvalReport:
    """Recall (and informative precision) of gold Location/Organisation names per document."""
    fields: dict[str, dict[str, float]] = {}
    for kind in ("Location", "Organisation"):
        found = total = correct = predicted = 0
        for row in rows:
            gold = gold_names(row.entities, kind)
            ours = predicted_names(row.result, kind)
            total += len(gold)
            found += sum(1 for name in gold if _matches(name, ours))
            predicted += len(ours)
            correct += sum(1 for name in ours if _matches(name, gold))
        precision, recall = ratio(correct, predicted), ratio(found, total)
        fields[kind] = {"recall": recall, "precision": precision, "f1": f1(precision, recall),
                        "n_gold": float(total), "n_predicted": float(predicted)}
    return EvalReport(dataset="re3d", n_records=len(rows), n_documents=len(rows),
                      fields=fields, definitions=DEFINITIONS)
