"""The analyst's desk: a read-only FastAPI app with a JSON API and server-rendered pages.

Why this shape: analysts look at the map and timeline and read claims next to the article,
tools read the same data as JSON, and both must come from one set of queries
(``marsad.web.queries``) and one filter grammar (``marsad.web.filters``) so a page's URL is
also its API query. The app only reads: every route is GET, request bodies are refused, and
untrusted text (articles, titles, source names) reaches HTML only through autoescaping.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Callable, Hashable, Iterator
from pathlib import Path
from typing import Annotated, Any, BinaryIO, cast
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParameter
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from sqlalchemy import Connection, Engine
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.gazetteer import ADMIN1_FILE, Admin1Row
from marsad.resources import read_csv
from marsad.store import open_store
from marsad.web import queries
from marsad.web.cache import Body, RevisionCache, revision
from marsad.web.filters import MAX_VALUE, FilterError, parse_filter
from marsad.web.highlight import FieldSpan, event_spans, segments
from marsad.web.middleware import MAX_URL_BYTES as MAX_URL_BYTES  # re-exported: tests
from marsad.web.middleware import DeskMiddleware, answer_key, send_body
from marsad.web.outlines import Division, Lazy, load_named
from marsad.web.queries import DEFAULT_SORT, MAX_PAGE, SORT_KEYS, EventFilter

HERE = Path(__file__).resolve().parent
PAGE_SIZE = 50
MAX_OFFSET = 1_000_000
DOWNLOAD_CHUNK = 64 * 1024
# Exports are built in memory up to this size, then in a temporary file.
SPOOL_BYTES = 8 * 1024 * 1024
# Memory for answers kept per store revision (marsad.web.cache), per worker process: the
# unfiltered 20,000-event map is ~2 MB with its gzip form, a list page ~60 kB.
CACHE_BYTES = 64 * 1024 * 1024
# Country outlines of the offline base layer (npm world-atlas@2.0.2, Natural Earth, ISC).
BOUNDARIES_FILE = HERE / "static" / "vendor" / "world-atlas" / "countries-50m.json"
# JSON routes whose answers are cached per store revision (and served by DeskMiddleware).
CACHED_PATHS = frozenset({"/api/events", "/api/map", "/api/timeline"})
# Environment variables through which ``marsad serve --workers N`` configures each worker.
DB_ENV = "MARSAD_DB"
TILES_ENV = "MARSAD_TILES"
CACHE_ENV = "MARSAD_DESK_CACHE_BYTES"

# The six ACLED event types, in the legend's order (CODEBOOK.md); unknown types get grey.
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians",
               "Protests", "Riots", "Strategic developments")
# Corroboration grades (SCHEMA.md, Incidents), explained on the incident page.
GRADES = {
    "single-source": "Only one source reports it.",
    "contested": "Sources disagree on what happened or on the toll.",
    "corroborated": "Independent sources report it consistently.",
    "confirmed": "Sources from both sides, or an independent monitor, report it.",
}
# Incident columns the list shows when the store has them (else every column).
INCIDENT_COLUMNS = ("incident_id", "date_start", "event_type", "sub_event_type", "location",
                    "admin1", "country", "actor1", "actor2", "fatalities_best", "grade",
                    "member_count", "source_count")


def create_app(db_url: str, *, tile_url: str | None = None,
               cache_bytes: int = CACHE_BYTES) -> FastAPI:
    """Build the desk over the store at ``db_url`` (migrated on open, then only read).

    ``tile_url`` is an optional Leaflet tile template (``https://{s}.tile.example/{z}/{x}/{y}
    .png``) for users online; without it the map draws its offline base layer only.
    ``cache_bytes`` bounds the answers kept until the store changes (0 turns caching off).
    """
    store = open_store(db_url)
    engine = store.engine
    cache = RevisionCache(cache_bytes)
    app = FastAPI(title="marsad", version="1", summary="Read-only API over a marsad store",
                  docs_url=None, redoc_url=None, openapi_url="/api/openapi.json")
    templates = Jinja2Templates(env=_environment())
    divisions = read_csv(ADMIN1_FILE, Admin1Row)
    places = _admin1_places(divisions)
    # Read once: the vendored outlines never change while the app runs.
    boundaries = Body.of(BOUNDARIES_FILE.read_bytes())
    # Named on first request (~1 s of parsing and compression a worker need not wait for).
    admin1_outlines = Lazy(lambda: Body.of(load_named(
        Division(row.iso2, row.admin1code, row.name) for row in divisions)))
    csp = _content_security_policy(tile_url)
    app.state.store = store
    app.state.cache = cache

    def cached(db: Connection, key: Hashable, make: Callable[[], Any]) -> Any:
        """``make()`` once per store revision and ``key`` (see marsad.web.cache)."""
        return cache.get_or_make(revision(db), key, make)

    def json_answer(request: Request, db: Connection, make: Callable[[], Any]) -> Response:
        """Answer ``make()`` as JSON, cached per revision and query, gzip and ETag aware
        (repeats are answered by ``DeskMiddleware`` before they reach the route)."""
        key = answer_key(request.scope["path"], request.query_params.multi_items())
        return send_body(request, cached(db, key, lambda: Body.of(_dumps(make()))))

    def peek(key: tuple[Any, ...]) -> Body | None:
        with engine.connect() as connection:
            found = cache.peek(revision(connection), key)
        return found if isinstance(found, Body) else None

    app.add_middleware(DeskMiddleware, csp=csp, peek=peek, cached_paths=CACHED_PATHS)

    def count(db: Connection, where: EventFilter) -> int:
        return int(cached(db, ("count", where), lambda: queries.count_events(db, where)))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return _error(request, templates, error.status_code, str(error.detail))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": jsonable_encoder(error.errors())}, 422)
        fields = ", ".join(str(item["loc"][-1]) for item in error.errors())
        return _error(request, templates, 422, f"invalid parameter: {fields}")

    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # --- JSON API -----------------------------------------------------------------------

    @app.get("/api/events", tags=["events"])
    def api_events(request: Request, db: Db, where: Filter, limit: Limit = PAGE_SIZE,
                   offset: Offset = 0, sort: Sort = DEFAULT_SORT) -> Response:
        """List events matching the filters, one page at a time (``next`` links the next)."""
        def make() -> dict[str, Any]:
            total, rows = queries.list_events(db, where, limit=limit, offset=offset,
                                              sort=sort, total=count(db, where))
            following = offset + limit if offset + limit < total else None
            return {"total": total, "limit": limit, "offset": offset, "sort": sort,
                    "next": None if following is None else
                    _with(request, offset=following, limit=limit),
                    "events": rows}

        return json_answer(request, db, make)

    @app.get("/api/events.csv", tags=["downloads"], response_class=StreamingResponse)
    def api_events_csv(db: Db, where: Filter) -> StreamingResponse:
        """Download the filtered events as flat CSV (``marsad export --format csv`` columns)."""
        return _download(db, where, "csv", "text/csv; charset=utf-8", "marsad-events.csv")

    @app.get("/api/events.geojson", tags=["downloads"], response_class=StreamingResponse)
    def api_events_geojson(db: Db, where: Filter) -> StreamingResponse:
        """Download the filtered events with coordinates as a GeoJSON FeatureCollection."""
        return _download(db, where, "geojson", "application/geo+json",
                         "marsad-events.geojson")

    @app.get("/api/events/{event_id}", tags=["events"])
    def api_event(db: Db, event_id: Annotated[str, _ID]) -> dict[str, Any]:
        """One event: its full record, its document's metadata and every field's span."""
        found = _event_or_404(db, event_id)
        event = found["event"]
        doc = {key: value for key, value in found["doc"].items() if key != "text"}
        return {"event": event.model_dump(mode="json"), "doc": jsonable_encoder(doc),
                "spans": [_span_json(span) for span in event_spans(event)]}

    @app.get("/api/documents/{doc_id}", tags=["documents"])
    def api_document(db: Db, doc_id: Annotated[str, _ID]) -> dict[str, Any]:
        """One document: its clean text and, per event, the span of every extracted field."""
        found = _document_or_404(db, doc_id)
        return {"doc": jsonable_encoder(found["doc"]),
                "events": [{"event_id": event.event_id, "event": event.model_dump(mode="json"),
                            "spans": [_span_json(span) for span in event_spans(event)]}
                           for event in found["events"]]}

    @app.get("/api/map", tags=["map"])
    def api_map(request: Request, db: Db, where: Filter) -> Response:
        """Compact map points of the filtered events: [id, lat, lon, type, fatalities, place,
        date], at most ``MAX_MAP_POINTS``."""
        def make() -> dict[str, Any]:
            total, points = queries.map_points(db, where)
            return {"total": total, "truncated": total > len(points), "points": points}

        return json_answer(request, db, make)

    @app.get("/api/timeline", tags=["map"])
    def api_timeline(request: Request, db: Db, where: Filter,
                     bucket: Annotated[str | None, Query(pattern="^(day|week)$")] = None,
                     ) -> Response:
        """Events per day or week and event type (weekly when the range is long)."""
        return json_answer(request, db, lambda: queries.timeline(db, where, bucket))

    @app.get("/api/basemap", tags=["map"])
    def api_basemap() -> dict[str, Any]:
        """Offline base layer labels: first-level divisions and their capitals' coordinates."""
        return {"places": places}

    @app.get("/api/boundaries", tags=["map"])
    def api_boundaries(request: Request) -> Response:
        """Country outlines for the offline base layer: Natural Earth 1:50m as TopoJSON
        (world-atlas 2.0.2, vendored; objects ``countries`` and ``land``)."""
        return send_body(request, boundaries)

    @app.get("/api/boundaries/admin1", tags=["map"])
    def api_admin1_boundaries(request: Request) -> Response:
        """First-level division outlines for the offline base layer: Natural Earth 1:10m
        admin-1, simplified, as TopoJSON (object ``admin1``; properties ``iso``, ``code``
        (GeoNames admin1 code), ``name`` (Natural Earth's) and ``admin1``: the name events
        and the ``admin1`` filter use, or null where ``resources/admin1.csv`` lacks it)."""
        return send_body(request, admin1_outlines.get())

    @app.get("/api/incidents", tags=["incidents"])
    def api_incidents(db: Db, limit: Limit = PAGE_SIZE, offset: Offset = 0,
                      grade: Annotated[str | None, Query(max_length=40)] = None,
                      ) -> dict[str, Any]:
        """List incidents (after ``marsad fuse``), optionally of one corroboration grade."""
        table = _incidents_or_404(engine)
        total, rows = queries.list_incidents(db, table, limit=limit, offset=offset,
                                             grade=grade)
        return {"total": total, "limit": limit, "offset": offset,
                "incidents": jsonable_encoder(rows)}

    @app.get("/api/incidents/{incident_id}", tags=["incidents"])
    def api_incident(db: Db, incident_id: Annotated[str, _ID]) -> dict[str, Any]:
        """One incident (after ``marsad fuse``)."""
        found = queries.incident_detail(db, _incidents_or_404(engine), incident_id)
        if found is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        return jsonable_encoder(found)

    # --- pages ---------------------------------------------------------------------------

    def page(request: Request, name: str, **context: Any) -> HTMLResponse:
        has_incidents = queries.incidents_table(engine) is not None
        return templates.TemplateResponse(request, name, {
            "has_incidents": has_incidents, "event_types": EVENT_TYPES,
            "type_class": type_class, "tile_url": tile_url or "", **context})

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request, db: Db, where: Filter, offset: Offset = 0,
                 sort: Sort = DEFAULT_SORT) -> HTMLResponse:
        total, rows = queries.list_events(db, where, limit=PAGE_SIZE, offset=offset, sort=sort,
                                          total=count(db, where))
        return page(request, "map.html", total=total, rows=rows, offset=offset, sort=sort,
                    page_size=PAGE_SIZE, params=_filter_params(request),
                    query=_with(request, offset=None, path=""),
                    facets=cached(db, "facets", lambda: queries.facets(db)), grades=GRADES,
                    sort_keys=SORT_KEYS,
                    previous=_with(request, offset=max(offset - PAGE_SIZE, 0))
                    if offset else None,
                    following=_with(request, offset=offset + PAGE_SIZE)
                    if offset + PAGE_SIZE < total else None)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, db: Db, event_id: Annotated[str, _ID]) -> HTMLResponse:
        found = _event_or_404(db, event_id)
        event = found["event"]
        spans = event_spans(event)
        others = queries.same_reports(db, event)
        return page(request, "event.html", event=event, doc=found["doc"],
                    segments=_anchored(found["doc"]["text"], spans), spans=spans,
                    others=others, differs=_differs(event, others))

    @app.get("/documents/{doc_id}", response_class=HTMLResponse, include_in_schema=False)
    def document_page(request: Request, db: Db, doc_id: Annotated[str, _ID]) -> HTMLResponse:
        found = _document_or_404(db, doc_id)
        spans = [span for number, event in enumerate(found["events"], start=1)
                 for span in event_spans(event, prefix=f"e{number}.")]
        return page(request, "document.html", doc=found["doc"], events=found["events"],
                    segments=_anchored(found["doc"]["text"], spans))

    @app.get("/incidents", response_class=HTMLResponse, include_in_schema=False)
    def incidents_page(request: Request, db: Db, offset: Offset = 0) -> HTMLResponse:
        table = _incidents_or_404(engine)
        total, rows = queries.list_incidents(db, table, limit=PAGE_SIZE, offset=offset)
        key = queries.incident_key(table).name
        columns = [name for name in INCIDENT_COLUMNS if name in table.c] or \
            [column.name for column in table.c]
        return page(request, "incidents.html", total=total, rows=rows, key=key,
                    columns=columns, show=_cell, offset=offset, page_size=PAGE_SIZE)

    @app.get("/incidents/{incident_id}", response_class=HTMLResponse, include_in_schema=False)
    def incident_page(request: Request, db: Db,
                      incident_id: Annotated[str, _ID]) -> HTMLResponse:
        found = queries.incident_detail(db, _incidents_or_404(engine), incident_id)
        if found is None:
            raise HTTPException(404, f"no incident {incident_id!r}")
        record = found.get("record")
        return page(request, "incident.html", incident=found, incident_id=incident_id,
                    show=_cell, grades=GRADES,
                    members=_member_ids(record if isinstance(record, dict) else found))

    @app.get("/api/docs", response_class=HTMLResponse, include_in_schema=False)
    def api_docs(request: Request) -> HTMLResponse:
        """The API reference, rendered from the OpenAPI document (no CDN-hosted viewer)."""
        return page(request, "api_docs.html", spec=app.openapi())

    return app


