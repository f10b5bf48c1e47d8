"""Satisfaction ratings and attachments in the store and services, on both databases."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from cryptodesk.bootstrap import Desk
from cryptodesk.domain.conversations import Channel
from cryptodesk.domain.customers import Customer
from cryptodesk.domain.feedback import JPEG, PDF, PNG, TEXT, display_name, sniff
from cryptodesk.domain.tickets import TicketStatus
from cryptodesk.errors import Conflict, InvalidInput, NotFound
from cryptodesk.services import attachments, conversations, feedback, tickets
from cryptodesk.services.access import CustomerViewer
from cryptodesk.services.responders import BOT

from ..support.clock import Clock
from ..support.stories import StaffMember, hire


def _customer(desk: Desk, ref: str) -> CustomerViewer:
    with desk.uow() as uow:
        customer = Customer(ref=ref, display_name=ref, language="en", created_at=desk.now())
        uow.customers.add(customer)
        uow.commit()
    return CustomerViewer(customer.id, ref)


def _ticket(desk: Desk, viewer: CustomerViewer) -> tuple[int, int]:
    with desk.uow() as uow:
        conversation = conversations.open_conversation(uow, viewer, channel=Channel.CHAT,
                                                       now=desk.now())
        conversations.receive_message(uow, viewer, conversation, "help", now=desk.now())
        ticket = conversations.hand_off(uow, conversation, now=desk.now(), actor=BOT)
        uow.commit()
    return ticket.id, conversation.id


def _set(desk: Desk, staff: StaffMember, ticket_id: int, status: TicketStatus) -> None:
    with desk.uow() as uow:
        tickets.set_status(uow, staff.agent, ticket_id, status, desk.now())
        uow.commit()


def _rate(desk: Desk, viewer: CustomerViewer, ticket_id: int, score: object,
          comment: str | None = None) -> None:
    with desk.uow() as uow:
        feedback.rate(uow, viewer, ticket_id, score, comment, desk.now())
        uow.commit()


def test_ratings_follow_the_rules_and_average_over_a_period(desk: Desk, clock: Clock) -> None:
    staff = hire(desk, "sam")
    alice, bob = _customer(desk, "alice"), _customer(desk, "bob")
    start = desk.now()
    first, _ = _ticket(desk, alice)
    with pytest.raises(Conflict):
        _rate(desk, alice, first, 5)
    _set(desk, staff, first, TicketStatus.RESOLVED)
    with pytest.raises(NotFound):
        _rate(desk, bob, first, 5)
    for bad in (0, 6, "5", True, None):
        with pytest.raises(InvalidInput):
            _rate(desk, alice, first, bad)
    with pytest.raises(InvalidInput):
        _rate(desk, alice, first, 3, "x" * 2001)
    _rate(desk, alice, first, 1)
    clock.advance(hours=1)
    _rate(desk, alice, first, 5, "changed my mind")  # replaces the first rating

    second, _ = _ticket(desk, bob)
    _set(desk, staff, second, TicketStatus.RESOLVED)
    _set(desk, staff, second, TicketStatus.CLOSED)  # closed tickets can be rated too
    _rate(desk, bob, second, 2)
    clock.advance(days=2)
    third, _ = _ticket(desk, bob)
    _set(desk, staff, third, TicketStatus.RESOLVED)
    _rate(desk, bob, third, 4)

    with desk.uow() as uow:
        day = feedback.average_csat(uow, start, start + timedelta(days=1))
        assert (day.count, day.average, day.satisfied) == (2, 3.5, 1)
        assert day.satisfied_share == 0.5
        everything = feedback.average_csat(uow, start, desk.now() + timedelta(seconds=1))
        assert everything.count == 3 and everything.average == pytest.approx(11 / 3)
        empty = feedback.average_csat(uow, start - timedelta(days=9), start)
        assert (empty.count, empty.average, empty.satisfied_share) == (0, None, None)
        assert feedback.rating_for_agent(uow, staff.agent, first).comment == "changed my mind"
        kinds = [e.kind for e in uow.events.for_ticket([first]) if "rat" in e.kind]
        assert kinds == ["ticket.rated", "ticket.rating_changed"]


def test_contents_not_names_decide_the_type() -> None:
    assert sniff(b"\x89PNG\r\n\x1a\n....") == PNG
    assert sniff(b"\xff\xd8\xff\xe0JFIF") == JPEG
    assert sniff(b"%PDF-1.4\n") == PDF
    assert sniff("充值没到账\r\n\tW-1".encode()) == TEXT
    for refused in (b"", b"MZ\x90\x00", b"\x7fELF", b"PK\x03\x04", b"<!DOCTYPE html><p>",
                    b"  <svg onload=x>", b"abc\x00def", b"\xc3\x28"):
        assert sniff(refused) is None, refused
    assert display_name("C:\\Users\\me\\..\\receipt.png", "f") == "receipt.png"
    assert display_name("../../\x00\u202e", "fallback") == "fallback"
    long = display_name("a" * 300 + ".pdf", "f")
    assert len(long) == 120 and long.endswith(".pdf")


def test_an_attachment_is_stored_once_under_a_random_name(desk: Desk, tmp_path: Path) -> None:
    alice, bob = _customer(desk, "alice"), _customer(desk, "bob")
    _, conversation_id = _ticket(desk, alice)
    storage = attachments.Storage(tmp_path / "files", max_bytes=1024)
    data = b"%PDF-1.7 statement"
    with desk.uow() as uow:
        stored = attachments.add(uow, alice, conversation_id, filename="stmt.pdf", data=data,
                                 storage=storage, now=desk.now())
        uow.commit()
    path = storage.path(stored)
    assert path.read_bytes() == data and path.parent == tmp_path / "files"
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    with desk.uow() as uow:
        assert attachments.for_customer(uow, alice, stored.id).sha256 == stored.sha256
        with pytest.raises(NotFound):
            attachments.for_customer(uow, bob, stored.id)
        with pytest.raises(NotFound):
            attachments.add(uow, bob, conversation_id, filename="x.pdf", data=data,
                            storage=storage, now=desk.now())
        with pytest.raises(attachments.FileTooLarge):
            attachments.add(uow, alice, conversation_id, filename="x.pdf",
                            data=data + b"0" * 1024, storage=storage, now=desk.now())
        messages = uow.conversations.messages([conversation_id])
        assert messages[-1].data == {"attachment": attachments.card(stored)}
    assert len(list((tmp_path / "files").iterdir())) == 1
