"""Announcements over HTTP: the supervisors' API and console pages, the public API and the help
center, each showing readers only what is published for their language."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Role

from ..support.clock import Clock
from ..support.stories import StaffMember, hire

API = "/api/v1/admin/announcements"
EVIL = {"Origin": "https://evil.example"}
BOTH = {"kind": "maintenance", "audience": "both",
        "title_zh": "ETH 钱包维护", "body_zh": "周六 **02:00** 开始维护。",
        "title_en": "ETH wallet maintenance", "body_en": "Starts Saturday at **02:00**."}
EN_ONLY = {"kind": "listing", "audience": "en", "title_en": "New listing: <b>XYZ</b>",
           "body_en": "XYZ trading opens <script>alert(1)</script> today."}


def sign_in(client: TestClient, staff: StaffMember) -> None:
    client.cookies.clear()
    signed = client.post("/console/login", data={
        "username": staff.username, "password": staff.password, "totp": staff.code(),
    }, follow_redirects=False)
    assert signed.status_code == 303, signed.text


@pytest.fixture
def boss(client: TestClient, desk: Desk) -> dict[str, str]:
    return hire(desk, "boss", role=Role.SUPERVISOR).login(client)


def _create(client: TestClient, boss: dict[str, str], body: dict[str, str]) -> int:
    made = client.post(API, json=body, headers=boss)
    assert made.status_code == 201, made.text
    assert made.json()["status"] == "draft"
    return int(made.json()["id"])


def _public(client: TestClient, language: str) -> list[str]:
    found = client.get("/api/v1/announcements", params={"language": language})
    assert found.status_code == 200
    return [a["title"] for a in found.json()]


def test_the_api_lifecycle_and_its_refusals(client: TestClient, boss: dict[str, str]) -> None:
    ann = _create(client, boss, BOTH)
    edited = client.put(f"{API}/{ann}", json={**BOTH, "kind": "policy"}, headers=boss)
    assert edited.status_code == 200 and edited.json()["kind"] == "policy"
    published = client.post(f"{API}/{ann}/publish", headers=boss)
    assert published.status_code == 200 and published.json()["status"] == "published"
    again = client.post(f"{API}/{ann}/publish", headers=boss)
    assert again.status_code == 409 and again.json()["error"]["field"] == "status"
    assert client.put(f"{API}/{ann}", json=BOTH, headers=boss).status_code == 409
    archived = client.post(f"{API}/{ann}/archive", headers=boss)
    assert archived.status_code == 200 and archived.json()["status"] == "archived"
    assert client.post(f"{API}/{ann}/archive", headers=boss).status_code == 409
    listed = client.get(API, headers=boss).json()
    assert [(a["id"], a["status"]) for a in listed] == [(ann, "archived")]
    assert client.get(f"{API}/999", headers=boss).status_code == 404


def test_a_schedule_reaches_the_public_only_when_the_clock_does(
    client: TestClient, clock: Clock, boss: dict[str, str]
) -> None:
    ann = _create(client, boss, BOTH)
    at = clock.now.replace(hour=10).isoformat()
    scheduled = client.post(f"{API}/{ann}/publish", json={"publish_at": at}, headers=boss)
    assert scheduled.json()["status"] == "scheduled"
    assert _public(client, "en") == [] and "ETH" not in client.get("/?lang=en").text
    clock.advance(hours=1)
    assert client.get(f"{API}/{ann}", headers=boss).json()["status"] == "published"
    assert _public(client, "en") == ["ETH wallet maintenance"]
    assert _public(client, "zh") == ["ETH 钱包维护"]
    naive = client.post(f"{API}/{_create(client, boss, BOTH)}/publish",
                        json={"publish_at": "2026-12-01T10:00:00"}, headers=boss)
    assert naive.status_code == 422


def test_the_audience_decides_who_reads_it(
    client: TestClient, clock: Clock, boss: dict[str, str]
) -> None:
    for body in (BOTH, EN_ONLY):
        client.post(f"{API}/{_create(client, boss, body)}/publish", headers=boss)
        clock.advance(minutes=1)
    assert _public(client, "en") == ["New listing: <b>XYZ</b>", "ETH wallet maintenance"]
    assert _public(client, "zh") == ["ETH 钱包维护"]
    en = client.get("/announcements?lang=en").text
    assert "New listing: &lt;b&gt;XYZ&lt;/b&gt;" in en and "<script>alert" not in en
    assert "<strong>02:00</strong>" in en and "Listing" in en
    zh = client.get("/announcements?lang=zh").text
    assert "ETH 钱包维护" in zh and "XYZ" not in zh and "维护" in zh
    home = client.get("/?lang=en").text
    latest = home[home.index('id="latest-announcements"'):]
    assert latest.index("New listing") < latest.index("ETH wallet maintenance")


def test_the_home_page_shows_the_latest_three(
    client: TestClient, clock: Clock, boss: dict[str, str]
) -> None:
    for n in range(4):
        body = {"kind": "feature", "audience": "en", "title_en": f"Feature {n}",
                "body_en": "New."}
        client.post(f"{API}/{_create(client, boss, body)}/publish", headers=boss)
        clock.advance(minutes=1)
    home = client.get("/?lang=en").text
    assert re.findall(r"Feature \d", home) == ["Feature 3", "Feature 2", "Feature 1"]
    assert len(re.findall(r"Feature \d", client.get("/announcements?lang=en").text)) == 4
    assert "目前没有公告" in client.get("/announcements?lang=zh").text


def test_agents_get_403_and_bad_input_a_4xx(client: TestClient, desk: Desk,
                                            boss: dict[str, str]) -> None:
    ann = _create(client, boss, BOTH)
    sam = hire(desk, "sam").login(client)
    assert client.get(API, headers=sam).status_code == 403
    assert client.post(API, json=BOTH, headers=sam).status_code == 403
    assert client.get(f"{API}/{ann}", headers=sam).status_code == 403
    assert client.post(f"{API}/{ann}/publish", headers=sam).status_code == 403
    assert client.post(f"{API}/{ann}/archive", headers=sam).status_code == 403
    assert client.get(f"{API}/{ann}", headers=boss).json()["status"] == "draft"
    assert client.get("/api/v1/announcements").status_code == 422
    assert client.get("/api/v1/announcements", params={"language": "fr"}).status_code == 422
    for bad in ({**BOTH, "kind": "rumour"}, {**BOTH, "audience": "fr"},
                {**BOTH, "title_en": ""}, {**EN_ONLY, "title_zh": "多余"},
                {**BOTH, "extra": 1}, {**BOTH, "body_zh": "x" * 10_001}):
        refused = client.post(API, json=bad, headers=boss)
        assert refused.status_code == 422, bad
        assert refused.json()["error"]["code"]
    assert len(client.get(API, headers=boss).json()) == 1


def test_the_console_pages(client: TestClient, desk: Desk, clock: Clock) -> None:
    sam, boss = hire(desk, "sam"), hire(desk, "boss", role=Role.SUPERVISOR)
    sign_in(client, sam)
    assert client.get("/console/admin/announcements").status_code == 403
    assert client.post("/console/admin/announcements", data=BOTH).status_code == 403
    sign_in(client, boss)
    refused = client.post("/console/admin/announcements", data={**BOTH, "title_en": ""})
    assert refused.status_code == 422 and "A title has" in refused.text
    assert 'value="ETH 钱包维护"' in refused.text  # what was typed is kept
    assert client.post("/console/admin/announcements", data=BOTH,
                       headers=EVIL).status_code == 403
    made = client.post("/console/admin/announcements", data=BOTH, follow_redirects=False)
    assert made.status_code == 303
    page_url = made.headers["location"].split("?")[0]
    assert "created as a draft" in client.get(made.headers["location"]).text
    bad_time = client.post(page_url + "/publish", data={"publish_at": "soon"})
    assert bad_time.status_code == 422 and "YYYY-MM-DD" in bad_time.text
    client.post(page_url + "/publish", data={"publish_at": "2026-11-25T11:00"})
    assert "Scheduled" in client.get(page_url).text
    assert "ETH wallet maintenance" not in client.get("/announcements?lang=en").text
    clock.advance(hours=2)
    page = client.get(page_url).text
    assert "Published" in page and 'id="announcement-edit"' not in page
    assert "ETH wallet maintenance" in client.get("/announcements?lang=en").text
    client.post(page_url + "/archive")
    assert "Archived" in client.get("/console/admin/announcements").text
    assert "ETH wallet maintenance" not in client.get("/announcements?lang=en").text
    assert client.get("/console/admin/announcements/999").status_code == 404
