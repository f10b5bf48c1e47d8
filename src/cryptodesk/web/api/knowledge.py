"""The knowledge base: agents edit it (with history); everyone may search what is published."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from ...domain.knowledge import ArticleStatus, ArticleText
from ...services import kb_search
from ...services import knowledge as kb
from ...store.unit_of_work import UnitOfWork
from .. import ratelimit
from ..deps import CurrentAgent, DeskDep, read, transact
from ..schemas import Id, Input, Output, PageOut
from .responses import FULL

router = APIRouter(tags=["knowledge base"], responses=FULL)
Lang = Literal["zh", "en"]


class ArticleIn(Input):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(min_length=1, max_length=50_000)
    tags: list[str] = Field(default_factory=list, max_length=20)


class NewArticleIn(ArticleIn):
    slug: str = Field(min_length=1, max_length=80, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
    language: Lang
    intent: str = Field(min_length=1, max_length=64)


class StatusIn(Input):
    status: ArticleStatus


class ArticleOut(Output):
    id: int
    slug: str
    language: str
    intent: str
    title: str
    body: str
    tags: list[str]
    status: ArticleStatus
    version: int
    updated_at: datetime


class VersionOut(Output):
    version: int
    title: str
    body: str
    tags: list[str]
    editor: str
    at: datetime


class HitOut(BaseModel):
    slug: str
    language: str
    intent: str
    title: str
    score: float


class GapGroupOut(BaseModel):
    count: int
    example: str
    questions: list[str]
    intents: list[str]
    languages: list[str]
    last_at: datetime


def _text(body: ArticleIn) -> ArticleText:
    return ArticleText.clean(body.title, body.body, body.tags)


@router.get("/kb/articles")
def list_articles(
    desk: DeskDep,
    agent: CurrentAgent,
    language: Lang | None = None,
    status: ArticleStatus | None = None,
    intent: Annotated[str | None, Query(max_length=64)] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=100)] = 50,
) -> PageOut[ArticleOut]:
    found = read(
        desk,
        lambda uow: uow.knowledge.articles(
            language=language, status=status, intent=intent, page=page, per_page=per_page
        ),
    )
    return PageOut.of(found, ArticleOut.model_validate)


@router.post("/kb/articles", status_code=201)
def create_article(body: NewArticleIn, desk: DeskDep, agent: CurrentAgent) -> ArticleOut:
    article = transact(
        desk,
        kb.create,
        agent,
        slug=body.slug,
        language=body.language,
        intent=body.intent,
        text=_text(body),
        now=desk.now(),
    )
    return ArticleOut.model_validate(article)


@router.get("/kb/articles/{article_id}")
def get_article(article_id: Id, desk: DeskDep, agent: CurrentAgent) -> ArticleOut:
    return ArticleOut.model_validate(read(desk, kb.get, article_id))


@router.put("/kb/articles/{article_id}")
def edit_article(article_id: Id, body: ArticleIn, desk: DeskDep, agent: CurrentAgent) -> ArticleOut:
    return ArticleOut.model_validate(
        transact(desk, kb.edit, agent, article_id, _text(body), desk.now())
    )


@router.post("/kb/articles/{article_id}/status")
def set_status(article_id: Id, body: StatusIn, desk: DeskDep, agent: CurrentAgent) -> ArticleOut:
    """Publish, unpublish (draft) or archive."""
    return ArticleOut.model_validate(
        transact(desk, kb.set_status, agent, article_id, body.status, desk.now())
    )


@router.get("/kb/articles/{article_id}/versions")
def versions(article_id: Id, desk: DeskDep, agent: CurrentAgent) -> list[VersionOut]:
    return [VersionOut.model_validate(v) for v in read(desk, kb.versions, article_id)]


@router.get("/kb/gaps")
def gaps(
    desk: DeskDep, agent: CurrentAgent, days: Annotated[int, Query(ge=1, le=365)] = 30
) -> list[GapGroupOut]:
    """Questions answered with low confidence or handed over, similar ones grouped."""
    groups = read(desk, kb_search.gap_groups, desk.now(), days=days)
    return [GapGroupOut.model_validate(g, from_attributes=True) for g in groups]


@router.get("/help/search", dependencies=[Depends(ratelimit.public)])
def search(
    desk: DeskDep,
    q: Annotated[str, Query(min_length=1, max_length=500)],
    language: Lang | None = None,
    limit: Annotated[int, Query(ge=1, le=20)] = 5,
) -> list[HitOut]:
    """Search the published articles (no sign-in needed)."""

    def run(uow: UnitOfWork) -> list[HitOut]:
        hits = kb_search.search(uow, q, language=language, limit=limit)
        return [
            HitOut(
                slug=h.key,
                language=h.language,
                intent=h.intent,
                title=h.title,
                score=round(h.score, 4),
            )
            for h in hits
        ]

    return read(desk, run)
