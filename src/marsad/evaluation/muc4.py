"""Score our events against MUC-4 answer-key templates (1988-90 Latin American terrorism news).

Two coarse measures, because MUC-4 templates and ACLED events do not align one to one:
- relevance: a document with at least one event vs the key having an event template;
- incident type recall: a non-optional template counts as found when the document has an event
  whose sub-event type reports its ``INCIDENT: TYPE`` (``muc4_incident_types`` in
  ``eval_mappings.yaml``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.evaluation.mappings import load_mappings
from marsad.evaluation.metrics import f1, ratio
from marsad.evaluation.report import EvalReport
from marsad.model import DocumentResult

DEFINITIONS = {
    "relevance": "document has >= 1 event vs the key has an event template (gold.relevant)",
    "incident_type": "share of non-optional templates whose INCIDENT: TYPE is reported by an event "
                     "of a matching sub-event type in the same document",
}


@dataclass(frozen=True)
class MucRow:
    """One MUC-4 document's gold with its processed result."""

    record_id: str
    gold: dict[str, Any]
    result: DocumentResult


def incident_types(template: dict[str, Any]) -> list[str]:
    """The incident types of a template ("BOMBING / ATTACK" gives both)."""
    values = template.get("INCIDENT: TYPE") or []
    return [part.strip() for value in values for part in str(value).split("/") if part.strip()]


def is_optional(template: dict[str, Any]) -> bool:
    """Whether the key marks the template OPTIONAL (not counted in recall)."""
    return any("OPTIONAL" in str(value) for value in template.get("MESSAGE: TEMPLATE") or [])


def template_found(template: dict[str, Any], sub_event_types: set[str]) -> bool:
    """Whether any of our sub-event types reports one of the template's incident types."""
    accepted = load_mappings().muc4_incident_types
    return any(sub in accepted.get(kind, ()) for kind in incident_types(template)
               for sub in sub_event_types)


def score_muc4(rows: Sequence[MucRow]) -> EvalReport:
    """Relevance P/R/F1 and incident-type recall, with per-type recall."""
    relevant = [bool(row.gold.get("relevant")) for row in rows]
    answered = [bool(row.result.events) for row in rows]
    hits = sum(1 for g, p in zip(relevant, answered, strict=True) if g and p)
    precision, recall = ratio(hits, sum(answered)), ratio(hits, sum(relevant))
    per_type: dict[str, list[int]] = {}
    for row in rows:
        ours = {event.sub_event_type for event in row.result.events}
        for template in row.gold.get("templates") or []:
            if is_optional(template) or not incident_types(template):
                continue
            counts = per_type.setdefault(" / ".join(incident_types(template)), [0, 0])
            counts[0] += int(template_found(template, ours))
            counts[1] += 1
    found, total = sum(c[0] for c in per_type.values()), sum(c[1] for c in per_type.values())
    table = {kind: {"recall": ratio(c[0], c[1]), "support": float(c[1])}
             for kind, c in sorted(per_type.items())}
    return EvalReport(
        dataset="muc4", n_records=len(rows), n_documents=len(rows),
        fields={"relevance": {"accuracy": ratio(sum(1 for g, p in zip(relevant, answered,
                                                                      strict=True) if g == p),
                                                len(rows)),
                              "precision": precision, "recall": recall,
                              "f1": f1(precision, recall), "n": float(len(rows))},
                "incident_type": {"recall": ratio(found, total), "n": float(total)}},
        per_label={"incident_type_recall": table},
        definitions=DEFINITIONS,
    )
