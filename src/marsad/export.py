"""Writers of marsad's export formats: jsonl, ACLED CSV, UCDP CSV, GeoJSON, Parquet, flat CSV.

Why here and not in the CLI: the same writers serve ``marsad export``, the API and
notebooks (``events_frame``). Each writer takes ``DocumentResult``s, so it works the same on
a fresh ``extract`` and on a stored database, and the projections onto ACLED's and UCDP's
columns (with their coding decisions, documented where they are made) live in one place.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

import pandas as pd
from pydantic import BaseModel

from marsad.errors import MarsadError
from marsad.lexicon import load_lexicon
from marsad.model import Actor, DateRange, Document, DocumentResult, Event, Location
from marsad.resources import read_csv

FORMATS = ("jsonl", "acled", "ucdp", "geojson", "parquet", "csv")

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
)

UCDP_COLUMNS = (
    "id", "relid", "year", "type_of_violence", "side_a", "side_b", "source_article",
    "source_original", "where_coordinates", "where_prec", "latitude", "longitude", "country",
    "adm_1", "adm_2", "date_start", "date_end", "date_prec", "deaths_a", "deaths_b",
    "deaths_civilians", "deaths_unknown", "best", "high", "low",
)

FLAT_COLUMNS = (
    "event_id", "doc_id", "title", "outlet", "url", "published",
    "disorder_type", "event_type", "sub_event_type", "case_code", "cameo_root", "plover_type",
    "trigger", "trigger_start", "trigger_end", "evidence", "evidence_start", "evidence_end",
    "date_start", "date_end", "date_precision", "date_text", "date_anchor",
    "location", "admin1", "admin2", "admin3", "country", "iso3", "latitude", "longitude",
    "geonameid", "geo_precision", "location_text",
    "actor1", "inter1", "assoc_actors1", "actor2", "inter2", "assoc_actors2", "interaction",
    "fatalities_low", "fatalities_best", "fatalities_high", "fatalities_victims",
    "fatalities_aggregate", "fatalities_text", "injuries_low", "injuries_best", "injuries_high",
    "sources", "hedged", "notes", "confidence",
)

# pandas dtypes of the flat columns that are not text (nullable, so a missing value stays NA).
_FLAT_DTYPES = {
    **dict.fromkeys(("trigger_start", "trigger_end", "evidence_start", "evidence_end",
                     "date_precision", "geonameid", "geo_precision", "inter1", "inter2",
                     "interaction", "fatalities_low", "fatalities_best", "fatalities_high",
                     "injuries_low", "injuries_best", "injuries_high"), "Int64"),
    **dict.fromkeys(("latitude", "longitude", "confidence"), "Float64"),
    **dict.fromkeys(("fatalities_aggregate", "hedged"), "boolean"),
    # Day resolution is all a date holds; seconds keep years before 1678 representable.
    **dict.fromkeys(("published", "date_start", "date_end"), "datetime64[s]"),
}

# ACLED inter codes (see CODEBOOK.md): the sides UCDP counts as governments, and as
# organised non-state groups.
_STATE_INTERS = {1, 8}
_NON_STATE_INTERS = {2, 3, 4}
_CIVILIANS = 7

ONE_SIDED_EVENT_TYPE = "Violence against civilians"

Row = dict[str, Any]


class Region(BaseModel):
    """One row of ``resources/regions.csv``."""

    iso3: str
    iso_numeric: int
    region: str


def write_export(results: Iterable[DocumentResult], fmt: str,
                 out: BinaryIO | TextIO | Path | str | None, *,
                 timestamps: Mapping[str, int] | None = None) -> int:
    """Write ``results`` in format ``fmt`` to ``out`` (None: stdout); return the rows written.

    Rows are documents for ``jsonl`` and events otherwise (GeoJSON leaves out events without
    coordinates: compare with ``exportable_events``). ``timestamps`` maps doc ids to ingest
    times for ACLED's ``timestamp`` column (``Store.ingest_times()``).
    """
    if fmt not in FORMATS:
        raise MarsadError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        return _write_parquet(results, out)
    with text_output(out) as handle:
        if fmt == "jsonl":
            return _write_jsonl(results, handle)
        if fmt == "geojson":
            return _write_geojson(results, handle)
        rows, columns = _table(results, fmt, timestamps or {})
        return _write_csv(rows, columns, handle)


def exportable_events(result: DocumentResult, fmt: str) -> list[Event]:
    """Return the events of ``result`` that format ``fmt`` can write (GeoJSON needs a point)."""
    if fmt == "geojson":
        return [event for event in result.events if _coordinates(event.location) is not None]
    return list(result.events)


def events_frame(results: Iterable[DocumentResult]) -> pd.DataFrame:
    """Return one row per event with ``FLAT_COLUMNS`` (typed: nullable ints, dates, bools)."""
    rows = [flat_row(result.doc, event) for result in results for event in result.events]
    frame = pd.DataFrame.from_records(rows, columns=list(FLAT_COLUMNS))
    # Explicit types, so an empty frame has the same schema as a full one (parquet readers
    # concatenating files need that).
    return frame.astype({column: _FLAT_DTYPES.get(column, "str") for column in FLAT_COLUMNS})


# --- rows -------------------------------------------------------------------------------


def flat_row(doc: Document, event: Event) -> Row:
    """Project one event (and its document) onto ``FLAT_COLUMNS``."""
    date, place, deaths, injuries = event.date, event.location, event.fatalities, event.injuries
    return {
        "event_id": event.event_id, "doc_id": doc.id, "title": doc.title,
        "outlet": doc.outlet, "url": doc.url, "published": doc.published,
        "disorder_type": event.disorder_type, "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        **_crosswalk(event.sub_event_type),
        "trigger": event.trigger.text, "trigger_start": event.trigger.char_span[0],
        "trigger_end": event.trigger.char_span[1], "evidence": event.evidence.text,
        "evidence_start": event.evidence.char_span[0],
        "evidence_end": event.evidence.char_span[1],
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "date_text": date.text if date else None, "date_anchor": date.anchor if date else None,
        **_flat_location(place),
        "actor1": _name(event.actor1), "inter1": _inter(event.actor1),
        "assoc_actors1": _joined(actor.name for actor in event.assoc_actors1),
        "actor2": _name(event.actor2), "inter2": _inter(event.actor2),
        "assoc_actors2": _joined(actor.name for actor in event.assoc_actors2),
        "interaction": interaction(event),
        "fatalities_low": deaths.low if deaths else None,
        "fatalities_best": deaths.best if deaths else None,
        "fatalities_high": deaths.high if deaths else None,
        "fatalities_victims": deaths.victims if deaths else None,
        "fatalities_aggregate": deaths.aggregate if deaths else None,
        "fatalities_text": deaths.text if deaths else None,
        "injuries_low": injuries.low if injuries else None,
        "injuries_best": injuries.best if injuries else None,
        "injuries_high": injuries.high if injuries else None,
        "sources": _joined(_sources(doc, event)), "hedged": _hedged(event),
        "notes": event.notes, "confidence": event.confidence,
    }


def _crosswalk(sub_event_type: str) -> Row:
    """The sub-event type in the other schemes of ``taxonomy.yaml``: CASE 2021 code, CAMEO root
    code and PLOVER event type (so a flat export can be read in any of them)."""
    try:
        sub = load_lexicon().sub_event(sub_event_type)[1]
    except KeyError:
        return {"case_code": None, "cameo_root": None, "plover_type": None}
    return {"case_code": sub.code, "cameo_root": sub.cameo, "plover_type": sub.plover}


def _flat_location(place: Location | None) -> Row:
    keys = ("admin1", "admin2", "admin3", "country", "iso3", "geonameid")
    if place is None:
        return {"location": None, "latitude": None, "longitude": None, "geo_precision": None,
                "location_text": None, **dict.fromkeys(keys)}
    return {"location": place.name, "latitude": place.lat, "longitude": place.lon,
            "geo_precision": place.precision, "location_text": place.text,
            **{key: getattr(place, key) for key in keys}}


def acled_row(doc: Document, event: Event, timestamp: int | None = None) -> Row:
    """Project one event onto ACLED's columns (``ACLED_COLUMNS``)."""
    day = acled_event_date(event.date)
    place = event.location
    region = _region(place.iso3 if place else None)
    return {
        "event_id_cnty": event.event_id, "event_date": day,
        "year": day.year if day else None,
        "time_precision": event.date.precision if event.date else None,
        "disorder_type": event.disorder_type, "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": _name(event.actor1),
        "assoc_actor_1": _joined(actor.name for actor in event.assoc_actors1),
        "inter1": _inter(event.actor1), "actor2": _name(event.actor2),
        "assoc_actor_2": _joined(actor.name for actor in event.assoc_actors2),
        "inter2": _inter(event.actor2), "interaction": interaction(event),
        "civilian_targeting": "Civilian targeting" if targets_civilians(event) else "",
        "iso": region.iso_numeric if region else None,
        "region": region.region if region else "",
        "country": place.country if place else None,
        "admin1": place.admin1 if place else None, "admin2": place.admin2 if place else None,
        "admin3": place.admin3 if place else None, "location": place.name if place else None,
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "source": _joined(_sources(doc, event)),
        # We cannot yet tell a local from a national or international source.
        "source_scale": "Other",
        "notes": event.notes, "fatalities": acled_fatalities(event),
        "tags": "claimed" if _hedged(event) else "",
        "timestamp": timestamp,
    }


