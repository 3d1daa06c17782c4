"""The fusion view of one stored event: the fields blocking and scoring compare, precomputed.

Why a separate, flat record: fusing 50,000 events compares many pairs, so dates become day
numbers, names become sets and the evidence is normalised once, not per comparison.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.model import Claim, Document, Event

UNKNOWN_ACTOR_INTER = 0
# Civilians (ACLED inter 7) are named by nearly every report of a strike: no evidence.
DEFAULT_VICTIM_INTERS = frozenset({7})
ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")
LATIN_LETTER = re.compile(r"[A-Za-z]")


@dataclass(frozen=True, slots=True)
class Report:
    """One event of one document as fusion sees it; ``order`` is the ingest order."""

    order: int
    doc: Document
    event: Event
    start: int | None
    end: int | None
    date_precision: int
    lat: float | None
    lon: float | None
    geo_precision: int
    admin1: str | None
    iso3: str | None
    actors: frozenset[str]
    deaths: int | None
    evidence: str
    script: str
    source: str
    source_kind: str
    affiliation: str | None

    @property
    def event_id(self) -> str:
        return self.event.event_id

    @property
    def doc_id(self) -> str:
        return self.doc.id

    @property
    def sub_event_type(self) -> str:
        return self.event.sub_event_type


def origin(doc: Document, event: Event) -> Claim:
    """Return the claim that says who originally reported ``event`` (relays are not sources).

    The innermost claimant is the source; ``via`` holds the outlets that only pass it on.
    An event without attribution is the publishing outlet's own report.
    """
    if event.attribution:
        return event.attribution[0]
    return Claim(source=doc.outlet or doc.id, source_kind="media", cue="reported")


def evidence_script(text: str) -> str:
    """"arabic" or "latin": the script most letters of ``text`` are written in.

    Why the script and not ``Document.language``: stored incidents are reloaded without the
    document, and what text similarity compares is this very string.
    """
    return "arabic" if len(ARABIC_LETTER.findall(text)) > len(LATIN_LETTER.findall(text)) \
        else "latin"


def make_report(order: int, doc: Document, event: Event,
                victim_inters: frozenset[int] = DEFAULT_VICTIM_INTERS) -> Report:
    """Flatten ``event`` of ``doc`` into a ``Report``.

    Actors whose inter code is in ``victim_inters`` (``fusion.yaml``) are left out of the
    compared actors: sharing them says nothing about being one incident.
    """
    date, place, deaths = event.date, event.location, event.fatalities
    actors = frozenset(actor.name for actor in (event.actor1, event.actor2, *event.assoc_actors1,
                                                *event.assoc_actors2)
                       if actor is not None and actor.inter != UNKNOWN_ACTOR_INTER
                       and actor.inter not in victim_inters)
    evidence = " ".join(event.evidence.text.casefold().split())
    claim = origin(doc, event)
    return Report(
        order=order, doc=doc, event=event,
        start=date.start.toordinal() if date else None,
        end=date.end.toordinal() if date else None,
        date_precision=date.precision if date else 3,
        lat=place.lat if place else None, lon=place.lon if place else None,
        geo_precision=place.precision if place else 3,
        admin1=place.admin1 if place else None, iso3=place.iso3 if place else None,
        actors=actors,
        deaths=deaths.best if deaths is not None and not deaths.aggregate else None,
        evidence=evidence, script=evidence_script(evidence),
        source=claim.source, source_kind=claim.source_kind, affiliation=claim.affiliation)
