"""The knowledge base as agents keep it: sync the shipped seed, edit with history, publish."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..brain.catalogue import ACTIONS
from ..domain.agents import Agent
from ..domain.events import SYSTEM, Actor, Change
from ..domain.knowledge import (
    Article,
    ArticleStatus,
    ArticleText,
    ArticleVersion,
    KnowledgeGap,
    check_slug,
)
from ..errors import Conflict, InvalidInput, NotFound
from ..store.unit_of_work import UnitOfWork
from . import audit
from .kb_files import ShippedArticle, shipped


@dataclass(frozen=True)
class SyncReport:
    added: int
    updated: int
    kept: int


def sync(
    uow: UnitOfWork, now: datetime, articles: list[ShippedArticle] | None = None
) -> SyncReport:
    """Add shipped articles that are missing; refresh those no agent has edited since."""
    added = updated = kept = 0
    for item in articles if articles is not None else shipped():
        text = ArticleText.clean(item.title, item.body, item.tags)
        found = uow.knowledge.by_slug(item.slug, item.language)
        if found is None:
            article = Article(
                slug=check_slug(item.slug),
                language=_language(item.language),
                intent=_intent(item.intent),
                title=text.title,
                body=text.body,
                tags=list(text.tags),
                status=ArticleStatus.PUBLISHED,
                shipped_hash=item.digest,
                created_at=now,
                updated_at=now,
            )
            uow.knowledge.add(article)
            uow.flush()
            _snapshot(uow, article, "sync", now)
            added += 1
        elif found.shipped_hash is not None and found.shipped_hash != item.digest:
            if _unedited(uow, found) and found.revise(text, now):
                found.shipped_hash = item.digest
                _snapshot(uow, found, "sync", now)
                updated += 1
            else:
                kept += 1
        else:
            kept += 1
    if added or updated:
        audit.record(
            uow, [Change("kb.synced", None, {"added": added, "updated": updated})], SYSTEM, now
        )
    return SyncReport(added, updated, kept)


def create(
    uow: UnitOfWork,
    agent: Agent,
    *,
    slug: str,
    language: str,
    intent: str,
    text: ArticleText,
    now: datetime,
) -> Article:
    check_slug(slug)
    if uow.knowledge.by_slug(slug, language) is not None:
        raise Conflict(
            f"An article {slug} ({language}) exists.",
            f"文章 {slug}（{language}）已存在。",
            code="article_exists",
            field="slug",
            value=slug,
        )
    article = Article(
        slug=slug,
        language=_language(language),
        intent=_intent(intent),
        title=text.title,
        body=text.body,
        tags=list(text.tags),
        created_at=now,
        updated_at=now,
    )
    uow.knowledge.add(article)
    uow.flush()
    _snapshot(uow, article, agent.username, now)
    _audit(uow, agent.actor, "kb.article_created", article, now)
    return article


def edit(
    uow: UnitOfWork, agent: Agent, article_id: int, text: ArticleText, now: datetime
) -> Article:
    article = get(uow, article_id)
    if article.revise(text, now):
        _snapshot(uow, article, agent.username, now)
        _audit(uow, agent.actor, "kb.article_edited", article, now)
    return article


def set_status(
    uow: UnitOfWork, agent: Agent, article_id: int, status: ArticleStatus, now: datetime
) -> Article:
    article = get(uow, article_id)
    before = article.status
    article.move_to(status, now)
    audit.record(uow, [Change("kb.article_status", str(before), str(status))], agent.actor, now)
    return article


def get(uow: UnitOfWork, article_id: int) -> Article:
    article = uow.knowledge.get(article_id)
    if article is None:
        raise NotFound(
            f"Article {article_id} was not found.", f"未找到文章 {article_id}。", value=article_id
        )
    return article


def versions(uow: UnitOfWork, article_id: int) -> list[ArticleVersion]:
    return uow.knowledge.versions(get(uow, article_id).id)


def record_gap(uow: UnitOfWork, gap: KnowledgeGap) -> None:
    uow.knowledge.add(gap)


def _unedited(uow: UnitOfWork, article: Article) -> bool:
    history = uow.knowledge.versions(article.id)
    return bool(history) and history[-1].editor == "sync"


def _snapshot(uow: UnitOfWork, article: Article, editor: str, now: datetime) -> None:
    uow.knowledge.add(
        ArticleVersion(
            article_id=article.id,
            version=article.version,
            title=article.title,
            body=article.body,
            tags=list(article.tags),
            editor=editor,
            at=now,
        )
    )


def _audit(uow: UnitOfWork, actor: Actor, kind: str, article: Article, now: datetime) -> None:
    audit.record(
        uow,
        [
            Change(
                kind,
                None,
                {
                    "article_id": article.id,
                    "slug": article.slug,
                    "language": article.language,
                    "version": article.version,
                },
            )
        ],
        actor,
        now,
    )


def _language(value: str) -> str:
    if value not in ("zh", "en"):
        raise InvalidInput(
            "Language is zh or en.", "语言须为 zh 或 en。", field="language", value=value
        )
    return value


def _intent(value: str) -> str:
    if value not in ACTIONS:
        raise InvalidInput(
            f"{value!r} is not an intent of the catalogue.",
            f"{value!r} 不是目录中的意图。",
            field="intent",
            value=value,
        )
    return value
