"""Listeners hear of a change only once it is committed."""

from __future__ import annotations

import asyncio

from cryptodesk.bootstrap import Desk
from cryptodesk.bus import INBOX, LocalBus, Notice, conversation_topic
from cryptodesk.domain.conversations import Channel
from cryptodesk.domain.customers import Customer
from cryptodesk.services import conversations
from cryptodesk.services.access import CustomerViewer


def test_notices_follow_commits_not_attempts(desk: Desk) -> None:
    async def scenario() -> list[Notice]:
        with desk.uow() as uow:
            customer = Customer(ref="demo-alice", display_name="Alice", created_at=desk.now())
            uow.customers.add(customer)
            uow.commit()
        alice = CustomerViewer(customer.id, "demo-alice")
        inbox = desk.bus.subscribe([INBOX])
        with desk.uow() as uow:
            conversation = conversations.open_conversation(uow, alice, channel=Channel.CHAT,
                                                           now=desk.now())
            conversations.receive_message(uow, alice, conversation, "rolled back", now=desk.now())
            # no commit: nobody may hear of it
        with desk.uow() as uow:
            conversation = conversations.open_conversation(uow, alice, channel=Channel.CHAT,
                                                           now=desk.now())
            thread = desk.bus.subscribe([conversation_topic(conversation.id)])
            conversations.receive_message(uow, alice, conversation, "提现没到", now=desk.now())
            uow.commit()
        heard = [await asyncio.wait_for(thread.get(), 1) for _ in range(2)]
        first_in_inbox = await asyncio.wait_for(inbox.get(), 1)
        thread.close()
        inbox.close()
        assert first_in_inbox.data["conversation_id"] == conversation.id
        return heard

    heard = asyncio.run(scenario())
    assert {n.kind for n in heard} == {"message", "changed"}
    message = next(n for n in heard if n.kind == "message")
    assert message.data["body"] == "提现没到" and message.data["author"] == "customer"


def test_a_closed_subscription_hears_nothing() -> None:
    async def scenario() -> bool:
        bus = LocalBus()
        listener = bus.subscribe(["t"])
        listener.close()
        bus.publish([Notice("t", "x")])
        await asyncio.sleep(0.01)
        return listener._queue.empty()

    assert asyncio.run(scenario())