_ID = PathParameter(min_length=1, max_length=200)


def connect(request: Request) -> Iterator[Connection]:
    """Lend a connection of the app's store for one request."""
    with request.app.state.store.engine.connect() as connection:
        yield connection


async def event_filter(
    request: Request,
    date_from: Annotated[str | None, Query(max_length=10, description=(
        "First event day (YYYY-MM-DD), on the event's start date."))] = None,
    date_to: Annotated[str | None, Query(max_length=10, description=(
        "Last event day (YYYY-MM-DD), on the event's start date."))] = None,
    bbox: Annotated[str | None, Query(max_length=100, description=(
        "west,south,east,north in degrees."))] = None,
    country: Annotated[str | None, Query(max_length=MAX_VALUE, description=(
        "Country name or ISO3 code (any case)."))] = None,
    admin1: Annotated[str | None, Query(max_length=MAX_VALUE, description=(
        "First-level division, e.g. Damascus (any case)."))] = None,
    event_type: Annotated[str | None, Query(max_length=MAX_VALUE)] = None,
    sub_event_type: Annotated[str | None, Query(max_length=MAX_VALUE)] = None,
    actor: Annotated[str | None, Query(max_length=MAX_VALUE, description=(
        "Part of actor1's or actor2's name."))] = None,
    source: Annotated[str | None, Query(max_length=MAX_VALUE, description=(
        "Part of a claimant's name, or of the outlet's."))] = None,
    source_kind: Annotated[str | None, Query(max_length=MAX_VALUE, description=(
        "partisan, official, media, ngo, local or unnamed."))] = None,
    fatalities_min: Annotated[str | None, Query(max_length=9, description=(
        "Least best-estimate fatalities (none count as 0)."))] = None,
    fatalities_max: Annotated[str | None, Query(max_length=9)] = None,
    q: Annotated[str | None, Query(max_length=MAX_VALUE, description=(
        "Words in the notes or the evidence sentence."))] = None,
    grade: Annotated[str | None, Query(max_length=MAX_VALUE, description=(
        "Corroboration grade of the event's incident (after `marsad fuse`): single-source, "
        "contested, corroborated or confirmed."))] = None,
) -> EventFilter:
    """Read the event filters (parameters declared here for the OpenAPI document).

    Async only because it never blocks: FastAPI runs sync dependencies in its thread pool.
    """
    try:
        return parse_filter(request.query_params)
    except FilterError as err:
        raise HTTPException(422, str(err)) from err


