"""Fixtures of the desk's tests: a store filled by the real pipeline, and the app over it.

The store holds the bundled example articles plus one hostile article whose title, outlet
and text carry ``<script>`` and event-handler markup, so every page is tested against
markup that must stay text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from marsad.cli import ingest_paths
from marsad.store import resolve_db_url

HERE = Path(__file__).resolve().parent
EXAMPLES = HERE.parents[1] / "examples" / "articles.jsonl"
HOSTILE = HERE / "hostile.jsonl"
HOSTILE_DOC = "hostile-xss-1"


@pytest.fixture(scope="session")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """Ingest the examples and the hostile article with the real pipeline into SQLite."""
    db = tmp_path_factory.mktemp("web") / "desk.db"
    summary = ingest_paths((str(EXAMPLES), str(HOSTILE)), None, None, str(db))
    assert summary.failed == [] and summary.stored == 22
    return resolve_db_url(str(db))


@pytest.fixture(scope="session")
def client(store_url: str) -> Iterator[TestClient]:
    from marsad.web import create_app

    app = create_app(store_url)
    with TestClient(app) as test_client:
        yield test_client
    app.state.store.close()
