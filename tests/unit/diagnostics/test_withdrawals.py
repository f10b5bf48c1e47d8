"""Withdrawal flows: ETAs, fees, reviews, suspensions and the destination address."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cryptodesk.diagnostics import Clues, Diagnosis, diagnose
from cryptodesk.platform.memory import CustomerBook
from cryptodesk.platform.models import WithdrawalStatus

from .factory import (
    BTC_ADDRESS,
    ETH_ADDRESS,
    NOW,
    TRON_ADDRESS,
    TRX_TX,
    account,
    ago,
    exchange,
    withdrawal,
)


def _one(topic: str = "withdrawal.pending", **changes: object) -> Diagnosis:
    book = CustomerBook(account("c"), withdrawals=[withdrawal("w-1", **changes)])
    return diagnose(exchange(c=book), topic, "c", Clues(), NOW)


@pytest.mark.parametrize(
    ("network", "done", "required", "seconds", "en", "zh"),
    [
        ("TRX", 5, 20, 45, "about 45 seconds", "约 45 秒"),
        ("ETH", 4, 64, 720, "about 12 minutes", "约 12 分钟"),
        ("BTC", 0, 6, 3600, "about 1 hour", "约 1 小时"),
        ("BTC", 0, 8, 4800, "about 1 hour 20 minutes", "约 1 小时 20 分钟"),
    ],
)
def test_eta_is_confirmations_left_times_block_time(
    network: str, done: int, required: int, seconds: int, en: str, zh: str
) -> None:
    diagnosis = _one(
        network=network, status=WithdrawalStatus.BROADCAST, tx_hash=TRX_TX,
        confirmations=done, confirmations_required=required,
        address=ETH_ADDRESS if network == "ETH" else BTC_ADDRESS if network == "BTC"
        else TRON_ADDRESS, asset="USDT" if network != "BTC" else "BTC",
    )
    assert diagnosis.eta_seconds == seconds
    assert diagnosis.findings[0].evidence["eta_seconds"] == str(seconds)
    assert en in diagnosis.render("en")
    assert zh in diagnosis.render("zh")


def test_the_exchange_confirmation_count_overrides_the_registry_default() -> None:
    # The registry's TRON default is 20; this exchange asks for 30.
    diagnosis = _one(status=WithdrawalStatus.BROADCAST, tx_hash=TRX_TX, confirmations=10,
                     confirmations_required=30)
    assert diagnosis.eta_seconds == 60


def test_all_confirmations_in_means_no_wait_left() -> None:
    diagnosis = _one(status=WithdrawalStatus.BROADCAST, tx_hash=TRX_TX, confirmations=20,
                     confirmations_required=20)
    assert diagnosis.eta_seconds == 0
    assert "shortly" in diagnosis.render("en")
    assert "about" not in diagnosis.render("en")


def test_fee_disclosure_says_what_arrives() -> None:
    diagnosis = _one(status=WithdrawalStatus.BROADCAST, tx_hash=TRX_TX, confirmations=1,
                     confirmations_required=20, amount=Decimal("250.5"), fee=Decimal("1"))
    fee = diagnosis.fee_disclosure
    assert fee is not None
    assert (fee.kind, fee.asset, fee.fee, fee.total) == (
        "withdrawal", "USDT", Decimal("1"), Decimal("249.5")
    )
    assert "The withdrawal fee is 1 USDT, so 249.5 USDT arrives." in diagnosis.render("en")
    assert "提币手续费为 1 USDT，实际到账 249.5 USDT。" in diagnosis.render("zh")


def test_review_and_processing_are_told_apart() -> None:
    review = _one(status=WithdrawalStatus.REVIEWING, created_at=ago(hours=2))
    processing = _one(status=WithdrawalStatus.PROCESSING)
    held = _one(status=WithdrawalStatus.HELD, failure_reason="risk_review")
    assert review.codes == ("withdrawal_under_review",)
    assert "about 2 hours ago" in review.render("en")
    assert processing.codes == ("withdrawal_processing",)
    assert held.codes == ("withdrawal_under_review",)
    assert held.findings[0].evidence["failure_reason"] == "risk_review"
    assert "Reason recorded: a risk-control review." in held.render("en")
    assert "风控审核" in held.render("zh")


def test_a_withdrawal_waiting_on_a_suspended_network_says_so_whatever_its_state() -> None:
    diagnosis = _one(status=WithdrawalStatus.REVIEWING, network="ETH", address=ETH_ADDRESS)
    assert diagnosis.codes == ("network_suspended",)
    assert diagnosis.findings[0].evidence["record_id"] == "w-1"


def test_failed_for_suspension_says_it_failed() -> None:
    diagnosis = _one("withdrawal.failed", status=WithdrawalStatus.FAILED, network="ETH",
                     address=ETH_ADDRESS, amount=Decimal("50"),
                     failure_reason="network_suspended")
    assert diagnosis.codes == ("network_suspended",)
    assert "failed because USDT withdrawals" in diagnosis.render("en")


def test_failed_for_balance() -> None:
    diagnosis = _one("withdrawal.failed", status=WithdrawalStatus.FAILED,
                     failure_reason="insufficient_balance")
    assert diagnosis.codes == ("insufficient_balance",)
    assert "did not cover the amount and its fee" in diagnosis.render("en")


def test_below_minimum_is_found_from_the_network_minimum_even_without_a_reason() -> None:
    diagnosis = _one("withdrawal.failed", status=WithdrawalStatus.FAILED, amount=Decimal("9.99"))
    assert diagnosis.codes == ("below_minimum",)
    assert diagnosis.findings[0].evidence["minimum"] == "10"


def test_cancelled_withdrawal() -> None:
    diagnosis = _one("withdrawal.failed", status=WithdrawalStatus.CANCELLED)
    assert diagnosis.codes == ("withdrawal_failed",)
    assert "was cancelled" in diagnosis.render("en") and "已被取消" in diagnosis.render("zh")


def test_destination_of_another_network_is_flagged() -> None:
    # A TRON address given for a withdrawal on Ethereum.
    diagnosis = _one("withdrawal.failed", status=WithdrawalStatus.FAILED, network="ETH",
                     address=TRON_ADDRESS, amount=Decimal("50"), failure_reason="address_invalid")
    assert diagnosis.codes == ("address_network_mismatch",)
    evidence = diagnosis.findings[0].evidence
    assert evidence["detected_networks"] == "TRX"
    assert "an address on TRON (TRC20), not on Ethereum (ERC20)" in diagnosis.render("en")
    assert "That is why the withdrawal failed." in diagnosis.render("en")
    assert "波场（TRC20）" in diagnosis.render("zh")


def test_a_waiting_withdrawal_to_another_network_address_is_warned_about() -> None:
    diagnosis = _one(status=WithdrawalStatus.REVIEWING, asset="BTC", network="BTC",
                     address=ETH_ADDRESS, amount=Decimal("0.5"))
    assert diagnosis.codes == ("withdrawal_under_review", "address_network_mismatch")
    assert diagnosis.findings[1].evidence["detected_networks"].split(",")[:2] == ["ETH", "BSC"]
    assert "failed" not in diagnosis.render("en")
    assert "Ethereum (ERC20), BNB Smart Chain (BEP20)" in diagnosis.render("en")


def test_mistyped_destination_fails_its_checksum() -> None:
    typo = TRON_ADDRESS[:-1] + ("u" if TRON_ADDRESS[-1] != "u" else "v")
    diagnosis = _one("withdrawal.failed", status=WithdrawalStatus.FAILED, address=typo,
                     failure_reason="address_invalid")
    assert diagnosis.codes == ("address_checksum_invalid",)
    assert typo in diagnosis.render("en")


def test_malformed_destination_carries_the_chain_explanation() -> None:
    diagnosis = _one("withdrawal.failed", status=WithdrawalStatus.FAILED,
                     address=TRON_ADDRESS[:-3], failure_reason="address_invalid")
    assert diagnosis.codes == ("address_invalid",)
    assert diagnosis.findings[0].evidence["address_check"] == "bad_length"
    assert "length" in diagnosis.render("en") and "长度" in diagnosis.render("zh")


def test_completed_withdrawal_points_to_the_receiving_side() -> None:
    diagnosis = _one(tx_hash=TRX_TX, confirmations=20, confirmations_required=20)
    assert diagnosis.codes == ("withdrawal_completed",)
    assert "only they can credit" in diagnosis.render("en")


@pytest.mark.parametrize(
    ("clues", "code", "phrase"),
    [
        (Clues(asset="ETH"), "network_suspended", "ETH withdrawals on Ethereum (ERC20)"),
        (Clues(asset="USDT", network="TRX"), "network_available", "fee is 1 USDT"),
        (Clues(asset="USDT", network="SOL"), "network_not_offered", "do not offer USDT"),
        (Clues(), "network_suspended", "suspended right now"),
    ],
)
def test_suspended_topic_without_a_waiting_withdrawal_reads_the_networks(
    clues: Clues, code: str, phrase: str
) -> None:
    diagnosis = diagnose(exchange(c=CustomerBook(account("c"))), "withdrawal.suspended", "c",
                         clues, NOW)
    assert diagnosis.codes[0] == code
    assert phrase in diagnosis.render("en")


def test_nothing_suspended_anywhere() -> None:
    platform = exchange(c=CustomerBook(account("c")))
    platform.networks = [n for n in platform.networks if n.withdraw_enabled]
    diagnosis = diagnose(platform, "withdrawal.suspended", "c", Clues(), NOW)
    assert diagnosis.codes == ("network_available",)
    assert "every network" in diagnosis.render("en")
