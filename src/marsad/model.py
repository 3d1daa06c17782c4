"""Pydantic models of the marsad output contract (``../shared/SCHEMA.md``, ``marsad/1``).

Why pydantic: the JSON lines we emit are a public API read by other tools, so the same
classes validate what we write, what we read back from the store and what users pass in.
Field names follow the contract exactly; extensions are added, never renamed.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

SCHEMA_VERSION = "marsad/1"

CharSpan = tuple[int, int]
"""``[start, end)`` character offsets into ``doc.text``."""

PublishedSource = Literal["given", "metadata", "inferred", "unknown"]
DroppedKind = Literal["caption", "boilerplate", "appeal", "duplicate-line", "link"]
DateAnchor = Literal["published", "claim", "explicit", "campaign", "context"]
SourceKind = Literal["partisan", "official", "media", "ngo", "local", "unnamed"]
Victims = Literal["actor1", "actor2", "civilians", "unknown"]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class SourceDocument(_Model):
    """One input document as a reader found it, before cleaning (the input contract).

    ``origin`` names the file and record it came from, for error messages.
    """

    id: str | None = None
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    language: str | None = None
    text: str | None = None
    html: str | None = None
    origin: str = "<input>"

    @model_validator(mode="after")
    def _needs_body(self) -> SourceDocument:
        if not (self.text or self.html):
            raise ValueError("a document needs 'text' or 'html'")
        return self


class Dropped(_Model):
    """A block removed by cleaning; kept so an analyst can see what we threw away."""

    kind: DroppedKind
    char_count: int
    text: str = ""


class Document(_Model):
    """A cleaned document: every ``char_span`` of its events indexes ``text``."""

    id: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_source: PublishedSource = "unknown"
    language: str = "en"
    text: str
    content_hash: str = ""
    dropped: list[Dropped] = Field(default_factory=list)


class TextSpan(_Model):
    text: str
    char_span: CharSpan


class DateRange(_Model):
    start: dt.date
    end: dt.date
    precision: Literal[1, 2, 3]
    text: str | None = None
    char_span: CharSpan | None = None
    anchor: DateAnchor = "published"

    @model_validator(mode="after")
    def _ordered(self) -> DateRange:
        if self.start > self.end:
            raise ValueError(f"date start {self.start} is after end {self.end}")
        return self


class Location(_Model):
    name: str
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    admin3: str | None = None
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    geonameid: int | None = None
    precision: Literal[1, 2, 3] = 1
    text: str | None = None
    char_span: CharSpan | None = None
    feature: str | None = None
    """Extension: gazetteer feature kind (city, neighbourhood, camp, admin1, country...)."""
    offset_km: float | None = Field(default=None, ge=0)
    """Extension: the stated distance of the event from this place ("30 km east of X": 30.0).
    The coordinates stay the place's (ACLED codes the anchor); ``precision`` says how near."""
    bearing: str | None = None
    """Extension: compass direction of the event from this place ("east of X": "E")."""


class Actor(_Model):
    name: str
    inter: int = Field(ge=0, le=8)
    text: str | None = None
    char_span: CharSpan | None = None


class Casualties(_Model):
    low: int = Field(ge=0)
    best: int = Field(ge=0)
    high: int = Field(ge=0)
    text: str | None = None
    char_span: CharSpan | None = None
    victims: Victims = "unknown"
    aggregate: bool = False
    names: list[str] = Field(default_factory=list)
    """Extension: named individuals counted (one each)."""
    children: int | None = Field(default=None, ge=0)
    """Extension: how many of the counted are children, when the text says so ("including
    three children"); a part of ``best``, never added to it. None: not stated."""
    women: int | None = Field(default=None, ge=0)
    """Extension: how many of the counted are women, when the text says so; a part of
    ``best``, never added to it. None: not stated."""
    civilians: int | None = Field(default=None, ge=0)
    """Extension: how many of the counted are civilians when the text tells them apart from
    fighters ("killed 31 jihadists and eight civilians": ``victims`` is "unknown", best 39,
    civilians 8, the rest fighters of actor1 or actor2), as UCDP's deaths_civilians; a part of
    ``best``. None: the dead are of one kind (see ``victims``) or some are not told."""

    @model_validator(mode="after")
    def _ordered(self) -> Casualties:
        if not self.low <= self.best <= self.high:
            raise ValueError(f"need low <= best <= high, got {self.low}/{self.best}/{self.high}")
        if self.civilians is not None and self.civilians > self.best:
            raise ValueError(f"civilians {self.civilians} is more than best {self.best}")
        return self


