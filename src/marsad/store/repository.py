"""The marsad store: saves ``DocumentResult``s transactionally and streams them back.

Why this shape: ingestion must be idempotent (re-ingesting a feed adds nothing) and a crash
must never leave half a document, so ``save`` writes a document, its events and their claims
in one transaction keyed by the content hash. The schema is created and upgraded by Alembic
each time a store is opened, so an old file is migrated and a new file needs no setup step.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, create_engine, event, func, insert, or_, select
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry

from marsad.errors import MarsadError
from marsad.model import Claim, Document, DocumentResult, Event
from marsad.store.tables import claims, documents, events

DEFAULT_DB = "./marsad.db"
DB_ENV_VAR = "MARSAD_DB"
MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"

# Rows fetched per round trip when streaming results: bounded memory on large stores.
STREAM_BATCH = 200

# Keys per ``IN (...)`` lookup: well under SQLite's 32,766 bound parameters.
KEY_QUERY_CHUNK = 500


def resolve_db_url(value: str | None) -> str:
    """Turn ``--db`` (or ``$MARSAD_DB``, or ``./marsad.db``) into an SQLAlchemy URL.

    A value with ``://`` is already a URL (``postgresql+psycopg://...``); anything else is a
    path to an SQLite file, so analysts can write ``--db cases.db``.
    """
    chosen = value or os.environ.get(DB_ENV_VAR) or DEFAULT_DB
    if "://" in chosen:
        return chosen
    if chosen == ":memory:":
        return "sqlite:///:memory:"
    return f"sqlite:///{Path(chosen).expanduser().absolute()}"


def document_hash(doc: Document) -> str:
    """Return the key that makes ingestion idempotent: ``doc.content_hash``, else one of the text.

    Ingestion normally fills ``content_hash``; hashing the cleaned text is the fallback so a
    result built by hand is still deduplicated.
    """
    if doc.content_hash:
        return doc.content_hash
    return "sha256:" + hashlib.sha256(doc.text.encode("utf-8")).hexdigest()


def migrate(connection: Connection) -> None:
    """Run ``alembic upgrade head`` through ``connection`` (no alembic.ini needed)."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def open_store(url: str) -> Store:
    """Open (creating or upgrading as needed) the store at SQLAlchemy ``url``."""
    try:
        engine = create_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as err:
        raise MarsadError(f"cannot open database {url!r}: {err}") from err
    if engine.dialect.name == "sqlite":
        _tune_sqlite(engine)
    shown = engine.url.render_as_string(hide_password=True)
    try:
        with engine.connect() as connection:
            with _immediate(connection).begin():
                migrate(connection)
    except OperationalError as err:
        engine.dispose()
        raise MarsadError(f"cannot open database {shown}: {err.orig}") from err
    except CommandError as err:
        engine.dispose()
        # Typically a revision written by a newer marsad that this one does not know.
        raise MarsadError(f"cannot migrate database {shown}: {err}; is it from a newer "
                          "marsad?") from err
    return Store(engine)


