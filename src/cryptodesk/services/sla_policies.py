"""Changing the service-level targets. New targets time tickets created or re-prioritised from
now on; tickets already open keep the targets they were given."""

from __future__ import annotations

from datetime import datetime

from ..domain.agents import Agent
from ..domain.events import Change
from ..domain.sla import Priority, SlaPolicy
from ..errors import InvalidInput, PermissionDenied
from ..store.unit_of_work import UnitOfWork
from . import audit

MIN_MINUTES = 1
MAX_MINUTES = 100_000


def listing(uow: UnitOfWork) -> list[SlaPolicy]:
    return uow.policies.all()


def _check(field: str, minutes: int) -> int:
    if not MIN_MINUTES <= minutes <= MAX_MINUTES:
        raise InvalidInput(
            f"Targets are {MIN_MINUTES}–{MAX_MINUTES} minutes.",
            f"时效目标须为 {MIN_MINUTES}–{MAX_MINUTES} 分钟。", field=field, value=minutes,
        )
    return minutes


def change(
    uow: UnitOfWork, by: Agent, priority: Priority, *, first_response_minutes: int,
    resolution_minutes: int, now: datetime,
) -> SlaPolicy:
    """Supervisors and admins only; an unchanged policy leaves no event behind."""
    if not by.can_supervise:
        raise PermissionDenied("Only supervisors and admins can change SLA targets.",
                               "只有主管和管理员可以修改 SLA 时效目标。")
    first = _check("first_response_minutes", first_response_minutes)
    resolution = _check("resolution_minutes", resolution_minutes)
    if first > resolution:
        raise InvalidInput(
            "The first response cannot be due after the resolution.",
            "首次响应时限不能晚于解决时限。", field="first_response_minutes", value=first,
        )
    policy = uow.policies.get(priority)
    before = {"first_response_minutes": policy.first_response_minutes,
              "resolution_minutes": policy.resolution_minutes}
    after = {"first_response_minutes": first, "resolution_minutes": resolution}
    if before == after:
        return policy
    policy.first_response_minutes, policy.resolution_minutes = first, resolution
    audit.record(uow, [Change("sla.policy_changed", {"priority": str(priority), **before},
                              {"priority": str(priority), **after})], by.actor, now)
    return policy
