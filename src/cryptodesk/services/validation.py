"""Checks on free text shared by every entry point."""

from __future__ import annotations

from ..domain.conversations import MAX_BODY_CHARS
from ..errors import InvalidInput

MAX_SUBJECT_CHARS = 200


def message_body(body: str, field: str = "body") -> str:
    text = body.replace("\x00", "").strip()
    if not text:
        raise InvalidInput("The message is empty.", "消息内容为空。", field=field)
    if len(text) > MAX_BODY_CHARS:
        raise InvalidInput(
            f"Messages are at most {MAX_BODY_CHARS} characters.",
            f"消息最多 {MAX_BODY_CHARS} 个字符。", field=field, value=len(text),
        )
    return text


def subject(text: str | None, fallback: str) -> str:
    cleaned = " ".join((text or "").split())
    if not cleaned:
        cleaned = " ".join(fallback.split())
    return cleaned[: MAX_SUBJECT_CHARS - 1] + "…" if len(cleaned) > MAX_SUBJECT_CHARS else cleaned
