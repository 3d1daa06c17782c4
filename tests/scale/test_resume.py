"""Resumability: kill -9 a real ``marsad ingest`` mid-run, rerun, every document once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import write_short_corpus

DOCUMENTS = 240
KILL_AFTER_STORED = 40
WAIT_LIMIT_S = 900  # a safety net for a loaded machine, not a timing assertion


def _ingest(corpus: Path, db: Path, workers: int) -> subprocess.Popen[bytes]:
    marsad = Path(sys.executable).with_name("marsad")
    return subprocess.Popen(
        [str(marsad), "ingest", str(corpus), "--db", str(db), "--workers", str(workers),
         "--batch-size", "8", "--no-progress"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _stored_ids(db: Path) -> list[str]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(db, timeout=30) as connection:
            return [row[0] for row in connection.execute("SELECT doc_id FROM documents")]
    except sqlite3.OperationalError:  # the schema is not created yet
        return []


@pytest.mark.parametrize("workers", [2])
def test_kill_9_then_rerun_stores_every_document_exactly_once(
        tmp_path: Path, muc4_lines: list[dict[str, str]], workers: int) -> None:
    corpus, db = tmp_path / "short.jsonl", tmp_path / "marsad.db"
    ids = write_short_corpus(muc4_lines, corpus, DOCUMENTS)
    first = _ingest(corpus, db, workers)
    deadline = time.monotonic() + WAIT_LIMIT_S
    while len(_stored_ids(db)) < KILL_AFTER_STORED and first.poll() is None:
        assert time.monotonic() < deadline, "ingest stored nothing in time"
        time.sleep(0.2)
    os.kill(first.pid, signal.SIGKILL)
    first.wait()
    assert first.returncode == -signal.SIGKILL
    partial = _stored_ids(db)
    assert KILL_AFTER_STORED <= len(partial) < DOCUMENTS  # killed mid-ingest
    second = _ingest(corpus, db, workers)
    assert second.wait(timeout=WAIT_LIMIT_S) == 0
    stored = _stored_ids(db)
    assert sorted(stored) == sorted(ids)  # each document exactly once, none lost
    assert set(partial) <= set(stored)
