"""Tickets: the unit of work agents own, with a lifecycle, an SLA and a team.

    new ─► open ◄──► pending_customer
     │      ▲ ╲        ▲
     │      │  ╲       │
     │      │   ► pending_internal
     ▼      │          │
    resolved ◄─────────┘  (from any of the above)
     │   └──► open        (reopen)
     ▼
    closed                (final; merging also closes)
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..errors import Conflict, IllegalTransition, InvalidInput
from .events import Change
from .sla import Priority, SlaPolicy


class Category(enum.StrEnum):
    SECURITY = "security"
    TRADE = "trade"
    DEPOSIT = "deposit"
    WITHDRAWAL = "withdrawal"
    ACCOUNT = "account"
    KYC = "kyc"
    INFO = "info"
    SERVICE = "service"


_FAMILY_ALIASES = {"learn": Category.INFO, "chitchat": Category.SERVICE}


def category_for_intent(intent: str) -> Category:
    """Intent ids are `family.name`; the family is the ticket's category."""
    family = intent.split(".", 1)[0]
    if family in _FAMILY_ALIASES:
        return _FAMILY_ALIASES[family]
    try:
        return Category(family)
    except ValueError:
        return Category.SERVICE


class TicketStatus(enum.StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING_CUSTOMER = "pending_customer"
    PENDING_INTERNAL = "pending_internal"
    RESOLVED = "resolved"
    CLOSED = "closed"


_T = TicketStatus
TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    _T.NEW: frozenset({_T.OPEN, _T.PENDING_CUSTOMER, _T.PENDING_INTERNAL, _T.RESOLVED}),
    _T.OPEN: frozenset({_T.PENDING_CUSTOMER, _T.PENDING_INTERNAL, _T.RESOLVED}),
    _T.PENDING_CUSTOMER: frozenset({_T.OPEN, _T.PENDING_INTERNAL, _T.RESOLVED}),
    _T.PENDING_INTERNAL: frozenset({_T.OPEN, _T.PENDING_CUSTOMER, _T.RESOLVED}),
    _T.RESOLVED: frozenset({_T.OPEN, _T.CLOSED}),
    _T.CLOSED: frozenset(),
}
ACTIVE = frozenset(s for s in TicketStatus if s not in (_T.RESOLVED, _T.CLOSED))

MAX_TAGS = 20
MAX_TAG_CHARS = 40


