"""The desk in a real browser: Debian's Chromium, driven by Playwright, against ``marsad serve``.

The server is the real command (uvicorn on a free loopback port) over a store filled by the
real pipeline, including an article full of ``<script>`` and event-handler markup.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlparse

import httpx
import pytest
from tests.web.conftest import HOSTILE_DOC
from tests.web.serving import serve

from marsad.export import FLAT_COLUMNS
from marsad.gazetteer import ADMIN1_FILE, Admin1Row
from marsad.resources import read_csv

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-gpu",
                 "--no-first-run", "--disable-quic"]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="needs Debian's Chromium at /usr/bin/chromium "
                                       "(apt-get install chromium; CI installs it)")

if CHROMIUM.exists():
    from playwright.sync_api import Browser, Page, expect, sync_playwright


@pytest.fixture(scope="module")
def server(store_url: str) -> Iterator[str]:
    """Run ``marsad serve`` as its own process and wait until it answers."""
    with serve(store_url) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1366, "height": 900},
                                  accept_downloads=True)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda error: errors.append(str(error)))
    yield opened
    pwned = opened.evaluate("typeof window.__pwned")
    context.close()
    assert pwned == "undefined"
    assert errors == []


def markers_drawn(page: Page) -> int:
    """Wait until the map script says its markers are drawn; return how many."""
    page.wait_for_selector("#map[data-markers]", state="attached", timeout=30_000)
    return int(page.get_attribute("#map", "data-markers") or "0")


def api_total(server: str, path: str, query: str) -> int:
    return int(httpx.get(f"{server}{path}?{query}", timeout=30).json()["total"])


def test_map_shows_markers(server: str, page: Page) -> None:
    page.goto(server + "/")
    drawn = markers_drawn(page)
    assert drawn == api_total(server, "/api/map", "")
    assert drawn > 0
    assert page.locator(".leaflet-marker-icon").count() > 0
    assert page.locator("#timeline svg .bucket").count() > 0


def test_filter_by_type_and_date(server: str, page: Page) -> None:
    page.goto(server + "/")
    markers_drawn(page)
    page.select_option("#f-event_type", "Battles")
    page.fill("#f-date_from", "2018-05-01")
    page.fill("#f-date_to", "2018-05-31")
    page.click("button[type=submit]")
    page.wait_for_url("**event_type=Battles**")
    query = urlparse(page.url).query
    assert parse_qs(query)["date_from"] == ["2018-05-01"]
    total = api_total(server, "/api/events", query)
    assert 0 < total < api_total(server, "/api/events", "")
    assert markers_drawn(page) == api_total(server, "/api/map", query)
    assert page.locator("table.list tbody tr").count() == min(total, 50)
    expect(page.locator("#events-heading")).to_contain_text(f"{total} event")


def test_click_marker_open_event_and_see_evidence(server: str, page: Page) -> None:
    page.goto(server + "/?country=Syria")
    markers_drawn(page)
    markers = page.locator(".ev-marker")
    for _ in range(12):  # zoom into clusters until a single marker shows
        if markers.count():
            break
        page.locator(".marker-cluster").first.click()
        page.wait_for_timeout(600)
    markers.first.click()
    page.locator(".leaflet-popup .open-event").click()
    page.wait_for_url("**/events/**")
    event_id = page.url.rsplit("/", 1)[-1]
    record = httpx.get(f"{server}/api/events/{event_id}", timeout=30).json()["event"]
    expect(page.locator("mark#span-trigger")).to_have_text(record["trigger"]["text"])
    assert page.locator("mark.hl-evidence").count() > 0
    claims = page.locator("table.claims tbody tr")
    assert claims.count() == max(len(record["attribution"]), 1)
    expect(claims.first).to_contain_text(record["attribution"][0]["source"])


def test_download_csv_of_the_filter(server: str, page: Page, tmp_path: Path) -> None:
    page.goto(server + "/?event_type=Battles")
    with page.expect_download() as download:
        page.click("#download-csv")
    saved = tmp_path / "events.csv"
    download.value.save_as(saved)
    with saved.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert tuple(table[0]) == FLAT_COLUMNS
    assert len(table) - 1 == api_total(server, "/api/events", "event_type=Battles")
    assert {row[FLAT_COLUMNS.index("event_type")] for row in table[1:]} == {"Battles"}


def test_brushing_the_timeline_filters_by_date(server: str, page: Page) -> None:
    page.goto(server + "/?country=Syria")
    markers_drawn(page)
    chart = page.locator("#timeline svg")
    chart.wait_for()
    box = chart.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.9, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    page.wait_for_url("**date_to=**")
    params = parse_qs(urlparse(page.url).query)
    assert params["country"] == ["Syria"]
    assert params["date_from"][0] <= params["date_to"][0]
    shown = api_total(server, "/api/events", urlparse(page.url).query)
    assert 0 < shown < api_total(server, "/api/events", "country=Syria")


def test_timeline_is_keyboard_reachable(server: str, page: Page) -> None:
    page.goto(server + "/")
    bucket = page.locator("#timeline .bucket").first
    bucket.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**date_from=**")
    params = parse_qs(urlparse(page.url).query)
    assert params["date_from"] and params["date_to"]


@pytest.mark.parametrize("path", [f"/documents/{HOSTILE_DOC}", "/?source=Evil"])
def test_hostile_markup_stays_text(server: str, page: Page, path: str) -> None:
    page.goto(server + path)
    if path.startswith("/?"):
        assert markers_drawn(page) > 0
        page.locator(".ev-marker, .marker-cluster").first.click()
    expect(page.locator("main")).to_contain_text("<script>window.__pwned=1</script>")
    assert page.locator("main script, main img[src=x]").count() == 0


def test_hostile_event_page(server: str, page: Page) -> None:
    events = httpx.get(f"{server}/api/events?source=Evil&limit=5", timeout=30).json()["events"]
    page.goto(f"{server}/events/{events[0]['event_id']}")
    expect(page.locator(".article")).to_contain_text('<img src=x onerror="window.__pwned=1">')
    assert page.locator(".article img, .article script").count() == 0


def test_country_outlines_are_drawn(server: str, page: Page) -> None:
    page.goto(server + "/")
    markers_drawn(page)
    page.wait_for_selector("#map[data-boundaries]", state="attached", timeout=30_000)
    assert int(page.get_attribute("#map", "data-boundaries") or "0") > 200
    assert page.locator(".leaflet-base-pane canvas").count() == 1


PAINTED = """(pane) => {
  const canvas = document.querySelector('.leaflet-' + pane + '-pane canvas');
  if (!canvas || !canvas.width) return -1;
  const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  let count = 0;
  for (let i = 3; i < pixels.length; i += 4) if (pixels[i]) count += 1;
  return count;
}"""

# Spots of the map (viewport x, y) that no marker, label or control covers, nearest the
# centre first.
BARE_SPOTS = """() => {
  const box = document.getElementById('map').getBoundingClientRect();
  const spots = [];
  for (let row = -6; row <= 6; row += 1) {
    for (let column = -6; column <= 6; column += 1) {
      const x = box.left + box.width * (0.5 + 0.06 * column);
      const y = box.top + box.height * (0.5 + 0.06 * row);
      const found = document.elementFromPoint(x, y);
      if (found && found.closest('#map') && !found.closest(
          '.leaflet-marker-pane, .leaflet-popup-pane, .leaflet-control-container')) {
        spots.push([x, y, row * row + column * column]);
      }
    }
  }
  return spots.sort((a, b) => a[2] - b[2]);
}"""


def painted(page: Page, pane: str) -> int:
    """How many pixels of the canvas in Leaflet pane ``pane`` are drawn (-1: no canvas)."""
    return int(page.evaluate(PAINTED, pane))


def provinces_drawn(page: Page) -> int:
    """Wait until the province outlines are loaded; return for how many countries."""
    page.wait_for_selector("#map[data-admin1]", state="attached", timeout=60_000)
    return int(page.get_attribute("#map", "data-admin1") or "0")


def test_province_outlines_are_drawn_when_zoomed_in(server: str, page: Page) -> None:
    page.goto(server + "/?country=Syria")
    markers_drawn(page)
    assert provinces_drawn(page) > 0
    page.wait_for_function(f"({PAINTED})('admin1') > 0", timeout=30_000)
    assert painted(page, "admin1") > 500
    # Zoomed out to the world, no province is drawn (the country borders still are).
    page.focus("#map")
    for _ in range(6):
        page.keyboard.press("-")
        page.wait_for_timeout(300)
    page.wait_for_function("document.getElementById('map').dataset.admin1 === '0'",
                           timeout=30_000)
    page.wait_for_function(f"({PAINTED})('admin1') === 0", timeout=30_000)
    assert painted(page, "base") > 0


def test_click_a_province_to_filter_by_it(server: str, page: Page) -> None:
    ours = {row.name for row in read_csv(ADMIN1_FILE, Admin1Row)}
    page.goto(server + "/?country=Syria")
    markers_drawn(page)
    assert provinces_drawn(page) > 0
    province = page.locator(".leaflet-popup .popup.province")
    for x, y, _ in page.evaluate(BARE_SPOTS)[:12]:  # the sea has no province: try again
        page.mouse.click(x, y)
        page.wait_for_timeout(200)
        if province.count():
            break
    expect(province).to_be_visible()
    name = province.locator("h3").inner_text()
    button = province.locator("button.filter-admin1")
    if name not in ours:  # a division marsad does not name: no filter is offered
        assert button.count() == 0
        return
    button.click()
    page.wait_for_url("**admin1=**")
    assert parse_qs(urlparse(page.url).query)["admin1"] == [name]
    total = api_total(server, "/api/events", urlparse(page.url).query)
    expect(page.locator("#events-heading")).to_contain_text(f"{total} event")


def place(lat: float, lon: float, count: int) -> list[list[Any]]:
    """``count`` map points spread over ~1 degree around (lat, lon)."""
    return [[f"e{lat}{lon}{n}", lat + (n % 10) / 10, lon + (n // 10 % 10) / 10, "Battles", 0,
             "", ""] for n in range(count)]


SYRIA = (34.0, 37.0)
UTAH = (40.0, -111.0)
# (points, a place the first view must show, a place it must leave out)
FOCUS_CASES = [
    (place(*SYRIA, 90) + place(*UTAH, 10), SYRIA, UTAH),     # a few far away are left out
    (place(*UTAH, 40), UTAH, SYRIA),                          # a filter to the US shows it
    (place(*SYRIA, 50) + place(*UTAH, 50), SYRIA, None),      # even split: everything
    (place(*SYRIA, 50) + place(*UTAH, 50), UTAH, None),
]


@pytest.mark.parametrize(("points", "shown", "left_out"), FOCUS_CASES)
def test_first_view_fits_where_most_events_are(
        server: str, page: Page, points: list[list[Any]], shown: tuple[float, float],
        left_out: tuple[float, float] | None) -> None:
    page.goto(server + "/")
    markers_drawn(page)
    (south, west), (north, east) = page.evaluate(
        "points => window.marsadCluster.focus(points, 10, 0.5)", points)

    def inside(spot: tuple[float, float]) -> bool:
        return south - 1 <= spot[0] <= north + 1 and west - 1 <= spot[1] <= east + 1

    assert inside(shown)
    if left_out is not None:
        assert not inside(left_out)


@pytest.mark.parametrize(("zoom", "cell"), [(4, 60), (6, 60), (9, 60), (12, 0)])
def test_clusters_hold_every_point_in_view_once(server: str, page: Page, zoom: int,
                                                cell: int) -> None:
    page.goto(server + "/")
    markers_drawn(page)
    points = place(*SYRIA, 100) + place(*UTAH, 7) + place(33.3, 44.4, 30)
    found = page.evaluate("""([points, zoom, cell]) => {
        const c = window.marsadCluster, xy = c.projectAll(points), s = Math.pow(2, zoom);
        const syria = c.project(34.5, 37.5);  // a 1200-pixel view around Syria
        const box = [syria[0] * s - 600, syria[1] * s - 600, syria[0] * s + 600,
                     syria[1] * s + 600];
        const cells = c.grid(points, xy, zoom, box, cell);
        const members = cells.clusters.flatMap(k => k.members).concat(cells.singles);
        const inView = points.map((p, i) => i).filter(i => xy[2 * i] * s >= box[0] &&
            xy[2 * i] * s <= box[2] && xy[2 * i + 1] * s >= box[1] && xy[2 * i + 1] * s <= box[3]);
        return {members: members.sort((a, b) => a - b), inView: inView,
                clusters: cells.clusters.length};
    }""", [points, zoom, cell])
    assert found["members"] == found["inView"]  # every point in view, each once
    assert found["inView"] and found["inView"][0] < 100  # Syria is in view,
    assert not any(100 <= index < 107 for index in found["inView"])  # Utah is not
    assert (found["clusters"] == 0) == (cell == 0)


def test_grade_filter_is_in_the_form(server: str, page: Page) -> None:
    page.goto(server + "/?grade=corroborated")
    markers_drawn(page)
    assert page.locator("#f-grade").input_value() == "corroborated"
    options = page.locator("#f-grade option").all_inner_texts()
    assert {"any", "single-source", "contested", "corroborated", "confirmed"} <= set(options)
