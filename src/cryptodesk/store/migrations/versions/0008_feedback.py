"""Customer feedback on a resolution (CSAT) and message attachments.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "ticket_ratings",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("customer_id", sa.Integer, nullable=False),
        sa.Column("score", sa.SmallInteger, nullable=False),
        sa.Column("comment", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_ticket_ratings"),
        sa.UniqueConstraint("ticket_id", name="uq_ticket_ratings_ticket_id"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"],
                                name="fk_ticket_ratings_ticket_id_tickets"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_ticket_ratings_customer_id_customers"),
    )
    op.create_index("ix_ticket_ratings_updated_at", "ticket_ratings", ["updated_at"])
    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("conversation_id", sa.Integer, nullable=False),
        sa.Column("customer_id", sa.Integer, nullable=False),
        sa.Column("message_id", sa.Integer),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(40), nullable=False),
        sa.Column("size", sa.Integer, nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("storage_name", sa.String(64), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_attachments"),
        sa.UniqueConstraint("storage_name", name="uq_attachments_storage_name"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"],
                                name="fk_attachments_conversation_id_conversations"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_attachments_customer_id_customers"),
        sa.ForeignKeyConstraint(["message_id"], ["messages.id"],
                                name="fk_attachments_message_id_messages"),
    )
    op.create_index("ix_attachments_conversation_id", "attachments", ["conversation_id"])


def downgrade() -> None:
    op.drop_index("ix_attachments_conversation_id", table_name="attachments")
    op.drop_table("attachments")
    op.drop_index("ix_ticket_ratings_updated_at", table_name="ticket_ratings")
    op.drop_table("ticket_ratings")
