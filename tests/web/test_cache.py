"""The desk's answer cache, grade filter and boundaries over real pipeline stores.

The cache must never serve an answer from before a commit: each test that writes does so
through the real store (``Store.save``) or the real fusion step (``fuse_store``) on its own
copy of the store, then asks the same URL again.
"""

from __future__ import annotations

import gzip
import json
import shutil
import sqlite3
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select

from marsad.fusion.settings import load_fusion_settings
from marsad.fusion.store import fuse_store
from marsad.store import open_store
from marsad.store.tables import incident_members, incidents
from marsad.web import create_app
from marsad.web.cache import GZIP_MIN_BYTES, Body, RevisionCache


def copy_store(store_url: str, folder: Path) -> str:
    """Copy the session's SQLite store (WAL folded in) so a test may write to its copy."""
    source = Path(store_url.removeprefix("sqlite:///"))
    with sqlite3.connect(source) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    target = folder / "copy.db"
    shutil.copy(source, target)
    return f"sqlite:///{target}"


@pytest.fixture
def own_client(store_url: str, tmp_path: Path) -> Iterator[TestClient]:
    """A desk over a private copy of the pipeline store (tests here write to it)."""
    app = create_app(copy_store(store_url, tmp_path))
    with TestClient(app) as test_client:
        yield test_client
    app.state.store.close()


# --- RevisionCache itself ------------------------------------------------------------------

# (steps of (revision, key), expected values returned; make() returns the call's number)
CACHE_CASES = [
    ([(1, "a"), (1, "a")], [0, 0]),             # a repeat is served from the cache
    ([(1, "a"), (1, "b")], [0, 1]),             # another key is computed
    ([(1, "a"), (2, "a")], [0, 1]),             # a new revision drops the old answers
    ([(1, "a"), (2, "a"), (1, "a")], [0, 1, 2]),  # and never brings them back
]


@pytest.mark.parametrize(("steps", "expected"), CACHE_CASES)
def test_cache_keys_on_revision(steps: list[tuple[int, str]], expected: list[int]) -> None:
    cache = RevisionCache(1 << 20)
    made = iter(range(100))
    got = [cache.get_or_make(revision, key, lambda: next(made)) for revision, key in steps]
    assert got == expected


@pytest.mark.parametrize(("max_bytes", "kept"), [(0, []), (2500, ["c", "b"]),
                                                  (1 << 20, ["c", "b", "a"])])
def test_cache_evicts_least_recently_used(max_bytes: int, kept: list[str]) -> None:
    cache = RevisionCache(max_bytes)
    bodies = {key: Body.of(bytes(1000)) for key in "abc"}  # zeros: gzip is small, 1000+
    for key in "abc":
        cache.get_or_make(1, key, lambda key=key: bodies[key])  # type: ignore[misc]
    still = [key for key in "cba"
             if cache.get_or_make(1, key, lambda: Body.of(b"new")) is bodies[key]]
    assert still == kept


def test_concurrent_misses_make_the_answer_once() -> None:
    """Ten requests for one cold key: one make(), nine waiters served its value."""
    cache = RevisionCache(1 << 20)
    calls: list[int] = []
    started = threading.Event()

    def make() -> Body:
        calls.append(1)
        started.set()
        time.sleep(0.3)  # long enough for the other threads to arrive while it runs
        return Body.of(b"x" * 2000)

    with ThreadPoolExecutor(10) as pool:
        first = pool.submit(cache.get_or_make, 1, "map", make)
        started.wait(5)
        rest = [pool.submit(cache.get_or_make, 1, "map", make) for _ in range(9)]
        values = [first.result()] + [future.result() for future in rest]
    assert len(calls) == 1
    assert all(value is values[0] for value in values)
    assert cache.stats()["misses"] == 1


def test_waiters_make_their_own_when_the_maker_fails() -> None:
    cache = RevisionCache(1 << 20)
    started, release = threading.Event(), threading.Event()

    def failing() -> Body:
        started.set()
        release.wait(5)
        raise RuntimeError("database gone")

    with ThreadPoolExecutor(2) as pool:
        doomed = pool.submit(cache.get_or_make, 1, "k", failing)
        started.wait(5)
        waiter = pool.submit(cache.get_or_make, 1, "k", lambda: Body.of(b"ok"))
        time.sleep(0.1)
        release.set()
        with pytest.raises(RuntimeError):
            doomed.result()
        assert waiter.result().data == b"ok"
    assert cache.get_or_make(1, "k", lambda: Body.of(b"new")).data == b"ok"


