"""The customers' API: their conversations and tickets, vouched for by the exchange's token.

Messages are committed before the answer goes out; the responder runs in its own transaction
afterwards, so a failure there never loses what the customer wrote.
"""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from ... import credentials
from ...domain.conversations import Channel, Conversation
from ...errors import AuthenticationFailed
from ...services import compromise, customer_view
from ...services import conversations as conversation_services
from ...services.access import VisitorViewer, access_conversation
from ...store.unit_of_work import UnitOfWork
from .. import ratelimit
from ..deps import (
    CurrentCustomer,
    CurrentViewer,
    DeskDep,
    OptionalViewer,
    read,
    respond_after_store,
    transact,
)
from ..schemas import (
    ConversationDetailOut,
    ConversationOut,
    Id,
    MessageIn,
    MessageReceiptOut,
    OpenConversationIn,
    OpenedConversationOut,
    PageOut,
    PublicMessageOut,
    PublicTicketDetailOut,
    PublicTicketOut,
    conversation_out,
)
from .responses import FULL

log = logging.getLogger("cryptodesk.web")
router = APIRouter(prefix="/customer", tags=["customers"], responses=FULL)
PageNo = Annotated[int, Query(ge=1, le=10_000)]
PerPage = Annotated[int, Query(ge=1, le=100)]


def _detail(view: customer_view.ConversationView) -> ConversationDetailOut:
    return ConversationDetailOut(
        **conversation_out(view.conversation, view.ticket_id).model_dump(),
        messages=[PublicMessageOut.model_validate(m) for m in view.messages],
    )


@router.post("/conversations", status_code=201)
def open_conversation(
    body: OpenConversationIn, desk: DeskDep, viewer: OptionalViewer, request: Request
) -> OpenedConversationOut:
    visitor_token = None
    if viewer is None:
        ratelimit.public(request)
        if body.channel != "chat":
            raise AuthenticationFailed(
                "Only chat is open to visitors who are not signed in.",
                "未登录的访客只能使用在线聊天。", code="unauthenticated", field="channel",
            )
        visitor_token = credentials.new_token()
        viewer = VisitorViewer(credentials.token_hash(visitor_token))
    now = desk.now()

    def run(uow: UnitOfWork) -> tuple[Conversation, int | None]:
        conversation = conversation_services.open_conversation(
            uow, viewer, channel=Channel(body.channel), now=now, language=body.language,
            subject=body.subject or body.body,
        )
        message_id = None
        if body.body:
            receipt = conversation_services.receive_message(
                uow, viewer, conversation, body.body, now=now,
                client_message_id=body.client_message_id,
            )
            message_id = receipt.message.id
        if conversation.channel is not Channel.CHAT:
            conversation_services.hand_off(uow, conversation, now=now, actor=viewer.actor)
        return conversation, message_id

    conversation, message_id = transact(desk, run)
    if message_id is not None and conversation.channel is Channel.CHAT:
        respond_after_store(desk, viewer, conversation.id, message_id)
    view = read(desk, customer_view.conversation, viewer, conversation.id)
    return OpenedConversationOut(**_detail(view).model_dump(), visitor_token=visitor_token)


@router.get("/conversations")
def list_conversations(
    desk: DeskDep, viewer: CurrentViewer, page: PageNo = 1, per_page: PerPage = 25
) -> PageOut[ConversationOut]:
    def run(uow: UnitOfWork) -> PageOut[ConversationOut]:
        found = customer_view.conversations(uow, viewer, page, per_page)
        tickets = customer_view.ticket_ids(uow, found.items)
        return PageOut.of(found, lambda c: conversation_out(c, tickets[c.id]))

    return read(desk, run)


@router.get("/conversations/{conversation_id}")
def get_conversation(
    conversation_id: Id, desk: DeskDep, viewer: CurrentViewer
) -> ConversationDetailOut:
    return _detail(read(desk, customer_view.conversation, viewer, conversation_id))


@router.post("/conversations/{conversation_id}/messages", status_code=201)
def send_message(
    conversation_id: Id, body: MessageIn, desk: DeskDep, viewer: CurrentViewer,
    response: Response,
) -> MessageReceiptOut:
    """Stored once per `client_message_id`: a retry answers 200 with the stored message."""

    def run(uow: UnitOfWork) -> conversation_services.Receipt:
        conversation = access_conversation(uow, viewer, conversation_id)
        return conversation_services.receive_message(
            uow, viewer, conversation, body.body, now=desk.now(),
            client_message_id=body.client_message_id,
        )

    receipt = transact(desk, run)
    if receipt.created:
        respond_after_store(desk, viewer, conversation_id, receipt.message.id)
    else:
        response.status_code = 200
    ack = read(desk, customer_view.acknowledgement, conversation_id, receipt.message.id)
    return MessageReceiptOut(
        message=PublicMessageOut.model_validate(receipt.message), created=receipt.created,
        ticket_id=ack.ticket_id, replies=[PublicMessageOut.model_validate(m) for m in ack.replies],
    )


@router.post("/conversations/{conversation_id}/handoff")
def hand_off(conversation_id: Id, desk: DeskDep, viewer: CurrentViewer) -> ConversationOut:
    """The customer asks for a person: the conversation joins the support queue."""

    def run(uow: UnitOfWork) -> ConversationOut:
        conversation = access_conversation(uow, viewer, conversation_id)
        ticket = conversation_services.hand_off(uow, conversation, now=desk.now(),
                                                actor=viewer.actor)
        return conversation_out(conversation, ticket.id)

    return transact(desk, run)


@router.get("/tickets")
def list_tickets(
    desk: DeskDep, customer: CurrentCustomer, page: PageNo = 1, per_page: PerPage = 25
) -> PageOut[PublicTicketOut]:
    found = read(desk, customer_view.tickets, customer, page, per_page)
    return PageOut.of(found, PublicTicketOut.model_validate)


@router.get("/tickets/{ticket_id}")
def get_ticket(ticket_id: Id, desk: DeskDep, customer: CurrentCustomer) -> PublicTicketDetailOut:
    ticket, messages = read(desk, customer_view.ticket, customer, ticket_id)
    return PublicTicketDetailOut(
        **PublicTicketOut.model_validate(ticket).model_dump(),
        messages=[PublicMessageOut.model_validate(m) for m in messages],
    )


class FrozenOut(BaseModel):
    frozen: bool = Field(description="false when the exchange could not be reached: people act")
    case_id: int | None
    ticket_id: int | None


@router.post("/conversations/{conversation_id}/freeze")
def freeze_account(conversation_id: Id, desk: DeskDep, customer: CurrentCustomer) -> FrozenOut:
    """The customer confirms: freeze their account now and open a security incident."""

    def run(uow: UnitOfWork) -> FrozenOut:
        conversation = access_conversation(uow, customer, conversation_id)
        outcome = compromise.freeze_and_report(uow, desk.platform, customer, conversation,
                                               desk.now())
        ticket = conversation_services.active_ticket(uow, conversation)
        return FrozenOut(frozen=outcome.frozen, case_id=outcome.case.id if outcome.case else None,
                         ticket_id=ticket.id if ticket else None)

    return transact(desk, run)
