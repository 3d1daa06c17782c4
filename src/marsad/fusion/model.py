"""Pydantic models of an incident: one real-world event and every report of it.

Why separate from ``marsad.model``: an incident is built from many documents' events after
extraction, so it is its own record in the contract (``SCHEMA.md``, "Incidents"). Every claim
keeps who made it, so an analyst sees the disagreements side by side instead of one number.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from marsad.model import SCHEMA_VERSION, Actor, Casualties, DateRange, Location, Relay

Grade = Literal["single-source", "contested", "corroborated", "confirmed"]
GRADES: tuple[Grade, ...] = ("single-source", "contested", "corroborated", "confirmed")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class FatalityEstimate(_Model):
    """The incident's toll (UCDP low / best / high), never a sum over reports of one death."""

    low: int = Field(ge=0)
    best: int = Field(ge=0)
    high: int = Field(ge=0)


class IncidentMember(_Model):
    """One stored event that reports this incident."""

    event_id: str
    doc_id: str
    source: str
    """Who says so: the innermost claimant of the event's first claim (else the outlet)."""
    outlet: str | None = None
    published: dt.date | None = None
    sub_event_type: str
    fatalities: Casualties | None = None
    score: float = Field(default=1.0, ge=0, le=1)
    """Match score with which the member joined (1 for the incident's first member)."""


class IncidentClaim(_Model):
    """A row of the claims table: one claimant's version of the incident."""

    event_id: str
    doc_id: str
    source: str
    source_kind: str
    affiliation: str | None = None
    cue: str
    hedged: bool
    date: dt.date | None = None
    place: str | None = None
    sub_event_type: str
    actor1: str | None = None
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    aggregate: bool = False
    via: list[Relay] = Field(default_factory=list)


class DisagreementValue(_Model):
    value: str | int
    sources: list[str]
    aggregate: bool = False


class Disagreement(_Model):
    """Sources that say different things about one field, e.g. the death toll."""

    field: str
    values: list[DisagreementValue]
    summary: str
    """One line for analysts: "fatalities: 30 per Amaaq News Agency vs 500 aggregate per ..."."""


class Incident(_Model):
    """One real-world event fused from the reports of several documents."""

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    incident_id: str
    disorder_type: str
    event_type: str
    sub_event_type: str
    date: DateRange | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    fatalities: FatalityEstimate | None = None
    grade: Grade
    sources: list[str] = Field(default_factory=list)
    """Independent originating sources (relays folded into the source they relay)."""
    members: list[IncidentMember]
    claims: list[IncidentClaim] = Field(default_factory=list)
    disagreements: list[Disagreement] = Field(default_factory=list)
    notes: str = ""

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)
