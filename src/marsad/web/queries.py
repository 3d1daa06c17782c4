"""Read-only queries of the analyst's desk over the store tables (SQLAlchemy Core).

Why Core queries here and not ``Store.iter_events``: the desk filters, sorts and pages
thousands of events per request, so it asks the database for exactly the rows it shows,
through the indexed projection columns of ``events``, and reads ``events.record`` (the full
event JSON) only for the rows on screen. Every value a user types reaches SQL as a bound
parameter; column and sort names come from fixed tables in this module, never from input.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Connection,
    Engine,
    MetaData,
    Select,
    String,
    Table,
    Text,
    and_,
    cast,
    func,
    inspect,
    literal,
    or_,
    select,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.visitors import InternalTraversal

from marsad.export import write_export
from marsad.model import Document, DocumentResult, Event
from marsad.store.tables import claims, documents, events, incident_members, incidents

# Page size cap of list endpoints: bounded work and response size per request.
MAX_PAGE = 500
# Points the map endpoint returns at most; beyond it the response says ``truncated``.
MAX_MAP_POINTS = 50_000
# Rows a CSV / GeoJSON download holds at most.
MAX_EXPORT = 100_000
# Timelines spanning more days than this are bucketed by week.
WEEKLY_AFTER_DAYS = 120

INCIDENTS_TABLE = "incidents"

_EVIDENCE_TEXT = events.c.record["evidence"]["text"].as_string()

# Public sort keys -> columns; "-key" sorts descending. Ties break on event_id (stable pages).
SORT_COLUMNS: dict[str, ColumnElement[Any]] = {
    "date": events.c.date_start,
    "fatalities": func.coalesce(events.c.fatalities_best, 0),
    "confidence": events.c.confidence,
    "event_type": events.c.event_type,
    "sub_event_type": events.c.sub_event_type,
    "location": events.c.location,
    "admin1": events.c.admin1,
    "country": events.c.country,
}
SORT_KEYS = tuple(key for name in SORT_COLUMNS for key in (name, f"-{name}"))
DEFAULT_SORT = "-date"


@dataclass(frozen=True)
class EventFilter:
    """What the analyst asked for; every field is optional and they combine with AND."""

    date_from: dt.date | None = None
    date_to: dt.date | None = None
    # west, south, east, north in degrees (Leaflet's toBBoxString order).
    bbox: tuple[float, float, float, float] | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor: str | None = None
    source: str | None = None
    source_kind: str | None = None
    fatalities_min: int | None = None
    fatalities_max: int | None = None
    q: str | None = None
    # Corroboration grade of the incident the event was fused into (after ``marsad fuse``).
    grade: str | None = None

    def conditions(self) -> list[ColumnElement[bool]]:
        """Return the WHERE conditions (bound parameters only) of this filter."""
        found: list[ColumnElement[bool]] = []
        if self.date_from:
            found.append(events.c.date_start >= self.date_from)
        if self.date_to:
            found.append(events.c.date_start <= self.date_to)
        if self.bbox:
            west, south, east, north = self.bbox
            found += [events.c.lon >= west, events.c.lon <= east,
                      events.c.lat >= south, events.c.lat <= north]
        if self.country:
            found.append(or_(func.lower(events.c.country) == self.country.lower(),
                             func.upper(events.c.iso3) == self.country.upper()))
        if self.admin1:
            found.append(func.lower(events.c.admin1) == self.admin1.lower())
        if self.event_type:
            found.append(events.c.event_type == self.event_type)
        if self.sub_event_type:
            found.append(events.c.sub_event_type == self.sub_event_type)
        if self.actor:
            found.append(or_(ContainsText(events.c.actor1, self.actor),
                             ContainsText(events.c.actor2, self.actor)))
        if self.source:
            # An event with no stated source is attributed to its outlet (SCHEMA.md).
            found.append(or_(_has_claim(ContainsText(claims.c.source, self.source)),
                             events.c.doc_id.in_(select(documents.c.doc_id).where(
                                 ContainsText(documents.c.outlet, self.source)))))
        if self.source_kind:
            found.append(_has_claim(claims.c.source_kind == self.source_kind))
        if self.grade:
            found.append(events.c.event_id.in_(
                select(incident_members.c.event_id)
                .join(incidents, incidents.c.incident_id == incident_members.c.incident_id)
                .where(incidents.c.grade == self.grade)))
        deaths = func.coalesce(events.c.fatalities_best, 0)
        if self.fatalities_min is not None:
            found.append(deaths >= self.fatalities_min)
        if self.fatalities_max is not None:
            found.append(deaths <= self.fatalities_max)
        if self.q:
            evidence: ColumnElement[bool] = ContainsText(_EVIDENCE_TEXT, self.q)
            if _json_safe(self.q):
                # Cheap necessary condition first: the record's JSON text holds the words
                # unchanged, so only those rows pay for parsing the JSON.
                evidence = and_(ContainsText(cast(events.c.record, Text), self.q), evidence)
            found.append(or_(ContainsText(events.c.notes, self.q), evidence))
        return found


class ContainsText(ColumnElement[bool]):
    """``column`` contains ``text`` (any case; wildcards in ``text`` taken literally).

    Why not ``ilike`` everywhere: on SQLite it compiles to ``lower(column) LIKE lower(?)``,
    which copies and lower-cases every value of a scan (the record JSON is kB per row);
    SQLite's own LIKE already ignores ASCII case, and its ``lower()`` folds only ASCII too,
    so plain LIKE matches the same rows 2-3 times faster. Other databases keep ILIKE.
    """

    inherit_cache = True
    type = Boolean()
    _traverse_internals = [("column", InternalTraversal.dp_clauseelement),
                           ("pattern", InternalTraversal.dp_clauseelement)]

    def __init__(self, column: ColumnElement[Any], text: str) -> None:
        self.column = column
        self.pattern = literal(contains_pattern(text), String())


@compiles(ContainsText)
def _contains_text(element: ContainsText, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column.ilike(element.pattern, escape="\\"), **kw)


@compiles(ContainsText, "sqlite")
def _contains_text_sqlite(element: ContainsText, compiler: SQLCompiler, **kw: Any) -> str:
    return compiler.process(element.column.like(element.pattern, escape="\\"), **kw)


def contains_pattern(text: str) -> str:
    """Return a LIKE pattern matching ``text`` anywhere, its wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _json_safe(text: str) -> bool:
    """Tell whether ``text`` is spelled the same inside a JSON string (printable ASCII)."""
    return text.isascii() and text.isprintable() and '"' not in text and "\\" not in text


