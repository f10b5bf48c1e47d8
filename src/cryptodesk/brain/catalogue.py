"""The intent catalogue: ids are a contract (CLI JSON, API, analytics, routing rules)."""

from __future__ import annotations

import enum


class Action(enum.StrEnum):
    KB = "kb"
    DIAGNOSE = "diagnose"
    WORKFLOW = "workflow"
    HANDOFF = "handoff"


_A = Action
ACTIONS: dict[str, Action] = {
    "security.tips": _A.KB,
    "security.2fa_setup": _A.KB,
    "security.2fa_reset": _A.WORKFLOW,
    "security.password_reset": _A.KB,
    "security.verify_channel": _A.WORKFLOW,
    "security.account_compromised": _A.WORKFLOW,
    "security.private_key": _A.KB,
    "security.scam_report": _A.WORKFLOW,
    "trade.order_failed": _A.DIAGNOSE,
    "trade.order_not_filled": _A.DIAGNOSE,
    "trade.how_to": _A.KB,
    "trade.order_types": _A.KB,
    "trade.strategy": _A.KB,
    "info.fees": _A.KB,
    "deposit.how_to": _A.KB,
    "deposit.not_credited": _A.DIAGNOSE,
    "deposit.wrong_network": _A.DIAGNOSE,
    "withdrawal.how_to": _A.KB,
    "withdrawal.fee": _A.KB,
    "withdrawal.pending": _A.DIAGNOSE,
    "withdrawal.failed": _A.DIAGNOSE,
    "withdrawal.suspended": _A.DIAGNOSE,
    "account.register": _A.KB,
    "kyc.how_to": _A.KB,
    "kyc.status": _A.DIAGNOSE,
    "account.phone": _A.KB,
    "account.locked": _A.DIAGNOSE,
    "account.close": _A.WORKFLOW,
    "info.platform_status": _A.DIAGNOSE,
    "info.announcements": _A.KB,
    "info.supported_assets": _A.KB,
    "learn.resources": _A.KB,
    "service.complaint": _A.WORKFLOW,
    "service.dispute": _A.WORKFLOW,
    "service.refund_appeal": _A.WORKFLOW,
    "service.human_agent": _A.HANDOFF,
    "service.ticket_status": _A.WORKFLOW,
    "service.feedback": _A.WORKFLOW,
    "chitchat.greeting": _A.KB,
    "chitchat.thanks": _A.KB,
    "out_of_scope": _A.KB,
}
INTENTS = tuple(ACTIONS)
OUT_OF_SCOPE = "out_of_scope"


def action_for(intent: str) -> Action:
    return ACTIONS.get(intent, Action.HANDOFF)
