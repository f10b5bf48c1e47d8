"""A hacked account: freeze it first, then open the security incident and guide the recovery.

The freeze happens only after the customer confirms (a button, or a "yes" to the offer), and
before anything is written here: the exchange's own database may be this one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from ..domain.cases import Case, CaseKind
from ..domain.conversations import Author, Conversation, Message
from ..domain.events import Change
from ..domain.sla import Priority
from ..errors import Conflict
from ..i18n import t
from ..platform import Platform, PlatformUnavailable, UnknownCustomer
from ..store.unit_of_work import UnitOfWork
from . import audit, cases
from .access import CustomerViewer
from .conversations import hand_off

OFFER = "freeze_account"
FREEZE_REASON = "customer_reported_compromise"
CONFIRMS = re.compile(
    r"^\s*(yes|yep|yeah|y|ok|okay|confirm(ed)?|please( do)?|do it|freeze( it| my account)?( now)?|"
    r"是|是的|对|好|好的|确认|确定|冻结|马上冻结|立即冻结|请冻结)\s*[.!。！]*\s*$",
    re.IGNORECASE,
)


def confirms(text: str) -> bool:
    return bool(CONFIRMS.match(text))


@dataclass(frozen=True)
class Outcome:
    frozen: bool
    case: Case | None


def freeze_and_report(
    uow: UnitOfWork, platform: Platform, viewer: CustomerViewer, conversation: Conversation,
    now: datetime,
) -> Outcome:
    """Freeze through the exchange, open a P1 security incident with the evidence, guide."""
    language = conversation.language
    if uow.cases.for_conversation(conversation.id) is not None:
        raise Conflict("This conversation already has a case.", "该会话已有申请。",
                       code="case_exists", value=conversation.id)
    try:
        events = platform.security_events(viewer.ref, limit=10)
        withdrawals = platform.withdrawals(viewer.ref, limit=10)
        platform.freeze_account(viewer.ref, FREEZE_REASON, now)
    except (PlatformUnavailable, UnknownCustomer):
        # We could not stop withdrawals ourselves: people must, at once.
        ticket = hand_off(uow, conversation, now=now, actor=viewer.actor, priority=Priority.P1,
                          team="security", tags=["account-compromised"], acknowledge=False)
        _say(uow, conversation, t("compromise.freeze_failed", language, ticket=ticket.id), now)
        return Outcome(False, None)
    # open_case tells the exchange before it writes anything here, so it goes first.
    case = cases.open_case(
        uow, platform, viewer, conversation, CaseKind.SECURITY_INCIDENT, now,
        evidence=_evidence(events, withdrawals), summary=t("compromise.summary", "en"),
    )
    audit.record(uow, [Change("security.account_frozen", None, {"reason": FREEZE_REASON})],
                 viewer.actor, now, conversation_id=conversation.id, ticket_id=case.ticket_id)
    _say(uow, conversation, t("compromise.frozen", language), now)
    return Outcome(True, case)


def _evidence(events: object, withdrawals: object) -> str:
    lines = ["Recent security events:"]
    lines += [f"- {e.at.isoformat()} {e.kind} ip={e.ip} country={e.country} device={e.device}"
              f"{' (new device)' if e.new_device else ''}" for e in events]
    lines.append("Recent withdrawals:")
    lines += [f"- {w.created_at.isoformat()} {w.id} {w.amount} {w.asset} on {w.network} to "
              f"{w.address} status={w.status}" for w in withdrawals]
    return "\n".join(lines)


def _say(uow: UnitOfWork, conversation: Conversation, body: str, now: datetime) -> None:
    audit.post(uow, Message(conversation_id=conversation.id, author=Author.BOT, body=body,
                            language=conversation.language, created_at=now,
                            data={"intent": "security.account_compromised"}))
