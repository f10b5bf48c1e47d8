"""Searching the published knowledge base, and the questions it could not answer."""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from ..brain.retrieval import Document, Hit, KnowledgeIndex, group_similar
from ..domain.knowledge import Article
from ..store.unit_of_work import UnitOfWork

_lock = threading.Lock()
_cached: tuple[tuple, KnowledgeIndex] | None = None


def index(uow: UnitOfWork) -> KnowledgeIndex:
    """The index over what is published now; rebuilt only when an article changes."""
    global _cached
    articles = uow.knowledge.published()
    fingerprint = tuple((a.id, a.version) for a in articles)
    with _lock:
        if _cached is None or _cached[0] != fingerprint:
            _cached = (fingerprint, KnowledgeIndex([_document(a) for a in articles]))
        return _cached[1]


def _document(article: Article) -> Document:
    return Document(
        article.slug,
        article.language,
        article.intent,
        article.title,
        article.body,
        tuple(article.tags),
    )


def search(uow: UnitOfWork, query: str, *, language: str | None, limit: int = 5) -> list[Hit]:
    return index(uow).search(query, language=language, limit=limit)


@dataclass(frozen=True)
class GapGroup:
    count: int
    example: str
    questions: list[str]
    intents: list[str]
    languages: list[str]
    last_at: datetime


def gap_groups(
    uow: UnitOfWork, now: datetime, *, days: int = 30, limit: int = 500
) -> list[GapGroup]:
    """Unanswered questions of the last `days`, similar ones together, biggest groups first."""
    gaps = uow.knowledge.gaps(now - timedelta(days=days), limit)
    groups = []
    for members in group_similar([g.text for g in gaps]):
        items = [gaps[i] for i in members]
        intents = Counter(g.intent for g in items if g.intent)
        groups.append(
            GapGroup(
                count=len(items),
                example=items[0].text,
                questions=[g.text for g in items[:20]],
                intents=[i for i, _ in intents.most_common(3)],
                languages=sorted({g.language for g in items}),
                last_at=max(g.at for g in items),
            )
        )
    return groups
