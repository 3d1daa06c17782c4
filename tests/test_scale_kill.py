"""Kill -9 a real ``marsad ingest`` mid-run, rerun it, audit the store: each document once.

The small, suite-sized version of ``benchmarks/scale_kill_test.py`` (5,000 documents). The
stream is the replay of the shared dev corpora (``marsad.scale.replay``); the verdict comes
from ``marsad.scale.audit``, whose own failure modes are tested here on a corrupted store
(a checker that cannot fail would prove nothing).
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import delete, select

from marsad.context import get_context
from marsad.model import DocumentResult, SourceDocument
from marsad.pipeline import process_many
from marsad.scale.audit import audit_store
from marsad.scale.replay import BaseText, load_base_texts, replay_records, write_jsonl
from marsad.store import Store, open_store
from marsad.store.tables import claims, documents, events

SHARED_DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
DOCUMENTS = 60
MAX_CHARS = 240  # short texts keep the suite fast; the benchmark replays longer ones
WAIT_LIMIT_S = 600  # a safety net for a loaded machine, not a timing assertion


@pytest.fixture(scope="module")
def bases() -> list[BaseText]:
    """The shared corpora's texts, skipped with a reason when ../shared is absent."""
    found = load_base_texts(SHARED_DATA, MAX_CHARS)
    if not found:
        pytest.skip(f"dev corpora not found under {SHARED_DATA}")
    return found


def _ingest(corpus: Path, db: Path, workers: int, batch_size: int) -> subprocess.Popen[bytes]:
    marsad = Path(sys.executable).with_name("marsad")
    return subprocess.Popen(
        [str(marsad), "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
         "--batch-size", str(batch_size), "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return int(connection.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is not created yet
        return 0


@pytest.mark.parametrize(("workers", "batch_size", "kill_after"), [
    (1, 4, 8),  # inline: the kill lands between (or inside) one-process batches
    (2, 4, 12),  # a pool: batches in flight in both workers are lost, then redone
])
def test_kill_9_mid_ingest_then_rerun_stores_each_document_exactly_once(
        tmp_path: Path, bases: list[BaseText], workers: int, batch_size: int,
        kill_after: int) -> None:
    corpus, db = tmp_path / "replay.jsonl", tmp_path / "marsad.db"
    ids = write_jsonl(replay_records(bases, DOCUMENTS), corpus)
    first = _ingest(corpus, db, workers, batch_size)
    deadline = time.monotonic() + WAIT_LIMIT_S
    while _stored_count(db) < kill_after and first.poll() is None:
        assert time.monotonic() < deadline, "ingest stored nothing in time"
        time.sleep(0.05)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert first.returncode == -signal.SIGKILL
    with open_store(f"sqlite:///{db}") as store:
        partial = audit_store(store, ids)
        partial_ids = set(ids) - set(partial.missing)
    assert kill_after <= partial.documents < DOCUMENTS  # killed mid-ingest
    assert not (partial.duplicated or partial.incomplete or partial.unexpected)
    second = _ingest(corpus, db, workers, batch_size)
    assert second.wait(timeout=WAIT_LIMIT_S) == 0
    with open_store(f"sqlite:///{db}") as store:
        final = audit_store(store, ids)
        stored_ids = {row[0] for row in store.engine.connect().execute(
            select(documents.c.doc_id))}
    assert final.ok, final.problems()
    assert final.documents == DOCUMENTS
    assert partial_ids <= stored_ids


# --- the checker itself must catch each kind of damage ----------------------------------


def _first_with_claims(bases: list[BaseText]) -> list[DocumentResult]:
    """Process replayed documents until two carry events with claims."""
    sources = (SourceDocument(id=record["id"], text=record["text"])
               for record in replay_records(bases, len(bases)))
    found = []
    for result in process_many(sources, get_context()):
        if isinstance(result, DocumentResult) and any(e.attribution for e in result.events):
            found.append(result)
            if len(found) == 2:
                return found
    pytest.skip("no replayed document yields an attributed event")


def _drop_one_event(store: Store, victim: DocumentResult) -> None:
    with store.engine.begin() as connection:
        connection.execute(delete(claims).where(
            claims.c.event_id == victim.events[0].event_id))
        connection.execute(delete(events).where(
            events.c.event_id == victim.events[0].event_id))


def _drop_one_claim(store: Store, victim: DocumentResult) -> None:
    event_id = next(e.event_id for e in victim.events if e.attribution)
    with store.engine.begin() as connection:
        first = connection.execute(select(claims.c.id).where(
            claims.c.event_id == event_id)).scalars().first()
        connection.execute(delete(claims).where(claims.c.id == first))


def _drop_document(store: Store, victim: DocumentResult) -> None:
    event_ids = [e.event_id for e in victim.events]
    with store.engine.begin() as connection:
        connection.execute(delete(claims).where(claims.c.event_id.in_(event_ids)))
        connection.execute(delete(events).where(events.c.doc_id == victim.doc.id))
        connection.execute(delete(documents).where(documents.c.doc_id == victim.doc.id))


def _no_damage(store: Store, victim: DocumentResult) -> None:
    return None


@pytest.mark.parametrize(("damage", "extra_expected", "finding"), [
    (_no_damage, [], None),
    (_drop_one_event, [], "incomplete"),
    (_drop_one_claim, [], "incomplete"),
    (_drop_document, [], "missing"),
    (_no_damage, ["never-stored"], "missing"),
])
def test_audit_reports_each_kind_of_damage(
        tmp_path: Path, bases: list[BaseText], damage: Callable[[Store, DocumentResult], None],
        extra_expected: list[str], finding: str | None) -> None:
    results = _first_with_claims(bases)
    with open_store(f"sqlite:///{tmp_path / 'audit.db'}") as store:
        store.save_many(results)
        damage(store, results[0])
        audit = audit_store(store, [r.doc.id for r in results] + extra_expected)
    assert audit.ok is (finding is None)
    if finding == "incomplete":
        assert audit.incomplete == [results[0].doc.id]
    if finding == "missing":
        assert audit.missing == (extra_expected or [results[0].doc.id])


def test_audit_reports_documents_never_fed(tmp_path: Path, bases: list[BaseText]) -> None:
    results = _first_with_claims(bases)
    with open_store(f"sqlite:///{tmp_path / 'audit.db'}") as store:
        store.save_many(results)
        audit = audit_store(store, [results[0].doc.id])
    assert audit.unexpected == [results[1].doc.id]
    assert not audit.ok
