"""What customers give back: a rating of how their ticket was resolved, and files they attach.

Plain rules only: who may rate when, what a score is, which file contents are accepted.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import datetime

from ..errors import Conflict, InvalidInput
from .tickets import Ticket, TicketStatus

MIN_SCORE, MAX_SCORE = 1, 5
MAX_COMMENT_CHARS = 2_000
MAX_FILE_NAME_CHARS = 120
RATEABLE = frozenset({TicketStatus.RESOLVED, TicketStatus.CLOSED})


@dataclass(eq=False, kw_only=True)
class Rating:
    """One per ticket: rating again replaces the score and comment (the log keeps the old)."""

    ticket_id: int
    customer_id: int
    score: int
    comment: str
    created_at: datetime
    updated_at: datetime
    id: int | None = None

    def change(self, score: int, comment: str, now: datetime) -> dict[str, int]:
        before = self.score
        self.score, self.comment, self.updated_at = score, comment, now
        return {"score": before}


def ensure_rateable(ticket: Ticket) -> None:
    """Only a resolution can be rated: while the ticket is still being worked there is none."""
    if ticket.status not in RATEABLE:
        raise Conflict(
            f"Ticket #{ticket.id} can be rated once it is resolved.",
            f"工单 #{ticket.id} 解决后才能评价。", code="not_resolved", value=ticket.id,
        )


def check_score(score: object) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or not (
        MIN_SCORE <= score <= MAX_SCORE
    ):
        raise InvalidInput(
            f"The score is a whole number from {MIN_SCORE} to {MAX_SCORE}.",
            f"评分须为 {MIN_SCORE} 到 {MAX_SCORE} 的整数。", field="score", value=score,
        )
    return score


def check_comment(comment: str | None) -> str:
    text = (comment or "").replace("\x00", "").strip()
    if len(text) > MAX_COMMENT_CHARS:
        raise InvalidInput(
            f"Comments are at most {MAX_COMMENT_CHARS} characters.",
            f"评价内容最多 {MAX_COMMENT_CHARS} 个字符。", field="comment", value=len(text),
        )
    return text


# Accepted contents, told apart by their first bytes, never by the name or the sender's claim.
PNG, JPEG, PDF, TEXT = "image/png", "image/jpeg", "application/pdf", "text/plain"
_MAGIC = ((b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG), (b"%PDF-", PDF))
_TEXT_CONTROLS = frozenset("\t\n\r\f")


def sniff(data: bytes) -> str | None:
    """The content type of an accepted file, or None for anything else (executables, HTML...)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    return TEXT if _is_plain_text(data) else None


def _is_plain_text(data: bytes) -> bool:
    if not data:
        return False
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    if text.lstrip().lower().startswith(("<!doctype", "<html", "<svg", "<?xml", "<script")):
        return False  # markup a browser would run if it ever trusted the file
    return all(ch in _TEXT_CONTROLS or unicodedata.category(ch) != "Cc" for ch in text)


def display_name(raw: str | None, fallback: str) -> str:
    """The customer's file name for showing only: no path, no control characters, short."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip(" .")
    if not name:
        return fallback
    if len(name) > MAX_FILE_NAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        keep = MAX_FILE_NAME_CHARS - len(ext) - 1
        name = f"{stem[:keep]}.{ext}" if dot and len(ext) <= 10 else name[:MAX_FILE_NAME_CHARS]
    return name


@dataclass(eq=False, kw_only=True)
class Attachment:
    """A file a customer added to a conversation; the bytes live on disk under `storage_name`."""

    conversation_id: int
    customer_id: int
    name: str  # for display; never used on disk
    content_type: str
    size: int
    sha256: str
    storage_name: str  # random, chosen by us
    created_at: datetime
    message_id: int | None = None
    id: int | None = None
