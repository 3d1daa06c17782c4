"""Run the store tests on SQLite and on a real PostgreSQL server.

The session starts Debian's PostgreSQL (``/usr/lib/postgresql/*/bin``; nothing is
installed) on loopback with a throwaway data directory, as the ``postgres`` user when we
are root. ``backend_url`` is parametrised over both; each PostgreSQL test gets a fresh
database. Without the binaries the PostgreSQL half is skipped, saying why.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from marsad.scale.pgserver import missing_reason, temporary_postgres
from marsad.store import Store, open_store

_database_numbers = itertools.count()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a session-wide PostgreSQL server's ``marsad`` database."""
    reason = missing_reason()
    if reason:
        pytest.skip(reason)
    with temporary_postgres() as url:
        yield url


@pytest.fixture(params=[pytest.param("sqlite"),
                        pytest.param("postgresql", marks=pytest.mark.postgresql)])
def backend_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: an SQLite file in ``tmp_path``, or a new PostgreSQL database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'marsad.db'}"
    server: str = request.getfixturevalue("postgres_server")
    name = f"test_{next(_database_numbers)}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    admin.dispose()
    return server.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def store(backend_url: str) -> Iterator[Store]:
    """An open store on each backend."""
    opened = open_store(backend_url)
    yield opened
    opened.close()


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "postgresql: runs against a real PostgreSQL server")
