"""What the API accepts and returns; inputs refuse unknown fields so typos fail loudly."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Generic, Literal, TypeVar

from fastapi import Path
from pydantic import BaseModel, ConfigDict, Field

from ..domain.agents import Agent, Role
from ..domain.conversations import Author, Channel, Conversation, ConversationState
from ..domain.events import Event
from ..domain.sla import Priority
from ..domain.tickets import Category, Ticket, TicketStatus
from ..store.repositories import Page

T = TypeVar("T")
MAX_ID = 2_147_483_647
Id = Annotated[int, Path(ge=1, le=MAX_ID, description="a positive id")]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Output(BaseModel):
    model_config = ConfigDict(from_attributes=True)


class LoginIn(Input):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)
    totp: str | None = Field(None, max_length=12, description="6-digit code, when enrolled")


class BodyIn(Input):
    body: str = Field(min_length=1, max_length=20_000)


class ReplyIn(BodyIn):
    status: TicketStatus | None = Field(
        TicketStatus.PENDING_CUSTOMER, description="status after the reply; null keeps it"
    )


class AssignIn(Input):
    assignee: str | None = Field(max_length=64, description="username, or null to unassign")


class StatusIn(Input):
    status: TicketStatus


class PriorityIn(Input):
    priority: Priority


class EscalateIn(Input):
    team: str = Field(min_length=1, max_length=40)
    note: str | None = Field(None, max_length=20_000)


class MergeIn(Input):
    target_id: int = Field(ge=1, le=MAX_ID, description="the ticket that remains")


class TagsIn(Input):
    tags: list[str] = Field(max_length=20)


class OpenConversationIn(Input):
    channel: Literal["chat", "email", "phone", "api"] = "chat"
    subject: str | None = Field(None, max_length=200)
    language: Literal["zh", "en"] | None = None
    body: str | None = Field(None, min_length=1, max_length=20_000)
    client_message_id: str | None = Field(None, min_length=1, max_length=64)


class MessageIn(BodyIn):
    client_message_id: str | None = Field(None, min_length=1, max_length=64)


class AgentOut(Output):
    id: int
    username: str
    display_name: str
    email: str
    role: Role
    team: str
    totp_enrolled: bool

    @classmethod
    def of(cls, agent: Agent) -> AgentOut:
        return cls(id=agent.id, username=agent.username, display_name=agent.display_name,
                   email=agent.email, role=agent.role, team=agent.team,
                   totp_enrolled=agent.totp_secret is not None)


class LoginOut(BaseModel):
    agent: AgentOut
    token: str
    expires_at: datetime


class TeamOut(Output):
    name: str
    display_name: str
    display_name_zh: str


class MessageOut(Output):
    id: int
    conversation_id: int
    author: Author
    body: str
    internal: bool
    language: str
    agent_id: int | None
    client_message_id: str | None
    created_at: datetime
    data: dict[str, Any] | None = None


class PublicMessageOut(Output):
    """A message as the customer sees it: no agent ids."""

    id: int
    author: Author
    body: str
    language: str
    client_message_id: str | None
    created_at: datetime
    data: dict[str, Any] | None = Field(
        None, description="bot extras: intent, clarifying options, diagnosis card"
    )


class EventOut(Output):
    id: int
    kind: str
    actor_kind: str
    actor_id: int | None
    actor_name: str
    at: datetime
    ticket_id: int | None
    conversation_id: int | None
    before: Any
    after: Any

    @classmethod
    def of(cls, event: Event) -> EventOut:
        return cls.model_validate(event)


class TicketOut(Output):
    id: int
    subject: str
    conversation_id: int
    customer_id: int | None
    category: Category
    priority: Priority
    status: TicketStatus
    assignee_id: int | None
    team: str
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    first_response_due: datetime
    resolution_due: datetime
    first_responded_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    merged_into_id: int | None

    @classmethod
    def of(cls, ticket: Ticket) -> TicketOut:
        return cls.model_validate(ticket)


class TicketDetailOut(TicketOut):
    messages: list[MessageOut]
    events: list[EventOut]
    merged_ticket_ids: list[int]


class PublicTicketOut(Output):
    id: int
    subject: str
    category: Category
    status: TicketStatus
    created_at: datetime
    updated_at: datetime
    conversation_id: int


class PublicTicketDetailOut(PublicTicketOut):
    messages: list[PublicMessageOut]


class ConversationOut(Output):
    id: int
    channel: Channel
    language: str
    subject: str
    state: ConversationState
    created_at: datetime
    updated_at: datetime
    ticket_id: int | None = None


class ConversationDetailOut(ConversationOut):
    messages: list[PublicMessageOut]


class OpenedConversationOut(ConversationDetailOut):
    visitor_token: str | None = Field(
        None, description="anonymous chats only: send it back as X-Visitor-Token"
    )


class MessageReceiptOut(BaseModel):
    message: PublicMessageOut
    created: bool = Field(description="false when this client_message_id was already stored")
    ticket_id: int | None
    replies: list[PublicMessageOut]


class PageOut(BaseModel, Generic[T]):
    items: list[T]
    total: int
    page: int
    per_page: int

    @classmethod
    def of(cls, page: Page, convert: Any) -> PageOut[T]:
        return cls(items=[convert(i) for i in page.items], total=page.total, page=page.page,
                   per_page=page.per_page)


def conversation_out(conversation: Conversation, ticket_id: int | None) -> ConversationOut:
    out = ConversationOut.model_validate(conversation)
    out.ticket_id = ticket_id
    return out
