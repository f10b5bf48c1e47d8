"""The ten demo customers: each account shows one problem, and the diagnosis names it."""

from __future__ import annotations

import pytest

from cryptodesk.diagnostics import Clues, Severity, diagnose

from .factory import NOW, demo_exchange

DEMO = [
    ("demo-alice", "withdrawal.pending", "awaiting_confirmations"),
    ("demo-bob", "withdrawal.suspended", "network_suspended"),
    ("demo-carol", "deposit.wrong_network", "wrong_network_deposit"),
    ("demo-dave", "deposit.not_credited", "missing_memo"),
    ("demo-erin", "trade.order_failed", "insufficient_balance"),
    ("demo-frank", "account.locked", "account_frozen"),
    ("demo-grace", "kyc.status", "kyc_rejected"),
    ("demo-heidi", "deposit.not_credited", "awaiting_confirmations"),
    ("demo-ivan", "withdrawal.failed", "below_minimum"),
    ("demo-judy", "trade.order_not_filled", "limit_price_away_from_market"),
]


@pytest.mark.parametrize(("ref", "topic", "code"), DEMO)
def test_each_demo_customer_gets_their_finding_first(ref: str, topic: str, code: str) -> None:
    diagnosis = diagnose(demo_exchange(), topic, ref, Clues(), NOW)
    assert diagnosis.topic == topic
    assert diagnosis.codes[0] == code
    assert diagnosis.findings[0].evidence, "a finding carries its evidence"


@pytest.mark.parametrize(("ref", "topic", "code"), DEMO)
def test_each_demo_diagnosis_reads_in_both_languages(ref: str, topic: str, code: str) -> None:
    diagnosis = diagnose(demo_exchange(), topic, ref, Clues(), NOW)
    en, zh = diagnosis.render("en"), diagnosis.render("zh")
    for text in (en, zh):
        assert "{" not in text and "}" not in text
    assert diagnosis.next_steps_en and len(diagnosis.next_steps_en) == len(diagnosis.next_steps_zh)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in zh)
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in en)


def test_alice_waits_45_seconds_for_15_tron_blocks() -> None:
    diagnosis = diagnose(demo_exchange(), "withdrawal.pending", "demo-alice", Clues(), NOW)
    evidence = diagnosis.findings[0].evidence
    assert evidence["confirmations"] == "5/20"
    assert diagnosis.eta_seconds == 15 * 3
    assert evidence["explorer_url"].startswith("https://tronscan.org/#/transaction/")


def test_bob_is_told_when_the_network_is_expected_back() -> None:
    diagnosis = diagnose(demo_exchange(), "withdrawal.suspended", "demo-bob", Clues(), NOW)
    finding = diagnosis.findings[0]
    assert finding.severity is Severity.WARNING
    assert finding.evidence["maintenance_until"] == "2026-11-25T12:00:00+00:00"
    assert finding.evidence["reason"] == "wallet_maintenance"
    assert "Reason given: wallet maintenance." in diagnosis.render("en")
    assert "about 3 hours" in diagnosis.render("en")
    assert "约 3 小时" in diagnosis.render("zh")


def test_carol_is_routed_to_wallet_ops_for_a_recovery_case() -> None:
    diagnosis = diagnose(demo_exchange(), "deposit.wrong_network", "demo-carol", Clues(), NOW)
    evidence = diagnosis.findings[0].evidence
    assert (evidence["network"], evidence["address_network"]) == ("BSC", "ETH")
    assert (diagnosis.handoff_team, diagnosis.case_kind) == ("wallet-ops", "deposit_recovery")


def test_dave_is_reminded_of_his_own_destination_tag() -> None:
    diagnosis = diagnose(demo_exchange(), "deposit.not_credited", "demo-dave", Clues(), NOW)
    assert diagnosis.findings[0].evidence["expected_memo"] == "104729"
    assert "destination tag 104729" in diagnosis.render("en")
    assert "目标标签 104729" in diagnosis.render("zh")
    assert diagnosis.case_kind == "deposit_recovery"


def test_frank_sees_the_login_that_froze_his_account() -> None:
    diagnosis = diagnose(demo_exchange(), "account.locked", "demo-frank", Clues(), NOW)
    evidence = diagnosis.findings[0].evidence
    assert evidence["device"] == "Windows 10 / Chrome" and evidence["country"] == "RU"
    assert "Reason: a sign-in from an unknown device." in diagnosis.render("en")
    assert (diagnosis.handoff_team, diagnosis.case_kind) == ("security", "security_incident")


def test_grace_reads_the_rejection_reason_and_can_appeal() -> None:
    diagnosis = diagnose(demo_exchange(), "kyc.status", "demo-grace", Clues(), NOW)
    assert diagnosis.findings[0].evidence["kyc_rejection_reason"] == "document_unreadable"
    assert "证件照片无法识别" in diagnosis.render("zh")
    assert diagnosis.case_kind == "appeal" and diagnosis.handoff_team is None


def test_heidi_waits_one_bitcoin_block() -> None:
    diagnosis = diagnose(demo_exchange(), "deposit.not_credited", "demo-heidi", Clues(), NOW)
    assert diagnosis.findings[0].evidence["confirmations"] == "1/2"
    assert diagnosis.eta_seconds == 600
    assert "about 10 minutes" in diagnosis.render("en")
    assert "约 10 分钟" in diagnosis.render("zh")


def test_ivan_learns_the_minimum() -> None:
    diagnosis = diagnose(demo_exchange(), "withdrawal.failed", "demo-ivan", Clues(), NOW)
    evidence = diagnosis.findings[0].evidence
    assert (evidence["amount"], evidence["minimum"]) == ("5", "10")
    assert diagnosis.fee_disclosure is None  # a failed withdrawal delivers nothing


def test_judy_sees_how_far_her_price_is_from_the_market() -> None:
    diagnosis = diagnose(demo_exchange(), "trade.order_not_filled", "demo-judy", Clues(), NOW)
    evidence = diagnosis.findings[0].evidence
    assert (evidence["price"], evidence["market"], evidence["distance_pct"]) == (
        "52000", "65000", "-20"
    )
    assert "20% below the market price" in diagnosis.render("en")
    assert "低于市价 65000 USDT 约 20%" in diagnosis.render("zh")
    assert "about 6 days" in diagnosis.render("en")
