"""The public help center: bilingual pages, search, safe Markdown, and no outside assets."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import build
from cryptodesk.domain.conversations import Author, Channel, ConversationState
from cryptodesk.domain.tickets import Category, TicketStatus
from cryptodesk.services.tickets import QUEUES
from cryptodesk.web.app import create_app
from cryptodesk.web.articles import FAMILIES, HelpArticle, Library, render_markdown
from cryptodesk.web.articles import shipped_library as library
from cryptodesk.web.console import DONE
from cryptodesk.web.page_text import all_keys

from ..conftest import make_settings

TEMPLATES = Path(__file__).resolve().parents[2] / "src/cryptodesk/web/templates"


@pytest.fixture
def web(sqlite_template: Path, tmp_path: Path) -> Iterator[TestClient]:
    """The help center reads no customer data; one SQLite database is enough for it."""
    path = tmp_path / "pages.db"
    shutil.copy(sqlite_template, path)
    desk = build(make_settings(f"sqlite:///{path}"))
    with TestClient(create_app(desk)) as client:
        yield client
    desk.database.dispose()


def test_the_home_page_speaks_the_language_asked_for(web: TestClient) -> None:
    zh = web.get("/?lang=zh")
    assert zh.status_code == 200
    assert '<html lang="zh-CN">' in zh.text and "有什么可以帮您" in zh.text
    assert '<label for="q" class="sr">搜索帮助中心</label>' in zh.text
    en = web.get("/", headers={"Accept-Language": "en-GB,en;q=0.9"})
    assert '<html lang="en">' in en.text and "How can we help?" in en.text
    assert web.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).text.count("帮助中心") > 0


def test_the_switch_remembers_the_choice_but_a_query_still_wins(web: TestClient) -> None:
    switched = web.get("/lang/zh?next=/articles/withdrawal-pending", follow_redirects=False)
    assert switched.status_code == 303
    assert switched.headers["location"] == "/articles/withdrawal-pending"
    assert "cryptodesk_lang=zh" in switched.headers["set-cookie"]
    english_browser = {"Accept-Language": "en"}
    assert "提币还没到账" in web.get("/articles/withdrawal-pending", headers=english_browser).text
    override = web.get("/articles/withdrawal-pending?lang=en", headers=english_browser)
    assert "My withdrawal has not arrived yet" in override.text


@pytest.mark.parametrize("target", ["//evil.example/x", "https://evil.example", "/\\evil", None])
def test_the_switch_never_leaves_the_site(web: TestClient, target: str | None) -> None:
    query = f"?next={target}" if target is not None else ""
    response = web.get(f"/lang/en{query}", follow_redirects=False)
    assert response.headers["location"] == "/"


def test_search_finds_the_right_article_in_both_languages(web: TestClient) -> None:
    zh = web.get("/search", params={"q": "我的USDT提现一直没到账", "lang": "zh"})
    first = re.search(r'<ol class="results">\s*<li><a href="/articles/([a-z0-9-]+)"', zh.text)
    assert first and first.group(1) == "withdrawal-pending"
    en = web.get("/search", params={"q": "sent my deposit on the wrong network", "lang": "en"})
    first = re.search(r'<ol class="results">\s*<li><a href="/articles/([a-z0-9-]+)"', en.text)
    assert first and first.group(1) == "deposit-wrong-network"
    traditional = library().search("提幣沒到帳", "zh")
    assert traditional[0].article.slug == "withdrawal-pending"


def test_a_search_in_the_other_language_is_offered_when_nothing_matches(web: TestClient) -> None:
    page = web.get("/search", params={"q": "助记词", "lang": "en"})
    assert "Results in the other language" in page.text
    assert "/articles/security-private-key?lang=zh" in page.text


def test_search_echoes_the_query_escaped(web: TestClient) -> None:
    page = web.get("/search", params={"q": "<script>alert(1)</script>"})
    assert "<script>alert(1)" not in page.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text


def test_every_topic_has_articles_in_both_languages(web: TestClient) -> None:
    for family in FAMILIES:
        for lang in ("zh", "en"):
            assert library().family(family, lang), (family, lang)
        page = web.get(f"/categories/{family}?lang=zh")
        assert page.status_code == 200
        assert page.text.count('href="/articles/') == len(library().family(family, "zh"))
    assert web.get("/categories/chitchat").status_code == 404


def test_an_article_renders_its_markdown(web: TestClient) -> None:
    page = web.get("/articles/withdrawal-pending?lang=en")
    assert "<h2>1. Check the status in your history</h2>" in page.text
    assert "<strong>Assets &gt; History &gt; Withdrawals</strong>" in page.text
    assert 'href="/lang/zh?next=/articles/withdrawal-pending"' in page.text
    missing = web.get("/articles/no-such-article")
    assert missing.status_code == 404 and "text/html" in missing.headers["content-type"]


def test_markdown_cannot_carry_script_or_dangerous_links() -> None:
    html = str(render_markdown(
        "Hi <script>alert(1)</script> <img src=x onerror=alert(1)>\n\n"
        "[click](javascript:alert(1)) [data](data:text/html,x) [ok](https://exchange.example)"
    ))
    assert "<script" not in html and "<img" not in html
    assert 'href="javascript:' not in html and 'href="data:' not in html
    assert '<a href="https://exchange.example" rel="noopener noreferrer nofollow">ok</a>' in html


def test_search_ranks_titles_above_passing_mentions() -> None:
    def article(slug: str, title: str, body: str) -> HelpArticle:
        return HelpArticle(slug, "en", "info", "info.fees", title, (), body)

    shelf = Library([article("fees", "Trading fees", "What you pay for trading fees."),
                     article("other", "Something else", "Trading fees are mentioned here."),
                     article("far", "Unrelated", "Fees, once.")])
    assert [h.article.slug for h in shelf.search("trading fees", "en")] == ["fees", "other"]
    assert [h.article.slug for h in shelf.search("once", "en")] == ["far"]
    assert shelf.search("", "en") == [] and shelf.search("fees", "zh") == []


@pytest.mark.parametrize("path", ["/", "/search?q=2fa", "/categories/security",
                                  "/articles/security-tips", "/status", "/security"])
def test_pages_load_nothing_from_elsewhere_and_forbid_inline_script(
    web: TestClient, path: str
) -> None:
    page = web.get(path)
    assert page.status_code == 200
    assert not re.search(r'(src|href)="(https?:)?//', page.text), "an outside asset"
    assert not re.search(r"<script(?![^>]*\bsrc=)", page.text), "an inline script"
    assert "style=" not in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy


def test_the_pages_own_assets_are_served(web: TestClient) -> None:
    for asset in ("site.css", "widget.css", "widget.js", "live.js", "console.js", "portal.js"):
        assert web.get(f"/static/{asset}").status_code == 200, asset


def test_every_word_the_templates_use_exists_in_both_languages() -> None:
    keys = all_keys()
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"tr\('([a-z_.]+)'", template.read_text("utf-8")))
    assert used, "the templates use tr()"
    dynamic = {k for k in used if k.endswith(".")}
    missing = sorted(k for k in used - dynamic if k not in keys)
    assert missing == []
    assert dynamic <= {"author.", "state.", "status.", "channel.", "cat.", "queue.", "done."}
    families = {str(c) for c in Category} | set(FAMILIES)
    generated = (
        [f"author.{a}" for a in Author] + [f"state.{s}" for s in ConversationState]
        + [f"status.{s}" for s in TicketStatus] + [f"channel.{c}" for c in Channel]
        + [f"cat.{f}" for f in families] + [f"cat.{f}.text" for f in FAMILIES]
        + [f"queue.{q}" for q in QUEUES] + [f"done.{d}" for d in DONE]
        + [f"sla.{s}" for s in ("breached", "at_risk", "ok", "met")]
    )
    assert sorted(k for k in generated if k not in keys) == []
    assert all(en and zh for en, zh in keys.values())
