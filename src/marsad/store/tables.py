"""SQLAlchemy Core tables of the marsad store (SQLite by default, PostgreSQL by URL).

Why Core and not the ORM: the store is a thin, transactional log of ``DocumentResult``s,
written in bulk and read as streams; mapped objects would add a second model next to the
pydantic contract. The full result JSON is kept in ``documents.result`` so reading back is
lossless; the other columns are a queryable projection (filter by date, type, province...).

Keep this file and ``migrations/versions`` in step: a test compares the migrated schema
with this metadata.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Named constraints so that migrations can alter them on every backend (SQLite included).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

documents = Table(
    "documents",
    metadata,
    # Surrogate key: its increasing value is the ingest order that iter_results() follows.
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String, nullable=False, unique=True),
    Column("content_hash", String, nullable=False, unique=True),
    Column("url", Text),
    Column("title", Text),
    Column("outlet", String),
    Column("published", Date),
    Column("published_source", String, nullable=False),
    Column("language", String, nullable=False),
    Column("text", Text, nullable=False),
    Column("dropped", JSON, nullable=False),
    Column("warnings", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("result", JSON, nullable=False),
    # Hash of the raw input (migration 0003): a resumed ingest skips before cleaning.
    Column("source_hash", String, index=True),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("doc_id", String, ForeignKey("documents.doc_id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("sub_event_type", String, nullable=False, index=True),
    Column("event_type", String, nullable=False, index=True),  # index: migration 0003
    Column("disorder_type", String, nullable=False),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("date_precision", Integer),
    Column("location", String),
    Column("admin1", String, index=True),
    Column("country", String),
    Column("iso3", String, index=True),  # index: migration 0003
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("actor1", String),
    Column("inter1", Integer),
    Column("actor2", String),
    Column("inter2", Integer),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("fatalities_aggregate", Boolean),
    Column("notes", Text, nullable=False),
    Column("confidence", Float, nullable=False),
    Column("record", JSON, nullable=False),
)

# Covering index of the web desk's filter and map columns (migration 0004): its scans read
# these few columns instead of whole rows with their record JSON.
DESK_INDEX_COLUMNS = ("date_start", "event_type", "sub_event_type", "country", "iso3", "admin1",
                      "lat", "lon", "fatalities_best", "actor1", "actor2", "location",
                      "confidence", "event_id")
Index("ix_events_desk", *(events.c[name] for name in DESK_INDEX_COLUMNS))

claims = Table(
    "claims",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("event_id", String, ForeignKey("events.event_id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("source", String, nullable=False),
    Column("source_kind", String, nullable=False, index=True),  # index: migration 0003
    Column("affiliation", String),
    Column("cue", String, nullable=False),
    Column("hedged", Boolean, nullable=False),
    Column("claim_date", Date),
    Column("char_start", Integer),
    Column("char_end", Integer),
)

TABLE_NAMES = ("documents", "events", "claims")

__all__ = ["NAMING_CONVENTION", "TABLE_NAMES", "claims", "documents", "events", "metadata"]

# --- incidents (marsad fuse, issue #9; migration 0002) ------------------------------------

incidents = Table(
    "incidents",
    metadata,
    Column("incident_id", String, primary_key=True),
    Column("sub_event_type", String, nullable=False, index=True),
    Column("event_type", String, nullable=False),
    Column("disorder_type", String, nullable=False),
    Column("date_start", Date, index=True),
    Column("date_end", Date),
    Column("date_precision", Integer),
    Column("location", String),
    Column("admin1", String, index=True),
    Column("country", String),
    Column("iso3", String),
    Column("lat", Float),
    Column("lon", Float),
    Column("geo_precision", Integer),
    Column("actor1", String),
    Column("actor2", String),
    Column("fatalities_low", Integer),
    Column("fatalities_best", Integer),
    Column("fatalities_high", Integer),
    Column("grade", String, nullable=False),
    Column("member_count", Integer, nullable=False),
    Column("source_count", Integer, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("record", JSON, nullable=False),
)

# One row per fused event: an event belongs to at most one incident.
incident_members = Table(
    "incident_members",
    metadata,
    Column("event_id", String, ForeignKey("events.event_id", ondelete="CASCADE"),
           primary_key=True),
    Column("incident_id", String, ForeignKey("incidents.incident_id", ondelete="CASCADE"),
           nullable=False, index=True),
    Column("doc_id", String, nullable=False),
    Column("position", Integer, nullable=False),
    Column("score", Float, nullable=False),
)

# The fusion log; the last run's last_document_id is the watermark of incremental fusion.
fusion_runs = Table(
    "fusion_runs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fused_at", DateTime(timezone=True), nullable=False),
    Column("last_document_id", Integer, nullable=False),
    Column("settings_hash", String, nullable=False),
    Column("events_fused", Integer, nullable=False),
    Column("incidents_changed", Integer, nullable=False),
)

INCIDENT_TABLE_NAMES = ("incidents", "incident_members", "fusion_runs")
