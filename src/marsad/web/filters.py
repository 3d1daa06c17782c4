"""Parse the filter query parameters shared by the JSON API and the pages.

Why strings and not typed FastAPI parameters: the pages' filter form submits every field,
empty ones as ``field=``; an empty value must mean "no filter" rather than a 422, and the API
must read the same URL the page shows (shareable links). Bad values raise ``FilterError``,
which both turn into a 422 naming the parameter.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping

from marsad.web.queries import EventFilter

# Longest accepted filter value: a name or a phrase, never a document.
MAX_VALUE = 200

TEXT_PARAMETERS = ("country", "admin1", "event_type", "sub_event_type", "actor", "source",
                   "source_kind", "q", "grade")
FILTER_PARAMETERS = ("date_from", "date_to", "bbox", *TEXT_PARAMETERS, "fatalities_min",
                     "fatalities_max")


class FilterError(ValueError):
    """A filter parameter that cannot be read; the message names it."""


def parse_filter(params: Mapping[str, str]) -> EventFilter:
    """Build an ``EventFilter`` from query parameters (empty values mean no filter)."""
    values = {name: (params.get(name) or "").strip() for name in FILTER_PARAMETERS}
    for name, value in values.items():
        if len(value) > MAX_VALUE:
            raise FilterError(f"{name}: longer than {MAX_VALUE} characters")
    return EventFilter(
        date_from=_date(values, "date_from"), date_to=_date(values, "date_to"),
        bbox=_bbox(values["bbox"]),
        fatalities_min=_count(values, "fatalities_min"),
        fatalities_max=_count(values, "fatalities_max"),
        **{name: values[name] or None for name in TEXT_PARAMETERS},
    )


def _date(values: Mapping[str, str], name: str) -> dt.date | None:
    if not values[name]:
        return None
    try:
        return dt.date.fromisoformat(values[name])
    except ValueError as err:
        raise FilterError(f"{name}: not a date like 2018-05-08") from err


def _count(values: Mapping[str, str], name: str) -> int | None:
    if not values[name]:
        return None
    if not values[name].isascii() or not values[name].isdigit() or len(values[name]) > 9:
        raise FilterError(f"{name}: not a whole number from 0 to 999999999")
    return int(values[name])


def _bbox(value: str) -> tuple[float, float, float, float] | None:
    """Read ``west,south,east,north`` (degrees), the order Leaflet's toBBoxString gives."""
    if not value:
        return None
    parts = value.split(",")
    try:
        west, south, east, north = (float(part) for part in parts)
    except ValueError as err:
        raise FilterError("bbox: expected west,south,east,north in degrees") from err
    if not all(math.isfinite(number) for number in (west, south, east, north)):
        raise FilterError("bbox: expected finite numbers")
    if not (-90 <= south <= north <= 90 and -180 <= west <= east <= 180):
        raise FilterError("bbox: need -180 <= west <= east <= 180 and -90 <= south <= north "
                          "<= 90")
    return west, south, east, north
