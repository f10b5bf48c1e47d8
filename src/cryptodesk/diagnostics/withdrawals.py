"""Withdrawals: pending, failed or suspended, read from the customer's own records."""

from __future__ import annotations

from datetime import datetime

from cryptodesk.chain import validate
from cryptodesk.platform.models import AssetNetworkStatus, Withdrawal
from cryptodesk.platform.models import WithdrawalStatus as Status

from .compose import conclude, make
from .models import Clues, Diagnosis, FeeDisclosure, Finding, Inquiry
from .networks import (
    confirmations_left,
    explorer,
    find_status,
    maintenance_evidence,
    paused_findings,
    suspension,
)
from .picking import no_match, pick, same, same_amount, same_hash
from .wording import amount, timestamp

Evidence = dict[str, str | None]

PENDING = frozenset({Status.REVIEWING, Status.PROCESSING, Status.BROADCAST, Status.HELD})
ENDED_BADLY = frozenset({Status.FAILED, Status.CANCELLED})


def diagnose(inquiry: Inquiry) -> Diagnosis:
    records = inquiry.platform.withdrawals(inquiry.customer_ref)

    def fits(w: Withdrawal) -> bool:
        return _fits(w, inquiry.clues)

    if inquiry.topic == "withdrawal.suspended":
        waiting = [w for w in records if w.status in PENDING]
        chosen = pick(waiting, fits, lambda w: w.status is Status.HELD, _created)
        if chosen is None:
            return _overview(inquiry)
    else:
        wanted = ENDED_BADLY if inquiry.topic == "withdrawal.failed" else PENDING
        chosen = pick(records, fits, lambda w: w.status in wanted, _created)
    if chosen is None:
        return no_match(inquiry, "withdrawal")
    statuses = inquiry.platform.network_statuses()
    return _explain(inquiry, chosen, find_status(statuses, chosen.asset, chosen.network))


def _created(w: Withdrawal) -> datetime:
    return w.created_at


def _fits(w: Withdrawal, clues: Clues) -> bool:
    return (
        same_hash(w.tx_hash, clues.tx_hash)
        and same(w.address, clues.address)
        and same(w.asset, clues.asset)
        and same(w.network, clues.network)
        and same_amount((w.amount, w.amount - w.fee), clues.amount)
    )


def evidence(w: Withdrawal) -> Evidence:
    required = w.confirmations_required
    return {
        "record": "withdrawal",
        "record_id": w.id,
        "status": str(w.status),
        "asset": w.asset,
        "network": w.network,
        "amount": amount(w.amount),
        "fee": amount(w.fee),
        "receive_amount": amount(max(w.amount - w.fee, 0)),
        "address": w.address,
        "memo": w.memo,
        "tx_hash": w.tx_hash,
        "explorer_url": explorer(w.network, w.tx_hash),
        "confirmations": f"{w.confirmations}/{required}" if required else None,
        "created_at": timestamp(w.created_at),
        "updated_at": timestamp(w.updated_at),
        "failure_reason": w.failure_reason,
    }


def _explain(inquiry: Inquiry, w: Withdrawal, status: AssetNetworkStatus | None) -> Diagnosis:
    now, base = inquiry.now, evidence(w)
    eta: int | None = None
    failed = w.status in ENDED_BADLY
    address = address_findings(w, {**base, "explains_failure": "true" if failed else None}, now)
    if w.status is Status.BROADCAST:
        eta = confirmations_left(w.network, w.confirmations, w.confirmations_required)
        found = [make("awaiting_confirmations", {**base, "eta_seconds": _text(eta)}, now)]
    elif w.status is Status.COMPLETED:
        found = [make("withdrawal_completed", base, now)]
    elif failed:
        found = _failure(w, status, base, now, explained=bool(address))
    else:
        found = [_waiting(w, status, base, now)]
    fee = None
    if not failed:
        fee = FeeDisclosure("withdrawal", w.asset, w.amount, w.fee, max(w.amount - w.fee, 0))
    return conclude(inquiry.topic, [*found, *address], eta=eta, fee=fee)


def _text(value: int | None) -> str | None:
    return None if value is None else str(value)


def _waiting(
    w: Withdrawal, status: AssetNetworkStatus | None, base: Evidence, now: datetime
) -> Finding:
    if status is not None and not status.withdraw_enabled:
        return suspension(status, now, record=base)
    if w.failure_reason == "network_suspended":
        return make("network_suspended", base, now, localized=_WITHDRAWALS)
    if w.status is Status.PROCESSING:
        return make("withdrawal_processing", base, now)
    return make("withdrawal_under_review", base, now)


_WITHDRAWALS = {"direction_word": ("withdrawals", "提币")}


def _failure(
    w: Withdrawal,
    status: AssetNetworkStatus | None,
    base: Evidence,
    now: datetime,
    *,
    explained: bool,
) -> list[Finding]:
    """Why it failed: the network minimum, a suspension, the balance, or the address."""
    minimum = status.withdraw_min if status is not None else None
    if w.failure_reason == "below_minimum" or (minimum is not None and w.amount < minimum):
        shown = amount(minimum) if minimum is not None else None
        return [make("below_minimum", {**base, "minimum": shown}, now)]
    if w.failure_reason == "network_suspended":
        extra = maintenance_evidence(status) if status is not None else {}
        return [make("network_suspended", {**base, **extra}, now, variant="failed")]
    if w.failure_reason == "insufficient_balance":
        return [make("insufficient_balance", base, now, variant="withdrawal")]
    if explained:
        return []
    variant = "cancelled" if w.status is Status.CANCELLED else None
    return [make("withdrawal_failed", base, now, variant=variant)]


def address_findings(w: Withdrawal, base: Evidence, now: datetime) -> list[Finding]:
    """What the chain registry says of the destination: another network's, or mistyped."""
    check = validate(w.address, w.network)
    if check.valid or check.reason == "unknown_network":
        return []
    if check.reason == "wrong_network":
        detected = ",".join(check.detected_networks)
        return [make("address_network_mismatch", {**base, "detected_networks": detected}, now)]
    if check.reason == "bad_checksum":
        return [make("address_checksum_invalid", base, now)]
    localized = {"check_message": (check.message_en, check.message_zh)}
    evidence = {**base, "address_check": check.reason}
    return [make("address_invalid", evidence, now, localized=localized)]


def _overview(inquiry: Inquiry) -> Diagnosis:
    """No withdrawal waiting: say whether withdrawals on the network asked about are open."""
    statuses = list(inquiry.platform.network_statuses())
    clues, now = inquiry.clues, inquiry.now
    paused = paused_findings(statuses, clues, ("withdrawal", "both"), now)
    if paused:
        return conclude(inquiry.topic, paused)
    if not (clues.asset or clues.network):
        return conclude(inquiry.topic, [make("network_available", {}, now, variant="all")])
    ev: Evidence = {"asset": clues.asset, "network": clues.network}
    offered = [s for s in statuses if _offers(s, clues)]
    if not offered:
        return conclude(inquiry.topic, [make("network_not_offered", ev, now)])
    if len(offered) == 1:
        ev |= {"asset": offered[0].asset, "network": offered[0].network,
               "withdraw_fee": amount(offered[0].withdraw_fee),
               "withdraw_min": amount(offered[0].withdraw_min)}
    return conclude(inquiry.topic, [make("network_available", ev, now)])


def _offers(status: AssetNetworkStatus, clues: Clues) -> bool:
    return same(status.asset, clues.asset) and same(status.network, clues.network)
