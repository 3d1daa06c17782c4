"""The ingest runner in process: batching, skipping before processing, failures, counts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.ingest import InputError, read_inputs
from marsad.model import SourceDocument
from marsad.scale.runner import (
    BatchFuture,
    InlineBackend,
    batched,
    count_inputs,
    run_ingest,
    source_hash,
)
from marsad.store import open_store

ARTICLE = ("Syrian government forces shelled the town of Kafr Nabl in Idlib province on "
           "Monday, killing three civilians, local activists said.")


class CountingBackend(InlineBackend):
    """The real in-process backend, counting the documents it is asked to process."""

    def __init__(self) -> None:
        self.processed: list[str] = []

    def submit(self, batch: list[SourceDocument]) -> BatchFuture:
        self.processed += [source.origin for source in batch]
        return super().submit(batch)


def _write_jsonl(path: Path, records: list[dict[str, str]], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + extra, encoding="utf-8")
    return path


def test_rerun_skips_stored_documents_before_processing(tmp_path: Path) -> None:
    records = [{"id": f"d{i}", "text": f"{ARTICLE} Report {i}."} for i in range(5)]
    corpus = _write_jsonl(tmp_path / "in.jsonl", records, extra="{broken\n")
    (tmp_path / "note.txt").write_text(f"Title\n{ARTICLE}", encoding="utf-8")
    inputs = [str(corpus), str(tmp_path / "note.txt")]
    with open_store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        first = CountingBackend()
        tally = run_ingest(read_inputs(inputs), store, first, batch_size=2)
        assert (tally.documents, tally.stored, tally.skipped) == (6, 6, 0)
        assert tally.failed == [f"{corpus}:6: invalid JSON (Expecting property name enclosed "
                                "in double quotes)"]
        second = CountingBackend()
        again = run_ingest(read_inputs(inputs), store, second, batch_size=2)
        assert (again.documents, again.stored, again.skipped) == (0, 0, 6)
        assert second.processed == []  # skipped by id or raw-input hash, never parsed
        assert len(tally.failed) == len(again.failed) == 1
        assert store.counts()["documents"] == 6


def test_same_text_under_two_ids_is_stored_once(tmp_path: Path) -> None:
    corpus = _write_jsonl(tmp_path / "dup.jsonl", [{"id": "a", "text": ARTICLE},
                                                   {"id": "b", "text": ARTICLE}])
    with open_store(f"sqlite:///{tmp_path / 'm.db'}") as store:
        tally = run_ingest(read_inputs([str(corpus)]), store, InlineBackend())
        assert (tally.documents, tally.stored, tally.skipped) == (2, 1, 1)


@pytest.mark.parametrize(("size", "count", "expected"), [
    (3, 7, [3, 3, 1]), (3, 6, [3, 3]), (10, 2, [2]), (1, 0, []),
])
def test_batched(size: int, count: int, expected: list[int]) -> None:
    items = [InputError(str(i), "x") for i in range(count)]
    assert [len(batch) for batch in batched(items, size)] == expected


@pytest.mark.parametrize(("left", "right", "same"), [
    ({"id": "a", "text": "x"}, {"id": "a", "text": "x", "title": "T"}, True),
    ({"id": "a", "text": "x"}, {"id": "b", "text": "x"}, False),
    ({"text": "x"}, {"html": "x"}, False),
    ({"text": "ab"}, {"text": "a", "html": "b"}, False),
])
def test_source_hash(left: dict[str, str], right: dict[str, str], same: bool) -> None:
    assert (source_hash(SourceDocument(**left)) == source_hash(SourceDocument(**right))) is same


def test_count_inputs(tmp_path: Path) -> None:
    _write_jsonl(tmp_path / "a.jsonl", [{"text": "x"}] * 3, extra="\n\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("x", encoding="utf-8")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    assert count_inputs((str(tmp_path),)) == 4
    assert count_inputs((str(tmp_path), "-")) is None


@pytest.mark.parametrize(("args", "code", "message"), [
    (["ingest"], 2, "give at least one PATH or --feed"),
    (["ingest", "x.txt", "--workers", "0"], 2, "Invalid value for '--workers'"),
])
def test_ingest_usage_errors(args: list[str], code: int, message: str) -> None:
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == code
    assert message in done.output


def test_ingest_command_with_a_worker_pool(tmp_path: Path) -> None:
    records = [{"id": f"p{i}", "text": f"{ARTICLE} Item {i}."} for i in range(4)]
    corpus = _write_jsonl(tmp_path / "in.jsonl", records)
    db = tmp_path / "pool.db"
    args = ["ingest", str(corpus), "--db", str(db), "--workers", "2", "--batch-size", "1"]
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 0, done.output
    assert "4 documents read" in done.output and "4 stored, 0 already stored" in done.output
    with open_store(f"sqlite:///{db}") as store:
        assert sorted(r.doc.id for r in store.iter_results()) == ["p0", "p1", "p2", "p3"]
