"""Build an ``Incident`` record from a cluster of reports: consensus, claims, disagreements.

Consensus values are votes of independent sources (a relayed claim votes once); the claims
table keeps every member's attribution with its own figures, so nothing is averaged away.
Spans are dropped from the consensus fields: they point into one document, not the incident.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

from marsad.fusion.cluster import Cluster
from marsad.fusion.grade import OWN_REPORTING_KINDS, SourceClaim, estimate_fatalities, grade
from marsad.fusion.model import (
    Disagreement,
    DisagreementValue,
    Incident,
    IncidentClaim,
    IncidentMember,
)
from marsad.fusion.report import Report, origin
from marsad.fusion.settings import FusionSettings
from marsad.model import Actor, DateRange, Location

T = TypeVar("T", bound=Hashable)


def source_of(report: Report) -> str:
    """The independent source of a report (unnamed claimants fold into the outlet)."""
    if report.source_kind in OWN_REPORTING_KINDS and report.doc.outlet:
        return report.doc.outlet
    return report.source


def source_claims(members: Sequence[Report]) -> list[SourceClaim]:
    """One ``SourceClaim`` per independent source; a source's latest report wins (tolls rise)."""
    latest: dict[str, Report] = {}
    for report in sorted(_document_voices(members),
                         key=lambda r: (r.doc.published or dt.date.min, r.order)):
        latest[source_of(report).casefold()] = report
    claims = []
    for report in latest.values():
        deaths = report.event.fatalities
        counted = deaths is not None and not deaths.aggregate
        claims.append(SourceClaim(
            source=source_of(report), kind=report.source_kind, affiliation=report.affiliation,
            low=deaths.low if counted and deaths else None,
            best=deaths.best if counted and deaths else None,
            high=deaths.high if counted and deaths else None,
            actor1=report.event.actor1.name if report.event.actor1 else None))
    return claims


def _document_voices(members: Sequence[Report]) -> list[Report]:
    """One report per document and source: the first that gives a toll, else the first.

    A document restating its own report (``cluster`` keeps restatements in the incident)
    says one thing once; its later sentence must not replace its toll with "no toll".
    """
    chosen: dict[tuple[str, str], Report] = {}
    for report in members:
        key = (report.doc_id, source_of(report).casefold())
        held = chosen.get(key)
        if held is None or (_counted(report) and not _counted(held)):
            chosen[key] = report
    return list(chosen.values())


def _counted(report: Report) -> bool:
    deaths = report.event.fatalities
    return deaths is not None and not deaths.aggregate


def build_incident(cluster: Cluster, settings: FusionSettings) -> Incident:
    """Return the incident record of ``cluster``."""
    members = cluster.members
    claims = source_claims(members)
    sub_event_type = _vote(members, lambda r: r.sub_event_type)
    typed = next(r for r in members if r.sub_event_type == sub_event_type).event
    incident = Incident(
        incident_id=cluster.incident_id, disorder_type=typed.disorder_type,
        event_type=typed.event_type, sub_event_type=sub_event_type,
        date=_consensus_date(members), location=_consensus_location(members),
        actor1=_consensus_actor(members, "actor1"), actor2=_consensus_actor(members, "actor2"),
        fatalities=estimate_fatalities(claims), grade=grade(claims, settings),
        sources=sorted({claim.source for claim in claims}),
        members=[_member(report, score) for report, score in zip(members, cluster.scores,
                                                                 strict=True)],
        claims=[claim for report in members for claim in _claims(report)],
        disagreements=disagreements(members))
    return incident.model_copy(update={"notes": _notes(incident)})


def disagreements(members: Sequence[Report]) -> list[Disagreement]:
    """List the fields on which sources differ, each value with the sources that give it."""
    found = []
    tolls: dict[tuple[int, bool], set[str]] = defaultdict(set)
    for report in members:
        deaths = report.event.fatalities
        if deaths is not None:
            tolls[(deaths.best, deaths.aggregate)].add(source_of(report))
    if len(tolls) > 1:
        values = [DisagreementValue(value=value, aggregate=aggregate, sources=sorted(sources))
                  for (value, aggregate), sources in sorted(tolls.items())]
        found.append(_disagreement("fatalities", values))
    fields: list[tuple[str, Callable[[Report], str | None]]] = [
        ("sub_event_type", lambda r: r.sub_event_type),
        ("actor1", lambda r: r.event.actor1.name if r.event.actor1 else None),
        ("date", lambda r: r.event.date.start.isoformat()
         if r.event.date and r.event.date.precision == 1 else None),
        ("location", lambda r: r.event.location.name
         if r.event.location and r.event.location.precision == 1 else None),
    ]
    for name, read in fields:
        by_value: dict[str, set[str]] = defaultdict(set)
        for report in members:
            value = read(report)
            if value is not None:
                by_value[value].add(source_of(report))
        if len(by_value) > 1:
            found.append(_disagreement(name, [DisagreementValue(value=value, sources=sorted(s))
                                              for value, s in sorted(by_value.items())]))
    return found


