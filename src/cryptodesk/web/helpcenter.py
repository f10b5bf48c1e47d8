"""The public help center: home, search, topics, articles, service status, security tools,
and the language switch.

The status and security pages work without script: every check posts or gets a form and the
answer is rendered here; tools.js only makes them answer as the reader types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from markupsafe import Markup

from ..bootstrap import Desk
from ..chain import network
from ..domain.announcements import Announcement
from ..domain.channels import MAX_VALUE_CHARS, Verdict
from ..domain.customers import LANGUAGES, Language
from ..errors import CryptodeskError
from ..platform import Platform
from ..platform.models import AssetNetworkStatus, Incident
from ..platform.port import PlatformUnavailable
from ..services import announcements as announcement_services
from ..services import channels as channel_services
from ..shield.passwords import Strength, strength
from . import ratelimit
from .articles import FAMILIES, render_markdown, shipped_library
from .deps import DeskDep, read
from .page_text import Text
from .rendering import LANG_COOKIE, LANG_COOKIE_DAYS, page_language, redirect, render, safe_next

router = APIRouter(include_in_schema=False)
POPULAR = ("withdrawal-pending", "deposit-wrong-network", "security-2fa-reset",
           "security-account-compromised", "deposit-memo-tag", "kyc-status")


def not_found(request: Request) -> HTMLResponse:
    return render(request, "not_found.html", status_code=404)


@dataclass(frozen=True)
class AnnouncementView:
    id: int
    kind: str  # the kind's name in the reader's language
    title: str
    body: Markup
    published_at: datetime | None


def announcements_for(desk: Desk, lang: Language, limit: int | None = None
                      ) -> list[AnnouncementView]:
    """The published announcements for readers of `lang`, newest first, bodies rendered."""
    tr = Text(lang)

    def view(a: Announcement) -> AnnouncementView:
        return AnnouncementView(int(a.id or 0), tr(f"ann.kind_{a.kind}"), a.title(lang),
                                render_markdown(a.body(lang)), a.publish_at)

    found = read(desk, announcement_services.published, lang, desk.now(), limit)
    return [view(a) for a in found]


@router.get("/", response_class=HTMLResponse)
def home(request: Request, desk: DeskDep) -> HTMLResponse:
    lang = page_language(request)
    library = shipped_library()
    popular = [a for a in (library.get(s, lang) for s in POPULAR) if a is not None]
    return render(request, "home.html", {
        "families": FAMILIES, "counts": library.counts(lang), "popular": popular,
        "announcements": announcements_for(desk, lang, announcement_services.LATEST),
    })


@router.get("/announcements", response_class=HTMLResponse)
def announcements(request: Request, desk: DeskDep) -> HTMLResponse:
    return render(request, "announcements.html", {
        "announcements": announcements_for(desk, page_language(request)),
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


# --- service status ----------------------------------------------------------------------------

RECENT = timedelta(days=30)  # resolved incidents stay on the page this long
STATUS_ARTICLES = ("info-platform-status", "info-announcements", "withdrawal-suspended")
INCIDENT_STATES = ("investigating", "identified", "monitoring", "scheduled", "resolved")
REASONS = ("wallet_maintenance", "network_upgrade", "hard_fork", "network_congestion",
           "node_sync", "security_review", "delisting")


@dataclass(frozen=True)
class IncidentView:
    title: str
    status: str
    state: str  # a CSS-safe word: one of INCIDENT_STATES or "other"
    started_at: datetime
    resolved_at: datetime | None
    components: str


@dataclass(frozen=True)
class NetworkView:
    asset: str
    network: str
    deposit: bool
    withdraw: bool
    reason: str
    back_at: datetime | None
    fee: str
    minimum: str

    @property
    def suspended(self) -> bool:
        return not (self.deposit and self.withdraw)


def amount(value: Decimal) -> str:
    """`4.50` as 4.5 and `1E+1` as 10: figures as people write them."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _incident(found: Incident, tr: Text, lang: Language) -> IncidentView:
    state = found.status if found.status in INCIDENT_STATES else "other"
    status = tr(f"incident.{state}") if state != "other" else found.status
    return IncidentView(found.title_zh if lang == "zh" else found.title_en, status, state,
                        found.started_at, found.resolved_at, ", ".join(found.components))


def _network(row: AssetNetworkStatus, tr: Text, lang: Language) -> NetworkView:
    known = network(row.network)
    name = (known.name_zh if lang == "zh" else known.name_en) if known else row.network
    reason = ""
    if row.maintenance_reason:
        code = row.maintenance_reason
        reason = tr(f"reason.{code}") if code in REASONS else code.replace("_", " ")
    return NetworkView(row.asset, name, row.deposit_enabled, row.withdraw_enabled, reason,
                       row.maintenance_until, amount(row.withdraw_fee), amount(row.withdraw_min))


