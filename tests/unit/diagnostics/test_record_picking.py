"""Several records: the clues pick the one the customer means, and never a different one."""

from __future__ import annotations

from decimal import Decimal

from cryptodesk.diagnostics import Clues, diagnose
from cryptodesk.platform.memory import CustomerBook
from cryptodesk.platform.models import DepositStatus, OrderStatus, WithdrawalStatus

from .factory import (
    BTC_ADDRESS,
    BTC_TX,
    NOW,
    TRX_TX,
    account,
    ago,
    deposit,
    exchange,
    order,
    withdrawal,
)

OLD_BTC_TX = "1" * 64


def _many_withdrawals() -> CustomerBook:
    return CustomerBook(
        account("c"),
        withdrawals=[
            # newest first in time: an ETH one still under review
            withdrawal("w-eth", asset="ETH", network="ETH", amount=Decimal("0.5"),
                       fee=Decimal("0.002"), address="0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
                       status=WithdrawalStatus.REVIEWING, created_at=ago(minutes=5)),
            withdrawal("w-usdt", status=WithdrawalStatus.BROADCAST, tx_hash=TRX_TX,
                       confirmations=12, confirmations_required=20, created_at=ago(minutes=20)),
            withdrawal("w-btc", asset="BTC", network="BTC", address=BTC_ADDRESS,
                       amount=Decimal("0.01"), fee=Decimal("0.0002"), tx_hash=OLD_BTC_TX,
                       status=WithdrawalStatus.COMPLETED, created_at=ago(days=3)),
        ],
    )


def _pending(clues: Clues) -> tuple[str, ...]:
    diagnosis = diagnose(exchange(c=_many_withdrawals()), "withdrawal.pending", "c", clues, NOW)
    return tuple(f.evidence.get("record_id", "") for f in diagnosis.findings)


def test_without_clues_the_newest_unfinished_withdrawal_is_picked() -> None:
    assert _pending(Clues())[0] == "w-eth"


def test_asset_and_network_pick_the_usdt_withdrawal_on_tron() -> None:
    assert _pending(Clues(asset="USDT", network="TRX"))[0] == "w-usdt"


def test_a_matching_tx_hash_wins_even_over_unfinished_ones() -> None:
    assert _pending(Clues(tx_hash=OLD_BTC_TX.upper()))[0] == "w-btc"


def test_the_amount_that_arrived_also_identifies_a_withdrawal() -> None:
    assert _pending(Clues(amount=Decimal("99")))[0] == "w-usdt"  # 100 minus the 1 USDT fee


def test_a_clue_that_fits_nothing_never_falls_back_to_another_record() -> None:
    diagnosis = diagnose(
        exchange(c=_many_withdrawals()), "withdrawal.pending", "c",
        Clues(asset="USDT", network="BSC"), NOW,
    )
    assert diagnosis.codes == ("no_matching_record",)
    evidence = diagnosis.findings[0].evidence
    assert (evidence["asset"], evidence["network"]) == ("USDT", "BSC")
    assert "BNB Smart Chain (BEP20)" in diagnosis.render("en")


def test_failed_topic_prefers_the_failed_withdrawal() -> None:
    book = CustomerBook(
        account("c"),
        withdrawals=[
            withdrawal("w-new", status=WithdrawalStatus.BROADCAST, tx_hash=TRX_TX,
                       confirmations=1, confirmations_required=20, created_at=ago(minutes=1)),
            withdrawal("w-failed", status=WithdrawalStatus.FAILED, failure_reason="risk_control",
                       created_at=ago(hours=5)),
        ],
    )
    diagnosis = diagnose(exchange(c=book), "withdrawal.failed", "c", Clues(), NOW)
    assert diagnosis.codes == ("withdrawal_failed",)
    assert diagnosis.findings[0].evidence["failure_reason"] == "risk_control"
    assert diagnosis.handoff_team == "support"


def test_deposit_tx_hash_picks_its_deposit() -> None:
    book = CustomerBook(
        account("c"),
        deposits=[
            deposit("d-new", status=DepositStatus.CONFIRMING, tx_hash="2" * 64, confirmations=0,
                    created_at=ago(minutes=2)),
            deposit("d-old", tx_hash=BTC_TX, credited_at=ago(hours=2)),
        ],
    )
    diagnosis = diagnose(exchange(c=book), "deposit.not_credited", "c",
                         Clues(tx_hash=BTC_TX), NOW)
    assert diagnosis.codes == ("deposit_credited",)
    assert diagnosis.findings[0].evidence["record_id"] == "d-old"
    assert "2026-11-25 07:00 UTC" in diagnosis.render("en")


def test_unknown_tx_hash_asks_wallet_ops_to_trace_it() -> None:
    book = CustomerBook(account("c"), deposits=[deposit("d-1", tx_hash=BTC_TX)])
    diagnosis = diagnose(exchange(c=book), "deposit.not_credited", "c",
                         Clues(tx_hash="9" * 64), NOW)
    assert diagnosis.codes == ("no_matching_record",)
    assert diagnosis.handoff_team == "wallet-ops"
    assert "block explorer" in diagnosis.render("en")


def test_no_records_at_all_asks_for_the_txid() -> None:
    diagnosis = diagnose(exchange(c=CustomerBook(account("c"))), "deposit.not_credited", "c",
                         Clues(), NOW)
    assert diagnosis.codes == ("no_matching_record",)
    assert diagnosis.handoff_team is None
    assert "TxID" in diagnosis.render("en") and "TxID" in diagnosis.render("zh")


def test_order_id_picks_the_order_and_asset_narrows_by_pair() -> None:
    book = CustomerBook(
        account("c"),
        orders=[
            order("o-eth", pair="ETH/USDT", price=None, type="market", amount=Decimal("1"),
                  filled=Decimal("1"), status=OrderStatus.FILLED, created_at=ago(minutes=1)),
            order("o-btc", status=OrderStatus.FILLED, filled=Decimal("0.1"),
                  created_at=ago(hours=2)),
        ],
    )
    platform = exchange(c=book)
    by_id = diagnose(platform, "trade.order_failed", "c", Clues(order_id="O-BTC"), NOW)
    by_asset = diagnose(platform, "trade.order_failed", "c", Clues(asset="btc"), NOW)
    newest = diagnose(platform, "trade.order_failed", "c", Clues(), NOW)
    assert by_id.findings[0].evidence["record_id"] == "o-btc"
    assert by_asset.findings[0].evidence["record_id"] == "o-btc"
    assert newest.findings[0].evidence["record_id"] == "o-eth"
    assert newest.codes == ("order_filled",)