def ucdp_row(doc: Document, event: Event, index: int) -> Row:
    """Project one event onto UCDP GED's columns; ``index`` numbers it within its document."""
    violence = type_of_violence(event)
    side_a, side_b = ucdp_sides(event, violence)
    deaths = _ucdp_deaths(event, side_a, side_b)
    place, date = event.location, event.date
    return {
        "id": event.event_id, "relid": f"{doc.id}-{index}",
        "year": date.start.year if date else None, "type_of_violence": violence,
        "side_a": _name(side_a),
        "side_b": _name(side_b) if side_b or violence != 3 else "Civilians",
        "source_article": _joined((doc.outlet, _iso(doc.published), doc.title, doc.url),
                                  separator=", "),
        "source_original": _joined(_sources(doc, event)),
        "where_coordinates": place.name if place else None,
        "where_prec": where_prec(place) if place else None,
        "latitude": place.lat if place else None, "longitude": place.lon if place else None,
        "country": place.country if place else None, "adm_1": place.admin1 if place else None,
        "adm_2": place.admin2 if place else None,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "date_prec": date_prec(date) if date else None,
        **deaths,
    }


def geojson_feature(doc: Document, event: Event) -> Row | None:
    """Return a GeoJSON Feature for ``event`` (None without coordinates: no silent centroid)."""
    point = _coordinates(event.location)
    if point is None:
        return None
    properties = {"doc_id": doc.id, "title": doc.title, "outlet": doc.outlet, "url": doc.url,
                  "published": _iso(doc.published), **event.model_dump(mode="json")}
    return {"type": "Feature", "id": event.event_id,
            "geometry": {"type": "Point", "coordinates": list(point)},
            "properties": properties}


