"""Knowledge base: articles, their versions, and the questions the engine could not answer.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

TS = sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "kb_articles",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("slug", sa.String(80), nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("intent", sa.String(64), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("shipped_hash", sa.String(64)),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_kb_articles"),
        sa.UniqueConstraint("slug", "language", name="uq_kb_articles_slug_language"),
    )
    op.create_index("ix_kb_articles_intent", "kb_articles", ["intent"])
    op.create_table(
        "kb_article_versions",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("article_id", sa.Integer, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("editor", sa.String(64), nullable=False),
        sa.Column("at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_kb_article_versions"),
        sa.ForeignKeyConstraint(["article_id"], ["kb_articles.id"],
                                name="fk_kb_article_versions_article_id_kb_articles"),
        sa.UniqueConstraint("article_id", "version",
                            name="uq_kb_article_versions_article_id_version"),
    )
    op.create_table(
        "kb_gaps",
        sa.Column("id", sa.Integer, nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("language", sa.String(2), nullable=False),
        sa.Column("reason", sa.String(20), nullable=False),
        sa.Column("intent", sa.String(64)),
        sa.Column("confidence", sa.Float),
        sa.Column("conversation_id", sa.Integer),
        sa.Column("at", TS, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_kb_gaps"),
        sa.ForeignKeyConstraint(["conversation_id"], ["conversations.id"],
                                name="fk_kb_gaps_conversation_id_conversations"),
    )
    op.create_index("ix_kb_gaps_at", "kb_gaps", ["at"])


def downgrade() -> None:
    op.drop_table("kb_gaps")
    op.drop_table("kb_article_versions")
    op.drop_table("kb_articles")
