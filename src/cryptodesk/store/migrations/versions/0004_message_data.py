"""Structured data on a message (the bot's intent, clarifying options, a diagnosis card).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.add_column(sa.Column("data", sa.JSON))


def downgrade() -> None:
    with op.batch_alter_table("messages") as batch:
        batch.drop_column("data")
