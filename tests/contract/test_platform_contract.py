"""One contract, every adapter: the same demo exchange answers the same through each of them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest

from cryptodesk.platform import (
    AccountStatus,
    CaseRequest,
    Platform,
    UnknownCustomer,
)
from cryptodesk.platform.demo_exchange import REFS
from cryptodesk.platform.memory import MemoryPlatform
from cryptodesk.platform.models import Deposit, DepositStatus

from .adapters import EVERY_ADAPTER, NOW, MakePlatform, one_customer

pytestmark = EVERY_ADAPTER

STRANGER = "demo-nobody"
HISTORIES: dict[str, Callable[[Any], datetime]] = {
    "deposits": lambda r: r.created_at,
    "withdrawals": lambda r: r.created_at,
    "orders": lambda r: r.created_at,
    "security_events": lambda r: r.at,
}


def _history(platform: Platform, method: str, ref: str, **limit: int) -> Sequence[Any]:
    return getattr(platform, method)(ref, **limit)


def test_accounts_balances_and_addresses_are_the_same(
    platform: Platform, reference: MemoryPlatform
) -> None:
    for ref in REFS:
        assert platform.account(ref) == reference.account(ref)
        assert list(platform.balances(ref)) == list(reference.balances(ref))
        assert list(platform.deposit_addresses(ref)) == list(reference.deposit_addresses(ref))
    assert platform.account("demo-frank").status is AccountStatus.FROZEN
    assert [b.asset for b in platform.balances("demo-alice")] == ["USDT", "BTC", "TRX"]


def test_histories_are_the_same_newest_first(
    platform: Platform, reference: MemoryPlatform
) -> None:
    for method, when in HISTORIES.items():
        longest = 0
        for ref in REFS:
            got = list(_history(platform, method, ref))
            assert got == list(_history(reference, method, ref)), (method, ref)
            times = [when(r) for r in got]
            assert times == sorted(times, reverse=True), (method, ref)
            longest = max(longest, len(got))
        assert longest >= 3, method  # the ordering was put to the test


def test_limits_keep_the_newest(platform: Platform, reference: MemoryPlatform) -> None:
    for method in HISTORIES:
        ref = max(REFS, key=lambda r: len(_history(reference, method, r, limit=100)))
        everything = list(_history(reference, method, ref, limit=100))
        assert len(everything) >= 3, method
        for limit in (1, 2, len(everything), 100):
            got = list(_history(platform, method, ref, limit=limit))
            assert got == everything[:limit], (method, limit)


def test_the_default_limit_is_twenty(make_platform: MakePlatform) -> None:
    start = NOW - timedelta(days=30)
    deposits = [
        Deposit(id=f"D{i}", asset="BTC", network="BTC", address="bc1qexample", amount=Decimal(1),
                status=DepositStatus.CREDITED, confirmations=2, confirmations_required=2,
                created_at=start + timedelta(hours=i))
        for i in range(25)
    ]
    platform = make_platform(one_customer("busy", deposits=deposits))
    got = platform.deposits("busy")
    assert [d.id for d in got] == [f"D{i}" for i in range(24, 4, -1)]


def test_market_data_and_tickers_are_the_same(
    platform: Platform, reference: MemoryPlatform
) -> None:
    assert list(platform.trading_rules()) == list(reference.trading_rules())
    assert list(platform.fee_schedule()) == list(reference.fee_schedule())
    assert list(platform.network_statuses()) == list(reference.network_statuses())
    status = platform.platform_status()
    assert status == reference.platform_status()
    assert [i.status for i in status.incidents] == ["resolved"]
    assert status.active == ()
    for pair in ("BTC/USDT", "ETH/BTC", "XRP/USDT"):
        assert platform.ticker(pair) == reference.ticker(pair)
    with pytest.raises(LookupError) as raised:
        platform.ticker("NOPE/USDT")
    assert not isinstance(raised.value, UnknownCustomer)


def test_a_stranger_is_an_unknown_customer_everywhere(platform: Platform) -> None:
    reads: list[Callable[[str], object]] = [
        platform.account, platform.balances, platform.deposit_addresses, platform.deposits,
        platform.withdrawals, platform.orders, platform.security_events,
    ]
    for read in reads:
        with pytest.raises(UnknownCustomer):
            read(STRANGER)
    with pytest.raises(UnknownCustomer):
        platform.freeze_account(STRANGER, "test", NOW)
    with pytest.raises(UnknownCustomer):
        platform.create_case(CaseRequest(STRANGER, "appeal", "who is this?"))


def test_a_freeze_persists_and_touches_no_one_else(
    platform: Platform, reference: MemoryPlatform
) -> None:
    shanghai = timezone(timedelta(hours=8))
    at = (NOW + timedelta(minutes=3)).astimezone(shanghai)
    frozen = platform.freeze_account("demo-alice", "customer_reported_compromise", at)
    assert frozen.status is AccountStatus.FROZEN
    assert (frozen.freeze_reason, frozen.frozen_at) == ("customer_reported_compromise", at)
    again = platform.account("demo-alice")
    assert again == frozen
    assert again.created_at == reference.account("demo-alice").created_at
    assert platform.account("demo-bob") == reference.account("demo-bob")


def test_cases_get_distinct_ids(platform: Platform) -> None:
    evidence = {"deposit_id": "D71000020", "amount": Decimal("500"), "seen_at": NOW,
                "networks": ["BSC", "ETH"]}
    first = platform.create_case(CaseRequest("demo-carol", "deposit_recovery",
                                             "500 USDT sent over BEP20", evidence))
    second = platform.create_case(CaseRequest("demo-frank", "security_incident",
                                              "login from an unknown device"))
    assert isinstance(first, str) and first
    assert isinstance(second, str) and second
    assert first != second