Db = Annotated[Connection, Depends(connect)]
Filter = Annotated[EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE,
                             description=f"Rows per page (at most {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip.")]
Sort = Annotated[str, Query(pattern="^(" + "|".join(SORT_KEYS) + ")$",
                            description="Sort key; '-' first sorts descending: "
                                        + ", ".join(SORT_KEYS))]


def create_app_from_env() -> FastAPI:
    """Build the desk from ``MARSAD_DB``, ``MARSAD_TILES`` and ``MARSAD_DESK_CACHE_BYTES``.

    Why: ``marsad serve --workers N`` lets uvicorn start N processes, each of which imports
    and calls this factory; the command hands its options over through the environment.
    """
    db_url = os.environ.get(DB_ENV)
    if not db_url:
        raise RuntimeError(f"{DB_ENV} is not set")
    return create_app(db_url, tile_url=os.environ.get(TILES_ENV) or None,
                      cache_bytes=int(os.environ.get(CACHE_ENV) or CACHE_BYTES))


def type_class(event_type: str | None) -> str:
    """Return the CSS class of an event type's colour (``ev-battles``)."""
    slug = "".join(char if char.isalnum() else "-" for char in (event_type or "").lower())
    return "ev-" + "-".join(part for part in slug.split("-") if part)


def _environment() -> Environment:
    """Jinja2 with autoescaping on for every template: nothing is trusted as markup."""
    return Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                       trim_blocks=True, lstrip_blocks=True)


