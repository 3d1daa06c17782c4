"""Create the documents, events and claims tables.

Revision ID: 0001
Revises:
Create Date: 2025-01-01

Frozen copy of ``marsad/store/tables.py`` at revision 0001: a migration must keep creating
the same schema even after ``tables.py`` moves on, so it does not import it.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("doc_id", sa.String, nullable=False),
        sa.Column("content_hash", sa.String, nullable=False),
        sa.Column("url", sa.Text),
        sa.Column("title", sa.Text),
        sa.Column("outlet", sa.String),
        sa.Column("published", sa.Date),
        sa.Column("published_source", sa.String, nullable=False),
        sa.Column("language", sa.String, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("dropped", sa.JSON, nullable=False),
        sa.Column("warnings", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("result", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_documents"),
        sa.UniqueConstraint("doc_id", name="uq_documents_doc_id"),
        sa.UniqueConstraint("content_hash", name="uq_documents_content_hash"),
    )
    op.create_table(
        "events",
        sa.Column("event_id", sa.String, nullable=False),
        sa.Column("doc_id", sa.String, nullable=False),
        sa.Column("sub_event_type", sa.String, nullable=False),
        sa.Column("event_type", sa.String, nullable=False),
        sa.Column("disorder_type", sa.String, nullable=False),
        sa.Column("date_start", sa.Date),
        sa.Column("date_end", sa.Date),
        sa.Column("date_precision", sa.Integer),
        sa.Column("location", sa.String),
        sa.Column("admin1", sa.String),
        sa.Column("country", sa.String),
        sa.Column("iso3", sa.String),
        sa.Column("lat", sa.Float),
        sa.Column("lon", sa.Float),
        sa.Column("geo_precision", sa.Integer),
        sa.Column("actor1", sa.String),
        sa.Column("inter1", sa.Integer),
        sa.Column("actor2", sa.String),
        sa.Column("inter2", sa.Integer),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("fatalities_aggregate", sa.Boolean),
        sa.Column("notes", sa.Text, nullable=False),
        sa.Column("confidence", sa.Float, nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_events"),
        sa.ForeignKeyConstraint(["doc_id"], ["documents.doc_id"], ondelete="CASCADE",
                                name="fk_events_doc_id_documents"),
    )
    op.create_index("ix_events_doc_id", "events", ["doc_id"])
    op.create_index("ix_events_sub_event_type", "events", ["sub_event_type"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_events_admin1", "events", ["admin1"])
    op.create_table(
        "claims",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("event_id", sa.String, nullable=False),
        sa.Column("source", sa.String, nullable=False),
        sa.Column("source_kind", sa.String, nullable=False),
        sa.Column("affiliation", sa.String),
        sa.Column("cue", sa.String, nullable=False),
        sa.Column("hedged", sa.Boolean, nullable=False),
        sa.Column("claim_date", sa.Date),
        sa.Column("char_start", sa.Integer),
        sa.Column("char_end", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_claims"),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name="fk_claims_event_id_events"),
    )
    op.create_index("ix_claims_event_id", "claims", ["event_id"])


def downgrade() -> None:
    op.drop_table("claims")
    op.drop_table("events")
    op.drop_table("documents")
