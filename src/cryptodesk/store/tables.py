"""The schema, and how the domain's dataclasses map onto it."""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import registry

from ..domain.agents import Agent, AgentSession, Role, Team
from ..domain.cases import Case
from ..domain.conversations import Author, Channel, Conversation, ConversationState, Message
from ..domain.customers import Customer
from ..domain.events import ActorKind, Event
from ..domain.knowledge import Article, ArticleStatus, ArticleVersion, KnowledgeGap
from ..domain.sla import Priority, SlaPolicy
from ..domain.tickets import Category, Ticket, TicketStatus
from .case_tables import cases_table
from .types import StrEnum, UtcDateTime

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

teams = sa.Table(
    "teams", metadata,
    sa.Column("name", sa.String(40), primary_key=True),
    sa.Column("display_name", sa.String(80), nullable=False),
    sa.Column("display_name_zh", sa.String(80), nullable=False),
)

sla_policies = sa.Table(
    "sla_policies", metadata,
    sa.Column("priority", StrEnum(Priority, 2), primary_key=True),
    sa.Column("first_response_minutes", sa.Integer, nullable=False),
    sa.Column("resolution_minutes", sa.Integer, nullable=False),
)

customers = sa.Table(
    "customers", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("ref", sa.String(128), nullable=False, unique=True),
    sa.Column("display_name", sa.String(120), nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("email", sa.String(254)),
    sa.Column("phone", sa.String(32)),
    sa.Column("telegram", sa.String(64)),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

agents = sa.Table(
    "agents", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("username", sa.String(64), nullable=False, unique=True),
    sa.Column("display_name", sa.String(120), nullable=False),
    sa.Column("email", sa.String(254), nullable=False),
    sa.Column("role", StrEnum(Role, 16), nullable=False),
    sa.Column("team", sa.String(40), sa.ForeignKey("teams.name"), nullable=False),
    sa.Column("password_hash", sa.String(255), nullable=False),
    sa.Column("totp_secret", sa.String(64)),
    sa.Column("last_totp_step", sa.BigInteger),
    sa.Column("active", sa.Boolean, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
)

agent_sessions = sa.Table(
    "agent_sessions", metadata,
    sa.Column("token_hash", sa.String(64), primary_key=True),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id"), nullable=False, index=True),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("expires_at", UtcDateTime, nullable=False),
)

conversations = sa.Table(
    "conversations", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("channel", StrEnum(Channel, 16), nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), index=True),
    sa.Column("visitor_token_hash", sa.String(64), index=True),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("state", StrEnum(ConversationState, 16), nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
)

messages = sa.Table(
    "messages", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "conversation_id", sa.Integer, sa.ForeignKey("conversations.id"), nullable=False,
        index=True,
    ),
    sa.Column("author", StrEnum(Author, 16), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("internal", sa.Boolean, nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("agent_id", sa.Integer, sa.ForeignKey("agents.id")),
    sa.Column("client_message_id", sa.String(64)),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("data", sa.JSON),
    sa.UniqueConstraint("conversation_id", "client_message_id"),
)

tickets = sa.Table(
    "tickets", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column(
        "conversation_id", sa.Integer, sa.ForeignKey("conversations.id"), nullable=False,
        unique=True,
    ),
    sa.Column("customer_id", sa.Integer, sa.ForeignKey("customers.id"), index=True),
    sa.Column("category", StrEnum(Category, 16), nullable=False),
    sa.Column("priority", StrEnum(Priority, 2), nullable=False),
    sa.Column("status", StrEnum(TicketStatus, 20), nullable=False, index=True),
    sa.Column("assignee_id", sa.Integer, sa.ForeignKey("agents.id"), index=True),
    sa.Column("team", sa.String(40), sa.ForeignKey("teams.name"), nullable=False, index=True),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.Column("first_response_due", UtcDateTime, nullable=False),
    sa.Column("resolution_due", UtcDateTime, nullable=False),
    sa.Column("first_responded_at", UtcDateTime),
    sa.Column("resolved_at", UtcDateTime),
    sa.Column("closed_at", UtcDateTime),
    sa.Column("merged_into_id", sa.Integer, sa.ForeignKey("tickets.id")),
)

events = sa.Table(
    "events", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(40), nullable=False),
    sa.Column("actor_kind", StrEnum(ActorKind, 16), nullable=False),
    sa.Column("actor_id", sa.Integer),
    sa.Column("actor_name", sa.String(128), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.Column("ticket_id", sa.Integer, sa.ForeignKey("tickets.id"), index=True),
    sa.Column("conversation_id", sa.Integer, sa.ForeignKey("conversations.id"), index=True),
    sa.Column("before", sa.JSON),
    sa.Column("after", sa.JSON),
    sa.Column("seq", sa.Integer, unique=True),
    sa.Column("hash", sa.String(64)),
)

kb_articles = sa.Table(
    "kb_articles", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("slug", sa.String(80), nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("intent", sa.String(64), nullable=False, index=True),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("status", StrEnum(ArticleStatus, 16), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("shipped_hash", sa.String(64)),
    sa.Column("created_at", UtcDateTime, nullable=False),
    sa.Column("updated_at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("slug", "language"),
)

kb_article_versions = sa.Table(
    "kb_article_versions", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, sa.ForeignKey("kb_articles.id"), nullable=False),
    sa.Column("version", sa.Integer, nullable=False),
    sa.Column("title", sa.String(200), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("editor", sa.String(64), nullable=False),
    sa.Column("at", UtcDateTime, nullable=False),
    sa.UniqueConstraint("article_id", "version"),
)

kb_gaps = sa.Table(
    "kb_gaps", metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("language", sa.String(2), nullable=False),
    sa.Column("reason", sa.String(20), nullable=False),
    sa.Column("intent", sa.String(64)),
    sa.Column("confidence", sa.Float),
    sa.Column("conversation_id", sa.Integer, sa.ForeignKey("conversations.id")),
    sa.Column("at", UtcDateTime, nullable=False, index=True),
)

cases = cases_table(metadata)

mapper_registry = registry(metadata=metadata)
_MAPPED = (
    (Team, teams), (SlaPolicy, sla_policies), (Customer, customers), (Agent, agents),
    (AgentSession, agent_sessions), (Conversation, conversations), (Message, messages),
    (Ticket, tickets), (Event, events), (Article, kb_articles),
    (ArticleVersion, kb_article_versions), (KnowledgeGap, kb_gaps), (Case, cases),
)


def map_domain() -> None:
    """Map each dataclass to its table once per process."""
    if mapper_registry.mappers:
        return
    from . import (  # on this metadata, imported once it exists
        announcement_tables,
        canned_tables,
        channel_tables,
        feedback_tables,
    )

    for cls, table in (
        *_MAPPED, *channel_tables.MAPPED, *feedback_tables.MAPPED, *canned_tables.MAPPED,
        *announcement_tables.MAPPED,
    ):
        mapper_registry.map_imperatively(cls, table)