def _content_security_policy(tile_url: str | None) -> str:
    """Allow only this origin's scripts and styles (no inline script), tiles if configured."""
    images = "'self' data:"
    if tile_url and "://" in tile_url:
        scheme, rest = tile_url.split("://", 1)
        host = rest.split("/", 1)[0].replace("{s}", "*")
        images += f" {scheme}://{host}"
    return ("default-src 'none'; script-src 'self'; style-src 'self'; "
            f"img-src {images}; connect-src 'self'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


def _admin1_places(rows: list[Admin1Row]) -> list[dict[str, Any]]:
    return [{"name": row.name, "iso2": row.iso2, "lat": row.lat, "lon": row.lon}
            for row in rows]


def _with(request: Request, path: str | None = None, **changes: Any) -> str:
    """Return this request's URL (or just its query when ``path=''``) with ``changes``."""
    params = {key: value for key, value in request.query_params.items() if value}
    for key, value in changes.items():
        if value is None:
            params.pop(key, None)
        else:
            params[key] = str(value)
    query = urlencode(params)
    if path == "":
        return query
    return f"{request.url.path}?{query}" if query else request.url.path


def _json_default(value: Any) -> Any:
    """Dates (and anything else json cannot write) as ISO text, like FastAPI's encoder."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _dumps(value: Any) -> bytes:
    """Serialise an answer directly: FastAPI's generic encoder costs seconds on 20,000
    map points and tens of milliseconds on a 500-row page."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"),
                      default=_json_default).encode("utf-8")


