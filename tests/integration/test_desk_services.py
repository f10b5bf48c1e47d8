"""Use cases on real databases: messages stored once, every change in the event log."""

from __future__ import annotations

import pytest

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Role
from cryptodesk.domain.conversations import Author, Channel, ConversationState
from cryptodesk.domain.customers import Customer
from cryptodesk.domain.sla import Priority
from cryptodesk.domain.tickets import TicketStatus
from cryptodesk.errors import Conflict, IllegalTransition, InvalidInput, NotFound
from cryptodesk.services import conversations, demo, tickets
from cryptodesk.services.access import CustomerViewer, access_conversation
from cryptodesk.services.responders import BOT
from cryptodesk.store.repositories import TicketQuery

from ..support.clock import Clock
from ..support.stories import hire


def _customer(desk: Desk, ref: str = "demo-alice") -> CustomerViewer:
    with desk.uow() as uow:
        customer = Customer(ref=ref, display_name=ref, language="zh", created_at=desk.now())
        uow.customers.add(customer)
        uow.commit()
    return CustomerViewer(customer.id, ref)


def _ticket(desk: Desk, viewer: CustomerViewer, text: str = "提现一直没到账") -> int:
    with desk.uow() as uow:
        conversation = conversations.open_conversation(uow, viewer, channel=Channel.CHAT,
                                                       now=desk.now())
        conversations.receive_message(uow, viewer, conversation, text, now=desk.now())
        ticket = conversations.hand_off(uow, conversation, now=desk.now(), actor=BOT)
        uow.commit()
    return ticket.id


def test_a_retried_message_is_stored_once(desk: Desk) -> None:
    alice = _customer(desk)
    with desk.uow() as uow:
        conversation = conversations.open_conversation(uow, alice, channel=Channel.CHAT,
                                                       now=desk.now())
        uow.commit()
    receipts = []
    for _ in range(3):
        with desk.uow() as uow:
            found = access_conversation(uow, alice, conversation.id)
            receipts.append(conversations.receive_message(
                uow, alice, found, "USDT提现一直pending", now=desk.now(), client_message_id="m-1"
            ))
            uow.commit()
    assert [r.created for r in receipts] == [True, False, False]
    assert len({r.message.id for r in receipts}) == 1
    with desk.uow() as uow:
        stored = uow.conversations.messages([conversation.id])
        assert [m.body for m in stored] == ["USDT提现一直pending"]
        assert stored[0].language == "zh"
        kinds = [e.kind for e in uow.events.for_conversation(conversation.id)]
        assert kinds.count("message.customer") == 1


def test_the_same_client_id_in_another_conversation_is_another_message(desk: Desk) -> None:
    alice = _customer(desk)
    with desk.uow() as uow:
        ids = []
        for _ in range(2):
            c = conversations.open_conversation(uow, alice, channel=Channel.CHAT, now=desk.now())
            ids.append(conversations.receive_message(
                uow, alice, c, "hello", now=desk.now(), client_message_id="same").message.id)
        uow.commit()
    assert ids[0] != ids[1]


def test_a_message_is_found_only_in_its_own_conversation(desk: Desk) -> None:
    alice = _customer(desk)
    with desk.uow() as uow:
        opened = [conversations.open_conversation(uow, alice, channel=Channel.CHAT,
                                                  now=desk.now()) for _ in range(2)]
        asked = conversations.receive_message(uow, alice, opened[0], "order",
                                              now=desk.now()).message
        uow.commit()
    with desk.uow() as uow:
        found = uow.conversations.message(opened[0].id, asked.id)
        assert found is not None and found.body == "order"
        assert uow.conversations.message(opened[1].id, asked.id) is None
        assert uow.conversations.message(opened[0].id, asked.id + 1000) is None


def test_empty_and_huge_messages_are_refused(desk: Desk) -> None:
    alice = _customer(desk)
    with desk.uow() as uow:
        c = conversations.open_conversation(uow, alice, channel=Channel.CHAT, now=desk.now())
        for body in ("   ", "x" * 20_001):
            with pytest.raises(InvalidInput):
                conversations.receive_message(uow, alice, c, body, now=desk.now())
        with pytest.raises(InvalidInput):
            conversations.receive_message(uow, alice, c, "hi", now=desk.now(),
                                          client_message_id="x" * 65)