class Relay(_Model):
    source: str
    cue: str


class Claim(_Model):
    """Who says an event happened (an entry of ``attribution``)."""

    source: str
    source_kind: SourceKind = "media"
    affiliation: str | None = None
    cue: str = "reported"
    hedged: bool = False
    date: dt.date | None = None
    text: str | None = None
    char_span: CharSpan | None = None
    via: list[Relay] = Field(default_factory=list)
    source_type: str | None = None
    """Extension: the outlet registry's finer kind (state media, monitor, ...; unknown)."""
    contested: bool = False
    """Extension: another source in the text denies or contradicts this claim."""
    fatalities: Casualties | None = None
    """Extension: the death toll THIS claimant gives for the event (its own low/best/high and
    span), so that conflicting counts from two sources stay separate claims; the event's
    ``fatalities`` spans them (low = min, high = max over claims). None: no toll stated."""
    injuries: Casualties | None = None
    """Extension: the injured figure THIS claimant gives for the event, kept like
    ``fatalities``. None: no figure stated."""


class Event(_Model):
    event_id: str
    disorder_type: str
    event_type: str
    sub_event_type: str
    trigger: TextSpan
    evidence: TextSpan
    date: DateRange | None = None
    location: Location | None = None
    actor1: Actor | None = None
    assoc_actors1: list[Actor] = Field(default_factory=list)
    actor2: Actor | None = None
    assoc_actors2: list[Actor] = Field(default_factory=list)
    fatalities: Casualties | None = None
    injuries: Casualties | None = None
    attribution: list[Claim] = Field(default_factory=list)
    notes: str = ""
    confidence: float = Field(default=0.5, ge=0, le=1)
    mentions: list[TextSpan] = Field(default_factory=list)
    """Extension: further sentences of the article that report this same event (ACLED codes
    one event per type, place and day; each repeat keeps its evidence here)."""
    typed_by: Literal["rules", "classifier"] = "rules"
    """Extension: what decided ``sub_event_type``: the trigger rules (the trigger span is the
    evidence), or the learned classifier overriding them (``marsad.learned.typing``)."""


class DocumentResult(_Model):
    """What ``process()`` returns for one document: one line of ``marsad extract``."""

    schema_: str = Field(default=SCHEMA_VERSION, alias="schema")
    doc: Document
    events: list[Event] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def to_json(self) -> str:
        return self.model_dump_json(by_alias=True)

    def spans(self) -> list[TextSpan | Location | Actor | Casualties | Claim | DateRange]:
        """Every object of this result that carries a ``char_span`` (for span checks)."""
        found: list[TextSpan | Location | Actor | Casualties | Claim | DateRange] = []
        for event in self.events:
            found += [event.trigger, event.evidence]
            for value in (event.date, event.location, event.actor1, event.actor2,
                          event.fatalities, event.injuries):
                if value is not None:
                    found.append(value)
            found += [*event.assoc_actors1, *event.assoc_actors2, *event.attribution,
                      *event.mentions]
            found += [c.fatalities for c in event.attribution if c.fatalities is not None]
            found += [c.injuries for c in event.attribution if c.injuries is not None]
        return found


def span_mismatches(result: DocumentResult) -> list[str]:
    """List every span of ``result`` whose text is not ``doc.text[start:end]``."""
    text = result.doc.text
    problems = []
    for item in result.spans():
        span = item.char_span
        quoted = getattr(item, "text", None)
        if span is None:
            continue
        start, end = span
        in_range = 0 <= start <= end <= len(text)
        if not in_range or (quoted is not None and text[start:end] != quoted):
            problems.append(f"{type(item).__name__} span {span!r} does not match {quoted!r}")
    return problems
