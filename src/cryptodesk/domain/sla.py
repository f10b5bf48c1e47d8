"""Service-level targets: how soon a ticket of each priority must be answered and resolved.

Clocks run on calendar time from the ticket's creation; a priority change re-times both targets
from that same start, so raising a ticket to P1 can put it in breach at once, as it should.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta


class Priority(enum.StrEnum):
    P1 = "P1"
    P2 = "P2"
    P3 = "P3"
    P4 = "P4"


@dataclass(eq=False, kw_only=True)
class SlaPolicy:
    priority: Priority
    first_response_minutes: int
    resolution_minutes: int

    def first_response_due(self, start: datetime) -> datetime:
        return start + timedelta(minutes=self.first_response_minutes)

    def resolution_due(self, start: datetime) -> datetime:
        return start + timedelta(minutes=self.resolution_minutes)


DEFAULT_POLICIES: dict[Priority, tuple[int, int]] = {
    Priority.P1: (15, 4 * 60),
    Priority.P2: (60, 8 * 60),
    Priority.P3: (4 * 60, 24 * 60),
    Priority.P4: (8 * 60, 72 * 60),
}


def default_policies() -> list[SlaPolicy]:
    return [
        SlaPolicy(priority=p, first_response_minutes=f, resolution_minutes=r)
        for p, (f, r) in DEFAULT_POLICIES.items()
    ]
