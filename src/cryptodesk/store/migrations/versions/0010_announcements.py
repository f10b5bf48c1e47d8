"""Announcements of features, maintenance, policy changes and listings, by audience language.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "announcements",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("audience", sa.String(4), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("title_zh", sa.String(200)),
        sa.Column("body_zh", sa.Text),
        sa.Column("title_en", sa.String(200)),
        sa.Column("body_en", sa.Text),
        sa.Column("publish_at", TS),
        sa.Column("created_by", sa.String(128), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(128), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_announcements"),
    )
    op.create_index("ix_announcements_publish_at", "announcements", ["publish_at"])


def downgrade() -> None:
    op.drop_index("ix_announcements_publish_at", table_name="announcements")
    op.drop_table("announcements")
