"""The one-sentence, ACLED-style ``notes`` of an event, in English whatever the article's
language (so analysts can read every record the same way)."""

from __future__ import annotations

import re

from marsad.model import Event


def event_notes(event: Event, *, report_language: str | None = None) -> str:
    """Summarise when, what, who against whom, where, the toll and who says so."""
    when = f"On {event.date.start.isoformat()}" if event.date else "On an unknown date"
    if event.date and event.date.start != event.date.end:
        when = f"Between {event.date.start.isoformat()} and {event.date.end.isoformat()}"
    who = event.actor1.name if event.actor1 else "unidentified actors"
    whom = f" against {event.actor2.name}" if event.actor2 else ""
    place = event.location
    where = f" in {place.name}" if place else ""
    if place and place.admin1 and place.admin1 != place.name:
        where += f" ({place.admin1})"
    toll = ""
    if event.fatalities:
        toll = f"; {event.fatalities.best} fatalities"
        if event.fatalities.aggregate:
            toll += " (aggregate over a period)"
    claim = event.attribution[0] if event.attribution else None
    report = f"; {report_language} report" if report_language else ""
    source = f" ({claim.cue} by {claim.source}{report})" if claim else ""
    return re.sub(r"\s+", " ", f"{when}, {event.sub_event_type.lower()} by {who}{whom}"
                              f"{where}{toll}{source}.")