def _filter_params(request: Request) -> dict[str, str]:
    return {key: value for key, value in request.query_params.items()}


def _download(db: Connection, where: EventFilter, fmt: str, media_type: str,
              filename: str) -> StreamingResponse:
    spool = cast(BinaryIO, tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES))
    queries.write_events(db, where, fmt, spool)
    spool.seek(0)

    def chunks() -> Iterator[bytes]:
        with spool:
            yield from iter(lambda: spool.read(DOWNLOAD_CHUNK), b"")

    return StreamingResponse(chunks(), media_type=media_type,
                             headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def _event_or_404(db: Connection, event_id: str) -> dict[str, Any]:
    found = queries.event_detail(db, event_id)
    if found is None:
        raise HTTPException(404, f"no event {event_id!r}")
    return found


def _document_or_404(db: Connection, doc_id: str) -> dict[str, Any]:
    found = queries.document_detail(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no document {doc_id!r}")
    return found


def _incidents_or_404(engine: Engine) -> Any:
    table = queries.incidents_table(engine)
    if table is None:
        raise HTTPException(404, "this store has no incidents yet: run `marsad fuse`")
    return table


def _span_json(span: FieldSpan) -> dict[str, Any]:
    return {"field": span.field, "char_span": [span.start, span.end], "text": span.text}


def _anchored(text: str, spans: list[FieldSpan]) -> list[dict[str, Any]]:
    """Segments of ``text`` with the ids of the spans starting in each (link targets)."""
    starts: dict[int, list[str]] = {}
    for span in spans:
        starts.setdefault(span.start, []).append(span.field)
    placed: set[int] = set()
    pieces = []
    for piece in segments(text, spans):
        anchors = starts.get(piece.start, []) if piece.start not in placed else []
        placed.add(piece.start)
        pieces.append({"text": piece.text, "fields": piece.fields, "kinds": piece.kinds,
                       "anchors": [_anchor(name) for name in anchors]})
    return pieces


def _anchor(field: str) -> str:
    return "span-" + "".join(char if char.isalnum() else "-" for char in field)


def _differs(event: Any, others: list[dict[str, Any]]) -> dict[str, bool]:
    """Tell which fields other reports of the same happening state differently."""
    best = event.fatalities.best if event.fatalities else None
    actor1 = event.actor1.name if event.actor1 else None
    actor2 = event.actor2.name if event.actor2 else None
    return {"fatalities": any(row["fatalities_best"] != best for row in others),
            "actor1": any(row["actor1"] != actor1 for row in others),
            "actor2": any(row["actor2"] != actor2 for row in others)}


def _cell(value: Any) -> str:
    """Show a reflected incident column: JSON for structures, ISO for dates."""
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return str(value)


def _member_ids(incident: dict[str, Any]) -> list[str]:
    """Event ids of an incident's members, whatever shape the fusion step stores."""
    members = incident.get("members") or incident.get("event_ids") or []
    if isinstance(members, str):
        try:
            members = json.loads(members)
        except ValueError:
            return []
    found = []
    for member in members if isinstance(members, list) else []:
        if isinstance(member, dict) and isinstance(member.get("event_id"), str):
            found.append(member["event_id"])
        elif isinstance(member, str):
            found.append(member)
    return found


def _error(request: Request, templates: Jinja2Templates, status: int, detail: str) -> Response:
    """Answer JSON under /api/, an HTML page elsewhere."""
    if request.url.path.startswith("/api/") or request.url.path.startswith("/static/"):
        return JSONResponse({"detail": detail}, status)
    return templates.TemplateResponse(request, "error.html",
                                      {"status": status, "detail": detail,
                                       "has_incidents": False, "event_types": EVENT_TYPES},
                                      status_code=status)
