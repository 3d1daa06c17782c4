"""One air strike on Ariha, as a fusion ``Report``: the event the fusion unit tests vary.

Why a module: the scoring, restatement and encoder tests each need the same hand-built report
and change one or two fields of it; building it in one place keeps them comparing the same
thing.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from marsad.fusion.report import Report, make_report
from marsad.model import Actor, Casualties, DateRange, Document, Event, Location, TextSpan

SYRIA_ARMY = Actor(name="Military Forces of Syria (2000-)", inter=1)
CIVILIANS = Actor(name="Civilians (Syria)", inter=7)
ARIHA = Location(name="Ariha", iso3="SYR", admin1="Idlib", lat=35.8129, lon=36.6079)
MAARAT = Location(name="Maarat al-Numan", iso3="SYR", admin1="Idlib", lat=35.6433, lon=36.6708)
DAY = dt.date(2019, 7, 22)
STRIKE = "Regime warplanes struck a residential building in Ariha on Monday, killing five."


def strike_report(doc: str, evidence: str = STRIKE, position: int = 0,
                  victim_inters: frozenset[int] | None = None, **changes: Any) -> Report:
    """An air strike by the Syrian army on Ariha on ``DAY`` killing five, as event
    ``position`` of document ``doc``; ``changes`` replace Event fields."""
    fields: dict[str, Any] = {
        "event_id": f"ev-{doc}-{position}", "disorder_type": "Political violence",
        "event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike",
        "trigger": TextSpan(text="struck", char_span=(0, 6)),
        "evidence": TextSpan(text=evidence, char_span=(0, len(evidence))),
        "date": DateRange(start=DAY, end=DAY, precision=1), "location": ARIHA,
        "actor1": SYRIA_ARMY, "fatalities": Casualties(low=5, best=5, high=5)}
    fields.update(changes)
    document = Document(id=doc, text=evidence, outlet=f"outlet {doc}")
    if victim_inters is None:
        return make_report(position, document, Event(**fields))
    return make_report(position, document, Event(**fields), victim_inters)
