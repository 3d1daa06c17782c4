"""The Dask path on a real two-worker ``LocalCluster`` (separate processes)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from distributed import LocalCluster

from marsad.scale.runner import IngestPlan, ingest_all
from marsad.store import open_store

from .conftest import write_short_corpus


@pytest.fixture(scope="module")
def cluster() -> Iterator[LocalCluster]:
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None, memory_limit="2GiB") as running:
        yield running


def test_dask_ingest_stores_every_document_then_skips_them(
        cluster: LocalCluster, tmp_path: Path, muc4_lines: list[dict[str, str]]) -> None:
    corpus = tmp_path / "few.jsonl"
    ids = write_short_corpus(muc4_lines, corpus, 6)
    with corpus.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "empty", "text": ""}) + "\n")
    plan = IngestPlan(db_url=f"sqlite:///{tmp_path / 'dask.db'}", paths=(str(corpus),),
                      batch_size=2, dask_address=cluster.scheduler_address)
    first = ingest_all(plan)
    assert (first.documents, first.stored, first.skipped) == (6, 6, 0)
    assert first.failed == [f"{corpus}:7: record has neither 'text' nor 'html'"]
    again = ingest_all(plan)
    assert (again.documents, again.stored, again.skipped) == (0, 0, 6)
    with open_store(plan.db_url) as store:
        assert [result.doc.id for result in store.iter_results()] == ids  # input order
