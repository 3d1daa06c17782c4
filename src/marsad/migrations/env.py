"""Alembic environment of marsad's store.

Why no alembic.ini: migrations run from inside the installed package
(``marsad.store.repository.migrate``), which builds the ``Config`` in code and hands over
an open connection in ``config.attributes["connection"]``. A developer can still run
``alembic -x url=sqlite:///x.db ...`` with a Config whose ``sqlalchemy.url`` is set.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from marsad.store.tables import metadata

config = context.config


def _configure(connection: Connection) -> None:
    # render_as_batch: SQLite can only ALTER a table by copying it; batch mode does that.
    context.configure(connection=connection, target_metadata=metadata,
                      render_as_batch=connection.dialect.name == "sqlite")


def run_offline() -> None:
    """Emit the SQL for ``--sql`` mode without a database."""
    context.configure(url=config.get_main_option("sqlalchemy.url"), target_metadata=metadata,
                      literal_binds=True, dialect_opts={"paramstyle": "named"})
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    """Migrate through the caller's connection, or one opened from ``sqlalchemy.url``."""
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url")
    engine = create_engine(str(url))
    with engine.connect() as opened:
        _configure(opened)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
