"""Persistent storage of ``DocumentResult``s (SQLite by default, PostgreSQL by URL)."""

from marsad.store.repository import (
    DB_ENV_VAR,
    DEFAULT_DB,
    Store,
    document_hash,
    migrate,
    open_store,
    resolve_db_url,
)

__all__ = ["DB_ENV_VAR", "DEFAULT_DB", "Store", "document_hash", "migrate", "open_store",
           "resolve_db_url"]
