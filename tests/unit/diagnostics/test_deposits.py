"""Deposit flows: what the records say, and what the addresses and the registry reveal."""

from __future__ import annotations

from decimal import Decimal

from cryptodesk.diagnostics import Clues, Diagnosis, diagnose
from cryptodesk.platform.memory import CustomerBook
from cryptodesk.platform.models import DepositAddress, DepositStatus

from .factory import (
    BSC_TX,
    ETH_ADDRESS,
    NOW,
    XRP_ADDRESS,
    XRP_TX,
    account,
    deposit,
    exchange,
    network_status,
)


def _diagnose(book: CustomerBook, topic: str = "deposit.not_credited",
              clues: Clues | None = None) -> Diagnosis:
    return diagnose(exchange(c=book), topic, "c", clues or Clues(), NOW)


def test_wrong_network_is_seen_from_the_address_even_without_a_hold_reason() -> None:
    book = CustomerBook(
        account("c"),
        deposit_addresses=[DepositAddress("USDT", "ETH", ETH_ADDRESS)],
        deposits=[deposit("d-1", asset="USDT", network="BSC", address=ETH_ADDRESS,
                          amount=Decimal("500"), status=DepositStatus.FAILED, tx_hash=BSC_TX)],
    )
    diagnosis = _diagnose(book)
    assert diagnosis.codes == ("wrong_network_deposit",)
    assert diagnosis.findings[0].evidence["address_network"] == "ETH"


def test_one_evm_address_shared_by_two_networks_is_not_a_wrong_network() -> None:
    book = CustomerBook(
        account("c"),
        deposit_addresses=[DepositAddress("USDT", "ETH", ETH_ADDRESS),
                           DepositAddress("USDT", "BSC", ETH_ADDRESS)],
        deposits=[deposit("d-1", asset="USDT", network="BSC", address=ETH_ADDRESS,
                          amount=Decimal("500"), status=DepositStatus.CONFIRMING,
                          tx_hash=BSC_TX, confirmations=3, confirmations_required=15)],
    )
    diagnosis = _diagnose(book)
    assert diagnosis.codes == ("awaiting_confirmations",)
    assert diagnosis.eta_seconds == 12 * 3


def test_network_clue_may_name_the_address_network_the_customer_thinks_they_used() -> None:
    book = CustomerBook(
        account("c"),
        deposit_addresses=[DepositAddress("USDT", "ETH", ETH_ADDRESS)],
        deposits=[deposit("d-1", asset="USDT", network="BSC", address=ETH_ADDRESS,
                          amount=Decimal("500"), status=DepositStatus.ON_HOLD,
                          hold_reason="wrong_network")],
    )
    diagnosis = _diagnose(book, "deposit.wrong_network", Clues(asset="USDT", network="ETH"))
    assert diagnosis.codes == ("wrong_network_deposit",)


def test_missing_memo_is_seen_from_the_registry_when_the_hold_gives_no_reason() -> None:
    book = CustomerBook(
        account("c"),
        deposit_addresses=[DepositAddress("XRP", "XRP", XRP_ADDRESS, memo="55")],
        deposits=[deposit("d-1", asset="XRP", network="XRP", address=XRP_ADDRESS,
                          amount=Decimal("30"), status=DepositStatus.ON_HOLD, tx_hash=XRP_TX,
                          confirmations=1, confirmations_required=1)],
    )
    diagnosis = _diagnose(book, "deposit.wrong_network")
    assert diagnosis.codes == ("missing_memo",)
    assert "destination tag 55" in diagnosis.render("en")


def test_deposit_below_the_minimum_goes_to_wallet_ops() -> None:
    book = CustomerBook(
        account("c"),
        deposits=[deposit("d-1", amount=Decimal("0.00005"), status=DepositStatus.ON_HOLD)],
    )
    diagnosis = _diagnose(book)
    assert diagnosis.codes == ("below_minimum",)
    assert diagnosis.findings[0].evidence["minimum"] == "0.0001"
    assert diagnosis.handoff_team == "wallet-ops"
    assert "minimum deposit of 0.0001 BTC" in diagnosis.render("en")


def test_confirming_deposit_on_a_network_with_deposits_paused() -> None:
    platform = exchange(c=CustomerBook(
        account("c"),
        deposits=[deposit("d-1", status=DepositStatus.CONFIRMING, confirmations=0)],
    ))
    platform.networks = [network_status("BTC", "BTC", deposit_enabled=False,
                                        deposit_min=Decimal("0.0001"),
                                        maintenance_reason="node upgrade")]
    diagnosis = diagnose(platform, "deposit.not_credited", "c", Clues(), NOW)
    assert diagnosis.codes == ("awaiting_confirmations", "network_suspended")
    assert "node upgrade" in diagnosis.render("en")
    assert diagnosis.eta_seconds == 1200


def test_failed_deposit_without_an_explanation_goes_to_wallet_ops() -> None:
    book = CustomerBook(
        account("c"),
        deposits=[deposit("d-1", status=DepositStatus.FAILED, hold_reason="compliance_check")],
    )
    diagnosis = _diagnose(book)
    assert diagnosis.codes == ("deposit_failed",)
    assert diagnosis.handoff_team == "wallet-ops"
    assert diagnosis.findings[0].evidence["hold_reason"] == "compliance_check"
    assert "合规审查" in diagnosis.render("zh")