def test_every_change_is_in_the_event_log(desk: Desk, clock: Clock) -> None:
    sam = hire(desk, "sam")
    alice = _customer(desk)
    ticket_id = _ticket(desk, alice)
    steps = [
        lambda uow: tickets.assign(uow, sam.agent, ticket_id, "sam", clock.now),
        lambda uow: tickets.add_note(uow, sam.agent, ticket_id, "checking TRC20 node", clock.now),
        lambda uow: tickets.reply(uow, sam.agent, ticket_id, "正在为您查询", clock.now),
        lambda uow: tickets.set_priority(uow, sam.agent, ticket_id, Priority.P1, clock.now),
        lambda uow: tickets.set_tags(uow, sam.agent, ticket_id, ["usdt", "trc20"], clock.now),
        lambda uow: tickets.escalate(uow, sam.agent, ticket_id, "wallet-ops", clock.now),
        lambda uow: tickets.set_status(uow, sam.agent, ticket_id, TicketStatus.RESOLVED,
                                       clock.now),
        lambda uow: tickets.set_status(uow, sam.agent, ticket_id, TicketStatus.CLOSED, clock.now),
    ]
    for step in steps:
        clock.advance(minutes=1)
        with desk.uow() as uow:
            step(uow)
            uow.commit()
    with desk.uow() as uow:
        events = uow.events.for_ticket([ticket_id])
        ticket = uow.tickets.get(ticket_id)
        conversation = uow.conversations.get(ticket.conversation_id)
    log = [(e.kind, e.before, e.after) for e in events]
    assert log == [
        ("ticket.created", None, {"category": "service", "priority": "P3", "team": "support"}),
        ("conversation.state", "bot", "queued"),
        ("ticket.assignee", None, sam.agent.id),
        ("ticket.status", "new", "open"),
        ("conversation.state", "queued", "assigned"),
        ("message.note", None, log[5][2]),
        ("message.agent", None, log[6][2]),
        ("ticket.first_response", None, log[7][2]),
        ("ticket.status", "open", "pending_customer"),
        ("ticket.priority", "P3", "P1"),
        ("ticket.tags", [], ["usdt", "trc20"]),
        ("ticket.team", "support", "wallet-ops"),
        ("ticket.assignee", sam.agent.id, None),
        ("ticket.status", "pending_customer", "pending_internal"),
        ("conversation.state", "assigned", "queued"),
        ("ticket.status", "pending_internal", "resolved"),
        ("ticket.status", "resolved", "closed"),
        ("conversation.state", "queued", "closed"),
    ]
    assert all(e.actor_name == "sam" for e in events[2:])
    assert events[0].actor_name == "bot"
    assert conversation.state is ConversationState.CLOSED


def test_illegal_transition_leaves_no_trace(desk: Desk) -> None:
    sam = hire(desk, "sam")
    ticket_id = _ticket(desk, _customer(desk))
    with desk.uow() as uow, pytest.raises(IllegalTransition):
        tickets.set_status(uow, sam.agent, ticket_id, TicketStatus.CLOSED, desk.now())
    with desk.uow() as uow:
        assert uow.tickets.get(ticket_id).status is TicketStatus.NEW
        assert [e.kind for e in uow.events.for_ticket([ticket_id])][-1] == "conversation.state"


def test_customer_reply_reopens_a_resolved_ticket(desk: Desk, clock: Clock) -> None:
    sam = hire(desk, "sam")
    alice = _customer(desk)
    ticket_id = _ticket(desk, alice)
    with desk.uow() as uow:
        tickets.set_status(uow, sam.agent, ticket_id, TicketStatus.RESOLVED, clock.now)
        uow.commit()
    with desk.uow() as uow:
        conversation = access_conversation(uow, alice, uow.tickets.get(ticket_id).conversation_id)
        receipt = conversations.receive_message(uow, alice, conversation, "还是没到",
                                                now=clock.advance(hours=1))
        uow.commit()
    assert receipt.ticket_id == ticket_id
    with desk.uow() as uow:
        assert uow.tickets.get(ticket_id).status is TicketStatus.OPEN


def test_merge_shows_both_threads_on_the_remaining_ticket(desk: Desk, clock: Clock) -> None:
    sam = hire(desk, "sam")
    alice = _customer(desk)
    first, second = _ticket(desk, alice, "提现没到"), _ticket(desk, alice, "还是没到账")
    with desk.uow() as uow:
        tickets.merge(uow, sam.agent, second, first, clock.advance(minutes=5))
        uow.commit()
    with desk.uow() as uow:
        detail = tickets.detail(uow, sam.agent, first)
        source = uow.tickets.get(second)
        # The customer writes in the merged conversation: it lands on the remaining ticket.
        conversation = access_conversation(uow, alice, source.conversation_id)
        receipt = conversations.receive_message(uow, alice, conversation, "有人吗", now=clock.now)
        uow.commit()
    bodies = [m.body for m in detail.messages if m.author is Author.CUSTOMER]
    assert bodies == ["提现没到", "还是没到账"]
    assert [t.id for t in detail.merged] == [second]
    assert source.status is TicketStatus.CLOSED and source.merged_into_id == first
    assert receipt.ticket_id == first
    with desk.uow() as uow, pytest.raises(Conflict):
        tickets.merge(uow, sam.agent, second, first, clock.now)


