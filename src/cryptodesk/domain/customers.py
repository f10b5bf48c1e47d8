"""Customers as the exchange knows them: a reference, a name, a language, contact points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

Language = Literal["zh", "en"]
LANGUAGES: tuple[Language, ...] = ("zh", "en")


@dataclass(eq=False, kw_only=True)
class Customer:
    ref: str
    display_name: str
    language: Language = "en"
    email: str | None = None
    phone: str | None = None
    telegram: str | None = None
    created_at: datetime
    id: int | None = None
