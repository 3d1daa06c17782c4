"""Score our events against MUC-4 answer-key templates (1988-90 Latin American terrorism news).

Coarse measures, because MUC-4 templates and ACLED events do not align one to one:
- relevance: a document with at least one event vs the key having an event template;
- incident type recall: a non-optional template counts as found when the document has an event
  whose sub-event type reports its ``INCIDENT: TYPE`` (``muc4_incident_types`` in
  ``eval_mappings.yaml``);
- incident country: the same, with the event placed in the template's country (the part of
  ``INCIDENT: LOCATION`` before the colon); and, the other way, the share of our placed events
  in documents with templates that lie in one of the templates' countries. The texts are wire
  copy in capitals from Latin America: a test of geocoding far from the Syrian data.
- perpetrator organisation: a template's ``PERP: ORGANIZATION ID`` is found when an event of a
  matching sub-event type names it as actor1 (or an associate of actor1): the actor's words in
  the text or its dictionary name hold the key's string or are held by it ("FMLN" in "FMLN
  guerrillas"); the key's alternatives ("THE EXTRADITABLES" / "EXTRADITABLES") all count. MUC's
  perpetrator is ACLED's initiator: a test of the role rules in news of another war.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.evaluation.mappings import load_mappings
from marsad.evaluation.metrics import f1, ratio
from marsad.evaluation.report import EvalReport
from marsad.model import DocumentResult, Event

DEFINITIONS = {
    "relevance": "document has >= 1 event vs the key has an event template (gold.relevant)",
    "relevance_incident": "the same, counting only events of a sub-event type that reports a "
                          "MUC-4 incident type (eval_mappings.yaml muc4_incident_types): an "
                          "Agreement, a peaceful protest or an arrest alone is no terrorist "
                          "incident",
    "incident_type": "share of non-optional templates whose INCIDENT: TYPE is reported by an event "
                     "of a matching sub-event type in the same document",
    "incident_country": "recall: share of non-optional templates with a country in INCIDENT: "
                        "LOCATION reported by an event of a matching sub-event type placed in "
                        "that country; precision: share of the placed events of documents with "
                        "such templates whose country is one of the templates'",
    "perpetrator_org": "recall: share of non-optional templates with a PERP: ORGANIZATION ID "
                       "named by actor1 (or an associate) of an event of a matching sub-event "
                       "type (the actor's text or name holds one of the key's strings or is "
                       "held by it, ignoring case and punctuation); precision: share of the "
                       "actor1s of such events, in documents with such templates, that name "
                       "one of the templates' organisations",
}


def template_countries(template: dict[str, Any]) -> set[str]:
    """The countries of a template's locations ("GUATEMALA: SANTO TOMAS (FARM)" -> guatemala)."""
    found = set()
    for value in template.get("INCIDENT: LOCATION") or []:
        country = str(value).split(":")[0].split("(")[0].strip().casefold()
        if country and country != "-":
            found.add(country)
    return found


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


def perpetrator_orgs(template: dict[str, Any]) -> list[str]:
    """The key's strings for the perpetrator organisation, every alternative of every filler
    (``"THE EXTRADITABLES" / "EXTRADITABLES"``), normalised; none for "-"."""
    return [_plain(text) for value in template.get("PERP: ORGANIZATION ID") or []
            for text in re.findall(r'"([^"]+)"', str(value)) if _plain(text)]


def _plain(text: str) -> str:
    """Lower case, letters and digits only, single spaces: "M-19" -> "m 19"."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def names_one_of(words: Sequence[str], phrases: Sequence[str]) -> bool:
    """Whether an actor's ``words`` (its text in the document and its dictionary name) hold one
    of the key's ``phrases`` or are held by one (whole words)."""
    for word in (_plain(w) for w in words if w):
        for phrase in phrases:
            if word and (f" {phrase} " in f" {word} " or f" {word} " in f" {phrase} "):
                return True
    return False


