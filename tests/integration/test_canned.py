"""Canned replies on real databases: who may change them, the audit trail, placeholder checks,
and the text the console offers for a ticket."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Role
from cryptodesk.domain.canned import CannedText, placeholders_in, render
from cryptodesk.domain.channels import staff_id
from cryptodesk.domain.conversations import Channel
from cryptodesk.domain.customers import Customer
from cryptodesk.domain.events import Event
from cryptodesk.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from cryptodesk.services import canned, conversations
from cryptodesk.services.access import CustomerViewer
from cryptodesk.services.responders import BOT

from ..support.stories import hire

BODY = "Hi {customer_name}, ticket #{ticket_id}. {agent_name} ({staff_id})"


def _events(desk: Desk) -> list[Event]:
    with desk.uow() as uow:
        query = sa.select(Event).where(Event.kind.like("canned.%")).order_by(Event.id)
        return list(uow.session.scalars(query))


def _ticket(desk: Desk, name: str, language: str) -> int:
    with desk.uow() as uow:
        customer = Customer(ref=f"ref-{language}", display_name=name, language=language,
                            created_at=desk.now())
        uow.customers.add(customer)
        uow.flush()
        viewer = CustomerViewer(customer.id, customer.ref)
        conversation = conversations.open_conversation(uow, viewer, channel=Channel.CHAT,
                                                       now=desk.now(), language=language)
        conversations.receive_message(uow, viewer, conversation, "help", now=desk.now())
        ticket = conversations.hand_off(uow, conversation, now=desk.now(), actor=BOT)
        uow.commit()
    return ticket.id


def test_only_supervisors_and_admins_change_replies_and_every_change_is_logged(
    desk: Desk,
) -> None:
    agent = hire(desk, "sam").agent
    mei = hire(desk, "mei", role=Role.SUPERVISOR).agent
    text = CannedText.clean("greeting", "en", BODY, ["Hello", "hello"])
    with desk.uow() as uow:
        with pytest.raises(PermissionDenied):
            canned.create(uow, agent, text, desk.now())
        reply = canned.create(uow, mei, text, desk.now())
        uow.commit()
    assert reply.tags == ["hello"] and reply.created_by == "mei"
    with desk.uow() as uow:
        with pytest.raises(Conflict):
            canned.create(uow, mei, text, desk.now())
        with pytest.raises(PermissionDenied):
            canned.retire(uow, agent, reply.id, desk.now())
        edited = CannedText.clean("greeting", "en", "Hello {customer_name}.", [])
        canned.edit(uow, mei, reply.id, edited, desk.now())
        canned.edit(uow, mei, reply.id, edited, desk.now())  # unchanged: not logged again
        canned.retire(uow, mei, reply.id, desk.now())
        uow.commit()
    with desk.uow() as uow:
        assert canned.listing(uow) == []
        assert [r.body for r in canned.listing(uow, include_retired=True)] == [
            "Hello {customer_name}."]
        with pytest.raises(NotFound):
            canned.get(uow, 9999)
    events = _events(desk)
    assert [e.kind for e in events] == ["canned.created", "canned.edited", "canned.retired"]
    assert {e.actor_name for e in events} == {"mei"}
    assert events[1].before["body"] == BODY and events[1].after["body"] == "Hello {customer_name}."


def test_unknown_placeholders_are_refused_by_name() -> None:
    with pytest.raises(InvalidInput) as refused:
        CannedText.clean("x", "en", "Dear {customer}, your {ticket_id} and {order id}.")
    assert refused.value.code == "unknown_placeholder"
    assert "{customer}" in refused.value.en and "{order id}" in refused.value.en
    assert "{ticket_id}" not in refused.value.en.split("Use only")[0]
    assert "{customer}" in refused.value.zh
    for name, language, body in (("", "en", "b"), ("n", "fr", "b"), ("n", "en", "  ")):
        with pytest.raises(InvalidInput):
            CannedText.clean(name, language, body)
    assert placeholders_in("{{a}} {b} {b}") == ["a", "b"]


def test_render_fills_known_values_and_leaves_the_rest() -> None:
    assert render("Hi {customer_name} #{ticket_id}", {"customer_name": "Ann", "ticket_id": "7"}) \
        == "Hi Ann #7"
    assert render("{agent_name}", {}) == "{agent_name}"


def test_replies_are_filled_for_the_ticket_its_language_first(desk: Desk) -> None:
    sam = hire(desk, "sam").agent
    with desk.uow() as uow:
        assert canned.seed_demo(uow, desk.now()) == len(canned.DEMO_REPLIES)
        assert canned.seed_demo(uow, desk.now()) == 0
        uow.commit()
    ticket_id = _ticket(desk, "王小明", "zh")
    with desk.uow() as uow:
        ticket = uow.tickets.get(ticket_id)
        customer = uow.customers.get(ticket.customer_id)
        groups = canned.for_ticket(uow, sam, ticket, customer, "zh")
    assert [g.language for g in groups] == ["zh", "en"]
    assert {r.language for r in groups[0].replies} == {"zh"}
    assert len(groups[0].replies) == len(groups[1].replies) == len(canned.DEMO_REPLIES) // 2
    security = next(r for r in groups[0].replies if r.name == "security-reminder")
    assert "王小明" in security.text and f"#{ticket_id}" in security.text
    assert staff_id(sam) in security.text and "Sam" in security.text
    assert "{" not in "".join(r.text for g in groups for r in g.replies)
    with desk.uow() as uow:
        ticket = uow.tickets.get(ticket_id)
        anonymous = canned.for_ticket(uow, sam, ticket, None, "en")
    assert anonymous[0].language == "en"
    reminder = next(r for r in anonymous[0].replies if r.name == "security-reminder")
    assert reminder.text.startswith("A reminder for your safety, customer:")