def test_merge_refuses_other_customers_tickets(desk: Desk) -> None:
    sam = hire(desk, "sam")
    a, b = _ticket(desk, _customer(desk, "a")), _ticket(desk, _customer(desk, "b"))
    with desk.uow() as uow, pytest.raises(Conflict):
        tickets.merge(uow, sam.agent, a, b, desk.now())


def test_assigning_a_stranger_is_not_found(desk: Desk) -> None:
    sam = hire(desk, "sam")
    ticket_id = _ticket(desk, _customer(desk))
    with desk.uow() as uow, pytest.raises(NotFound):
        tickets.assign(uow, sam.agent, ticket_id, "nobody", desk.now())
    with desk.uow() as uow, pytest.raises(NotFound):
        tickets.escalate(uow, sam.agent, ticket_id, "no-such-team", desk.now())


def test_queues_and_search(desk: Desk, clock: Clock) -> None:
    sam = hire(desk, "sam")
    lina = hire(desk, "lina", role=Role.SUPERVISOR, team="wallet-ops")
    alice = _customer(desk)
    ids = [_ticket(desk, alice, text) for text in ("USDT 提现", "KYC rejected", "ETH deposit")]
    with desk.uow() as uow:
        tickets.assign(uow, sam.agent, ids[0], "sam", clock.now)
        tickets.escalate(uow, sam.agent, ids[1], "wallet-ops", clock.now)
        tickets.set_priority(uow, sam.agent, ids[2], Priority.P1, clock.now)
        uow.commit()

    def queue(agent, name: str, within: int = 60) -> list[int]:
        with desk.uow() as uow:
            query = tickets.queue_query(agent, name, clock.now, within_minutes=within)
            return [t.id for t in tickets.search(uow, query).items]

    assert queue(sam.agent, "mine") == [ids[0]]
    assert queue(lina.agent, "team") == [ids[1]]
    assert sorted(queue(sam.agent, "unassigned")) == sorted(ids[1:])
    assert queue(sam.agent, "sla", within=15) == [ids[2]]  # P1: first answer due in 15 min
    assert queue(sam.agent, "sla", within=10) == []
    with desk.uow() as uow:
        def found(**q) -> list[int]:
            return [t.id for t in tickets.search(uow, TicketQuery(**q)).items]
        assert found(text="kyc") == [ids[1]]
        assert found(text="提现") == [ids[0]]
        assert found(text="100%") == []
        assert found(priorities=(Priority.P1,)) == [ids[2]]
        assert found(team="wallet-ops") == [ids[1]]
        assert found(statuses=(TicketStatus.OPEN,)) == [ids[0]]
        assert found(sort="id") == ids


def test_demo_seed_writes_once(desk: Desk) -> None:
    with desk.uow() as uow:
        assert demo.seed(uow, desk.hasher, desk.now()) is True
        uow.commit()
    with desk.uow() as uow:
        assert demo.seed(uow, desk.hasher, desk.now()) is False
        refs = {ref for ref, *_ in demo.DEMO_CUSTOMERS}
        assert all(uow.customers.by_ref(r) for r in refs)
        page = tickets.search(uow, TicketQuery(per_page=100))
        languages = {m.language for t in page.items
                     for m in uow.conversations.messages([t.conversation_id])}
        assert page.total == len(demo.DEMO_TICKETS) and languages == {"zh", "en"}
        assert {a.team for a in uow.agents.all()} >= {"support", "wallet-ops"}


def test_demo_seed_publishes_the_help_center_extras(desk: Desk) -> None:
    from cryptodesk.services import announcements

    with desk.uow() as uow:
        demo.seed(uow, desk.hasher, desk.now())
        uow.commit()
    with desk.uow() as uow:
        shown = announcements.published(uow, "zh", desk.now())
        assert len(shown) == 2 and uow.canned.listing(language="zh")
        assert announcements.seed_demo(uow, desk.now()) == 0