def _initiators(event: Event) -> list[list[str]]:
    """The text and name of an event's actor1 and of each of its associates."""
    return [[actor.text or "", actor.name] for actor in
            ([event.actor1] if event.actor1 is not None else []) + list(event.assoc_actors1)]


def _relevance(relevant: list[bool], answered: list[bool]) -> dict[str, float]:
    """Accuracy, precision, recall and F1 of documents answered relevant."""
    hits = sum(1 for g, p in zip(relevant, answered, strict=True) if g and p)
    precision, recall = ratio(hits, sum(answered)), ratio(hits, sum(relevant))
    return {"accuracy": ratio(sum(1 for g, p in zip(relevant, answered, strict=True) if g == p),
                              len(relevant)),
            "precision": precision, "recall": recall, "f1": f1(precision, recall),
            "n": float(len(relevant))}


def score_muc4(rows: Sequence[MucRow]) -> EvalReport:
    """Relevance P/R/F1 and incident-type recall, with per-type recall."""
    relevant = [bool(row.gold.get("relevant")) for row in rows]
    answered = [bool(row.result.events) for row in rows]
    reporting = set().union(*load_mappings().muc4_incident_types.values())
    incidents = [any(e.sub_event_type in reporting for e in row.result.events) for row in rows]
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
        fields={"relevance": _relevance(relevant, answered),
                "relevance_incident": _relevance(relevant, incidents),
                "incident_type": {"recall": ratio(found, total), "n": float(total)},
                "incident_country": _country_scores(rows),
                "perpetrator_org": _perpetrator_scores(rows, reporting)},
        per_label={"incident_type_recall": table},
        definitions=DEFINITIONS,
    )


def _scored_templates(row: MucRow, has: Callable[[dict[str, Any]], Any]) -> list[dict[str, Any]]:
    """The row's non-optional templates with an incident type for which ``has`` holds."""
    return [t for t in row.gold.get("templates") or []
            if not is_optional(t) and incident_types(t) and has(t)]


def _country_scores(rows: Sequence[MucRow]) -> dict[str, float]:
    """Incident country: templates placed in their country by an event of their type, and
    the share of placed events that lie in one of the templates' countries."""
    placed_hits = placed_total = country_hits = country_total = 0
    for row in rows:
        templates = _scored_templates(row, template_countries)
        if not templates:
            continue
        events = [(e.sub_event_type, (e.location.country or "").casefold())
                  for e in row.result.events if e.location is not None]
        wanted = set().union(*(template_countries(t) for t in templates))
        placed_total += len(events)
        placed_hits += sum(country in wanted for _sub, country in events)
        for template in templates:
            country_total += 1
            country_hits += any(country in template_countries(template)
                                and template_found(template, {sub}) for sub, country in events)
    return {"recall": ratio(country_hits, country_total),
            "precision": ratio(placed_hits, placed_total), "n": float(country_total)}


def _perpetrator_scores(rows: Sequence[MucRow], reporting: set[str]) -> dict[str, float]:
    """Perpetrator organisation: templates whose organisation actor1 of an event of their
    type names, and the share of such events' actor1s that name one of the templates'."""
    perp_hits = perp_total = named_hits = named_total = 0
    for row in rows:
        templates = _scored_templates(row, perpetrator_orgs)
        if not templates:
            continue
        orgs = [perpetrator_orgs(t) for t in templates]
        everyone = [o for some in orgs for o in some]
        initiators = [(event, _initiators(event)) for event in row.result.events]
        for event, named in initiators:
            if event.sub_event_type in reporting and event.actor1 is not None:
                named_total += 1
                named_hits += names_one_of(named[0], everyone)
        for template, its_orgs in zip(templates, orgs, strict=True):
            perp_total += 1
            perp_hits += any(template_found(template, {event.sub_event_type})
                             and any(names_one_of(words, its_orgs) for words in named)
                             for event, named in initiators)
    return {"recall": ratio(perp_hits, perp_total),
            "precision": ratio(named_hits, named_total), "n": float(perp_total)}