# --- coding rules ------------------------------------------------------------------------


def acled_event_date(date: DateRange | None) -> dt.date | None:
    """Pick ACLED's single ``event_date`` from our range.

    ACLED codes an event to the most specific date it can defend and states the uncertainty
    in ``time_precision``. With precision 1 we know the day (``start``). Otherwise we use
    ``end``: the latest day of the range is the date by which the event had surely happened,
    which never dates an event before its reported window closes (``start`` of "since the
    beginning of the month" would).
    """
    if date is None:
        return None
    return date.start if date.precision == 1 else date.end


def acled_fatalities(event: Event) -> int:
    """ACLED's ``fatalities``: the conservative ``best`` of this event alone, else 0.

    An aggregate toll covers a period or campaign, so charging it to one event would count
    the same dead again on every event of that campaign (CODEBOOK.md, Fatalities).
    """
    deaths = event.fatalities
    if deaths is None or deaths.aggregate:
        return 0
    return deaths.best


def interaction(event: Event) -> int | None:
    """ACLED's ``interaction``: both inter codes, smaller first (12), or one code times 10.

    Code 0 means the actor's type is unknown, so it does not enter the interaction.
    """
    codes = sorted(code for code in (_inter(event.actor1), _inter(event.actor2)) if code)
    if not codes:
        return None
    if len(codes) == 1:
        return codes[0] * 10
    return codes[0] * 10 + codes[1]


