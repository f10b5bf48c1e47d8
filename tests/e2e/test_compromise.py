"""A customer reports a hacked account: one confirmation freezes it and opens the incident."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.platform import AccountStatus
from cryptodesk.store import audit_chain
from cryptodesk.web.app import create_app

from ..support.stories import customer


@pytest.fixture
def client(bot_desk: Desk) -> Iterator[TestClient]:
    with TestClient(create_app(bot_desk)) as test_client:
        yield test_client


def test_confirming_in_chat_freezes_and_opens_a_p1_incident(
    client: TestClient, bot_desk: Desk
) -> None:
    alice = customer(bot_desk, "demo-alice", language="zh")
    opened = alice.open_chat(client, "我的账户被盗了，有人在陌生设备登录还提走了币")
    offer = opened["messages"][-1]
    assert offer["data"]["confirm"] == "freeze_account" and "冻结" in offer["body"]
    assert bot_desk.platform.account("demo-alice").status is AccountStatus.ACTIVE
    path = f"/api/v1/customer/conversations/{opened['id']}/messages"
    confirmed = client.post(path, headers=alice.headers, json={"body": "确认"}).json()
    assert bot_desk.platform.account("demo-alice").status is AccountStatus.FROZEN
    assert "已冻结" in confirmed["replies"][-1]["body"]
    headers = _agent(client, bot_desk)
    ticket = client.get(f"/api/v1/tickets/{confirmed['ticket_id']}", headers=headers).json()
    assert (ticket["priority"], ticket["team"]) == ("P1", "security")
    kinds = [e["kind"] for e in ticket["events"]]
    assert "security.account_frozen" in kinds and "case.opened" in kinds
    cases = client.get("/api/v1/cases", headers=headers, params={"kind": "security_incident"})
    case = client.get(f"/api/v1/cases/{cases.json()['items'][0]['id']}", headers=headers).json()
    assert "Recent security events" in str(case["evidence"])
    with bot_desk.database.session() as session:
        assert audit_chain.verify(session).intact


def test_the_freeze_button_and_an_unconfirmed_offer(
    client: TestClient, bot_desk: Desk
) -> None:
    bob = customer(bot_desk, "demo-bob")
    opened = bob.open_chat(client, "someone hacked my account and is withdrawing my ETH")
    path = f"/api/v1/customer/conversations/{opened['id']}"
    # Something other than a yes does not freeze anything.
    client.post(f"{path}/messages", headers=bob.headers, json={"body": "what does that mean?"})
    assert bot_desk.platform.account("demo-bob").status is AccountStatus.ACTIVE
    frozen = client.post(f"{path}/freeze", headers=bob.headers)
    assert frozen.status_code == 200 and frozen.json()["frozen"] is True
    assert bot_desk.platform.account("demo-bob").status is AccountStatus.FROZEN
    again = client.post(f"{path}/freeze", headers=bob.headers)
    assert again.status_code == 409
    stranger = customer(bot_desk, "demo-carol")
    assert client.post(f"{path}/freeze", headers=stranger.headers).status_code == 404


def _agent(client: TestClient, desk: Desk) -> dict[str, str]:
    from ..support.stories import hire

    return hire(desk, "omar2", team="security").login(client)
