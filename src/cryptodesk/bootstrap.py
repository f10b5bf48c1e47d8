"""The composition root: the one place that builds the real adapters and wires them together."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from argon2 import PasswordHasher

from .brain.builtin import builtin_model
from .brain.classifier import IntentModel
from .bus import Bus, LocalBus
from .config import Settings, get_settings
from .credentials import password_hasher
from .platform import Platform
from .platform.http import HttpPlatform
from .platform.ledger import LedgerPlatform
from .services.responders import BotResponder, HumanResponder, Responder
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
    platform: Platform
    intent_model: Callable[[], IntentModel]
    responder: Responder
    bus: Bus = field(default_factory=LocalBus)
    clock: Callable[[], datetime] = field(default=utc_now)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.database, self.bus)

    def now(self) -> datetime:
        return self.clock()


def build_platform(settings: Settings, database: Database) -> Platform:
    if settings.platform_url:
        return HttpPlatform(
            settings.platform_url, settings.platform_token.get_secret_value(),
            timeout=settings.platform_timeout_seconds, retries=settings.platform_retries,
        )
    return LedgerPlatform(database.engine)


def build(settings: Settings | None = None, *, clock: Callable[[], datetime] = utc_now) -> Desk:
    settings = settings or get_settings()
    database = Database(settings.database_url, echo=settings.sql_echo)
    platform = build_platform(settings, database)

    def intent_model() -> IntentModel:
        return builtin_model(settings.cache_dir)

    responder: Responder = (
        BotResponder(intent_model, platform, settings.public_url)
        if settings.responder == "bot" else HumanResponder()
    )
    return Desk(
        settings=settings, database=database,
        hasher=password_hasher(settings.argon2_time_cost, settings.argon2_memory_kib),
        platform=platform, intent_model=intent_model, responder=responder, clock=clock,
    )
