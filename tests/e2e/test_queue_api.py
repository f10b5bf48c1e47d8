"""A waiting customer's place in the queue and the wait to expect, through HTTP."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk

from ..support.clock import Clock
from ..support.stories import customer, hire

FOUR_HOURS = 4 * 3600  # the default P3 first-response target


def _queue(client: TestClient, headers: dict[str, str], conversation_id: int) -> dict:
    response = client.get(f"/api/v1/customer/conversations/{conversation_id}/queue",
                          headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


def test_three_waiting_customers_see_their_places_in_the_inbox_order(
    client: TestClient, desk: Desk, clock: Clock
) -> None:
    people = [customer(desk, ref, hours=24) for ref in ("demo-alice", "demo-bob", "demo-carol")]
    opened = []
    for person in people:
        opened.append(person.open_chat(client, f"{person.ref}: my deposit is missing"))
        clock.advance(minutes=5)
    seen = [_queue(client, p.headers, o["id"]) for p, o in zip(people, opened, strict=True)]
    assert [(q["queued"], q["position"], q["ahead"]) for q in seen] == [
        (True, 1, 0), (True, 2, 1), (True, 3, 2)]
    assert [q["ticket_id"] for q in seen] == [o["ticket_id"] for o in opened]
    # No reply history yet: no estimate, only what is left of the first-response target.
    assert [q["expected_wait_seconds"] for q in seen] == [None, None, None]
    assert [q["reply_target_seconds"] for q in seen] == [
        FOUR_HOURS - 15 * 60, FOUR_HOURS - 10 * 60, FOUR_HOURS - 5 * 60]

    sam = hire(desk, "sam")
    headers = sam.login(client)
    alice, bob, carol = opened
    took = client.post(f"/api/v1/tickets/{alice['ticket_id']}/assign", headers=headers,
                       json={"assignee": "sam"})
    assert took.status_code == 200, took.text
    raised = client.post(f"/api/v1/tickets/{carol['ticket_id']}/priority", headers=headers,
                         json={"priority": "P1"})
    assert raised.status_code == 200, raised.text

    assert _queue(client, people[0].headers, alice["id"]) == {
        "queued": False, "ticket_id": alice["ticket_id"], "position": None, "ahead": None,
        "expected_wait_seconds": None, "reply_target_seconds": None}
    # P1 is due first in the inbox, so Carol now goes ahead of Bob.
    assert _queue(client, people[2].headers, carol["id"])["position"] == 1
    assert _queue(client, people[1].headers, bob["id"])["position"] == 2


def test_the_expected_wait_is_the_median_first_reply_of_the_last_seven_days(
    client: TestClient, desk: Desk, clock: Clock
) -> None:
    sam = hire(desk, "sam")
    old = customer(desk, "old-timer")
    stale = old.open_chat(client, "a question from long ago")
    clock.advance(minutes=600)
    headers = sam.login(client)
    client.post(f"/api/v1/tickets/{stale['ticket_id']}/assign", headers=headers,
                json={"assignee": "sam"})
    client.post(f"/api/v1/tickets/{stale['ticket_id']}/replies", headers=headers,
                json={"body": "Answered slowly, long ago."})
    clock.advance(days=8)  # outside the window: its 10-hour wait no longer counts

    headers = sam.login(client)
    for ref, minutes in (("quick", 10), ("middling", 20), ("slow", 60)):
        opened = customer(desk, ref).open_chat(client, f"{ref} needs help")
        clock.advance(minutes=minutes)
        client.post(f"/api/v1/tickets/{opened['ticket_id']}/assign", headers=headers,
                    json={"assignee": "sam"})
        replied = client.post(f"/api/v1/tickets/{opened['ticket_id']}/replies",
                              headers=headers, json={"body": "Here to help."})
        assert replied.status_code == 201, replied.text

    dana = customer(desk, "demo-dana", hours=24)
    waiting = dana.open_chat(client, "where is my withdrawal")
    assert _queue(client, dana.headers, waiting["id"])["expected_wait_seconds"] == 20 * 60
    clock.advance(minutes=5)
    later = _queue(client, dana.headers, waiting["id"])
    assert later["expected_wait_seconds"] == 15 * 60  # time already waited counts
    assert later["position"] == 1 and later["reply_target_seconds"] == FOUR_HOURS - 5 * 60


def test_before_a_hand_off_nothing_is_queued(client: TestClient, desk: Desk) -> None:
    opened = client.post("/api/v1/customer/conversations", json={"channel": "chat"})
    assert opened.status_code == 201, opened.text
    visitor = {"X-Visitor-Token": opened.json()["visitor_token"]}
    assert _queue(client, visitor, opened.json()["id"]) == {
        "queued": False, "ticket_id": None, "position": None, "ahead": None,
        "expected_wait_seconds": None, "reply_target_seconds": None}
    handed = client.post(f"/api/v1/customer/conversations/{opened.json()['id']}/handoff",
                         headers=visitor)
    assert handed.status_code == 200, handed.text
    assert _queue(client, visitor, opened.json()["id"])["position"] == 1


def test_another_customers_or_visitors_queue_is_not_found(client: TestClient, desk: Desk) -> None:
    alice, mallory = customer(desk, "demo-alice"), customer(desk, "mallory")
    opened = alice.open_chat(client, "my deposit")
    path = f"/api/v1/customer/conversations/{opened['id']}/queue"
    visitor = client.post("/api/v1/customer/conversations", json={"channel": "chat"}).json()
    for headers in (mallory.headers, {"X-Visitor-Token": visitor["visitor_token"]}):
        response = client.get(path, headers=headers)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    assert client.get(path).status_code == 401
    assert client.get(path, headers=alice.headers).json()["queued"] is True


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "99999999999999999999", "1.5", "424242"])
def test_bad_conversation_ids_are_refused(client: TestClient, desk: Desk, bad: str) -> None:
    alice = customer(desk, "demo-alice")
    alice.open_chat(client, "my deposit")
    response = client.get(f"/api/v1/customer/conversations/{bad}/queue", headers=alice.headers)
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"]["code"]
    assert "Traceback" not in response.text
