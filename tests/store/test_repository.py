"""The store on SQLite and PostgreSQL: migrations, idempotent saves, atomicity, round trips."""

from __future__ import annotations

import sqlite3
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, inspect, text
from sqlalchemy.exc import IntegrityError

from marsad.errors import MarsadError
from marsad.model import DocumentResult, span_mismatches
from marsad.store import Store, document_hash, open_store, resolve_db_url
from marsad.store.repository import _event_row
from marsad.store.tables import events, metadata

from .sample import SEED_TEXT, make_result

# SQLite and PostgreSQL word a unique-constraint violation differently.
UNIQUE_VIOLATION = (r"^cannot store document 'b': "
                    r"(UNIQUE constraint|duplicate key value violates unique constraint)")


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def test_fixture_results_are_valid() -> None:
    assert span_mismatches(make_result("a")) == []


def test_open_creates_schema_and_reopening_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "fresh.db"
    for _ in range(2):
        with open_store(sqlite_url(path)) as opened:
            names = set(inspect(opened.engine).get_table_names())
            assert opened.counts() == {"documents": 0, "events": 0, "claims": 0}
    assert {"alembic_version", "documents", "events", "claims", "incidents",
            "incident_members", "fusion_runs"} <= names
    with sqlite3.connect(path) as raw:
        versions = raw.execute("SELECT version_num FROM alembic_version").fetchall()
        assert versions == [(_head_revision(),)]
        assert raw.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_migrated_schema_matches_tables(store: Store) -> None:
    with store.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), metadata) == []


@pytest.mark.parametrize(("table", "indexed"), [
    ("documents", {"source_hash"}),
    ("events", {"date_start", "sub_event_type", "admin1", "doc_id", "event_type", "iso3",
                # the web desk's covering index (migration 0004)
                "country", "lat", "lon", "fatalities_best", "actor1", "actor2", "location",
                "confidence", "event_id"}),
    ("claims", {"event_id", "source_kind"}),
])
def test_indexes_exist(store: Store, table: str, indexed: set[str]) -> None:
    # PostgreSQL lists unique constraints as indexes too; only the plain ones are ours.
    columns = {column for index in inspect(store.engine).get_indexes(table)
               if not index["unique"] for column in index["column_names"]}
    assert columns == indexed


def test_existing_file_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE notes (body TEXT)")
        raw.execute("INSERT INTO notes VALUES ('keep me')")
    with open_store(sqlite_url(path)) as opened:
        assert opened.save(make_result("a")) is True
        with opened.engine.connect() as connection:
            assert connection.execute(text("SELECT body FROM notes")).all() == [("keep me",)]


def test_foreign_keys_are_enforced(store: Store) -> None:
    orphan = make_result("a").events[0].model_copy(update={"event_id": "orphan"})
    with pytest.raises(IntegrityError), store.engine.begin() as connection:
        connection.execute(insert(events), [_event_row("no such document", orphan)])


def test_save_then_resave_is_a_no_op(store: Store) -> None:
    result = make_result("a")
    assert store.save(result) is True
    assert store.counts() == {"documents": 1, "events": 2, "claims": 2}
    assert store.save(result) is False
    assert store.counts() == {"documents": 1, "events": 2, "claims": 2}


@pytest.mark.parametrize(("doc_id", "text", "content_hash"), [
    ("a", SEED_TEXT + " Updated.", ""),     # same id, new text
    ("b", SEED_TEXT, ""),                   # same text (hash of text), new id
    ("c", SEED_TEXT + " Other.", "fixed"),  # same given content hash
])
def test_duplicate_by_id_or_hash_is_not_stored(store: Store, doc_id: str, text: str,
                                               content_hash: str) -> None:
    assert store.save(make_result("a", content_hash="fixed" if content_hash else "")) is True
    duplicate = make_result(doc_id, text=text, content_hash=content_hash,
                            event_ids=("x1", "x2"))
    assert store.save(duplicate) is False
    assert store.counts()["documents"] == 1


def test_has_uses_the_content_hash(store: Store) -> None:
    given_hash = make_result("a", content_hash="sha1:abc")
    text_hash = make_result("b", text=SEED_TEXT + " More.", event_ids=("b1", "b2"))
    store.save(given_hash)
    store.save(text_hash)
    assert store.has("sha1:abc") is True
    assert store.has(document_hash(text_hash.doc)) is True
    assert document_hash(text_hash.doc).startswith("sha256:")
    assert store.has("sha1:other") is False


def test_results_round_trip_in_ingest_order(store: Store) -> None:
    saved = [make_result(name, text=f"{SEED_TEXT} ({name})", event_ids=(f"{name}1", f"{name}2"))
             for name in ("z", "a", "m")]
    for result in saved:
        store.save(result)
    assert list(store.iter_results()) == saved
    pairs = [(doc.id, event.event_id) for doc, event in store.iter_events()]
    assert pairs == [("z", "z1"), ("z", "z2"), ("a", "a1"), ("a", "a2"), ("m", "m1"),
                     ("m", "m2")]


