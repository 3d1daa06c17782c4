"""Add ``documents.source_hash`` (cheap resume) and indexes for the API's filters.

Revision ID: 0003
Revises: 0002
Create Date: 2025-01-03

Why ``source_hash``: the store deduplicates by the hash of the *cleaned* text, which is only
known after cleaning (trafilatura on a web page costs as much as a fraction of the parse).
A resumed ``marsad ingest`` skips a document before any cleaning when its raw input (id,
text, html) hashes to a stored ``source_hash`` (``marsad.scale.keys.source_hash``).
The indexes serve the web desk's filters (event type, country code, claim kind) on large
PostgreSQL stores. Frozen copy of the columns as of this revision.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("documents") as batch:
        batch.add_column(sa.Column("source_hash", sa.String, nullable=True))
    op.create_index("ix_documents_source_hash", "documents", ["source_hash"])
    op.create_index("ix_events_event_type", "events", ["event_type"])
    op.create_index("ix_events_iso3", "events", ["iso3"])
    op.create_index("ix_claims_source_kind", "claims", ["source_kind"])


def downgrade() -> None:
    op.drop_index("ix_claims_source_kind", "claims")
    op.drop_index("ix_events_iso3", "events")
    op.drop_index("ix_events_event_type", "events")
    op.drop_index("ix_documents_source_hash", "documents")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("source_hash")
