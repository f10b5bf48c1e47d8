"""The demo exchange tells exactly the stories of the design's "Demo exchange" table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from cryptodesk.chain import networks, tx_hash_networks, validate
from cryptodesk.platform.demo_exchange import DAVE_XRP_TAG, REFS, demo_exchange
from cryptodesk.platform.models import (
    AccountStatus,
    AssetNetworkStatus,
    DepositStatus,
    KycStatus,
    OrderStatus,
    WithdrawalStatus,
)

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
DEMO = demo_exchange(NOW)


def _status(asset: str, network: str) -> AssetNetworkStatus:
    (found,) = [s for s in DEMO.networks if (s.asset, s.network) == (asset, network)]
    return found


def _balance(ref: str, asset: str) -> tuple[Decimal, Decimal]:
    (found,) = [(b.available, b.locked) for b in DEMO.balances(ref) if b.asset == asset]
    return found


def _older_are_settled(records: Sequence[object], settled: set[object]) -> None:
    assert records[1:], "the problem record has ordinary history behind it"
    assert {r.status for r in records[1:]} <= settled  # type: ignore[attr-defined]


def test_ten_customers_with_fixed_references() -> None:
    assert [f"demo-{n}" for n in ("alice", "bob", "carol", "dave", "erin", "frank", "grace",
                                  "heidi", "ivan", "judy")] == list(REFS)
    assert list(DEMO.customers) == list(REFS)


def test_alice_usdt_on_trc20_is_broadcast_with_5_of_20_confirmations() -> None:
    withdrawals = DEMO.withdrawals("demo-alice")
    latest = withdrawals[0]
    assert (latest.asset, latest.network, latest.status) == ("USDT", "TRX",
                                                              WithdrawalStatus.BROADCAST)
    assert (latest.confirmations, latest.confirmations_required) == (5, 20)
    assert _status("USDT", "TRX").confirmations_required == 20
    assert latest.tx_hash is not None and latest.updated_at > latest.created_at
    _older_are_settled(withdrawals, {WithdrawalStatus.COMPLETED})


def test_bob_eth_is_held_because_erc20_withdrawals_are_in_maintenance() -> None:
    latest = DEMO.withdrawals("demo-bob")[0]
    assert (latest.asset, latest.network, latest.status) == ("ETH", "ETH", WithdrawalStatus.HELD)
    assert latest.failure_reason == "network_suspended" and latest.tx_hash is None
    eth = _status("ETH", "ETH")
    assert (eth.withdraw_enabled, eth.maintenance_reason) == (False, "wallet_maintenance")
    assert eth.maintenance_until is not None and eth.maintenance_until > NOW
    suspended = {(s.asset, s.network) for s in DEMO.networks if not s.withdraw_enabled}
    assert suspended == {(s.asset, "ETH") for s in DEMO.networks if s.network == "ETH"}
    assert all(s.deposit_enabled for s in DEMO.networks)
    assert _balance("demo-bob", "ETH")[1] == latest.amount + latest.fee
    _older_are_settled(DEMO.withdrawals("demo-bob"), {WithdrawalStatus.COMPLETED})


def test_carol_sent_500_usdt_over_bep20_to_her_erc20_address() -> None:
    latest = DEMO.deposits("demo-carol")[0]
    assert (latest.asset, latest.network, latest.amount) == ("USDT", "BSC", Decimal(500))
    assert (latest.status, latest.hold_reason) == (DepositStatus.ON_HOLD, "wrong_network")
    listed = [(a.asset, a.network) for a in DEMO.deposit_addresses("demo-carol")
              if a.address == latest.address]
    assert listed == [("USDT", "ETH")]
    assert not [a for a in DEMO.deposit_addresses("demo-carol") if a.network == "BSC"]
    assert validate(latest.address, "BSC").valid  # which is why the transfer went through
    _older_are_settled(DEMO.deposits("demo-carol"), {DepositStatus.CREDITED})


def test_dave_xrp_arrived_without_the_destination_tag() -> None:
    latest, *older = DEMO.deposits("demo-dave")
    assert (latest.asset, latest.network) == ("XRP", "XRP")
    assert (latest.status, latest.hold_reason, latest.memo) == (DepositStatus.ON_HOLD,
                                                                "missing_memo", None)
    (address,) = DEMO.deposit_addresses("demo-dave")
    assert (address.address, address.memo) == (latest.address, DAVE_XRP_TAG)
    assert [d.memo for d in older] == [DAVE_XRP_TAG]


def test_erin_is_short_for_the_btc_buy_only_once_the_fee_is_counted() -> None:
    latest = DEMO.orders("demo-erin")[0]
    assert (latest.pair, latest.side, latest.status) == ("BTC/USDT", "buy", OrderStatus.REJECTED)
    assert latest.reject_reason == "insufficient_balance" and latest.filled == 0
    assert latest.price is not None
    notional = latest.amount * latest.price
    available, _locked = _balance("demo-erin", "USDT")
    assert available >= notional
    for tier in DEMO.fees:
        assert available < notional * (1 + min(tier.maker, tier.taker))


def test_frank_was_frozen_after_a_login_from_an_unknown_device() -> None:
    account = DEMO.account("demo-frank")
    assert account.status is AccountStatus.FROZEN
    assert account.freeze_reason == "unknown_device_login"
    events = DEMO.security_events("demo-frank")
    latest = events[0]
    assert (latest.kind, latest.new_device) == ("login", True)
    assert account.frozen_at is not None and account.frozen_at > latest.at
    usual = [e for e in events if not e.new_device]
    assert len(usual) >= 3 and all(e.kind == "login" for e in usual)
    assert {e.device for e in usual}.isdisjoint({latest.device})
    assert {e.ip for e in usual}.isdisjoint({latest.ip})


def test_grace_verification_was_rejected_for_an_unreadable_photo() -> None:
    account = DEMO.account("demo-grace")
    assert (account.kyc_status, account.kyc_rejection_reason) == (KycStatus.REJECTED,
                                                                  "document_unreadable")
    assert account.kyc_level == 0 and account.status is AccountStatus.ACTIVE
    assert account.kyc_submitted_at is not None and account.kyc_submitted_at < NOW


def test_heidi_btc_deposit_has_1_of_2_confirmations() -> None:
    latest = DEMO.deposits("demo-heidi")[0]
    assert (latest.asset, latest.network, latest.status) == ("BTC", "BTC",
                                                             DepositStatus.CONFIRMING)
    assert (latest.confirmations, latest.confirmations_required) == (1, 2)
    assert latest.credited_at is None
    _older_are_settled(DEMO.deposits("demo-heidi"), {DepositStatus.CREDITED})


def test_ivan_withdrawal_failed_below_the_network_minimum() -> None:
    latest = DEMO.withdrawals("demo-ivan")[0]
    assert (latest.status, latest.failure_reason) == (WithdrawalStatus.FAILED, "below_minimum")
    assert _status(latest.asset, latest.network).withdraw_min > latest.amount
    _older_are_settled(DEMO.withdrawals("demo-ivan"), {WithdrawalStatus.COMPLETED})


def test_judy_limit_buy_sits_far_below_the_market_for_days() -> None:
    latest = DEMO.orders("demo-judy")[0]
    assert (latest.pair, latest.side, latest.type, latest.status) == (
        "BTC/USDT", "buy", "limit", OrderStatus.OPEN)
    assert latest.price is not None
    assert latest.price < DEMO.ticker("BTC/USDT").last * Decimal("0.85")
    assert NOW - latest.created_at >= timedelta(days=3)
    assert _balance("demo-judy", "USDT")[1] >= latest.amount * latest.price


def test_everyone_has_ordinary_history_around_the_problem() -> None:
    for ref in REFS:
        credited = [d for d in DEMO.deposits(ref) if d.status is DepositStatus.CREDITED]
        assert credited, ref
        logins = [e for e in DEMO.security_events(ref) if e.kind == "login" and not e.new_device]
        assert len(logins) >= 3, ref
    active = [r for r in REFS if DEMO.account(r).status is AccountStatus.ACTIVE]
    assert len(active) == 9


def test_every_address_and_transaction_hash_is_real_for_its_network() -> None:
    checked = 0
    for ref in REFS:
        book = DEMO.customers[ref]
        for item in [*book.deposit_addresses, *book.deposits, *book.withdrawals]:
            check = validate(item.address, item.network)
            assert check.valid and check.reason == "ok", (ref, item)
            checked += 1
        for transfer in [*book.deposits, *book.withdrawals]:
            if transfer.tx_hash is not None:
                assert transfer.network in tx_hash_networks(transfer.tx_hash), transfer
    assert checked >= 40


def test_record_ids_are_unique() -> None:
    for kind in ("deposits", "withdrawals", "orders"):
        ids = [r.id for ref in REFS for r in getattr(DEMO.customers[ref], kind)]
        assert len(ids) == len(set(ids)), kind


def test_every_network_of_the_registry_has_a_status_and_fees() -> None:
    registry = {n.id: n for n in networks()}
    assert {s.network for s in DEMO.networks} == set(registry)
    pairs = [(s.asset, s.network) for s in DEMO.networks]
    assert len(pairs) == len(set(pairs))
    for status in DEMO.networks:
        assert status.confirmations_required == registry[status.network].confirmations
        assert 0 < status.withdraw_fee < status.withdraw_min
        assert status.deposit_min > 0


def test_markets_fees_and_status() -> None:
    pairs = [r.pair for r in DEMO.rules]
    assert {"BTC/USDT", "ETH/USDT", "SOL/USDT", "XRP/USDT", "TRX/USDT"} <= set(pairs)
    assert set(DEMO.tickers) == set(pairs)
    assert all(f"{r.base}/{r.quote}" == r.pair for r in DEMO.rules)
    assert [f.tier for f in DEMO.fees] == ["VIP0", "VIP1", "VIP2", "VIP3"]
    volumes = [f.min_30d_volume_usd for f in DEMO.fees]
    assert volumes == sorted(volumes) and volumes[0] == 0
    assert [f.taker for f in DEMO.fees] == sorted((f.taker for f in DEMO.fees), reverse=True)
    (incident,) = DEMO.status.incidents
    assert incident.status == "resolved" and incident.resolved_at is not None
    assert incident.started_at < incident.resolved_at < NOW
    assert DEMO.status.active == ()


def test_the_same_moment_gives_the_same_exchange_and_times_follow_it() -> None:
    assert demo_exchange(NOW) == DEMO
    later = demo_exchange(NOW + timedelta(days=1))
    assert later != DEMO
    before = DEMO.withdrawals("demo-alice")[0]
    after = later.withdrawals("demo-alice")[0]
    assert after.created_at - before.created_at == timedelta(days=1)
    assert after.id == before.id and after.tx_hash == before.tx_hash


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        demo_exchange(datetime(2026, 11, 25, 9))