def _disagreement(field: str, values: list[DisagreementValue]) -> Disagreement:
    shown = " vs ".join(f"{value.value}{' aggregate' if value.aggregate else ''} per "
                        f"{', '.join(value.sources)}" for value in values)
    return Disagreement(field=field, values=values, summary=f"{field}: {shown}")


def _vote(members: Sequence[Report], read: Callable[[Report], T]) -> T:
    """The value most independent sources give; ties go to the earliest member's value."""
    voters: dict[T, set[str]] = defaultdict(set)
    for report in members:
        voters[read(report)].add(source_of(report).casefold())
    first_seen = {value: index for index, value in reversed(list(enumerate(
        read(report) for report in members)))}
    return max(voters, key=lambda value: (len(voters[value]), -first_seen[value]))


def _consensus_date(members: Sequence[Report]) -> DateRange | None:
    """Intersect the most precise members' ranges; if they do not meet, take the vote."""
    dated = [r.event.date for r in members if r.event.date is not None]
    if not dated:
        return None
    finest = min(date.precision for date in dated)
    ranges = [date for date in dated if date.precision == finest]
    start, end = max(d.start for d in ranges), min(d.end for d in ranges)
    if start <= end:
        return DateRange(start=start, end=end, precision=finest, anchor=ranges[0].anchor)
    chosen = _vote([r for r in members if r.event.date in ranges],
                   lambda r: (r.event.date.start, r.event.date.end) if r.event.date else None)
    assert chosen is not None
    return DateRange(start=chosen[0], end=chosen[1], precision=finest, anchor="explicit")


def _consensus_location(members: Sequence[Report]) -> Location | None:
    placed = [r for r in members if r.event.location is not None]
    if not placed:
        return None
    finest = min(r.geo_precision for r in placed)
    name = _vote([r for r in placed if r.geo_precision == finest],
                 lambda r: r.event.location.name if r.event.location else "")
    chosen = next(r.event.location for r in placed
                  if r.event.location is not None and r.event.location.name == name)
    assert chosen is not None
    return chosen.model_copy(update={"text": None, "char_span": None})


def _consensus_actor(members: Sequence[Report], side: str) -> Actor | None:
    named = [r for r in members if getattr(r.event, side) is not None]
    if not named:
        return None
    name = _vote(named, lambda r: getattr(r.event, side).name)
    actor: Actor = next(getattr(r.event, side) for r in named
                        if getattr(r.event, side).name == name)
    return Actor(name=actor.name, inter=actor.inter)


def _member(report: Report, score: float) -> IncidentMember:
    return IncidentMember(event_id=report.event_id, doc_id=report.doc_id,
                          source=source_of(report), outlet=report.doc.outlet,
                          published=report.doc.published, sub_event_type=report.sub_event_type,
                          fatalities=report.event.fatalities, score=min(1.0, max(0.0, score)))


def _claims(report: Report) -> list[IncidentClaim]:
    event = report.event
    deaths, place = event.fatalities, event.location
    attribution = event.attribution or [origin(report.doc, event)]
    return [IncidentClaim(
        event_id=event.event_id, doc_id=report.doc_id, source=claim.source,
        source_kind=claim.source_kind, affiliation=claim.affiliation, cue=claim.cue,
        hedged=claim.hedged, date=event.date.start if event.date else claim.date,
        place=place.name if place else None, sub_event_type=event.sub_event_type,
        actor1=event.actor1.name if event.actor1 else None,
        fatalities_low=deaths.low if deaths else None,
        fatalities_best=deaths.best if deaths else None,
        fatalities_high=deaths.high if deaths else None,
        aggregate=deaths.aggregate if deaths else False, via=list(claim.via))
        for claim in attribution]


def _notes(incident: Incident) -> str:
    """One ACLED-style line: what, where, when, how many reports and sources."""
    where = incident.location.name if incident.location else "an unknown place"
    when = incident.date.start.isoformat() if incident.date else "an unknown date"
    toll = ""
    if incident.fatalities is not None:
        deaths = incident.fatalities
        toll = (f"; fatalities {deaths.best}" if deaths.low == deaths.high
                else f"; fatalities {deaths.low}-{deaths.high} (best {deaths.best})")
    return (f"{incident.sub_event_type} in {where} on {when}: {len(incident.members)} reports "
            f"from {len(incident.sources)} independent sources ({incident.grade}){toll}.")


__all__ = ["build_incident", "disagreements", "source_claims", "source_of"]