def incidents(platform: Platform, lang: Language, now: datetime) -> dict[str, list[IncidentView]]:
    """The active incidents, then those resolved within RECENT, newest first."""
    tr, found = Text(lang), platform.platform_status().incidents
    active = sorted((i for i in found if i.status != "resolved"), key=lambda i: i.started_at,
                    reverse=True)
    resolved = sorted((i for i in found if i.status == "resolved"
                       and (i.resolved_at or i.started_at) >= now - RECENT),
                      key=lambda i: i.resolved_at or i.started_at, reverse=True)
    return {"active": [_incident(i, tr, lang) for i in active],
            "resolved": [_incident(i, tr, lang) for i in resolved[:5]]}


def networks(platform: Platform, lang: Language) -> list[NetworkView]:
    """Every asset on every network; the suspended ones first, so they are seen."""
    tr = Text(lang)
    rows = [_network(r, tr, lang) for r in platform.network_statuses()]
    return sorted(rows, key=lambda r: (not r.suspended, r.asset, r.network))


@router.get("/status", response_class=HTMLResponse)
def status(request: Request, desk: DeskDep) -> HTMLResponse:
    lang = page_language(request)
    library = shipped_library()
    articles = [a for a in (library.get(s, lang) for s in STATUS_ARTICLES) if a is not None]
    context: dict[str, object] = {"articles": articles, "incidents": None, "networks": None}
    try:
        context["incidents"] = incidents(desk.platform, lang, desk.now())
        found = networks(desk.platform, lang)
        context.update(networks=found, suspended=sum(n.suspended for n in found))
    except PlatformUnavailable:
        pass  # the page says the exchange did not answer; whatever did arrive is shown
    return render(request, "status.html", context)


# --- security tools ----------------------------------------------------------------------------

SECURITY_ARTICLES = ("security-2fa-setup", "security-tips", "security-verify-channel",
                     "security-support-never-asks", "security-scam-report")
VERDICT_WORDS = {"official": "verdict.official", "not_official": "verdict.not_official",
                 "lookalike": "verdict.lookalike", "blocklisted": "verdict.blocklisted"}


@dataclass(frozen=True)
class Checked:
    value: str
    verdict: Verdict | None = None
    error: str | None = None


def check(request: Request, desk: DeskDep, value: str, lang: Language) -> Checked:
    """The same service as GET /api/v1/verify, under the same per-address allowance."""
    value = value.strip()[:MAX_VALUE_CHARS]
    try:
        ratelimit.public(request)
        return Checked(value, read(desk, channel_services.verify, value, desk.settings))
    except CryptodeskError as refused:
        return Checked(value, error=refused.message(lang))


def _security(
    request: Request, *, checked: Checked | None = None, link: Checked | None = None,
    meter: Strength | None = None, meter_error: str | None = None,
) -> HTMLResponse:
    lang = page_language(request)
    library = shipped_library()
    guides = [a for a in (library.get(s, lang) for s in SECURITY_ARTICLES) if a is not None]
    listed = {a.slug for a in guides}
    more = [a for a in library.family("security", lang) if a.slug not in listed]
    return render(request, "security.html", {
        "guides": guides, "articles": more, "checked": checked, "link": link, "meter": meter,
        "meter_error": meter_error, "verdict_words": VERDICT_WORDS, "here": "/security",
    }, private=meter is not None or meter_error is not None)


@router.get("/security", response_class=HTMLResponse)
def security(
    request: Request, desk: DeskDep,
    check_value: Annotated[str, Query(alias="check", max_length=2000)] = "",
    link_value: Annotated[str, Query(alias="link", max_length=2000)] = "",
) -> HTMLResponse:
    lang = page_language(request)
    checked = check(request, desk, check_value, lang) if check_value.strip() else None
    link = check(request, desk, link_value, lang) if link_value.strip() else None
    return _security(request, checked=checked, link=link)


@router.post("/security/password", response_class=HTMLResponse)
def password_strength(
    request: Request, password: Annotated[str, Form(max_length=1000)] = "",
) -> HTMLResponse:
    """The meter without script. The password comes in the body and is never echoed back."""
    lang = page_language(request)
    if not password:
        return _security(request, meter_error=Text(lang)("password.empty"))
    try:
        ratelimit.public(request)
    except CryptodeskError as refused:
        return _security(request, meter_error=refused.message(lang))
    return _security(request, meter=strength(password, lang, []))


@router.get("/lang/{code}")
def switch_language(code: str, next: str | None = None) -> RedirectResponse:
    """Remember the reader's choice in a cookie, then go back to where they were."""
    response = redirect(safe_next(next), private=False)
    if code in LANGUAGES:
        response.set_cookie(LANG_COOKIE, code, max_age=LANG_COOKIE_DAYS * 86400,
                            samesite="lax", httponly=True, path="/")
    return response
