"""Hand-built, fully valid ``DocumentResult``s for the export tests (spans index the text)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad.model import (
    Actor,
    Casualties,
    Claim,
    DateRange,
    Document,
    DocumentResult,
    Event,
    Location,
    TextSpan,
)

TEXT = (
    "Regime warplanes struck the Yarmouk camp on Monday 7 May, killing 30 civilians, "
    "the Syrian Observatory for Human Rights said.\n\n"
    "ISIS reportedly claimed it killed 12 regime soldiers in clashes in al-Hajar al-Aswad "
    "during the week.\n\n"
    "Since the start of the campaign, 200 people have been killed."
)

REGIME = "Military Forces of Syria (2000-)"


def span(phrase: str) -> TextSpan:
    """Return the span of the first ``phrase`` in ``TEXT``."""
    start = TEXT.index(phrase)
    return TextSpan(text=phrase, char_span=(start, start + len(phrase)))


def airstrike(**changes: Any) -> Event:
    """An air strike on civilians in Yarmouk Camp, with coordinates, told by an NGO."""
    observatory = span("the Syrian Observatory for Human Rights said")
    fields: dict[str, Any] = {
        "event_id": "ev-strike", "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "trigger": span("struck"),
        "evidence": span("Regime warplanes struck the Yarmouk camp on Monday 7 May"),
        "date": DateRange(start=dt.date(2018, 5, 7), end=dt.date(2018, 5, 7), precision=1,
                          text="Monday 7 May", char_span=span("Monday 7 May").char_span,
                          anchor="explicit"),
        "location": Location(name="Yarmouk Camp", country="Syria", iso3="SYR",
                             admin1="Damascus", admin2="Damascus", lat=33.4699, lon=36.3018,
                             geonameid=166716, precision=1, text="Yarmouk camp",
                             char_span=span("Yarmouk camp").char_span, feature="camp"),
        "actor1": Actor(name=REGIME, inter=1, text="Regime warplanes",
                        char_span=span("Regime warplanes").char_span),
        "actor2": Actor(name="Civilians (Syria)", inter=7),
        "fatalities": Casualties(low=30, best=30, high=30, text="killing 30 civilians",
                                 char_span=span("killing 30 civilians").char_span,
                                 victims="civilians"),
        "attribution": [Claim(source="Syrian Observatory for Human Rights", source_kind="ngo",
                              cue="said", text=observatory.text,
                              char_span=observatory.char_span)],
        "notes": "Regime warplanes struck Yarmouk camp, killing 30 civilians.",
        "confidence": 0.9,
    }
    return Event(**{**fields, **changes})


def clash(**changes: Any) -> Event:
    """A claimed clash over a week's range, placed without coordinates."""
    fields: dict[str, Any] = {
        "event_id": "ev-clash", "disorder_type": "Political violence", "event_type": "Battles",
        "sub_event_type": "Armed clash", "trigger": span("clashes"),
        "evidence": span("ISIS reportedly claimed it killed 12 regime soldiers in clashes"),
        "date": DateRange(start=dt.date(2018, 5, 6), end=dt.date(2018, 5, 12), precision=2,
                          text="during the week", char_span=span("during the week").char_span,
                          anchor="explicit"),
        "location": Location(name="Al-Hajar al-Aswad", country="Syria", iso3="SYR",
                             admin1="Rif Dimashq", precision=2, text="al-Hajar al-Aswad",
                             char_span=span("al-Hajar al-Aswad").char_span),
        "actor1": Actor(name="Islamic State (Syria)", inter=2, text="ISIS",
                        char_span=span("ISIS").char_span),
        "assoc_actors1": [Actor(name="Foreign fighters", inter=2)],
        "actor2": Actor(name=REGIME, inter=1),
        "fatalities": Casualties(low=12, best=12, high=12, text="killed 12",
                                 char_span=span("killed 12").char_span, victims="actor2"),
        "attribution": [Claim(source="Amaaq News Agency", source_kind="partisan",
                              affiliation="Islamic State", cue="claimed", hedged=True,
                              text="reportedly claimed",
                              char_span=span("reportedly claimed").char_span)],
        "notes": "IS claimed killing 12 regime soldiers in clashes.",
        "confidence": 0.5,
    }
    return Event(**{**fields, **changes})


def campaign_toll(**changes: Any) -> Event:
    """A campaign-long toll: no place, no actors, no stated source, aggregate fatalities."""
    fields: dict[str, Any] = {
        "event_id": "ev-toll", "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence",
        "sub_event_type": "Shelling/artillery/missile attack", "trigger": span("killed."),
        "evidence": span("Since the start of the campaign, 200 people have been killed."),
        "date": DateRange(start=dt.date(2018, 4, 19), end=dt.date(2018, 5, 8), precision=3,
                          anchor="campaign"),
        "fatalities": Casualties(low=200, best=200, high=200, text="200 people",
                                 char_span=span("200 people").char_span, aggregate=True),
    }
    return Event(**{**fields, **changes})


def make_result(events: list[Event], doc_id: str = "doc-1") -> DocumentResult:
    """Wrap ``events`` in a result for a dated Enab Baladi article of ``TEXT``."""
    doc = Document(id=doc_id, url="https://example.org/yarmouk", title="Yarmouk under fire",
                   outlet="Enab Baladi", published=dt.date(2018, 5, 8), published_source="given",
                   text=TEXT, content_hash=f"hash-{doc_id}")
    return DocumentResult(doc=doc, events=events, warnings=[])


def sample_results() -> list[DocumentResult]:
    """Two documents: one with all three events, one with no event."""
    return [make_result([airstrike(), clash(), campaign_toll()]),
            make_result([], doc_id="doc-2")]