def targets_civilians(event: Event) -> bool:
    """ACLED's ``civilian_targeting``: civilians are actor2, or the dead are civilians."""
    victims = event.fatalities.victims if event.fatalities else None
    return _inter(event.actor2) == _CIVILIANS or victims == "civilians"


def type_of_violence(event: Event) -> int | None:
    """UCDP's ``type_of_violence``: 1 state-based, 2 non-state, 3 one-sided, None otherwise.

    One-sided when the event is violence against civilians or a side is civilians; then
    state-based when a side is a state (inter 1, or 8: foreign militaries count as states)
    and any other side is organised; non-state when both sides are organised non-state groups.
    Protests, riots and events with no organised side fit no UCDP category.
    """
    inters = [code for code in (_inter(event.actor1), _inter(event.actor2)) if code]
    if event.event_type == ONE_SIDED_EVENT_TYPE or _CIVILIANS in inters:
        return 3
    if event.disorder_type != "Political violence":
        return None
    organised = _STATE_INTERS | _NON_STATE_INTERS
    if any(code in _STATE_INTERS for code in inters) and all(code in organised
                                                             for code in inters):
        return 1
    if len(inters) == 2 and all(code in _NON_STATE_INTERS for code in inters):
        return 2
    return None


def ucdp_sides(event: Event, violence: int | None) -> tuple[Actor | None, Actor | None]:
    """Order actors as UCDP does: a state is side_a; the perpetrator is side_a of one-sided."""
    first, second = event.actor1, event.actor2
    swap = ((violence == 1 and _inter(first) not in _STATE_INTERS
             and _inter(second) in _STATE_INTERS)
            or (violence == 3 and _inter(first) == _CIVILIANS and second is not None
                and _inter(second) != _CIVILIANS))
    return (second, first) if swap else (first, second)


def where_prec(place: Location) -> int:
    """Map our place precision onto UCDP's ``where_prec`` (1 exact place ... 6 country).

    1 (the named place) -> 1. 2 (near a place, or a district) -> 3 for a second-order
    division (``feature`` admin2/district), else 2 (within about 25 km of a known point).
    3 (province or country) -> 6 for a country, else 4 (first-order division).
    """
    if place.precision == 1:
        return 1
    if place.precision == 2:
        return 3 if place.feature in ("admin2", "district") else 2
    return 6 if place.feature == "country" else 4


def date_prec(date: DateRange) -> int:
    """Map our time precision onto UCDP's ``date_prec``.

    UCDP: 1 exact day, 2 within 2-6 days, 3 the week, 4 the month, 5 the year.
    Ours: 1 -> 1. 2 (within a week / a range) -> 2 when the range spans at most 6 days,
    else 3.
    3 (month or vaguer) -> 4 when the range spans at most a month, else 5.
    """
    days = (date.end - date.start).days
    if date.precision == 1:
        return 1
    if date.precision == 2:
        return 2 if days <= 6 else 3
    return 4 if days <= 31 else 5


def _ucdp_deaths(event: Event, side_a: Actor | None, side_b: Actor | None) -> Row:
    """Split ``best`` by whose dead they were; aggregate tolls count as 0 (as for ACLED). Dead
    told apart as civilians and fighters keep their civilians (``Casualties.civilians``); the
    fighters' side is not known per count, so they are ``deaths_unknown``."""
    split = dict.fromkeys(("deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown"), 0)
    deaths = event.fatalities
    if deaths is None or deaths.aggregate:
        return {**split, "best": 0, "high": 0, "low": 0}
    victim = {"actor1": event.actor1, "actor2": event.actor2}.get(deaths.victims)
    if deaths.victims == "civilians" or _inter(victim) == _CIVILIANS:
        split["deaths_civilians"] = deaths.best
    elif victim is not None and victim is side_a:
        split["deaths_a"] = deaths.best
    elif victim is not None and victim is side_b:
        split["deaths_b"] = deaths.best
    elif deaths.civilians is not None:  # "31 jihadists and eight civilians"
        split["deaths_civilians"] = deaths.civilians
        split["deaths_unknown"] = deaths.best - deaths.civilians
    else:
        split["deaths_unknown"] = deaths.best
    return {**split, "best": deaths.best, "high": deaths.high, "low": deaths.low}


