"""Create the incidents, incident_members and fusion_runs tables (marsad fuse).

Revision ID: 0002
Revises: 0001
Create Date: 2025-01-02

Frozen copy of the incident tables of ``marsad/store/tables.py`` at revision 0002.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "incidents",
        sa.Column("incident_id", sa.String, nullable=False),
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
        sa.Column("actor2", sa.String),
        sa.Column("fatalities_low", sa.Integer),
        sa.Column("fatalities_best", sa.Integer),
        sa.Column("fatalities_high", sa.Integer),
        sa.Column("grade", sa.String, nullable=False),
        sa.Column("member_count", sa.Integer, nullable=False),
        sa.Column("source_count", sa.Integer, nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("record", sa.JSON, nullable=False),
        sa.PrimaryKeyConstraint("incident_id", name="pk_incidents"),
    )
    op.create_index("ix_incidents_sub_event_type", "incidents", ["sub_event_type"])
    op.create_index("ix_incidents_date_start", "incidents", ["date_start"])
    op.create_index("ix_incidents_admin1", "incidents", ["admin1"])
    op.create_table(
        "incident_members",
        sa.Column("event_id", sa.String, nullable=False),
        sa.Column("incident_id", sa.String, nullable=False),
        sa.Column("doc_id", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("score", sa.Float, nullable=False),
        sa.PrimaryKeyConstraint("event_id", name="pk_incident_members"),
        sa.ForeignKeyConstraint(["event_id"], ["events.event_id"], ondelete="CASCADE",
                                name="fk_incident_members_event_id_events"),
        sa.ForeignKeyConstraint(["incident_id"], ["incidents.incident_id"], ondelete="CASCADE",
                                name="fk_incident_members_incident_id_incidents"),
    )
    op.create_index("ix_incident_members_incident_id", "incident_members", ["incident_id"])
    op.create_table(
        "fusion_runs",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fused_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_document_id", sa.Integer, nullable=False),
        sa.Column("settings_hash", sa.String, nullable=False),
        sa.Column("events_fused", sa.Integer, nullable=False),
        sa.Column("incidents_changed", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_fusion_runs"),
    )


def downgrade() -> None:
    op.drop_table("fusion_runs")
    op.drop_table("incident_members")
    op.drop_table("incidents")
