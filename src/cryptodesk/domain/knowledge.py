"""Knowledge-base articles with their history, and the questions the engine could not answer."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import datetime

from ..errors import IllegalTransition, InvalidInput
from .customers import Language

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_TITLE = 200
MAX_BODY = 50_000


class ArticleStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"
    ARCHIVED = "archived"


_NEXT = {
    ArticleStatus.DRAFT: {ArticleStatus.PUBLISHED, ArticleStatus.ARCHIVED},
    ArticleStatus.PUBLISHED: {ArticleStatus.DRAFT, ArticleStatus.ARCHIVED},
    ArticleStatus.ARCHIVED: {ArticleStatus.DRAFT, ArticleStatus.PUBLISHED},
}


@dataclass(frozen=True)
class ArticleText:
    """What an author writes; validated once, wherever it comes from."""

    title: str
    body: str
    tags: tuple[str, ...]

    @classmethod
    def clean(cls, title: str, body: str, tags: list[str] | tuple[str, ...]) -> ArticleText:
        title = " ".join(title.split())
        body = body.replace("\r\n", "\n").strip()
        if not title or len(title) > MAX_TITLE:
            raise InvalidInput(f"A title has 1–{MAX_TITLE} characters.",
                               f"标题须为 1–{MAX_TITLE} 个字符。", field="title")
        if not body or len(body) > MAX_BODY:
            raise InvalidInput(f"An article body has 1–{MAX_BODY} characters.",
                               f"正文须为 1–{MAX_BODY} 个字符。", field="body")
        cleaned = tuple(dict.fromkeys(t.strip().lower() for t in tags if t.strip()))
        return cls(title, body, cleaned[:20])


@dataclass(eq=False, kw_only=True)
class Article:
    slug: str
    language: Language
    intent: str
    title: str
    body: str
    tags: list[str] = field(default_factory=list)
    status: ArticleStatus = ArticleStatus.DRAFT
    version: int = 1
    shipped_hash: str | None = None  # the shipped file this copy last matched
    created_at: datetime
    updated_at: datetime
    id: int | None = None

    def revise(self, text: ArticleText, now: datetime) -> bool:
        """Apply an edit; False when nothing changed (no new version then)."""
        if (self.title, self.body, tuple(self.tags)) == (text.title, text.body, text.tags):
            return False
        self.title, self.body, self.tags = text.title, text.body, list(text.tags)
        self.version += 1
        self.updated_at = now
        return True

    def move_to(self, status: ArticleStatus, now: datetime) -> None:
        if status not in _NEXT[self.status]:
            raise IllegalTransition(
                f"An article cannot go from {self.status} to {status}.",
                f"文章不能从 {self.status} 变为 {status}。", field="status", value=str(status),
            )
        self.status = status
        self.updated_at = now


@dataclass(eq=False, kw_only=True)
class ArticleVersion:
    article_id: int
    version: int
    title: str
    body: str
    tags: list[str]
    editor: str
    at: datetime
    id: int | None = None


@dataclass(eq=False, kw_only=True)
class KnowledgeGap:
    """A question answered with low confidence or handed to a person (text already redacted)."""

    text: str
    language: Language
    reason: str  # low_confidence | handoff | out_of_scope
    at: datetime
    intent: str | None = None
    confidence: float | None = None
    conversation_id: int | None = None
    id: int | None = None


def check_slug(slug: str) -> str:
    if not SLUG.match(slug) or len(slug) > 80:
        raise InvalidInput("Article ids are lowercase words joined by '-'.",
                           "文章 ID 须为以 '-' 连接的小写单词。", field="slug", value=slug)
    return slug