# --- writers ------------------------------------------------------------------------------


def _write_jsonl(results: Iterable[DocumentResult], handle: TextIO) -> int:
    written = 0
    for result in results:
        handle.write(result.to_json() + "\n")
        written += 1
    return written


def _write_geojson(results: Iterable[DocumentResult], handle: TextIO) -> int:
    """Stream a FeatureCollection, one feature per line, without holding it in memory."""
    handle.write('{"type": "FeatureCollection", "features": [')
    written = 0
    for result in results:
        for event in exportable_events(result, "geojson"):
            feature = geojson_feature(result.doc, event)
            handle.write(("\n" if written == 0 else ",\n") + json.dumps(feature,
                                                                         ensure_ascii=False))
            written += 1
    handle.write("\n]}\n")
    return written


def _table(results: Iterable[DocumentResult], fmt: str,
           timestamps: Mapping[str, int]) -> tuple[Iterator[Row], tuple[str, ...]]:
    builders: dict[str, tuple[Callable[[DocumentResult], Iterator[Row]], tuple[str, ...]]] = {
        "acled": (lambda result: (acled_row(result.doc, event, timestamps.get(result.doc.id))
                                  for event in result.events), ACLED_COLUMNS),
        "ucdp": (lambda result: (ucdp_row(result.doc, event, index)
                                 for index, event in enumerate(result.events, start=1)),
                 UCDP_COLUMNS),
        "csv": (lambda result: (flat_row(result.doc, event) for event in result.events),
                FLAT_COLUMNS),
    }
    build, columns = builders[fmt]
    return (row for result in results for row in build(result)), columns


def _write_csv(rows: Iterable[Row], columns: tuple[str, ...], handle: TextIO) -> int:
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    written = 0
    for row in rows:
        writer.writerow([_cell(row[column]) for column in columns])
        written += 1
    return written


def _write_parquet(results: Iterable[DocumentResult],
                   out: BinaryIO | TextIO | Path | str | None) -> int:
    if out is None or isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        raise MarsadError("parquet is a binary format: give an output file (-o events.parquet)")
    frame = events_frame(results)
    frame.to_parquet(out, index=False)
    return len(frame)


@contextmanager
def text_output(out: BinaryIO | TextIO | Path | str | None) -> Iterator[TextIO]:
    """Yield a text handle on ``out``: stdout, a file path, or a text or binary stream."""
    if out is None:
        yield sys.stdout
    elif isinstance(out, str | Path):
        with Path(out).open("w", encoding="utf-8", newline="") as handle:
            yield handle
    elif isinstance(out, io.TextIOBase) or hasattr(out, "encoding"):
        yield cast(TextIO, out)
    else:
        wrapper = io.TextIOWrapper(cast(BinaryIO, out), encoding="utf-8", newline="",
                                   write_through=True)
        try:
            yield wrapper
        finally:
            wrapper.flush()
            wrapper.detach()  # leave the caller's stream open


# --- small helpers --------------------------------------------------------------------


@cache
def _regions() -> dict[str, Region]:
    return {row.iso3: row for row in read_csv("regions.csv", Region)}


def _region(iso3: str | None) -> Region | None:
    return _regions().get(iso3.upper()) if iso3 else None


def _coordinates(place: Location | None) -> tuple[float, float] | None:
    if place is None or place.lat is None or place.lon is None:
        return None
    return place.lon, place.lat  # GeoJSON order: longitude first


def _sources(doc: Document, event: Event) -> list[str]:
    """The claimants of ``event``; the outlet when none is stated (SCHEMA.md attribution)."""
    found = [claim.source for claim in event.attribution]
    if not found and doc.outlet:
        found = [doc.outlet]
    return list(dict.fromkeys(found))


def _hedged(event: Event) -> bool:
    return any(claim.hedged for claim in event.attribution)


def _name(actor: Actor | None) -> str | None:
    return actor.name if actor else None


def _inter(actor: Actor | None) -> int | None:
    return actor.inter if actor else None


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _joined(values: Iterable[str | None], separator: str = "; ") -> str:
    return separator.join(value for value in values if value)


def _cell(value: Any) -> str:
    """Format one CSV cell: empty for missing, ISO dates, lower-case booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)
