"""diagnose(): route a topic to its flow, and turn an exchange that cannot answer into a finding."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from cryptodesk.errors import InvalidInput
from cryptodesk.platform.port import Platform, PlatformUnavailable, UnknownCustomer

from . import account, deposits, orders, status, withdrawals
from .compose import conclude, make
from .models import Clues, Diagnosis, Inquiry

Flow = Callable[[Inquiry], Diagnosis]

FLOWS: dict[str, Flow] = {
    "deposit.not_credited": deposits.diagnose,
    "deposit.wrong_network": deposits.diagnose,
    "withdrawal.pending": withdrawals.diagnose,
    "withdrawal.failed": withdrawals.diagnose,
    "withdrawal.suspended": withdrawals.diagnose,
    "trade.order_failed": orders.diagnose,
    "trade.order_not_filled": orders.diagnose,
    "kyc.status": account.diagnose,
    "account.locked": account.diagnose,
    "info.platform_status": status.diagnose,
}
TOPICS: tuple[str, ...] = tuple(FLOWS)


def diagnose(
    platform: Platform, topic: str, customer_ref: str, clues: Clues, now: datetime
) -> Diagnosis:
    """Look at the customer's own records and say what happened and what to do next.

    Raises InvalidInput for a topic that is not diagnosed; an exchange that does not answer or
    does not know the customer becomes a finding, never an exception.
    """
    flow = FLOWS.get(topic)
    if flow is None:
        raise InvalidInput(
            f"“{topic}” is not a topic that can be diagnosed.",
            f"“{topic}”不是可以诊断的问题类型。",
            field="topic",
            value=topic,
        )
    try:
        return flow(Inquiry(platform, topic, customer_ref, clues, now))
    except PlatformUnavailable:
        return conclude(topic, [make("platform_unavailable", {"topic": topic}, now)])
    except UnknownCustomer:
        evidence = {"customer_ref": customer_ref}
        return conclude(topic, [make("unknown_customer", evidence, now)])
