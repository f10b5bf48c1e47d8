"""The account, verification and the platform's own status."""

from __future__ import annotations

from cryptodesk.diagnostics import Clues, Diagnosis, diagnose
from cryptodesk.platform.memory import CustomerBook
from cryptodesk.platform.models import AccountStatus, Incident, KycStatus, PlatformStatus

from .factory import NOW, account, ago, demo_exchange, exchange


def _account(topic: str, **changes: object) -> Diagnosis:
    book = CustomerBook(account("c", **changes))
    return diagnose(exchange(c=book), topic, "c", Clues(), NOW)


def test_kyc_pending_within_the_usual_time_stays_with_the_customer() -> None:
    diagnosis = _account("kyc.status", kyc_status=KycStatus.PENDING, kyc_submitted_at=ago(hours=20))
    assert diagnosis.codes == ("kyc_pending",)
    assert diagnosis.handoff_team is None
    assert "about 20 hours ago" in diagnosis.render("en")


def test_kyc_pending_for_days_goes_to_compliance() -> None:
    diagnosis = _account("kyc.status", kyc_status=KycStatus.PENDING, kyc_submitted_at=ago(days=4))
    assert diagnosis.findings[0].evidence["overdue"] == "true"
    assert diagnosis.handoff_team == "compliance"
    assert "longer than usual" in diagnosis.render("en")


def test_kyc_approved_and_not_started() -> None:
    assert _account("kyc.status", kyc_level=2).codes == ("kyc_approved",)
    assert _account("kyc.status", kyc_status=KycStatus.NONE).codes == ("kyc_not_started",)


def test_frozen_without_a_suspicious_login_suggests_an_appeal() -> None:
    diagnosis = _account("account.locked", status=AccountStatus.FROZEN,
                         freeze_reason="court order", frozen_at=ago(days=1))
    assert diagnosis.codes == ("account_frozen",)
    assert (diagnosis.handoff_team, diagnosis.case_kind) == ("security", "appeal")
    assert "If that login was not you" not in diagnosis.render("en")


def test_disabled_account_goes_to_compliance() -> None:
    diagnosis = _account("account.locked", status=AccountStatus.DISABLED)
    assert diagnosis.codes == ("account_disabled",)
    assert (diagnosis.handoff_team, diagnosis.case_kind) == ("compliance", "appeal")


def test_active_account_with_rejected_verification_names_both() -> None:
    diagnosis = _account("account.locked", kyc_status=KycStatus.REJECTED,
                         kyc_rejection_reason="name mismatch")
    assert diagnosis.codes == ("account_active", "kyc_rejected")


def test_active_incidents_and_paused_networks_make_the_status() -> None:
    platform = demo_exchange()
    platform.status = PlatformStatus((
        Incident("inc-1", "Delayed BTC deposits", "BTC 充值延迟", "investigating",
                 ago(minutes=40), components=("deposits",)),
        Incident("inc-0", "Login errors", "登录异常", "resolved", ago(days=2),
                 resolved_at=ago(days=1)),
    ))
    diagnosis = diagnose(platform, "info.platform_status", "anyone", Clues(), NOW)
    assert diagnosis.codes == ("platform_maintenance", "network_suspended")
    assert diagnosis.findings[0].evidence["record_id"] == "inc-1"
    # One maintenance holds up two coins on one network: said once, naming both.
    assert diagnosis.findings[1].evidence["assets"] == "USDT,ETH"
    assert "USDT and ETH withdrawals on Ethereum (ERC20) are suspended" in diagnosis.render("en")
    assert "USDT、ETH 在以太坊（ERC20）上的提币目前已暂停" in diagnosis.render("zh")
    assert "钱包维护" in diagnosis.render("zh")
    assert "Delayed BTC deposits (being investigated" in diagnosis.render("en")
    assert "BTC 充值延迟（调查中" in diagnosis.render("zh")


def test_status_narrowed_to_the_asset_asked_about() -> None:
    diagnosis = diagnose(demo_exchange(), "info.platform_status", "anyone", Clues(asset="BTC"),
                         NOW)
    assert diagnosis.codes == ("platform_operational",)
    assert "running normally" in diagnosis.render("en")
    assert "运行正常" in diagnosis.render("zh")
