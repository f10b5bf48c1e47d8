"""The knowledge base as supervisors keep it from the console: the list, a side-by-side zh/en
editor with a preview drawn by the help center's own Markdown renderer, history and status, and
the questions the engine could not answer, each a step away from a new article."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from ..bootstrap import Desk
from ..brain.catalogue import ACTIONS
from ..domain.agents import Agent
from ..domain.knowledge import ArticleStatus, ArticleText
from ..errors import CryptodeskError, InvalidInput
from ..services import kb_search
from ..services import knowledge as kb
from ..store.unit_of_work import UnitOfWork
from .admin_guard import page, posted, refusal, supervisor
from .articles import render_markdown
from .deps import DeskDep, read, transact
from .rendering import redirect

router = APIRouter()
LANGS = ("zh", "en")
Title = Annotated[str, Form(max_length=500)]
Body = Annotated[str, Form(max_length=60_000)]
PER_PAGE = 100


@router.get("/kb", response_class=HTMLResponse)
def articles(
    request: Request, desk: DeskDep,
    language: Annotated[str, Query(pattern="^(zh|en|)$")] = "",
    status: Annotated[str, Query(pattern="^(draft|published|archived|)$")] = "",
    page_no: Annotated[int, Query(alias="page", ge=1, le=10_000)] = 1,
) -> Response:
    who = supervisor(request, desk)
    if isinstance(who, Response):
        return who
    found = read(desk, lambda uow: uow.knowledge.articles(
        language=language or None, status=ArticleStatus(status) if status else None,
        page=page_no, per_page=PER_PAGE))
    return page(request, "console_admin_kb.html", who, "kb", {
        "found": found, "language": language, "status": status, "statuses": list(ArticleStatus),
    })


def _new_page(request: Request, who: Agent, form: dict[str, str], *, error: str | None = None,
              status_code: int = 200) -> HTMLResponse:
    return page(request, "console_admin_kb_new.html", who, "kb", {
        "form": form, "intents": sorted(ACTIONS), "error": error,
    }, status_code=status_code)


@router.get("/kb/new", response_class=HTMLResponse)
def new_article(
    request: Request, desk: DeskDep, intent: Annotated[str, Query(max_length=64)] = "",
    lang: Annotated[str, Query(pattern="^(zh|en|)$")] = "",
    title: Annotated[str, Query(max_length=500)] = "",
) -> Response:
    who = supervisor(request, desk)
    if isinstance(who, Response):
        return who
    return _new_page(request, who, {"intent": intent, "language": lang, "title": title})


@router.post("/kb/new", response_class=HTMLResponse)
def create_article(
    request: Request, desk: DeskDep, slug: Title = "", language: Title = "", intent: Title = "",
    title: Title = "", tags: Title = "", body: Body = "",
) -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    form = {"slug": slug, "language": language, "intent": intent, "title": title, "tags": tags,
            "body": body}
    try:
        transact(desk, kb.create, who, slug=slug.strip(), language=language, intent=intent,
                 text=ArticleText.clean(title, body, tags.split(",")), now=desk.now())
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _new_page(request, who, form, error=error, status_code=status)
    return redirect(f"/console/admin/kb/{slug.strip()}?done=created")


def _editor(uow: UnitOfWork, slug: str) -> dict[str, Any]:
    sides = {}
    for lang in LANGS:
        article = uow.knowledge.by_slug(slug, lang)
        history = uow.knowledge.versions(article.id) if article else []
        sides[lang] = {"article": article, "history": list(reversed(history))}
    return sides


def _editor_page(request: Request, desk: Desk, who: Agent, slug: str, *,
                 drafts: dict[str, dict[str, str]] | None = None, preview: str | None = None,
                 error: str | None = None, status_code: int = 200) -> HTMLResponse:
    sides = read(desk, _editor, slug)
    if not any(side["article"] for side in sides.values()):
        return page(request, "console_admin_message.html", who, "kb",
                    {"message_key": "admin.kb_missing"}, status_code=404)
    drafts = drafts or {}
    for lang, side in sides.items():
        found = side["article"]
        side["draft"] = drafts.get(lang) or ({
            "title": found.title, "tags": ", ".join(found.tags), "body": found.body,
        } if found else None)
        side["preview"] = render_markdown(side["draft"]["body"]) if lang == preview else None
    return page(request, "console_admin_kb_edit.html", who, "kb", {
        "slug": slug, "sides": sides, "error": error, "statuses": list(ArticleStatus),
    }, status_code=status_code)


@router.get("/kb/{slug}", response_class=HTMLResponse)
def editor(request: Request, desk: DeskDep, slug: str) -> Response:
    who = supervisor(request, desk)
    if isinstance(who, Response):
        return who
    return _editor_page(request, desk, who, slug[:80])


def _article_id(desk: Desk, slug: str, lang: str) -> int:
    found = read(desk, lambda uow: uow.knowledge.by_slug(slug, lang))
    if found is None or lang not in LANGS:
        raise InvalidInput("There is no such article.", "没有这篇文章。", field="slug")
    return int(found.id)


@router.post("/kb/{slug}/{lang}", response_class=HTMLResponse)
def save(
    request: Request, desk: DeskDep, slug: str, lang: str, title: Title = "", tags: Title = "",
    body: Body = "", do: Annotated[str, Form(max_length=10)] = "save",
) -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    draft = {lang: {"title": title, "tags": tags, "body": body}}
    if do == "preview":
        return _editor_page(request, desk, who, slug[:80], drafts=draft, preview=lang)
    try:
        text = ArticleText.clean(title, body, tags.split(","))
        transact(desk, kb.edit, who, _article_id(desk, slug, lang), text, desk.now())
    except CryptodeskError as refused:
        error, status = refusal(request, refused)
        return _editor_page(request, desk, who, slug[:80], drafts=draft, error=error,
                            status_code=status)
    return redirect(f"/console/admin/kb/{slug}?done=saved#{lang}")


@router.post("/kb/{slug}/{lang}/status", response_class=HTMLResponse)
def set_status(request: Request, desk: DeskDep, slug: str, lang: str,
               status: Annotated[str, Form(max_length=20)] = "") -> Response:
    who = posted(request, desk)
    if isinstance(who, Response):
        return who
    try:
        if status not in set(ArticleStatus):
            raise InvalidInput("Choose a status.", "请选择状态。", field="status")
        transact(desk, kb.set_status, who, _article_id(desk, slug, lang), ArticleStatus(status),
                 desk.now())
    except CryptodeskError as refused:
        error, code = refusal(request, refused)
        return _editor_page(request, desk, who, slug[:80], error=error, status_code=code)
    return redirect(f"/console/admin/kb/{slug}?done=status#{lang}")


@router.get("/gaps", response_class=HTMLResponse)
def gaps(request: Request, desk: DeskDep,
         days: Annotated[int, Query(ge=1, le=365)] = 30) -> Response:
    who = supervisor(request, desk)
    if isinstance(who, Response):
        return who
    groups = read(desk, kb_search.gap_groups, desk.now(), days=days)
    return page(request, "console_admin_gaps.html", who, "gaps", {"groups": groups, "days": days})
