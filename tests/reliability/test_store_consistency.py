"""No data lost, none half-written: failed writes leave nothing, and readers that run while
another process ingests (SQL, ``Store.counts``, the web app) only ever see whole documents.

The SIGKILL-mid-ingest test lives in tests/scale/test_resume.py (kill -9 of a real
``marsad ingest``, then a rerun stores every document exactly once).
"""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.context import Context
from marsad.errors import MarsadError
from marsad.model import DocumentResult, SourceDocument
from marsad.pipeline import process
from marsad.store import open_store

WRITER_DOCUMENTS = 240
WRITER_PAUSE_S = 0.005  # between commits, so the reader sees many intermediate states

# One SQL statement is one snapshot (WAL): per stored document, the events its result JSON
# lists, and the event and claim rows that the tables hold for it.
SNAPSHOT_SQL = """
SELECT d.doc_id, d.result,
       (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id),
       (SELECT count(*) FROM claims c JOIN events e ON c.event_id = e.event_id
         WHERE e.doc_id = d.doc_id)
FROM documents d
"""

WRITER = """
import json, sys, time
from marsad.model import DocumentResult
from marsad.store import open_store
sys.path.insert(0, sys.argv[4])
from test_store_consistency import clone
seed = DocumentResult.model_validate_json(open(sys.argv[2], encoding="utf-8").read())
count, pause = int(sys.argv[3]), float(sys.argv[5])
with open_store(sys.argv[1]) as store:
    for number in range(0, count, 4):
        if number % 8:  # alternate single saves and the bulk path marsad ingest uses
            store.save_many([clone(seed, n) for n in range(number, number + 4)])
        else:
            for n in range(number, number + 4):
                store.save(clone(seed, n))
        time.sleep(pause)
"""


def clone(result: DocumentResult, number: int) -> DocumentResult:
    """Copy ``result`` under new document, hash and event ids (spans stay valid)."""
    data = result.model_dump(mode="python", by_alias=True)
    data["doc"]["id"] = f"{data['doc']['id']}~{number}"
    data["doc"]["content_hash"] = f"clone:{data['doc']['id']}"
    for event in data["events"]:
        event["event_id"] = f"{event['event_id']}~{number}"
    return DocumentResult.model_validate(data)


@pytest.fixture(scope="module")
def seed_result(ctx: Context, seed_text: str) -> DocumentResult:
    result = process(SourceDocument(id="seed", text=seed_text, published="2018-05-08"), ctx)
    assert len(result.events) > 1 and any(event.attribution for event in result.events)
    return result


def _rows(db: Path) -> dict[str, tuple[int, int]]:
    with sqlite3.connect(db) as connection:
        return {doc_id: (events, claims)
                for doc_id, _, events, claims in connection.execute(SNAPSHOT_SQL)}


def test_failed_save_leaves_nothing(tmp_path: Path, seed_result: DocumentResult) -> None:
    """The document row goes in first, then events: an event id clash must undo both."""
    db = tmp_path / "marsad.db"
    first, second = clone(seed_result, 1), clone(seed_result, 2)
    clashing = second.model_copy(update={"events": [*second.events[1:], first.events[0]]})
    with open_store(f"sqlite:///{db}") as store:
        assert store.save(first)
        before = store.counts()
        with pytest.raises(MarsadError, match="cannot store document 'seed~2'"):
            store.save(clashing)
        assert store.counts() == before
        assert store.stored_keys(doc_ids=["seed~2"]) == set()


def test_failed_batch_keeps_only_whole_documents(tmp_path: Path,
                                                 seed_result: DocumentResult) -> None:
    db = tmp_path / "marsad.db"
    stored = clone(seed_result, 0)
    broken = clone(seed_result, 2)
    broken = broken.model_copy(update={"events": [*broken.events[1:], stored.events[0]]})
    batch = [clone(seed_result, 1), broken, clone(seed_result, 3)]
    with open_store(f"sqlite:///{db}") as store:
        store.save(stored)
        with pytest.raises(MarsadError, match="seed~2"):
            store.save_many(batch)
        kept = store.stored_keys(doc_ids=["seed~1", "seed~2", "seed~3"])
    assert "seed~2" not in kept
    events = len(seed_result.events)
    claims = sum(len(event.attribution) for event in seed_result.events)
    assert all(row == (events, claims) for row in _rows(db).values())


def test_readers_during_ingest_see_whole_documents(tmp_path: Path,
                                                   seed_result: DocumentResult) -> None:
    """SQL snapshots, ``Store.counts`` and the web API, read while another process writes."""
    from marsad.web import create_app

    db = tmp_path / "marsad.db"
    url = f"sqlite:///{db}"
    seed_file = tmp_path / "seed.json"
    seed_file.write_text(seed_result.to_json(), encoding="utf-8")
    events = len(seed_result.events)
    claims = sum(len(event.attribution) for event in seed_result.events)
    open_store(url).close()  # create the schema before both sides start
    app = create_app(url)
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, url, str(seed_file), str(WRITER_DOCUMENTS),
         str(Path(__file__).parent), str(WRITER_PAUSE_S)], stderr=subprocess.PIPE, text=True)
    seen: set[int] = set()
    try:
        with TestClient(app) as client:
            while True:
                finished = writer.poll() is not None
                rows = _rows(db)
                assert all(row == (events, claims) for row in rows.values()), rows
                counts = app.state.store.counts()
                assert counts["events"] == counts["documents"] * events
                assert counts["claims"] == counts["documents"] * claims
                total = client.get("/api/events?limit=1").json()["total"]
                assert total % events == 0
                seen.add(len(rows))
                if finished:
                    break
    finally:
        writer.wait(timeout=600)
        app.state.store.close()
    assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
    assert max(seen) == WRITER_DOCUMENTS
    assert len(seen) >= 3  # the reader did run while the writer was midway
