"""Deposits not credited: still confirming, sent on the wrong network, without the memo/tag."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from cryptodesk.chain import network as find_network
from cryptodesk.platform.models import AssetNetworkStatus, Deposit, DepositAddress
from cryptodesk.platform.models import DepositStatus as Status

from .compose import conclude, make
from .models import Clues, Diagnosis, Finding, Inquiry
from .networks import confirmations_left, explorer, find_status, suspension
from .picking import no_match, pick, same, same_amount, same_hash
from .wording import Localized, amount, timestamp

Evidence = dict[str, str | None]
# The customer's deposit addresses by folded address: EVM networks often share one.
Homes = Mapping[str, tuple[DepositAddress, ...]]

_NOT_CREDITED = frozenset({Status.CONFIRMING, Status.ON_HOLD, Status.FAILED})
_STUCK = frozenset({Status.ON_HOLD, Status.FAILED})
_GENERIC_MEMO = ("memo or tag", "备注或标签")


def diagnose(inquiry: Inquiry) -> Diagnosis:
    platform, ref = inquiry.platform, inquiry.customer_ref
    homes: dict[str, tuple[DepositAddress, ...]] = {}
    for item in platform.deposit_addresses(ref):
        homes[_fold(item.address)] = (*homes.get(_fold(item.address), ()), item)
    wanted = _STUCK if inquiry.topic == "deposit.wrong_network" else _NOT_CREDITED

    def fits(d: Deposit) -> bool:
        return _fits(d, inquiry.clues, homes)

    chosen = pick(platform.deposits(ref), fits, lambda d: d.status in wanted, _created)
    if chosen is None:
        return no_match(inquiry, "deposit", team="wallet-ops" if inquiry.clues.tx_hash else None)
    status = find_status(platform.network_statuses(), chosen.asset, chosen.network)
    findings, eta = explain(chosen, homes.get(_fold(chosen.address), ()), status, inquiry.now)
    below = any(f.code == "below_minimum" for f in findings)
    return conclude(inquiry.topic, findings, eta=eta, team="wallet-ops" if below else None)


def _fold(address: str) -> str:
    return address.strip().casefold()


def _created(d: Deposit) -> datetime:
    return d.created_at


def _fits(d: Deposit, clues: Clues, homes: Homes) -> bool:
    """The network named may be the one it was sent on or the one of the address it went to."""
    networks = {d.network.upper(), *(h.network.upper() for h in homes.get(_fold(d.address), ()))}
    return (
        same_hash(d.tx_hash, clues.tx_hash)
        and same(d.address, clues.address)
        and same(d.asset, clues.asset)
        and (clues.network is None or clues.network.upper() in networks)
        and same_amount((d.amount,), clues.amount)
    )


def evidence(d: Deposit) -> Evidence:
    return {
        "record": "deposit",
        "record_id": d.id,
        "status": str(d.status),
        "asset": d.asset,
        "network": d.network,
        "amount": amount(d.amount),
        "address": d.address,
        "memo": d.memo,
        "tx_hash": d.tx_hash,
        "explorer_url": explorer(d.network, d.tx_hash),
        "confirmations": f"{d.confirmations}/{d.confirmations_required}",
        "created_at": timestamp(d.created_at),
        "credited_at": timestamp(d.credited_at) if d.credited_at else None,
        "hold_reason": d.hold_reason,
    }


def explain(
    d: Deposit,
    homes: tuple[DepositAddress, ...],
    status: AssetNetworkStatus | None,
    now: datetime,
) -> tuple[list[Finding], int | None]:
    """The findings on one deposit, given the customer's deposit addresses it went to."""
    base = evidence(d)
    found = _problems(d, homes, status, base, now) if d.status in _NOT_CREDITED else []
    eta: int | None = None
    if d.status is Status.CONFIRMING:
        eta = confirmations_left(d.network, d.confirmations, d.confirmations_required)
        seconds = None if eta is None else str(eta)
        found.append(
            make("awaiting_confirmations", {**base, "eta_seconds": seconds}, now,
                 variant="deposit")
        )
        if status is not None and not status.deposit_enabled:
            found.append(suspension(status, now, record=base, variant="deposit"))
    elif d.status is Status.CREDITED:
        found.append(make("deposit_credited", base, now))
    elif not found:
        found.append(make("deposit_failed", base, now))
    return found, eta


def _problems(
    d: Deposit,
    homes: tuple[DepositAddress, ...],
    status: AssetNetworkStatus | None,
    base: Evidence,
    now: datetime,
) -> list[Finding]:
    """What keeps it from being credited: network, memo/tag, minimum."""
    found: list[Finding] = []
    same_asset = [h for h in homes if h.asset.upper() == d.asset.upper()] or list(homes)
    home = next((h for h in same_asset if h.network == d.network), None)
    if home is None and same_asset:
        home = same_asset[0]
    if d.hold_reason == "wrong_network" or (home is not None and home.network != d.network):
        address_network = home.network if home is not None and home.network != d.network else None
        found.append(
            make("wrong_network_deposit", {**base, "address_network": address_network}, now)
        )
    if d.hold_reason == "missing_memo" or (d.status in _STUCK and _needs_memo(d)):
        expected = home.memo if home is not None else None
        localized: Localized = {"memo_name": _memo_name(d.network)}
        found.append(
            make("missing_memo", {**base, "expected_memo": expected}, now, localized=localized)
        )
    minimum = status.deposit_min if status is not None else None
    if d.hold_reason == "below_minimum" or (minimum is not None and d.amount < minimum):
        shown = amount(minimum) if minimum is not None else None
        found.append(make("below_minimum", {**base, "minimum": shown}, now, variant="deposit"))
    return found


def _needs_memo(d: Deposit) -> bool:
    net = find_network(d.network)
    return bool(net and net.memo and net.memo.required and not d.memo)


def _memo_name(network_id: str) -> tuple[str, str]:
    net = find_network(network_id)
    if net is None or net.memo is None:
        return _GENERIC_MEMO
    return net.memo.name_en, net.memo.name_zh