def _has_claim(condition: ColumnElement[bool]) -> ColumnElement[bool]:
    """Match events with a claim meeting ``condition`` (one IN subquery, not a probe per row)."""
    return events.c.event_id.in_(select(claims.c.event_id).where(condition))


def _filtered(query: Select[Any], where: EventFilter) -> Select[Any]:
    """Apply ``where`` to a query over ``events`` alone (documents join only on the page)."""
    conditions = where.conditions()
    base = query.select_from(events)
    return base.where(and_(*conditions)) if conditions else base


LIST_COLUMNS = (
    events.c.event_id, events.c.doc_id, events.c.event_type, events.c.sub_event_type,
    events.c.disorder_type, events.c.date_start, events.c.date_end, events.c.date_precision,
    events.c.location, events.c.admin1, events.c.country, events.c.iso3, events.c.lat,
    events.c.lon, events.c.geo_precision, events.c.actor1, events.c.actor2,
    events.c.fatalities_low, events.c.fatalities_best, events.c.fatalities_high,
    events.c.fatalities_aggregate, events.c.notes, events.c.confidence,
    documents.c.title, documents.c.outlet, documents.c.published,
)


def count_events(connection: Connection, where: EventFilter) -> int:
    """Count the events matching ``where`` (the desk caches it per filter and revision)."""
    return int(connection.scalar(_filtered(select(func.count()), where)) or 0)


