"""Canned replies: prepared answers agents insert, in Chinese or English, with placeholders that
are filled for the ticket at hand. A reply is retired rather than deleted, so the audit trail
always points at something."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import cast

from ..errors import InvalidInput
from .customers import LANGUAGES, Language
from .tickets import clean_tags

PLACEHOLDERS = ("customer_name", "ticket_id", "agent_name", "staff_id")
# Anything between single braces is meant as a placeholder; a typo must not reach a customer.
_BRACED = re.compile(r"\{([^{}\n]*)\}")
MAX_NAME = 80
MAX_BODY = 5_000


def placeholders_in(body: str) -> list[str]:
    """The placeholders a body uses, in order of first use."""
    return list(dict.fromkeys(m.group(1) for m in _BRACED.finditer(body)))


@dataclass(frozen=True)
class CannedText:
    """What a supervisor writes; validated once, wherever it comes from."""

    name: str
    language: Language
    body: str
    tags: tuple[str, ...]

    @classmethod
    def clean(
        cls, name: str, language: str, body: str, tags: list[str] | tuple[str, ...] = ()
    ) -> CannedText:
        name = " ".join(name.split())
        body = body.replace("\r\n", "\n").replace("\x00", "").strip()
        if not name or len(name) > MAX_NAME:
            raise InvalidInput(f"A canned reply's name has 1–{MAX_NAME} characters.",
                               f"快捷回复名称须为 1–{MAX_NAME} 个字符。", field="name")
        if language not in LANGUAGES:
            raise InvalidInput("Language is zh or en.", "语言须为 zh 或 en。",
                               field="language", value=language)
        if not body or len(body) > MAX_BODY:
            raise InvalidInput(f"A canned reply's body has 1–{MAX_BODY} characters.",
                               f"快捷回复正文须为 1–{MAX_BODY} 个字符。", field="body")
        unknown = [p for p in placeholders_in(body) if p not in PLACEHOLDERS]
        if unknown:
            shown = ", ".join("{" + p + "}" for p in unknown)
            known = ", ".join("{" + p + "}" for p in PLACEHOLDERS)
            raise InvalidInput(
                f"Unknown placeholders: {shown}. Use only {known}.",
                f"未知的占位符：{shown}。只能使用 {known}。",
                code="unknown_placeholder", field="body", value=unknown,
            )
        return cls(name, cast(Language, language), body, tuple(clean_tags(list(tags))))


@dataclass(eq=False, kw_only=True)
class CannedReply:
    name: str
    language: Language
    body: str
    tags: list[str] = field(default_factory=list)
    active: bool = True
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime
    id: int | None = None

    @classmethod
    def create(cls, text: CannedText, by: str, now: datetime) -> CannedReply:
        return cls(name=text.name, language=text.language, body=text.body, tags=list(text.tags),
                   created_by=by, created_at=now, updated_by=by, updated_at=now)

    def snapshot(self) -> dict[str, object]:
        """What the audit trail keeps of it."""
        return {"id": self.id, "name": self.name, "language": self.language, "body": self.body,
                "tags": list(self.tags), "active": self.active}

    def revise(self, text: CannedText, active: bool, by: str, now: datetime) -> bool:
        """Apply an edit; False when nothing changed."""
        same = (self.name, self.language, self.body, tuple(self.tags), self.active) == (
            text.name, text.language, text.body, text.tags, active)
        if same:
            return False
        self.name, self.language, self.body = text.name, text.language, text.body
        self.tags, self.active = list(text.tags), active
        self.updated_by, self.updated_at = by, now
        return True

    def retire(self, by: str, now: datetime) -> bool:
        if not self.active:
            return False
        self.active = False
        self.updated_by, self.updated_at = by, now
        return True


def render(body: str, values: Mapping[str, str]) -> str:
    """The body with its placeholders filled; a placeholder without a value stays as written."""
    return _BRACED.sub(lambda m: values.get(m.group(1), m.group(0)), body)


def fallback_name(language: str) -> str:
    """How to address a customer whose name is not known."""
    return "客户" if language == "zh" else "customer"