class Store:
    """A marsad database: documents with their events and claims. Use ``open_store``."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def __enter__(self) -> Store:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, for read queries by the API and web views."""
        return self._engine

    @property
    def url(self) -> str:
        """The database URL, password hidden."""
        return self._engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        """Release every connection (the file may then be moved or deleted)."""
        self._engine.dispose()

    def save(self, result: DocumentResult, source_hash: str | None = None) -> bool:
        """Store ``result`` in one transaction; False, writing nothing, if already stored.

        A document is already stored when its content hash or its id is. Any other failure
        (say an ``event_id`` already stored for another document) raises ``MarsadError``
        and leaves the database as it was.
        """
        content_hash = document_hash(result.doc)
        try:
            with self._write() as connection:
                if _stored(connection, content_hash, result.doc.id):
                    return False
                _insert_results(connection, [(result, source_hash)])
        except IntegrityError as err:
            # Another writer may have stored the same document between our check and insert.
            with self._engine.connect() as connection:
                if _stored(connection, content_hash, result.doc.id):
                    return False
            reason = str(err.orig).splitlines()[0]
            raise MarsadError(f"cannot store document {result.doc.id!r}: {reason}") from err
        return True

    def save_many(self, results: Sequence[DocumentResult],
                  source_hashes: Sequence[str | None] | None = None) -> list[bool]:
        """Store a batch in one transaction with bulk inserts; say which ones were new.

        Why: one transaction and one multi-row INSERT per table per batch is what makes
        ingesting 100,000 articles into PostgreSQL or SQLite cheap (``save`` costs a commit
        per document). A document already stored (by content hash or id), or repeated in
        the batch, is skipped. ``source_hashes`` (parallel to ``results``) records each
        raw input's hash, so a resumed ingest can skip it before cleaning. If the batch
        cannot be written as a whole (another writer raced us, or one document is broken)
        it falls back to one ``save`` per document, so only the broken one fails: the others
        are stored, then the first failure is raised (naming its document).
        """
        hashes = list(source_hashes) if source_hashes is not None else [None] * len(results)
        if len(hashes) != len(results):
            raise ValueError("source_hashes must be parallel to results")
        try:
            with self._write() as connection:
                fresh = _fresh_in_batch(connection, results)
                _insert_results(connection, [(results[i], hashes[i]) for i in fresh])
        except IntegrityError:
            saved: list[bool] = []
            failure: MarsadError | None = None
            for result, source_hash in zip(results, hashes, strict=True):
                try:
                    saved.append(self.save(result, source_hash))
                except MarsadError as err:
                    saved.append(False)
                    failure = failure or err
            if failure is not None:
                raise failure from None
            return saved
        chosen = set(fresh)
        return [index in chosen for index in range(len(results))]

    def stored_keys(self, doc_ids: Iterable[str] = (),
                    source_hashes: Iterable[str] = ()) -> set[str]:
        """Return which of these document ids and raw-input hashes are already stored.

        One query per ``KEY_QUERY_CHUNK`` keys: this is how a resumed ingest skips stored
        documents before cleaning or parsing them.
        """
        found: set[str] = set()
        with self._engine.connect() as connection:
            for column, keys in ((documents.c.doc_id, doc_ids),
                                 (documents.c.source_hash, source_hashes)):
                unique = sorted(set(keys))
                for start in range(0, len(unique), KEY_QUERY_CHUNK):
                    chunk = unique[start:start + KEY_QUERY_CHUNK]
                    rows = connection.execute(select(column).where(column.in_(chunk)))
                    found.update(str(value) for (value,) in rows)
        return found

    def has(self, content_hash: str) -> bool:
        """Tell whether a document with this content hash is stored (skip before processing)."""
        with self._engine.connect() as connection:
            query = select(documents.c.id).where(documents.c.content_hash == content_hash)
            return connection.execute(query.limit(1)).first() is not None

    def iter_results(self) -> Iterator[DocumentResult]:
        """Yield every stored result in ingest order, fetching in batches."""
        query = select(documents.c.result).order_by(documents.c.id)
        with self._engine.connect() as connection:
            rows = connection.execution_options(yield_per=STREAM_BATCH).execute(query)
            for (stored,) in rows:
                yield DocumentResult.model_validate(stored)

    def iter_events(self) -> Iterator[tuple[Document, Event]]:
        """Yield ``(document, event)`` for every stored event, in ingest order."""
        for result in self.iter_results():
            for stored_event in result.events:
                yield result.doc, stored_event

    def counts(self) -> dict[str, int]:
        """Count stored documents, events and claims."""
        with self._engine.connect() as connection:
            return {table.name: int(connection.scalar(select(func.count()).select_from(table))
                                    or 0)
                    for table in (documents, events, claims)}

    def ingest_times(self) -> dict[str, int]:
        """Map each stored doc_id to its ingest time as unix seconds (ACLED ``timestamp``)."""
        query = select(documents.c.doc_id, documents.c.ingested_at)
        with self._engine.connect() as connection:
            return {doc_id: _unix_seconds(when)
                    for doc_id, when in connection.execute(query)}

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        """Open a write transaction (IMMEDIATE on SQLite, so check-then-insert is atomic)."""
        with self._engine.connect() as connection:
            writer = _immediate(connection)
            with writer.begin():
                yield writer


def _stored(connection: Connection, content_hash: str, doc_id: str) -> bool:
    query = select(documents.c.id).where(
        or_(documents.c.content_hash == content_hash, documents.c.doc_id == doc_id))
    return connection.execute(query.limit(1)).first() is not None


def _fresh_in_batch(connection: Connection, results: Sequence[DocumentResult]) -> list[int]:
    """Return the indexes of ``results`` neither stored nor repeated earlier in the batch."""
    hashes = [document_hash(result.doc) for result in results]
    ids = [result.doc.id for result in results]
    taken: set[str] = set()
    for start in range(0, len(results), KEY_QUERY_CHUNK):
        query = select(documents.c.content_hash, documents.c.doc_id).where(or_(
            documents.c.content_hash.in_(hashes[start:start + KEY_QUERY_CHUNK]),
            documents.c.doc_id.in_(ids[start:start + KEY_QUERY_CHUNK])))
        for content_hash, doc_id in connection.execute(query):
            taken.update(("hash:" + content_hash, "id:" + doc_id))
    fresh = []
    for index, (content_hash, doc_id) in enumerate(zip(hashes, ids, strict=True)):
        keys = {"hash:" + content_hash, "id:" + doc_id}
        if not keys & taken:
            fresh.append(index)
            taken |= keys
    return fresh


