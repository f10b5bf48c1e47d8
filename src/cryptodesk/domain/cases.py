"""Cases: the formal requests a customer's problem becomes when the exchange must decide.

    submitted ─► under_review ◄──► needs_info
                  │                  │
                  ▼                  ▼
             approved / rejected ◄───┘
                  │
                  ▼
                closed

Each kind goes to the team that can decide it, at a priority, with a promise of when the
customer hears back (`review_due`). The clock restarts when a review resumes after the customer
answered a question: until then the case waited on them, not on us.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from ..errors import Conflict, IllegalTransition, InvalidInput
from .events import Change
from .sla import Priority
from .tickets import Category


class CaseKind(enum.StrEnum):
    APPEAL = "appeal"
    REFUND = "refund"
    DEPOSIT_RECOVERY = "deposit_recovery"
    DISPUTE = "dispute"
    SECURITY_INCIDENT = "security_incident"


class CaseStatus(enum.StrEnum):
    SUBMITTED = "submitted"
    UNDER_REVIEW = "under_review"
    NEEDS_INFO = "needs_info"
    APPROVED = "approved"
    REJECTED = "rejected"
    CLOSED = "closed"


@dataclass(frozen=True)
class Routing:
    """Who decides a kind of case, how urgently, and how long the customer is told to wait."""

    team: str
    priority: Priority
    category: Category
    review: timedelta


ROUTING: dict[CaseKind, Routing] = {
    CaseKind.DEPOSIT_RECOVERY: Routing("wallet-ops", Priority.P2, Category.DEPOSIT,
                                       timedelta(days=3)),
    CaseKind.APPEAL: Routing("compliance", Priority.P3, Category.SERVICE, timedelta(days=2)),
    CaseKind.REFUND: Routing("support", Priority.P3, Category.SERVICE, timedelta(days=5)),
    CaseKind.DISPUTE: Routing("support", Priority.P3, Category.SERVICE, timedelta(days=2)),
    CaseKind.SECURITY_INCIDENT: Routing("security", Priority.P1, Category.SECURITY,
                                        timedelta(hours=4)),
}

_C = CaseStatus
TRANSITIONS: dict[CaseStatus, frozenset[CaseStatus]] = {
    _C.SUBMITTED: frozenset({_C.UNDER_REVIEW}),
    _C.UNDER_REVIEW: frozenset({_C.NEEDS_INFO, _C.APPROVED, _C.REJECTED}),
    _C.NEEDS_INFO: frozenset({_C.UNDER_REVIEW, _C.APPROVED, _C.REJECTED}),
    _C.APPROVED: frozenset({_C.CLOSED}),
    _C.REJECTED: frozenset({_C.CLOSED}),
    _C.CLOSED: frozenset(),
}
UNDECIDED = frozenset({_C.SUBMITTED, _C.UNDER_REVIEW, _C.NEEDS_INFO})
WITH_US = frozenset({_C.SUBMITTED, _C.UNDER_REVIEW})  # the promise runs while we owe an answer

MAX_NOTE_CHARS = 2000
MAX_SUMMARY_CHARS = 500
MAX_EVIDENCE_NOTES = 50


def parse_kind(value: str) -> CaseKind:
    try:
        return CaseKind(value)
    except ValueError:
        kinds = ", ".join(k.value for k in CaseKind)
        raise InvalidInput(f"Unknown case kind {value!r}; one of {kinds}.",
                           f"未知的申请类型 {value!r}，可选：{kinds}。",
                           field="kind", value=str(value)[:40]) from None


def clean_note(text: str | None, field_name: str = "note") -> str:
    cleaned = (text or "").replace("\x00", "").strip()
    if not cleaned:
        raise InvalidInput("Say what the customer should know.", "请填写需要告知客户的内容。",
                           field=field_name)
    if len(cleaned) > MAX_NOTE_CHARS:
        raise InvalidInput(f"Notes are at most {MAX_NOTE_CHARS} characters.",
                           f"说明最多 {MAX_NOTE_CHARS} 个字符。", field=field_name,
                           value=len(cleaned))
    return cleaned


def clean_summary(text: str | None, fallback: str) -> str:
    cleaned = " ".join((text or "").replace("\x00", "").split()) or " ".join(fallback.split())
    if len(cleaned) > MAX_SUMMARY_CHARS:
        cleaned = cleaned[: MAX_SUMMARY_CHARS - 1] + "…"
    return cleaned


@dataclass(eq=False, kw_only=True)
class Case:
    ticket_id: int
    conversation_id: int
    customer_id: int
    kind: CaseKind
    summary: str
    created_at: datetime
    updated_at: datetime
    review_due: datetime
    status: CaseStatus = CaseStatus.SUBMITTED
    # {"diagnosis": card or None, "notes": [{"at", "by", "name", "text"}]}
    evidence: dict[str, Any] = field(default_factory=dict)
    info_request: str | None = None
    decision_note: str | None = None
    exchange_ref: str | None = None  # the exchange's own reference, once it was told
    exchange_error: str | None = None  # why it was not told yet: unavailable, unknown_customer
    decided_at: datetime | None = None
    closed_at: datetime | None = None
    id: int | None = None

    @classmethod
    def open(
        cls, *, ticket_id: int, conversation_id: int, customer_id: int, kind: CaseKind,
        summary: str, now: datetime, diagnosis: dict[str, Any] | None = None,
    ) -> Case:
        return cls(
            ticket_id=ticket_id, conversation_id=conversation_id, customer_id=customer_id,
            kind=kind, summary=summary, created_at=now, updated_at=now,
            review_due=now + ROUTING[kind].review,
            evidence={"diagnosis": diagnosis, "notes": []},
        )

    @property
    def routing(self) -> Routing:
        return ROUTING[self.kind]

    @property
    def is_decided(self) -> bool:
        return self.status not in UNDECIDED

    def is_overdue(self, now: datetime) -> bool:
        return self.status in WITH_US and self.review_due < now

    def review(self, now: datetime) -> list[Change]:
        """Start the review, or resume it: after a wait on the customer the clock restarts."""
        waited = self.status is CaseStatus.NEEDS_INFO
        changes = [self._move(CaseStatus.UNDER_REVIEW, now)]
        if waited:
            before, self.review_due = self.review_due, now + self.routing.review
            changes.append(Change("case.review_due", before.isoformat(),
                                  self.review_due.isoformat()))
        return changes

    def request_info(self, note: str, now: datetime) -> list[Change]:
        text = clean_note(note)
        changes = [self._move(CaseStatus.NEEDS_INFO, now)]
        self.info_request = text
        return [*changes, Change("case.info_request", None, text)]

    def approve(self, note: str, now: datetime) -> list[Change]:
        return self._decide(CaseStatus.APPROVED, note, now)

    def reject(self, note: str, now: datetime) -> list[Change]:
        return self._decide(CaseStatus.REJECTED, note, now)

    def close(self, now: datetime) -> list[Change]:
        changes = [self._move(CaseStatus.CLOSED, now)]
        self.closed_at = now
        return changes

    def attach(self, text: str, by: str, name: str, now: datetime) -> Change:
        """Add a piece of evidence in words; decided cases take no more."""
        cleaned = clean_note(text, "text")
        if self.is_decided:
            raise Conflict(f"Case #{self.id} is already {self.status}.",
                           f"申请 #{self.id} 已处理完毕（{self.status}）。",
                           code="case_decided", value=self.id)
        notes = list(self.evidence.get("notes") or [])
        if len(notes) >= MAX_EVIDENCE_NOTES:
            raise Conflict(f"A case holds at most {MAX_EVIDENCE_NOTES} notes.",
                           f"每个申请最多 {MAX_EVIDENCE_NOTES} 条补充材料。",
                           code="too_much_evidence", value=len(notes))
        notes.append({"at": now.isoformat(), "by": by, "name": name, "text": cleaned})
        self.evidence = {**self.evidence, "notes": notes}  # a new object, so the change is seen
        self.updated_at = now
        return Change("case.evidence", None, {"by": by, "count": len(notes)})

    def exchange_told(self, ref: str) -> Change:
        self.exchange_ref, self.exchange_error = ref, None
        return Change("case.exchange", None, {"ref": ref})

    def exchange_not_told(self, reason: str) -> Change:
        self.exchange_error = reason
        return Change("case.exchange", None, {"error": reason})

    def _decide(self, status: CaseStatus, note: str, now: datetime) -> list[Change]:
        text = clean_note(note)
        changes = [self._move(status, now)]
        self.decision_note, self.decided_at = text, now
        return [*changes, Change("case.decision_note", None, text)]

    def _move(self, status: CaseStatus, now: datetime) -> Change:
        if status not in TRANSITIONS[self.status]:
            raise IllegalTransition(
                f"A case cannot go from {self.status} to {status}.",
                f"申请不能从 {self.status} 变为 {status}。",
                field="status", value=str(status),
            )
        before, self.status = self.status, status
        self.updated_at = now
        return Change("case.status", str(before), str(status))
