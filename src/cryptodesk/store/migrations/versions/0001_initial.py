"""Initial schema: teams, SLA policies, customers, agents, conversations, tickets, events.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    teams = op.create_table(
        "teams",
        sa.Column("name", sa.String(40), nullable=False),
        sa.Column("display_name", sa.String(80), nullable=False),
        sa.Column("display_name_zh", sa.String(80), nullable=False),
        sa.PrimaryKeyConstraint("name", name="pk_teams"),
    )
    policies = op.create_table(
        "sla_policies",
        sa.Column("priority", sa.String(2), nullable=False),
        sa.Column("first_response_minutes", sa.Integer, nullable=False),
        sa.Column("resolution_minutes", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("priority", name="pk_sla_policies"),
    )
    op.create_table(
        "customers",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("ref", sa.String(128), nullable=False),
        sa.Column("display_name", sa.String(120), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("email", sa.String(254)),
        sa.Column("phone", sa.String(32)),
        sa.Column("telegram", sa.String(64)),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_customers"),
        sa.UniqueConstraint("ref", name="uq_customers_ref"),
    )
    op.create_table(
        "agents",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("username", sa.String(64), nullable=False),
        sa.Column("display_name", sa.String(120), nullable=False),
        sa.Column("email", sa.String(254), nullable=False),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("team", sa.String(40), nullable=False),
        sa.Column("password_hash", sa.String(255), nullable=False),
        sa.Column("totp_secret", sa.String(64)),
        sa.Column("last_totp_step", sa.BigInteger),
        sa.Column("active", sa.Boolean, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_agents"),
        sa.UniqueConstraint("username", name="uq_agents_username"),
        sa.ForeignKeyConstraint(["team"], ["teams.name"], name="fk_agents_team_teams"),
    )
    op.create_table(
        "agent_sessions",
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("agent_id", sa.Integer, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("expires_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("token_hash", name="pk_agent_sessions"),
        sa.ForeignKeyConstraint(
            ["agent_id"], ["agents.id"], name="fk_agent_sessions_agent_id_agents"
        ),
    )
    op.create_index("ix_agent_sessions_agent_id", "agent_sessions", ["agent_id"])
    op.create_table(
        "conversations",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("customer_id", sa.Integer),
        sa.Column("visitor_token_hash", sa.String(64)),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_conversations"),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_conversations_customer_id_customers"
        ),
    )
    op.create_index("ix_conversations_customer_id", "conversations", ["customer_id"])
    op.create_index(
        "ix_conversations_visitor_token_hash", "conversations", ["visitor_token_hash"]
    )
    op.create_table(
        "messages",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("conversation_id", sa.Integer, nullable=False),
        sa.Column("author", sa.String(16), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("internal", sa.Boolean, nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("agent_id", sa.Integer),
        sa.Column("client_message_id", sa.String(64)),
        sa.Column("created_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_messages"),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"],
            name="fk_messages_conversation_id_conversations",
        ),
        sa.ForeignKeyConstraint(["agent_id"], ["agents.id"], name="fk_messages_agent_id_agents"),
        sa.UniqueConstraint(
            "conversation_id", "client_message_id",
            name="uq_messages_conversation_id_client_message_id",
        ),
    )
    op.create_index("ix_messages_conversation_id", "messages", ["conversation_id"])
    op.create_table(
        "tickets",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("subject", sa.String(200), nullable=False),
        sa.Column("conversation_id", sa.Integer, nullable=False),
        sa.Column("customer_id", sa.Integer),
        sa.Column("category", sa.String(16), nullable=False),
        sa.Column("priority", sa.String(2), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("assignee_id", sa.Integer),
        sa.Column("team", sa.String(40), nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("first_response_due", TS, nullable=False),
        sa.Column("resolution_due", TS, nullable=False),
        sa.Column("first_responded_at", TS),
        sa.Column("resolved_at", TS),
        sa.Column("closed_at", TS),
        sa.Column("merged_into_id", sa.Integer),
        sa.PrimaryKeyConstraint("id", name="pk_tickets"),
        sa.UniqueConstraint("conversation_id", name="uq_tickets_conversation_id"),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"],
            name="fk_tickets_conversation_id_conversations",
        ),
        sa.ForeignKeyConstraint(
            ["customer_id"], ["customers.id"], name="fk_tickets_customer_id_customers"
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"], ["agents.id"], name="fk_tickets_assignee_id_agents"
        ),
        sa.ForeignKeyConstraint(["team"], ["teams.name"], name="fk_tickets_team_teams"),
        sa.ForeignKeyConstraint(
            ["merged_into_id"], ["tickets.id"], name="fk_tickets_merged_into_id_tickets"
        ),
    )
    for column in ("customer_id", "status", "assignee_id", "team"):
        op.create_index(f"ix_tickets_{column}", "tickets", [column])
    op.create_table(
        "events",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("actor_kind", sa.String(16), nullable=False),
        sa.Column("actor_id", sa.Integer),
        sa.Column("actor_name", sa.String(128), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("ticket_id", sa.Integer),
        sa.Column("conversation_id", sa.Integer),
        sa.Column("before", sa.JSON),
        sa.Column("after", sa.JSON),
        sa.PrimaryKeyConstraint("id", name="pk_events"),
        sa.ForeignKeyConstraint(["ticket_id"], ["tickets.id"], name="fk_events_ticket_id_tickets"),
        sa.ForeignKeyConstraint(
            ["conversation_id"], ["conversations.id"],
            name="fk_events_conversation_id_conversations",
        ),
    )
    op.create_index("ix_events_ticket_id", "events", ["ticket_id"])
    op.create_index("ix_events_conversation_id", "events", ["conversation_id"])

    op.bulk_insert(teams, [
        {"name": "support", "display_name": "Customer support", "display_name_zh": "客户支持"},
        {"name": "wallet-ops", "display_name": "Wallet operations", "display_name_zh": "钱包运维"},
        {"name": "security", "display_name": "Security", "display_name_zh": "安全"},
        {"name": "compliance", "display_name": "Compliance", "display_name_zh": "合规"},
    ])
    op.bulk_insert(policies, [
        {"priority": "P1", "first_response_minutes": 15, "resolution_minutes": 240},
        {"priority": "P2", "first_response_minutes": 60, "resolution_minutes": 480},
        {"priority": "P3", "first_response_minutes": 240, "resolution_minutes": 1440},
        {"priority": "P4", "first_response_minutes": 480, "resolution_minutes": 4320},
    ])


def downgrade() -> None:
    for table in (
        "events", "tickets", "messages", "conversations", "agent_sessions", "agents",
        "customers", "sla_policies", "teams",
    ):
        op.drop_table(table)