def test_event_columns_project_the_record(store: Store) -> None:
    store.save(make_result("a"))
    with store.engine.connect() as connection:
        row = connection.execute(text(
            "SELECT sub_event_type, date_start, admin1, inter1, inter2, fatalities_best, "
            "fatalities_aggregate FROM events WHERE event_id = 'e2'")).one()
        claim = connection.execute(text(
            "SELECT source, source_kind, hedged, claim_date, char_start, char_end "
            "FROM claims WHERE event_id = 'e2'")).one()
    # SQLite hands dates back as text and booleans as 0/1; PostgreSQL as date and bool.
    plain = [str(value) if value is not None else None for value in row]
    assert plain[:-1] == ["Armed clash", "2018-05-06", None, "2", "1", "30"]
    assert not row[-1]
    start = SEED_TEXT.index("\"Amaaq\"")
    assert (*claim[:2], bool(claim[2]), str(claim[3]), *claim[4:]) == (
        "Amaaq News Agency", "partisan", True, "2018-05-06", start,
        start + len("\"Amaaq\" Agency claimed"))


@pytest.mark.parametrize("event_ids", [
    ("new1", "a1"),  # the second event's id is already stored for document "a"
    ("dup", "dup"),  # the document repeats an event id
])
def test_failed_save_leaves_nothing_behind(store: Store, event_ids: tuple[str, str]) -> None:
    store.save(make_result("a", event_ids=("a1", "a2")))
    broken = make_result("b", text=SEED_TEXT + " Again.", event_ids=event_ids)
    with pytest.raises(MarsadError, match=UNIQUE_VIOLATION):
        store.save(broken)
    assert store.counts() == {"documents": 1, "events": 2, "claims": 2}
    assert store.has(document_hash(broken.doc)) is False
    assert store.save(make_result("b", text=SEED_TEXT + " Again.", event_ids=("b1", "b2")))


def test_open_store_reports_an_unopenable_file(tmp_path: Path) -> None:
    with pytest.raises(MarsadError, match="^cannot open database .*unable to open"):
        open_store(sqlite_url(tmp_path / "no such dir" / "x.db"))


@pytest.mark.parametrize(("value", "env", "expected"), [
    ("marsad.db", None, "sqlite:///{cwd}/marsad.db"),
    ("./x/y.db", None, "sqlite:///{cwd}/x/y.db"),
    ("/data/m.db", None, "sqlite:////data/m.db"),
    ("postgresql+psycopg://u:p@host/marsad", None, "postgresql+psycopg://u:p@host/marsad"),
    ("sqlite:///rel.db", "/ignored.db", "sqlite:///rel.db"),
    (None, "/env/m.db", "sqlite:////env/m.db"),
    (None, None, "sqlite:///{cwd}/marsad.db"),
    ("", "", "sqlite:///{cwd}/marsad.db"),
    (":memory:", None, "sqlite:///:memory:"),
])
def test_resolve_db_url(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str | None,
                        env: str | None, expected: str) -> None:
    monkeypatch.chdir(tmp_path)
    if env is None:
        monkeypatch.delenv("MARSAD_DB", raising=False)
    else:
        monkeypatch.setenv("MARSAD_DB", env)
    assert resolve_db_url(value) == expected.format(cwd=tmp_path)


text_strategy = st.text(st.characters(codec="utf-8"), max_size=80)


@settings(max_examples=15, deadline=None)
@given(title=st.none() | text_strategy, extra=text_strategy,
       warnings=st.lists(text_strategy, max_size=3))
def test_store_round_trips_any_text(title: str | None, extra: str, warnings: list[str]) -> None:
    base = make_result("p", text=SEED_TEXT + extra, event_ids=("p1", "p2"))
    doc = base.doc.model_copy(update={"title": title})
    result = DocumentResult(doc=doc, events=base.events, warnings=warnings)
    with tempfile.TemporaryDirectory() as folder:
        with open_store(sqlite_url(Path(folder) / "prop.db")) as opened:
            assert opened.save(result) is True
            assert opened.save(result) is False
            assert list(opened.iter_results()) == [result]
            assert opened.counts() == {"documents": 1, "events": 2, "claims": 2}


@pytest.mark.parametrize(("url", "message"), [
    ("nosuchdialect://x/y", r"^cannot open database 'nosuchdialect://x/y': Can't load plugin"),
    ("not a url://", r"^cannot open database 'not a url://': Could not parse"),
])
def test_open_store_reports_bad_urls(url: str, message: str) -> None:
    with pytest.raises(MarsadError, match=message):
        open_store(url)


def test_database_from_a_newer_marsad_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "newer.db"
    open_store(sqlite_url(path)).close()
    with sqlite3.connect(path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(MarsadError, match=r"^cannot migrate database .*'9999'.*newer marsad"):
        open_store(sqlite_url(path))


def test_concurrent_writers_store_each_document_once(backend_url: str) -> None:
    url = backend_url
    results = [make_result(f"c{i}", text=f"{SEED_TEXT} {i}", event_ids=(f"c{i}a", f"c{i}b"))
               for i in range(20)]
    with open_store(url) as first, open_store(url) as second:
        with ThreadPoolExecutor(max_workers=4) as pool:
            saved = list(pool.map(lambda store: sum(store.save(r) for r in results),
                                  [first, second, first, second]))
        assert sum(saved) == 20
        assert first.counts() == {"documents": 20, "events": 40, "claims": 40}


def _head_revision() -> str:
    """The newest migration: feature issues add revisions after 0001."""
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from marsad.store.repository import MIGRATIONS_DIR

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return str(ScriptDirectory.from_config(config).get_current_head())
