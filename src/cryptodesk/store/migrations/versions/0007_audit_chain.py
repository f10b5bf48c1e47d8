"""Tamper-evident audit trail: each sealed event carries its place and a hash chained to the last.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("seq", sa.Integer))
        batch.add_column(sa.Column("hash", sa.String(64)))
        batch.create_unique_constraint("uq_events_seq", ["seq"])


def downgrade() -> None:
    with op.batch_alter_table("events") as batch:
        batch.drop_constraint("uq_events_seq", type_="unique")
        batch.drop_column("hash")
        batch.drop_column("seq")
