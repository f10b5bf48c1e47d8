"""The composition root: the one place that builds the real adapters and wires them together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from argon2 import PasswordHasher

from .bus import Bus, LocalBus
from .config import Settings, get_settings
from .credentials import password_hasher
from .services.responders import HumanResponder, Responder
from .store.database import Database
from .store.unit_of_work import UnitOfWork


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Desk:
    """Everything a request, a command or a job needs, built once per process."""

    settings: Settings
    database: Database
    hasher: PasswordHasher
    responder: Responder
    bus: Bus = field(default_factory=LocalBus)
    clock: Callable[[], datetime] = field(default=utc_now)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database, self.bus)

    def now(self) -> datetime:
        return self.clock()


def build(settings: Settings | None = None, *, clock: Callable[[], datetime] = utc_now) -> Desk:
    settings = settings or get_settings()
    return Desk(
        settings=settings,
        database=Database(settings.database_url, echo=settings.sql_echo),
        hasher=password_hasher(settings.argon2_time_cost, settings.argon2_memory_kib),
        responder=HumanResponder(),
        clock=clock,
    )