def list_events(connection: Connection, where: EventFilter, *, limit: int = 50,
                offset: int = 0, sort: str = DEFAULT_SORT,
                total: int | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Return ``(total matching, one page of summary rows)`` for ``where``.

    ``total``, when the caller already knows it (paging through one filter), saves the
    count, which on broad filters costs more than the page itself.
    """
    if total is None:
        total = count_events(connection, where)
    if total == 0 or offset >= total:
        return total, []
    name = sort.removeprefix("-")
    column = SORT_COLUMNS[name]
    order = column.desc() if sort.startswith("-") else column.asc()
    tie = events.c.event_id.desc() if sort.startswith("-") else events.c.event_id.asc()
    # Pick the page's ids on events alone, then join documents for those rows only.
    page = (_filtered(select(events.c.event_id), where)
            .order_by(order, tie).limit(min(limit, MAX_PAGE)).offset(offset))
    query = (select(*LIST_COLUMNS)
             .select_from(events.join(documents, documents.c.doc_id == events.c.doc_id))
             .where(events.c.event_id.in_(page)).order_by(order, tie))
    rows = connection.execute(query).mappings()
    return total, [dict(row) for row in rows]


def map_points(connection: Connection, where: EventFilter) -> tuple[int, list[list[Any]]]:
    """Return ``(total with coordinates, points)``; a point is ``[event_id, lat, lon,
    event_type, fatalities, place, date]``, the few values a marker needs (as lists: 20,000
    of them must serialise fast)."""
    located = (events.c.lat.is_not(None), events.c.lon.is_not(None))
    # Dates as stored text (ISO on SQLite and PostgreSQL): parsing 20,000 dates only to
    # print them again is a third of the time.
    # Rounded (1 m) and defaulted in SQL: the database does it faster than a Python loop.
    query = _filtered(select(events.c.event_id, func.round(events.c.lat, 5),
                             func.round(events.c.lon, 5), events.c.event_type,
                             func.coalesce(events.c.fatalities_best, 0), events.c.location,
                             cast(events.c.date_start, String)), where)
    rows = connection.execute(query.where(*located).limit(MAX_MAP_POINTS + 1)).all()
    total = len(rows)
    if total > MAX_MAP_POINTS:
        total = connection.scalar(_filtered(select(func.count()), where).where(*located)) or 0
    return int(total), [list(row) for row in rows[:MAX_MAP_POINTS]]


def timeline(connection: Connection, where: EventFilter,
             bucket: str | None = None) -> dict[str, Any]:
    """Count events per day (or ISO week, Monday first) and event type.

    Without ``bucket`` a timeline longer than ``WEEKLY_AFTER_DAYS`` is weekly, so a year
    still fits a laptop screen.
    """
    query = _filtered(select(events.c.date_start, events.c.event_type, func.count()), where)
    query = query.where(events.c.date_start.is_not(None))
    rows = connection.execute(query.group_by(events.c.date_start, events.c.event_type)).all()
    days = [row[0] for row in rows]
    if bucket is None:
        span = (max(days) - min(days)).days if days else 0
        bucket = "week" if span > WEEKLY_AFTER_DAYS else "day"
    counts: dict[dt.date, dict[str, int]] = {}
    for day, event_type, count in rows:
        start = day - dt.timedelta(days=day.weekday()) if bucket == "week" else day
        per_type = counts.setdefault(start, {})
        per_type[event_type] = per_type.get(event_type, 0) + int(count)
    types = sorted({row[1] for row in rows})
    series = [{"date": start.isoformat(), "counts": counts[start]} for start in sorted(counts)]
    return {"bucket": bucket, "types": types, "series": series}


def event_detail(connection: Connection, event_id: str) -> dict[str, Any] | None:
    """Return the event record with its document's metadata and text, or None."""
    query = (select(events.c.record, documents.c.doc_id, documents.c.title,
                    documents.c.outlet, documents.c.url, documents.c.published,
                    documents.c.text)
             .select_from(events.join(documents, documents.c.doc_id == events.c.doc_id))
             .where(events.c.event_id == event_id))
    row = connection.execute(query).mappings().first()
    if row is None:
        return None
    return {"event": Event.model_validate(row["record"]),
            "doc": {key: row[key] for key in ("doc_id", "title", "outlet", "url", "published",
                                              "text")}}


def same_reports(connection: Connection, record: Event, limit: int = 20) -> list[dict[str, Any]]:
    """Return other documents' events of the same sub-event type, place and first day.

    Until ``marsad fuse`` groups reports into incidents, these are the candidate reports of
    the same happening, so the event page can show where their figures disagree.
    """
    if record.date is None or record.location is None:
        return []
    query = (select(*LIST_COLUMNS)
             .select_from(events.join(documents, documents.c.doc_id == events.c.doc_id))
             .where(events.c.sub_event_type == record.sub_event_type,
                    events.c.date_start == record.date.start,
                    events.c.location == record.location.name,
                    events.c.event_id != record.event_id)
             .order_by(events.c.event_id).limit(limit))
    return [dict(row) for row in connection.execute(query).mappings()]


def document_detail(connection: Connection, doc_id: str) -> dict[str, Any] | None:
    """Return a document's metadata, clean text and its events (full records), or None."""
    query = select(documents.c.doc_id, documents.c.title, documents.c.outlet, documents.c.url,
                   documents.c.published, documents.c.published_source,
                   documents.c.language, documents.c.text, documents.c.warnings)
    row = connection.execute(query.where(documents.c.doc_id == doc_id)).mappings().first()
    if row is None:
        return None
    records = connection.execute(select(events.c.record).where(events.c.doc_id == doc_id)
                                 .order_by(events.c.event_id)).scalars()
    return {"doc": dict(row), "events": [Event.model_validate(record) for record in records]}


def facets(connection: Connection) -> dict[str, list[str]]:
    """Return the distinct values the filter form offers as choices."""
    def distinct(column: Any) -> list[str]:
        query = select(column).where(column.is_not(None)).distinct().order_by(column)
        return [value for value in connection.execute(query).scalars() if value]

    return {"event_type": distinct(events.c.event_type),
            "sub_event_type": distinct(events.c.sub_event_type),
            "country": distinct(events.c.country),
            "source_kind": distinct(claims.c.source_kind),
            "grade": distinct(incidents.c.grade)}


def write_events(connection: Connection, where: EventFilter, fmt: str,
                 out: BinaryIO) -> int:
    """Write the filtered events to ``out`` with ``marsad.export`` (``csv`` or ``geojson``).

    Each event is wrapped in a one-event ``DocumentResult`` so the export module's own row
    functions (``flat_row``, ``geojson_feature``) project it; the document text is left out
    because no export column needs it.
    """
    query = _filtered(select(events.c.record, documents.c.doc_id, documents.c.title,
                             documents.c.outlet, documents.c.url, documents.c.published),
                      where).join_from(events, documents,
                                       documents.c.doc_id == events.c.doc_id)
    query = query.order_by(events.c.date_start, events.c.event_id)
    rows = connection.execution_options(yield_per=500).execute(query.limit(MAX_EXPORT))

    def results() -> Iterator[DocumentResult]:
        for row in rows.mappings():
            doc = Document(id=row["doc_id"], title=row["title"], outlet=row["outlet"],
                           url=row["url"], published=row["published"], text="")
            yield DocumentResult(doc=doc, events=[Event.model_validate(row["record"])])

    return write_export(results(), fmt, out)


# --- incidents (present once ``marsad fuse`` has run) ------------------------------------


def incidents_table(engine: Engine) -> Table | None:
    """Reflect the ``incidents`` table when the store has one (``marsad fuse``), else None.

    Reflected rather than imported: the desk must work on stores made before incidents
    existed, and it reads whatever columns the fusion step writes.
    """
    if not inspect(engine).has_table(INCIDENTS_TABLE):
        return None
    return Table(INCIDENTS_TABLE, MetaData(), autoload_with=engine)


def incident_key(table: Table) -> Any:
    """Return the column that names an incident: ``incident_id``, else the primary key."""
    if "incident_id" in table.c:
        return table.c.incident_id
    return next(iter(table.primary_key.columns), next(iter(table.c)))


def list_incidents(connection: Connection, table: Table, *, limit: int = 50, offset: int = 0,
                   grade: str | None = None) -> tuple[int, list[dict[str, Any]]]:
    """Return ``(total, one page)`` of incident rows, optionally of one corroboration grade."""
    query = select(table)
    counted = select(func.count()).select_from(table)
    if grade and "grade" in table.c:
        query = query.where(table.c.grade == grade)
        counted = counted.where(table.c.grade == grade)
    key = incident_key(table)
    rows = connection.execute(query.order_by(key).limit(min(limit, MAX_PAGE)).offset(offset))
    return int(connection.scalar(counted) or 0), [dict(row) for row in rows.mappings()]


def incident_detail(connection: Connection, table: Table,
                    incident_id: str) -> dict[str, Any] | None:
    """Return one incident row, or None."""
    row = connection.execute(select(table).where(incident_key(table) == incident_id))
    found = row.mappings().first()
    return dict(found) if found else None
