"""When the exchange cannot answer, or does not know the customer: say so, never crash."""

from __future__ import annotations

from typing import Any, NoReturn

import pytest

from cryptodesk.diagnostics import TOPICS, Clues, diagnose
from cryptodesk.errors import InvalidInput
from cryptodesk.platform.port import PlatformUnavailable

from .factory import NOW, demo_exchange


class Down:
    """An exchange whose every call times out."""

    def __getattr__(self, name: str) -> Any:
        def fail(*args: object, **kwargs: object) -> NoReturn:
            raise PlatformUnavailable(f"{name}: timed out")

        return fail


class HalfDown:
    """Records answer, network statuses do not: the diagnosis must not guess the rest."""

    def __init__(self) -> None:
        self._inner = demo_exchange()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)

    def network_statuses(self) -> NoReturn:
        raise PlatformUnavailable("network statuses: 502")


@pytest.mark.parametrize("topic", TOPICS)
def test_every_topic_hands_over_when_the_exchange_is_down(topic: str) -> None:
    diagnosis = diagnose(Down(), topic, "demo-alice", Clues(), NOW)  # type: ignore[arg-type]
    assert diagnosis.codes == ("platform_unavailable",)
    assert diagnosis.handoff_team == "support"
    assert "could not reach" in diagnosis.render("en")
    assert "客服专员" in diagnosis.render("zh")


def test_an_answer_half_read_is_not_passed_off_as_a_diagnosis() -> None:
    diagnosis = diagnose(HalfDown(), "withdrawal.pending", "demo-alice", Clues(),  # type: ignore[arg-type]
                         NOW)
    assert diagnosis.codes == ("platform_unavailable",)
    assert diagnosis.eta_seconds is None and diagnosis.fee_disclosure is None


@pytest.mark.parametrize("topic", [t for t in TOPICS if t != "info.platform_status"])
def test_an_unknown_customer_gets_a_clear_finding(topic: str) -> None:
    diagnosis = diagnose(demo_exchange(), topic, "nobody", Clues(), NOW)
    assert diagnosis.codes == ("unknown_customer",)
    assert diagnosis.findings[0].evidence["customer_ref"] == "nobody"
    assert diagnosis.handoff_team == "support"


def test_a_topic_that_is_not_diagnosed_is_refused() -> None:
    with pytest.raises(InvalidInput) as raised:
        diagnose(demo_exchange(), "security.tips", "demo-alice", Clues(), NOW)
    assert raised.value.field == "topic"
    assert "security.tips" in raised.value.message("zh")
