"""Score our sub-event types against CASE 2021 Task 2 snippet labels.

Our label for a snippet is the CASE code of the sub-event type of its most confident event
(ties: the first); no event is "NONE". The 5 non-ACLED codes (subtasks 2 and 3) are things we do
not code, so their correct answer is "NONE".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from marsad.errors import MarsadError
from marsad.evaluation.mappings import case2021_code, load_mappings
from marsad.evaluation.metrics import Confusion, classification_scores, ratio, top_confusions
from marsad.evaluation.report import EvalReport
from marsad.model import DocumentResult, Event

NO_EVENT = "NONE"

DEFINITIONS = {
    "predicted": "CASE code of the sub_event_type of the most confident event (ties: first); "
                 "no event = NONE",
    "subtask1": "the snippets with one of the 25 ACLED codes; macro over those 25 labels, micro "
                "counts NONE as an abstention",
    "all": "all snippets, the 5 non-ACLED codes scored as NONE; macro over 25 labels + NONE",
    "non_acled": "share of non-ACLED snippets for which we coded no event",
    "detection": "an event found (any type) vs the snippet having an ACLED label",
}


@dataclass(frozen=True)
class CaseRow:
    """One labelled snippet with its processed result."""

    record_id: str
    label: str
    result: DocumentResult


def most_confident(events: Sequence[Event]) -> Event | None:
    """The event with the highest confidence, the first one on ties."""
    best: Event | None = None
    for event in events:
        if best is None or event.confidence > best.confidence:
            best = event
    return best


def predicted_code(result: DocumentResult) -> str:
    """Our CASE code for a snippet."""
    event = most_confident(result.events)
    return case2021_code(event.sub_event_type if event else None)


def scored_gold(record_id: str, label: str) -> str:
    """The label we are scored against: the code itself, or NONE for a non-ACLED code."""
    mappings = load_mappings()
    if label in mappings.case2021_codes:
        return label
    if label in mappings.case2021_non_acled:
        return NO_EVENT
    raise MarsadError(f"CASE 2021 record {record_id}: unknown label {label!r}")


def _detection(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    pairs = list(zip(gold, predicted, strict=True))
    hits = sum(1 for g, p in pairs if g != NO_EVENT and p != NO_EVENT)
    precision = ratio(hits, sum(1 for _, p in pairs if p != NO_EVENT))
    recall = ratio(hits, sum(1 for g, _ in pairs if g != NO_EVENT))
    return {"precision": precision, "recall": recall,
            "f1": ratio(2 * precision * recall, precision + recall), "n": float(len(pairs))}


def _confusions(rows: Sequence[CaseRow], gold: Sequence[str],
                predicted: Sequence[str]) -> list[Confusion]:
    """Top mistakes, named by the original label (DIPLO -> ATTACK, not NONE -> ATTACK)."""
    wrong = [(row.label, p) for row, g, p in zip(rows, gold, predicted, strict=True) if g != p]
    return top_confusions("label", [w[0] for w in wrong], [w[1] for w in wrong], 15)


def score_case2021(rows: Sequence[CaseRow]) -> EvalReport:
    """Score CASE 2021 snippets (see the module docstring)."""
    codes = list(load_mappings().case2021_codes)
    gold = [scored_gold(row.record_id, row.label) for row in rows]
    predicted = [predicted_code(row.result) for row in rows]
    seen = [i for i, g in enumerate(gold) if g != NO_EVENT]
    unseen = [i for i, g in enumerate(gold) if g == NO_EVENT]
    subtask1, _ = classification_scores([gold[i] for i in seen], [predicted[i] for i in seen],
                                        codes)
    everything, table = classification_scores(gold, predicted, [*codes, NO_EVENT])
    non_acled = {"accuracy": ratio(sum(1 for i in unseen if predicted[i] == NO_EVENT),
                                   len(unseen)), "n": float(len(unseen))}
    return EvalReport(
        dataset="case2021",
        n_records=len(rows),
        n_documents=len(rows),
        fields={"subtask1": subtask1, "all": everything, "non_acled": non_acled,
                "detection": _detection(gold, predicted)},
        per_label={"case2021": table},
        confusions=_confusions(rows, gold, predicted),
        definitions=DEFINITIONS,
    )