def test_body_gzip_and_etag() -> None:
    data = json.dumps({"points": [[1.5, 2.5, "Battles"]] * 500}).encode()
    body = Body.of(data)
    assert body.gzipped is not None and gzip.decompress(body.gzipped) == data
    assert Body.of(data).etag == body.etag != Body.of(data + b" ").etag
    assert Body.of(b"{}").gzipped is None  # too small to be worth it


# --- the app's answers ---------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/api/events?event_type=Battles", "/api/map",
                                  "/api/timeline", "/api/boundaries"])
def test_etag_revalidation_and_gzip(client: TestClient, path: str) -> None:
    first = client.get(path, headers={"Accept-Encoding": "gzip"})
    assert first.status_code == 200
    plain = client.get(path, headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert plain.json() == first.json()
    # Compressed exactly when the body is big enough to gain from it.
    worth = len(plain.content) >= GZIP_MIN_BYTES
    assert first.headers.get("content-encoding") == ("gzip" if worth else None)
    again = client.get(path, headers={"If-None-Match": first.headers["etag"]})
    assert again.status_code == 304 and again.content == b""


def test_new_document_changes_the_answers(own_client: TestClient) -> None:
    before = own_client.get("/api/events?limit=500").json()
    map_before = own_client.get("/api/map").json()
    store = own_client.app.state.store  # type: ignore[attr-defined]
    seed = next(result for result in store.iter_results() if result.events)
    # A new id and content hash: the store takes it as another document.
    doc = seed.doc.model_copy(update={"id": seed.doc.id + "-again",
                                      "content_hash": "test:" + seed.doc.id + "-again"})
    events = [event.model_copy(update={"event_id": event.event_id + "-again"})
              for event in seed.events]
    assert store.save(seed.model_copy(update={"doc": doc, "events": events}))
    after = own_client.get("/api/events?limit=500").json()
    assert after["total"] == before["total"] + len(events)
    assert {row["event_id"] for row in after["events"]} >= {e.event_id for e in events}
    located = sum(event.location is not None and event.location.lat is not None
                  for event in events)
    assert own_client.get("/api/map").json()["total"] == map_before["total"] + located


def grades_of(url: str) -> dict[str, set[str]]:
    """Event ids per incident grade, straight from the tables."""
    with open_store(url) as store, store.engine.connect() as connection:
        rows = connection.execute(
            select(incidents.c.grade, incident_members.c.event_id)
            .join(incident_members, incident_members.c.incident_id == incidents.c.incident_id))
        found: dict[str, set[str]] = {}
        for grade, event_id in rows:
            found.setdefault(grade, set()).add(event_id)
    return found


def test_grade_filter_follows_fusion(own_client: TestClient) -> None:
    store = own_client.app.state.store  # type: ignore[attr-defined]
    assert own_client.get("/api/events?grade=single-source").json()["total"] == 0
    fuse_store(store, load_fusion_settings())
    by_grade = grades_of(store.engine.url.render_as_string(hide_password=False))
    assert len(by_grade) >= 2, by_grade  # the examples give more than one grade
    everything = own_client.get("/api/events?limit=500").json()["total"]
    for grade, expected in by_grade.items():
        body = own_client.get(f"/api/events?grade={grade}&limit=500").json()
        assert {row["event_id"] for row in body["events"]} == expected, grade
        assert 0 < body["total"] < everything
        points = own_client.get(f"/api/map?grade={grade}").json()["points"]
        assert {point[0] for point in points} <= expected
    assert own_client.get("/api/events?grade=no-such-grade").json()["total"] == 0
    page = own_client.get("/?grade=corroborated").text
    assert '<option value="corroborated" selected>' in page


def test_grade_in_the_form_is_escaped(client: TestClient) -> None:
    page = client.get("/", params={"grade": '"><script>window.__pwned=1</script>'}).text
    assert "<script>window.__pwned" not in page
    assert "&#34;&gt;&lt;script&gt;" in page or "&quot;&gt;&lt;script&gt;" in page


# (country name, ISO 3166 numeric id as world-atlas spells it)
COUNTRIES = [("Syria", "760"), ("Iraq", "368"), ("Yemen", "887"), ("Ukraine", "804")]


@pytest.mark.parametrize(("name", "numeric"), COUNTRIES)
def test_boundaries_hold_the_countries(client: TestClient, name: str, numeric: str) -> None:
    world = client.get("/api/boundaries").json()
    assert world["type"] == "Topology" and {"countries", "land"} <= set(world["objects"])
    geometries = world["objects"]["countries"]["geometries"]
    found = [item for item in geometries if item["properties"]["name"] == name]
    assert len(found) == 1 and found[0]["id"] == numeric and found[0]["arcs"]
