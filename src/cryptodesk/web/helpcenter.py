"""The public help center: home, search, topics, articles, and the language switch."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse

from ..domain.customers import LANGUAGES
from .articles import FAMILIES, shipped_library
from .rendering import LANG_COOKIE, LANG_COOKIE_DAYS, page_language, redirect, render, safe_next

router = APIRouter(include_in_schema=False)
POPULAR = ("withdrawal-pending", "deposit-wrong-network", "security-2fa-reset",
           "security-account-compromised", "deposit-memo-tag", "kyc-status")
STATUS_ARTICLES = ("info-platform-status", "info-announcements", "withdrawal-suspended")


def not_found(request: Request) -> HTMLResponse:
    return render(request, "not_found.html", status_code=404)


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    lang = page_language(request)
    library = shipped_library()
    popular = [a for a in (library.get(s, lang) for s in POPULAR) if a is not None]
    return render(request, "home.html", {
        "families": FAMILIES, "counts": library.counts(lang), "popular": popular,
    })


@router.get("/search", response_class=HTMLResponse)
def search(
    request: Request, q: Annotated[str, Query(max_length=200)] = ""
) -> HTMLResponse:
    lang = page_language(request)
    library = shipped_library()
    query = q.strip()
    hits = library.search(query, lang) if query else []
    other = []
    if query and not hits:
        other = library.search(query, "en" if lang == "zh" else "zh", limit=5)
    return render(request, "search.html", {"q": query, "hits": hits, "other": other})


@router.get("/categories/{family}", response_class=HTMLResponse)
def category(request: Request, family: str) -> HTMLResponse:
    if family not in FAMILIES:
        return not_found(request)
    articles = shipped_library().family(family, page_language(request))
    return render(request, "category.html", {"family": family, "articles": articles})


@router.get("/articles/{slug}", response_class=HTMLResponse)
def article(request: Request, slug: str) -> HTMLResponse:
    lang = page_language(request)
    library = shipped_library()
    found = library.get(slug, lang)
    if found is None:
        return not_found(request)
    related = [a for a in library.family(found.family, lang) if a.slug != slug][:5]
    other_lang = "en" if lang == "zh" else "zh"
    translated = library.get(slug, other_lang) is not None
    return render(request, "article.html", {
        "article": found, "related": related, "other_lang": other_lang if translated else None,
    })


@router.get("/status", response_class=HTMLResponse)
def status(request: Request) -> HTMLResponse:
    lang = page_language(request)
    library = shipped_library()
    articles = [a for a in (library.get(s, lang) for s in STATUS_ARTICLES) if a is not None]
    return render(request, "status.html", {"articles": articles})


@router.get("/security", response_class=HTMLResponse)
def security(request: Request) -> HTMLResponse:
    articles = shipped_library().family("security", page_language(request))
    return render(request, "security.html", {"articles": articles})


@router.get("/lang/{code}")
def switch_language(code: str, next: str | None = None) -> RedirectResponse:
    """Remember the reader's choice in a cookie, then go back to where they were."""
    response = redirect(safe_next(next), private=False)
    if code in LANGUAGES:
        response.set_cookie(LANG_COOKIE, code, max_age=LANG_COOKIE_DAYS * 86400,
                            samesite="lax", httponly=True, path="/")
    return response