def _insert_results(connection: Connection,
                    batch: Sequence[tuple[DocumentResult, str | None]]) -> None:
    """Insert documents, events and claims with one multi-row INSERT per table."""
    if not batch:
        return
    connection.execute(insert(documents), [
        _document_row(result, document_hash(result.doc), source_hash)
        for result, source_hash in batch])
    event_rows = [_event_row(result.doc.id, stored_event)
                  for result, _ in batch for stored_event in result.events]
    if event_rows:
        connection.execute(insert(events), event_rows)
    claim_rows = [_claim_row(stored_event.event_id, claim)
                  for result, _ in batch for stored_event in result.events
                  for claim in stored_event.attribution]
    if claim_rows:
        connection.execute(insert(claims), claim_rows)


def _document_row(result: DocumentResult, content_hash: str,
                  source_hash: str | None = None) -> dict[str, Any]:
    doc = result.doc
    return {
        "doc_id": doc.id, "content_hash": content_hash, "url": doc.url, "title": doc.title,
        "outlet": doc.outlet, "published": doc.published,
        "published_source": doc.published_source, "language": doc.language, "text": doc.text,
        "dropped": [item.model_dump(mode="json") for item in doc.dropped],
        "warnings": list(result.warnings),
        "ingested_at": dt.datetime.now(dt.UTC),
        "result": result.model_dump(mode="json", by_alias=True),
        "source_hash": source_hash,
    }


def _event_row(doc_id: str, stored_event: Event) -> dict[str, Any]:
    date, place, deaths = stored_event.date, stored_event.location, stored_event.fatalities
    actor1, actor2 = stored_event.actor1, stored_event.actor2
    return {
        "event_id": stored_event.event_id, "doc_id": doc_id,
        "sub_event_type": stored_event.sub_event_type, "event_type": stored_event.event_type,
        "disorder_type": stored_event.disorder_type,
        "date_start": date.start if date else None, "date_end": date.end if date else None,
        "date_precision": date.precision if date else None,
        "location": place.name if place else None, "admin1": place.admin1 if place else None,
        "country": place.country if place else None, "iso3": place.iso3 if place else None,
        "lat": place.lat if place else None, "lon": place.lon if place else None,
        "geo_precision": place.precision if place else None,
        "actor1": actor1.name if actor1 else None, "inter1": actor1.inter if actor1 else None,
        "actor2": actor2.name if actor2 else None, "inter2": actor2.inter if actor2 else None,
        "fatalities_low": deaths.low if deaths else None,
        "fatalities_best": deaths.best if deaths else None,
        "fatalities_high": deaths.high if deaths else None,
        "fatalities_aggregate": deaths.aggregate if deaths else None,
        "notes": stored_event.notes, "confidence": stored_event.confidence,
        "record": stored_event.model_dump(mode="json", by_alias=True),
    }


def _claim_row(event_id: str, claim: Claim) -> dict[str, Any]:
    span = claim.char_span
    return {
        "event_id": event_id, "source": claim.source, "source_kind": claim.source_kind,
        "affiliation": claim.affiliation, "cue": claim.cue, "hedged": claim.hedged,
        "claim_date": claim.date, "char_start": span[0] if span else None,
        "char_end": span[1] if span else None,
    }


def _unix_seconds(when: dt.datetime) -> int:
    # SQLite keeps no time zone: the store only ever writes UTC.
    aware = when if when.tzinfo else when.replace(tzinfo=dt.UTC)
    return int(aware.timestamp())


def _immediate(connection: Connection) -> Connection:
    """Mark ``connection`` so that SQLite takes the write lock when its transaction begins."""
    return connection.execution_options(sqlite_begin="BEGIN IMMEDIATE")


def _tune_sqlite(engine: Engine) -> None:
    """Enable WAL and foreign keys, and let SQLAlchemy (not pysqlite) emit BEGIN.

    pysqlite starts transactions lazily at the first INSERT, so a SELECT-then-INSERT would
    not be atomic; the SQLAlchemy-documented fix is to turn its handling off and emit BEGIN
    ourselves. WAL lets readers stream while a writer ingests.
    """
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: DBAPIConnection, record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        if engine.url.database not in (None, "", ":memory:"):
            cursor.execute("PRAGMA journal_mode=WAL")
            # Safe with WAL (no corruption on crash; only the last commits may be lost on
            # power failure) and several times faster per save than FULL.
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        connection.exec_driver_sql(connection.get_execution_options().get("sqlite_begin",
                                                                          "BEGIN"))
