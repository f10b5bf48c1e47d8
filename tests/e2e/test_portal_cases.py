"""The portal's cases: a customer follows their own cases in words, never anyone else's."""

from __future__ import annotations

from datetime import datetime

from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.cases import CaseKind, CaseStatus
from cryptodesk.web.page_text import STRINGS

from ..support.stories import CustomerStory, customer, hire
from .test_pages_portal import enter


def _open_case(client: TestClient, who: CustomerStory, words: str, kind: str) -> dict:
    chat = who.open_chat(client, words)
    opened = client.post(f"/api/v1/customer/conversations/{chat['id']}/cases",
                         headers=who.headers, json={"kind": kind})
    assert opened.status_code == 201, opened.text
    return opened.json()


def test_every_case_kind_and_status_has_words_in_both_languages() -> None:
    keys = [f"case_kind.{k}" for k in CaseKind] + [f"case_status.{s}" for s in CaseStatus]
    assert [k for k in keys if not all(STRINGS.get(k, ("", "")))] == []


def test_a_customer_follows_their_case_in_either_language(
    client: TestClient, desk: Desk
) -> None:
    alice = customer(desk, "demo-alice")
    case = _open_case(client, alice, "I was charged the withdrawal fee twice", "refund")
    due = datetime.fromisoformat(case["review_due"])
    enter(client, alice)

    home = client.get("/portal", params={"lang": "en"})
    assert home.status_code == 200 and "My cases" in home.text
    assert f'href="/portal/cases/{case["id"]}"' in home.text
    assert f'href="/portal/tickets/{case["ticket_id"]}"' in home.text
    assert "Refund" in home.text and "Submitted" in home.text
    assert due.strftime("%Y-%m-%d %H:%M UTC") in home.text
    zh_home = client.get("/portal", params={"lang": "zh"}).text
    assert "我的申请" in zh_home and "退款" in zh_home and "已提交" in zh_home

    page = f"/portal/cases/{case['id']}"
    zh = client.get(page, params={"lang": "zh"}).text
    assert "已提交" in zh and f"{due.year}年{due.month}月{due.day}日 {due:%H:%M}（UTC）" in zh
    assert "核实这笔费用" in zh  # what the team does next, from the notices' own words

    headers = hire(desk, "sam").login(client)
    base = f"/api/v1/cases/{case['id']}"
    assert client.post(f"{base}/review", headers=headers).status_code == 200
    decided = client.post(f"{base}/approve", headers=headers,
                          json={"note": "We returned the second fee to you."})
    assert decided.json()["status"] == "approved", decided.text
    enter(client, alice)

    en = client.get(page, params={"lang": "en"})
    assert en.status_code == 200 and en.headers["cache-control"] == "no-store"
    assert "Approved" in en.text and "We returned the second fee to you." in en.text
    assert "Nothing more is needed from you" in en.text
    history = en.text.split("What we told you", 1)[1]
    steps = [history.index(word) for word in ("Submitted", "Under review", "Approved")]
    assert steps == sorted(steps)  # the notices in the order they were sent
    assert "已通过" in client.get(page, params={"lang": "zh"}).text


def test_another_customers_case_is_not_found(client: TestClient, desk: Desk) -> None:
    alice, mallory = customer(desk, "demo-alice"), customer(desk, "mallory")
    theirs = _open_case(client, mallory, "mallory: my secret deposit went missing",
                        "deposit_recovery")
    client.cookies.clear()
    assert client.get(f"/portal/cases/{theirs['id']}").status_code == 401
    alice.open_chat(client, "alice: hello")
    enter(client, alice)
    for path in (f"/portal/cases/{theirs['id']}", "/portal/cases/99999"):
        page = client.get(path, params={"lang": "en"})
        assert page.status_code == 404, path
        assert "Page not found" in page.text and "mallory" not in page.text
    home = client.get("/portal", params={"lang": "en"}).text
    assert f"/portal/cases/{theirs['id']}" not in home


def test_a_customer_without_cases_is_told_so(client: TestClient, desk: Desk) -> None:
    alice = customer(desk, "demo-alice")
    alice.open_chat(client, "just a question")
    enter(client, alice)
    assert "You have no cases." in client.get("/portal", params={"lang": "en"}).text
    assert "您没有申请。" in client.get("/portal", params={"lang": "zh"}).text
