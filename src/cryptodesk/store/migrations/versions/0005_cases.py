"""Cases: appeals, refunds, deposit recoveries, disputes and security incidents.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)
INDEXED = ("customer_id", "kind", "status", "review_due")


def upgrade() -> None:
    op.create_table(
        "cases",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("ticket_id", sa.Integer, nullable=False),
        sa.Column("conversation_id", sa.Integer, nullable=False),
        sa.Column("customer_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("summary", sa.String(500), nullable=False),
        sa.Column("evidence", sa.JSON, nullable=False),
        sa.Column("info_request", sa.Text),
        sa.Column("decision_note", sa.Text),
        sa.Column("exchange_ref", sa.String(128)),
        sa.Column("exchange_error", sa.String(40)),
        sa.Column("review_due", TS, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("decided_at", TS),
        sa.Column("closed_at", TS),
        sa.PrimaryKeyConstraint("id", name="pk_cases"),
        sa.UniqueConstraint("ticket_id", name="uq_cases_ticket_id"),
        sa.UniqueConstraint("conversation_id", name="uq_cases_conversation_id"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_cases_ticket_id_tickets"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"],
                                name="fk_cases_conversation_id_conversations"),
        sa.ForeignKeyConstraint(["customer_id"], ["customers.id"],
                                name="fk_cases_customer_id_customers"),
    )
    for column in INDEXED:
        op.create_index(f"ix_cases_{column}", "cases", [column])


def downgrade() -> None:
    for column in INDEXED:
        op.drop_index(f"ix_cases_{column}", table_name="cases")
    op.drop_table("cases")