@dataclass(eq=False, kw_only=True)
class Ticket:
    subject: str
    conversation_id: int
    category: Category
    priority: Priority
    created_at: datetime
    updated_at: datetime
    first_response_due: datetime
    resolution_due: datetime
    customer_id: int | None = None
    status: TicketStatus = TicketStatus.NEW
    assignee_id: int | None = None
    team: str = "support"
    tags: list[str] = field(default_factory=list)
    first_responded_at: datetime | None = None
    resolved_at: datetime | None = None
    closed_at: datetime | None = None
    merged_into_id: int | None = None
    id: int | None = None

    @classmethod
    def create(
        cls, *, subject: str, conversation_id: int, customer_id: int | None, category: Category,
        priority: Priority, policy: SlaPolicy, team: str, now: datetime,
        tags: list[str] | None = None,
    ) -> Ticket:
        return cls(
            subject=subject, conversation_id=conversation_id, customer_id=customer_id,
            category=category, priority=priority, team=team, tags=clean_tags(tags or []),
            created_at=now, updated_at=now,
            first_response_due=policy.first_response_due(now),
            resolution_due=policy.resolution_due(now),
        )

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE

    def set_status(self, status: TicketStatus, now: datetime) -> Change:
        if status not in TRANSITIONS[self.status]:
            raise IllegalTransition(
                f"A ticket cannot go from {self.status} to {status}.",
                f"工单不能从 {self.status} 变为 {status}。",
                field="status", value=str(status),
            )
        before, self.status = self.status, status
        if status is TicketStatus.RESOLVED:
            self.resolved_at = now
        elif status is TicketStatus.CLOSED:
            self.closed_at = now
        elif before is TicketStatus.RESOLVED:
            self.resolved_at = None
        self.updated_at = now
        return Change("ticket.status", str(before), str(status))

    def set_priority(self, priority: Priority, policy: SlaPolicy, now: datetime) -> Change:
        self._ensure_not_closed()
        if policy.priority is not priority:
            raise ValueError("policy does not match the priority")
        before, self.priority = self.priority, priority
        self.first_response_due = policy.first_response_due(self.created_at)
        self.resolution_due = policy.resolution_due(self.created_at)
        self.updated_at = now
        return Change("ticket.priority", str(before), str(priority))

    def assign(self, agent_id: int | None, now: datetime) -> Change:
        self._ensure_not_closed()
        before, self.assignee_id = self.assignee_id, agent_id
        self.updated_at = now
        return Change("ticket.assignee", before, agent_id)

    def escalate(self, team: str, now: datetime) -> list[Change]:
        """Hand the ticket to another team's queue: it leaves the current assignee."""
        self._ensure_not_closed()
        if team == self.team:
            raise InvalidInput(
                f"The ticket is already with the {team} team.",
                f"工单已在 {team} 团队。", field="team", value=team,
            )
        changes = [Change("ticket.team", self.team, team)]
        self.team = team
        if self.assignee_id is not None:
            changes.append(self.assign(None, now))
        self.updated_at = now
        return changes

    def set_tags(self, tags: list[str], now: datetime) -> Change:
        self._ensure_not_closed()
        before, self.tags = list(self.tags), clean_tags(tags)
        self.updated_at = now
        return Change("ticket.tags", before, list(self.tags))

    def record_agent_reply(self, now: datetime) -> list[Change]:
        changes = []
        if self.first_responded_at is None:
            self.first_responded_at = now
            changes.append(Change("ticket.first_response", None, now.isoformat()))
        self.updated_at = now
        return changes

    def record_customer_message(self, now: datetime) -> list[Change]:
        """A customer writing again puts the ticket back in the agents' court."""
        self._ensure_not_closed()
        if self.status in (TicketStatus.PENDING_CUSTOMER, TicketStatus.RESOLVED):
            return [self.set_status(TicketStatus.OPEN, now)]
        self.updated_at = now
        return []

    def merge_into(self, target: Ticket, now: datetime) -> list[Change]:
        if target.id == self.id:
            raise InvalidInput(
                "A ticket cannot be merged into itself.", "工单不能合并到自身。",
                field="target_id", value=target.id,
            )
        for ticket in (self, target):
            ticket._ensure_not_closed()
        if self.customer_id != target.customer_id:
            raise Conflict(
                "Only tickets of the same customer can be merged.",
                "只能合并同一客户的工单。", code="different_customers", value=target.id,
            )
        self.merged_into_id = target.id
        before, self.status = self.status, TicketStatus.CLOSED
        self.closed_at = self.updated_at = now
        target.updated_at = now
        return [
            Change("ticket.merged_into", None, target.id),
            Change("ticket.status", str(before), str(TicketStatus.CLOSED)),
        ]

    def breaches_within(self, now: datetime, minutes: int) -> bool:
        """True when an active ticket misses a target within `minutes` (or already has)."""
        if not self.is_active:
            return False
        horizon = now + timedelta(minutes=minutes)
        awaiting_first = self.first_responded_at is None and self.first_response_due <= horizon
        return awaiting_first or self.resolution_due <= horizon

    def _ensure_not_closed(self) -> None:
        if self.status is TicketStatus.CLOSED:
            raise Conflict(
                f"Ticket #{self.id} is closed.", f"工单 #{self.id} 已关闭。",
                code="ticket_closed", value=self.id,
            )


def clean_tags(tags: list[str]) -> list[str]:
    """Lower-case, trimmed, unique, in the order given."""
    out: list[str] = []
    for raw in tags:
        tag = raw.strip().lower()
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise InvalidInput(
                f"Tags are at most {MAX_TAG_CHARS} characters.",
                f"标签最多 {MAX_TAG_CHARS} 个字符。", field="tags", value=raw,
            )
        if tag not in out:
            out.append(tag)
    if len(out) > MAX_TAGS:
        raise InvalidInput(
            f"A ticket has at most {MAX_TAGS} tags.", f"每个工单最多 {MAX_TAGS} 个标签。",
            field="tags", value=len(out),
        )
    return out
