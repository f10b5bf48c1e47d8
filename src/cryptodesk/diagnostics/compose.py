"""Making findings and concluding a diagnosis from them: the one place both are built."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from .messages import fill, wording
from .models import Diagnosis, FeeDisclosure, Finding
from .policy import RULES, case_for, team_for
from .reasons import reason_values
from .wording import Localized, values

Evidence = Mapping[str, str | None]


def make(
    code: str,
    evidence: Evidence,
    now: datetime,
    *,
    variant: str | None = None,
    localized: Localized | None = None,
) -> Finding:
    """A finding with its sentences written in both languages; empty evidence is dropped."""
    kept = {key: value for key, value in evidence.items() if value is not None and value != ""}
    words = wording(code, variant)
    shown = {**reason_values(kept), **(localized or {})}
    en = values(kept, "en", now, shown)
    zh = values(kept, "zh", now, shown)
    return Finding(
        code=code,
        severity=RULES[code].severity,
        evidence=kept,
        message_en=" ".join(fill(words.parts, en, "en")),
        message_zh="".join(fill(words.parts, zh, "zh")),
        next_steps_en=fill(words.steps, en, "en"),
        next_steps_zh=fill(words.steps, zh, "zh"),
    )


def _unique(groups: Iterable[Sequence[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(step for group in groups for step in group))


def conclude(
    topic: str,
    findings: Sequence[Finding],
    *,
    eta: int | None = None,
    fee: FeeDisclosure | None = None,
    team: str | None = None,
    case: str | None = None,
) -> Diagnosis:
    """The diagnosis: routing from the findings' rules unless the flow knows better."""
    codes = [f.code for f in findings]
    return Diagnosis(
        topic=topic,
        findings=tuple(findings),
        eta_seconds=eta,
        fee_disclosure=fee,
        next_steps_en=_unique(f.next_steps_en for f in findings),
        next_steps_zh=_unique(f.next_steps_zh for f in findings),
        handoff_team=team or team_for(codes),
        case_kind=case or case_for(codes),
    )
