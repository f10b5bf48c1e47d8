"""The account itself: frozen, disabled or restricted, and where verification stands."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from cryptodesk.platform.models import Account, AccountStatus, KycStatus, SecurityEvent

from .compose import conclude, make
from .models import Diagnosis, Finding, Inquiry
from .wording import timestamp

# A review still open after this long goes to a person.
KYC_REVIEW_OVERDUE = timedelta(hours=72)

_KYC_CODES = {
    KycStatus.REJECTED: "kyc_rejected",
    KycStatus.PENDING: "kyc_pending",
    KycStatus.APPROVED: "kyc_approved",
    KycStatus.NONE: "kyc_not_started",
}


def diagnose(inquiry: Inquiry) -> Diagnosis:
    account = inquiry.platform.account(inquiry.customer_ref)
    if inquiry.topic == "kyc.status":
        finding = kyc(account, inquiry.now)
        overdue = "overdue" in finding.evidence
        return conclude(inquiry.topic, [finding], team="compliance" if overdue else None)
    if account.status is AccountStatus.FROZEN:
        events = inquiry.platform.security_events(inquiry.customer_ref)
        event = _trigger(account, events)
        case = "security_incident" if event is not None else "appeal"
        return conclude(inquiry.topic, [frozen(account, event, inquiry.now)], case=case)
    if account.status is AccountStatus.DISABLED:
        ev = {**_account(account), "freeze_reason": account.freeze_reason}
        return conclude(inquiry.topic, [make("account_disabled", ev, inquiry.now)])
    findings = [make("account_active", _account(account), inquiry.now)]
    if account.kyc_status is not KycStatus.APPROVED:
        findings.append(kyc(account, inquiry.now))
    return conclude(inquiry.topic, findings)


def _account(account: Account) -> dict[str, str | None]:
    return {"record": "account", "account_status": str(account.status)}


def kyc(account: Account, now: datetime) -> Finding:
    submitted = account.kyc_submitted_at
    overdue = (
        account.kyc_status is KycStatus.PENDING
        and submitted is not None
        and now - submitted > KYC_REVIEW_OVERDUE
    )
    evidence = {
        **_account(account),
        "kyc_status": str(account.kyc_status),
        "kyc_level": str(account.kyc_level),
        "kyc_submitted_at": timestamp(submitted) if submitted else None,
        "kyc_rejection_reason": account.kyc_rejection_reason,
        "overdue": "true" if overdue else None,
    }
    return make(_KYC_CODES[account.kyc_status], evidence, now)


def _trigger(account: Account, events: Sequence[SecurityEvent]) -> SecurityEvent | None:
    """The latest login from a new device up to the freeze: most often the reason for it."""
    suspicious = [
        e for e in events
        if e.new_device and (account.frozen_at is None or e.at <= account.frozen_at)
    ]
    return max(suspicious, key=lambda e: e.at, default=None)


def frozen(account: Account, event: SecurityEvent | None, now: datetime) -> Finding:
    evidence = {
        **_account(account),
        "freeze_reason": account.freeze_reason,
        "frozen_at": timestamp(account.frozen_at) if account.frozen_at else None,
    }
    if event is not None:
        evidence |= {
            "event_kind": event.kind,
            "event_at": timestamp(event.at),
            "device": event.device,
            "country": event.country,
            "ip": event.ip,
        }
    return make("account_frozen", evidence, now)
