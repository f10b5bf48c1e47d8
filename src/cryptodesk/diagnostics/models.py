"""What a diagnosis is made of: the clues it starts from, its findings, and the verdict.

Findings carry their sentences in both languages, written when the finding is made (with the
time passed in), so a stored or serialised diagnosis reads the same later.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cryptodesk.platform.port import Platform

from .render import render_diagnosis, render_fee
from .wording import amount as _plain


class Severity(enum.StrEnum):
    INFO = "info"
    WARNING = "warning"
    ACTION_REQUIRED = "action_required"


@dataclass(frozen=True)
class Clues:
    """What the customer's message mentioned; they narrow the choice among several records.

    `network` is a registry id ("TRX", "ETH"), already resolved from whatever alias was typed.
    """

    asset: str | None = None
    network: str | None = None
    amount: Decimal | None = None
    tx_hash: str | None = None
    address: str | None = None
    order_id: str | None = None

    def given(self) -> dict[str, str]:
        """The clues present, as strings, in a fixed order."""
        names = ("order_id", "tx_hash", "asset", "network", "amount", "address")
        shown: dict[str, str] = {}
        for name in names:
            value = getattr(self, name)
            text = _plain(value) if isinstance(value, Decimal) else (value or "").strip()
            if text:
                shown[name] = text
        return shown


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    evidence: dict[str, str] = field(default_factory=dict)
    message_en: str = ""
    message_zh: str = ""
    next_steps_en: tuple[str, ...] = ()
    next_steps_zh: tuple[str, ...] = ()

    def message(self, language: str = "en") -> str:
        return self.message_zh if language.startswith("zh") else self.message_en

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": str(self.severity),
            "evidence": dict(self.evidence),
            "message_en": self.message_en,
            "message_zh": self.message_zh,
        }


@dataclass(frozen=True)
class FeeDisclosure:
    """The fee on the money in question and what it leaves.

    kind "withdrawal": `total` is what arrives (amount - fee); "buy": what the order costs in all
    (amount + fee, in the quote asset); "sell": what the sale brings (amount - fee).
    """

    kind: str
    asset: str
    amount: Decimal
    fee: Decimal
    total: Decimal
    fee_rate: Decimal | None = None

    def render(self, language: str = "en") -> str:
        return render_fee(self, language)

    def as_dict(self) -> dict[str, str]:
        shown = {
            "kind": self.kind,
            "asset": self.asset,
            "amount": _plain(self.amount),
            "fee": _plain(self.fee),
            "total": _plain(self.total),
        }
        if self.fee_rate is not None:
            shown["fee_rate"] = _plain(self.fee_rate)
        return shown


@dataclass(frozen=True)
class Diagnosis:
    topic: str
    findings: tuple[Finding, ...]
    eta_seconds: int | None = None
    fee_disclosure: FeeDisclosure | None = None
    next_steps_en: tuple[str, ...] = ()
    next_steps_zh: tuple[str, ...] = ()
    handoff_team: str | None = None
    case_kind: str | None = None

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(f.code for f in self.findings)

    def next_steps(self, language: str = "en") -> tuple[str, ...]:
        return self.next_steps_zh if language.startswith("zh") else self.next_steps_en

    def render(self, language: str = "en") -> str:
        """One customer-facing paragraph: what happened, the evidence, the fee, what next."""
        return render_diagnosis(self, language)

    def as_dict(self) -> dict[str, object]:
        return {
            "topic": self.topic,
            "findings": [f.as_dict() for f in self.findings],
            "eta_seconds": self.eta_seconds,
            "fee_disclosure": self.fee_disclosure.as_dict() if self.fee_disclosure else None,
            "next_steps_en": list(self.next_steps_en),
            "next_steps_zh": list(self.next_steps_zh),
            "handoff_team": self.handoff_team,
            "case_kind": self.case_kind,
        }


@dataclass(frozen=True)
class Inquiry:
    """One diagnosis request, as every flow receives it."""

    platform: Platform
    topic: str
    customer_ref: str
    clues: Clues
    now: datetime
