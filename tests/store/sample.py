"""Hand-built, fully valid ``DocumentResult``s for the store tests (spans index the text)."""

from __future__ import annotations

import datetime as dt

from marsad.model import (
    Actor,
    Casualties,
    Claim,
    DateRange,
    Document,
    DocumentResult,
    Dropped,
    Event,
    Location,
    Relay,
    TextSpan,
)

SEED_TEXT = (
    "Assad's forces continued their campaign on Monday to gain control of southern Damascus.\n\n"
    "The Yarmouk camp was subject to airstrikes throughout the day on Monday 7 May, "
    "according to local media.\n\n"
    "The ISIS-affiliated news outlet \"Amaaq\" Agency claimed on Sunday that the group had "
    "killed 30 of the regime's soldiers in the Yarmouk area."
)


def span(text: str, phrase: str) -> TextSpan:
    """Return the span of the first ``phrase`` in ``text`` (fails loudly when absent)."""
    start = text.index(phrase)
    return TextSpan(text=phrase, char_span=(start, start + len(phrase)))


def make_result(doc_id: str, text: str = SEED_TEXT, content_hash: str = "",
                event_ids: tuple[str, ...] = ("e1", "e2")) -> DocumentResult:
    """Build a result with an air strike and a claimed clash (event ids as given)."""
    strike = span(text, "airstrikes")
    claim = span(text, "\"Amaaq\" Agency claimed")
    events = [
        Event(
            event_id=event_ids[0], disorder_type="Political violence",
            event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
            trigger=strike,
            evidence=span(text, "The Yarmouk camp was subject to airstrikes"),
            date=DateRange(start=dt.date(2018, 5, 7), end=dt.date(2018, 5, 7), precision=1,
                           text="Monday 7 May", char_span=span(text, "Monday 7 May").char_span,
                           anchor="explicit"),
            location=Location(name="Yarmouk Camp", country="Syria", iso3="SYR",
                              admin1="Damascus", lat=33.4699, lon=36.3018, geonameid=166716,
                              text="Yarmouk camp",
                              char_span=span(text, "Yarmouk camp").char_span),
            actor1=Actor(name="Military Forces of Syria (2000-)", inter=1),
            attribution=[Claim(source="local media", source_kind="local",
                               char_span=span(text, "according to local media").char_span,
                               text="according to local media")],
            notes="Airstrikes hit the Yarmouk camp.", confidence=0.8,
        ),
        Event(
            event_id=event_ids[1], disorder_type="Political violence", event_type="Battles",
            sub_event_type="Armed clash", trigger=span(text, "killed"),
            evidence=span(text, "the group had killed 30 of the regime's soldiers"),
            date=DateRange(start=dt.date(2018, 5, 6), end=dt.date(2018, 5, 6), precision=1,
                           anchor="claim"),
            actor1=Actor(name="Islamic State (Syria)", inter=2, text="the group",
                         char_span=span(text, "the group").char_span),
            actor2=Actor(name="Military Forces of Syria (2000-)", inter=1),
            fatalities=Casualties(low=30, best=30, high=30, text="killed 30",
                                  char_span=span(text, "killed 30").char_span,
                                  victims="actor2"),
            attribution=[Claim(source="Amaaq News Agency", source_kind="partisan",
                               affiliation="Islamic State", cue="claimed", hedged=True,
                               date=dt.date(2018, 5, 6), text=claim.text,
                               char_span=claim.char_span,
                               via=[Relay(source="Enab Baladi", cue="reported")])],
            confidence=0.6,
        ),
    ]
    doc = Document(id=doc_id, url=f"https://example.org/{doc_id}", title="Assad's forces advance",
                   outlet="Enab Baladi", published=dt.date(2018, 5, 8),
                   published_source="given", text=text, content_hash=content_hash,
                   dropped=[Dropped(kind="caption", char_count=42, text="Photo caption")])
    return DocumentResult(doc=doc, events=events, warnings=["no date found for event e1"])
