"""The supervisors' pages: only supervisors and admins get in, every form changes exactly what it
says (or nothing, with the reason shown), and what authors write is escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pyotp
import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Role
from cryptodesk.domain.events import Event
from cryptodesk.domain.knowledge import ArticleText, KnowledgeGap
from cryptodesk.domain.sla import Priority
from cryptodesk.services import knowledge as kb
from cryptodesk.web import console_admin
from cryptodesk.web.admin_text import ADMIN_STRINGS

from ..support.stories import StaffMember, hire

EVIL = {"Origin": "https://evil.example"}
HOSTILE = '<script>alert("kb")</script> Withdrawal fees'
PAGES = ["/console/admin/agents", "/console/admin/sla", "/console/admin/kb",
         "/console/admin/kb/new", "/console/admin/kb/withdrawal-fees", "/console/admin/gaps",
         "/console/admin/channels", "/console/admin/canned", "/console/admin/announcements"]
TEMPLATES = Path(console_admin.__file__).with_name("templates")


def sign_in(client: TestClient, staff: StaffMember) -> None:
    client.cookies.clear()
    signed = client.post("/console/login", data={
        "username": staff.username, "password": staff.password, "totp": staff.code(),
    }, follow_redirects=False)
    assert signed.status_code == 303, signed.text


def write_article(desk: Desk, author: StaffMember, language: str, title: str, body: str) -> int:
    with desk.uow() as uow:
        article = kb.create(uow, author.agent, slug="withdrawal-fees", language=language,
                            intent="withdrawal.fee", text=ArticleText.clean(title, body, ["fee"]),
                            now=desk.now())
        uow.commit()
        return int(article.id)


def events(desk: Desk, kind: str) -> list[Event]:
    with desk.uow() as uow:
        return list(uow.session.scalars(sa.select(Event).where(Event.kind == kind)))


@pytest.fixture
def boss(client: TestClient, desk: Desk) -> StaffMember:
    """A supervisor, signed in to the console on `client`."""
    staff = hire(desk, "boss", role=Role.SUPERVISOR)
    sign_in(client, staff)
    return staff


def test_only_supervisors_and_admins_reach_the_admin_pages(client: TestClient,
                                                           desk: Desk) -> None:
    sam, boss = hire(desk, "sam"), hire(desk, "boss", role=Role.SUPERVISOR)
    write_article(desk, boss, "en", "Withdrawal fees", "What a withdrawal costs.")
    for path in PAGES:
        client.cookies.clear()
        stranger = client.get(path, follow_redirects=False)
        assert stranger.status_code == 303, path
        assert stranger.headers["location"].startswith("/console/login?next=%2Fconsole%2Fadmin")
    sign_in(client, sam)
    assert "/console/admin/agents" not in client.get("/console").text
    for path in PAGES:
        refused = client.get(path)
        assert refused.status_code == 403 and "Supervisors only" in refused.text, path
        assert "What a withdrawal costs" not in refused.text
    posted = client.post("/console/admin/sla/P1", data={
        "first_response_minutes": "5", "resolution_minutes": "60"})
    assert posted.status_code == 403
    sign_in(client, boss)
    assert 'href="/console/admin/agents"' in client.get("/console").text
    for path in PAGES:
        page = client.get(path, headers={"Accept-Language": "zh-CN"})
        assert page.status_code == 200, path
        assert "管理" in page.text and page.headers["cache-control"] == "no-store"
        assert "<script>" not in page.text and "style=" not in page.text
    with desk.uow() as uow:
        assert uow.policies.get(Priority.P1).first_response_minutes == 15


def test_a_supervisor_changes_an_sla_target(client: TestClient, desk: Desk,
                                            boss: StaffMember) -> None:
    done = client.post("/console/admin/sla/P2", data={
        "first_response_minutes": "30", "resolution_minutes": "300"}, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/console/admin/sla?done=sla"
    page = client.get(done.headers["location"]).text
    assert 'value="30"' in page and 'value="300"' in page and "SLA targets saved" in page
    with desk.uow() as uow:
        p2 = uow.policies.get(Priority.P2)
        assert (p2.first_response_minutes, p2.resolution_minutes) == (30, 300)
    [changed] = events(desk, "sla.policy_changed")
    assert changed.actor_name == "boss"
    assert changed.before == {"priority": "P2", "first_response_minutes": 60,
                              "resolution_minutes": 480}
    assert changed.after == {"priority": "P2", "first_response_minutes": 30,
                             "resolution_minutes": 300}


@pytest.mark.parametrize(("first", "resolution", "says"), [
    ("500", "300", "The first response cannot be due after the resolution"),
    ("0", "300", "Targets are 1–100000 minutes"),
    ("ten", "300", "Enter a whole number of minutes"),
])
def test_a_refused_sla_target_is_explained_and_changes_nothing(
    client: TestClient, desk: Desk, boss: StaffMember, first: str, resolution: str, says: str,
) -> None:
    refused = client.post("/console/admin/sla/P2", data={
        "first_response_minutes": first, "resolution_minutes": resolution})
    assert refused.status_code == 422 and says in refused.text
    foreign = client.post("/console/admin/sla/P2", headers=EVIL, data={
        "first_response_minutes": "30", "resolution_minutes": "300"})
    assert foreign.status_code == 403
    with desk.uow() as uow:
        p2 = uow.policies.get(Priority.P2)
        assert (p2.first_response_minutes, p2.resolution_minutes) == (60, 480)
    assert events(desk, "sla.policy_changed") == []


def test_a_supervisor_adds_an_agent_and_sees_the_secret_once(
    client: TestClient, desk: Desk, boss: StaffMember,
) -> None:
    form = {"username": "lin", "display_name": "Lin <b>Wei</b>", "email": "lin@example.com",
            "role": "agent", "team": "wallet-ops", "password": "plum-violet-harbour-42"}
    created = client.post("/console/admin/agents", data=form)
    assert created.status_code == 200
    secret = re.search(r'id="totp-secret">([A-Z2-7]+)<', created.text).group(1)
    assert "Lin &lt;b&gt;Wei&lt;/b&gt;" in created.text
    with desk.uow() as uow:
        lin = uow.agents.by_username("lin")
        assert (lin.team, lin.role, lin.totp_secret) == ("wallet-ops", Role.AGENT, secret)
    assert pyotp.TOTP(secret).at(desk.now()).isdigit()
    assert secret not in client.get("/console/admin/agents").text  # shown that once only
    [event] = events(desk, "agent.created")[-1:]
    assert event.actor_name == "boss" and event.after["username"] == "lin"


@pytest.mark.parametrize(("change", "says", "status"), [
    ({"password": "password"}, "Passwords need at least", 422),
    ({"username": "boss"}, "An agent called boss exists", 409),
    ({"role": "admin"}, "Only admins can create admins", 403),
])
def test_a_refused_agent_is_explained_and_not_created(
    client: TestClient, desk: Desk, boss: StaffMember, change: dict, says: str, status: int,
) -> None:
    form = {"username": "lin", "display_name": "Lin", "email": "lin@example.com",
            "role": "agent", "team": "support", "password": "plum-violet-harbour-42", **change}
    refused = client.post("/console/admin/agents", data=form)
    assert refused.status_code == status and says in refused.text
    assert 'id="totp-secret"' not in refused.text
    with desk.uow() as uow:
        assert sorted(a.username for a in uow.agents.all()) == ["boss"]


def test_article_titles_are_escaped_and_edits_become_versions(
    client: TestClient, desk: Desk, boss: StaffMember,
) -> None:
    article = write_article(desk, boss, "en", HOSTILE, "Fees **vary** by network.")
    write_article(desk, boss, "zh", "提币手续费", "手续费因网络而异。")
    listing = client.get("/console/admin/kb?language=en&status=draft").text
    assert "&lt;script&gt;alert(&#34;kb&#34;)&lt;/script&gt;" in listing
    assert "<script>alert" not in listing and "提币手续费" not in listing
    editor = client.get("/console/admin/kb/withdrawal-fees").text
    assert "<script>alert" not in editor and "提币手续费" in editor and 'id="en"' in editor
    draft = {"title": "Withdrawal fees", "tags": "fee, network",
             "body": "Fees **vary**.\n\n<img src=x onerror=alert(1)>"}
    preview = client.post("/console/admin/kb/withdrawal-fees/en", data={**draft, "do": "preview"})
    shown = re.search(r'id="preview-en">(.*?)</div>', preview.text, re.S).group(1)
    assert "<strong>vary</strong>" in shown and "<img" not in shown and "&lt;img" in shown
    with desk.uow() as uow:
        assert uow.knowledge.get(article).version == 1  # a preview saves nothing
    saved = client.post("/console/admin/kb/withdrawal-fees/en", data={**draft, "do": "save"},
                        follow_redirects=False)
    assert saved.headers["location"] == "/console/admin/kb/withdrawal-fees?done=saved#en"
    history = client.get(saved.headers["location"]).text
    assert "Version history (2)" in history and "Saved as a new version" in history
    published = client.post("/console/admin/kb/withdrawal-fees/en/status",
                            data={"status": "published"}, follow_redirects=False)
    assert published.status_code == 303
    with desk.uow() as uow:
        found = uow.knowledge.get(article)
        assert (found.version, found.title, str(found.status)) == (2, "Withdrawal fees",
                                                                   "published")
        assert found.tags == ["fee", "network"]
    assert [e.after["version"] for e in events(desk, "kb.article_edited")] == [2]


def test_a_refused_article_edit_is_explained_and_changes_nothing(
    client: TestClient, desk: Desk, boss: StaffMember,
) -> None:
    article = write_article(desk, boss, "en", "Withdrawal fees", "Fees vary by network.")
    empty = client.post("/console/admin/kb/withdrawal-fees/en",
                        data={"title": "  ", "tags": "", "body": "new body", "do": "save"})
    assert empty.status_code == 422 and "A title has 1–200 characters" in empty.text
    assert "new body" in empty.text  # what was typed is still there to fix
    illegal = client.post("/console/admin/kb/withdrawal-fees/en/status", data={"status": "draft"})
    assert illegal.status_code == 409
    with desk.uow() as uow:
        found = uow.knowledge.get(article)
        assert (found.version, found.title, str(found.status)) == (1, "Withdrawal fees", "draft")


def test_a_supervisor_writes_a_new_article_from_a_gap(
    client: TestClient, desk: Desk, boss: StaffMember,
) -> None:
    with desk.uow() as uow:
        for text in ("how much is the fee to withdraw usdt", "fee to withdraw usdt on tron"):
            kb.record_gap(uow, KnowledgeGap(text=text, language="en", reason="low_confidence",
                                            at=desk.now(), intent="withdrawal.fee"))
        uow.commit()
    gaps = client.get("/console/admin/gaps").text
    link = re.search(r'href="(/console/admin/kb/new\?[^"]+)"', gaps).group(1)
    assert "withdrawal.fee" in gaps and "intent=withdrawal.fee" in link
    form = client.get(link.replace("&amp;", "&")).text
    assert '<option value="withdrawal.fee" selected>' in form
    article = {"slug": "usdt-fee", "language": "en", "intent": "withdrawal.fee",
               "title": "USDT withdrawal fees", "tags": "usdt", "body": "It depends."}
    bad = client.post("/console/admin/kb/new", data={**article, "slug": "USDT Fee"})
    assert bad.status_code == 422 and "lowercase words" in bad.text
    created = client.post("/console/admin/kb/new", data=article, follow_redirects=False)
    assert created.headers["location"] == "/console/admin/kb/usdt-fee?done=created"
    with desk.uow() as uow:
        assert uow.knowledge.by_slug("USDT Fee", "en") is None
        assert uow.knowledge.by_slug("usdt-fee", "en").title == "USDT withdrawal fees"


def test_a_supervisor_keeps_the_official_channels(
    client: TestClient, desk: Desk, boss: StaffMember,
) -> None:
    bad = client.post("/console/admin/channels",
                      data={"kind": "phone", "value": "call us", "label": "Hotline"})
    assert bad.status_code == 422 and 'value="call us"' in bad.text
    added = client.post("/console/admin/channels", follow_redirects=False,
                        data={"kind": "telegram", "value": "@Example_Help", "label": "Help"})
    assert added.headers["location"] == "/console/admin/channels?done=channel_added"
    page = client.get("/console/admin/channels").text
    channel = int(re.search(r'data-channel="(\d+)"', page).group(1))
    assert "@example_help" in page
    retired = client.post(f"/console/admin/channels/{channel}/retire", follow_redirects=False)
    assert retired.status_code == 303
    assert "retired by boss" in client.get("/console/admin/channels").text
    verdict = client.get("/api/v1/verify", params={"value": "t.me/example_help"}).json()
    assert verdict["reason"] == "retired"
    assert [e.kind for e in events(desk, "channel.added")] == ["channel.added"]


def test_every_word_the_admin_templates_use_exists_in_both_languages() -> None:
    used = set()
    for template in TEMPLATES.glob("console_admin_*.html"):
        used |= set(re.findall(r"\bat\('([a-z_.]+)'", template.read_text("utf-8")))
    static = {k for k in used if not k.endswith(".")}
    assert static and sorted(static - ADMIN_STRINGS.keys()) == []
    for prefix in {k for k in used if k.endswith(".")}:
        assert any(key.startswith(prefix) for key in ADMIN_STRINGS), prefix
    assert all(en and zh for en, zh in ADMIN_STRINGS.values())
