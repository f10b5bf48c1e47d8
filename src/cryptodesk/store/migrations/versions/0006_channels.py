"""Official channels: the registry customers check links, accounts and staff ids against.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "official_channels",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("value", sa.String(255), nullable=False),
        sa.Column("label", sa.String(120), nullable=False),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("added_by", sa.String(128), nullable=False),
        sa.Column("added_at", TS, nullable=False),
        sa.Column("retired_by", sa.String(128)),
        sa.Column("retired_at", TS),
        sa.PrimaryKeyConstraint("id", name="pk_official_channels"),
        sa.UniqueConstraint("kind", "value", name="uq_official_channels_kind_value"),
    )


def downgrade() -> None:
    op.drop_table("official_channels")
