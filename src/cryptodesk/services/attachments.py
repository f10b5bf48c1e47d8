"""Files customers add to their conversation: checked by content, kept outside the web root.

The bytes decide the type (PNG, JPEG, PDF, plain text), never the name or the sender's claim.
On disk a file is only a random name in `CRYPTODESK_ATTACHMENT_DIR`; its sha256 is recorded.
Text files pass through the shield, and one holding a secret is refused, never stored.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .. import shield
from ..config import Settings
from ..domain.agents import Agent
from ..domain.conversations import Author, Message
from ..domain.events import Change
from ..domain.feedback import TEXT, Attachment, display_name, sniff
from ..errors import InvalidInput, NotFound
from ..store.unit_of_work import UnitOfWork
from . import audit, cases, shielding
from .access import CustomerViewer, access_conversation
from .conversations import active_ticket


class FileTooLarge(InvalidInput):
    code = "too_large"


class UnsupportedFile(InvalidInput):
    code = "unsupported_file_type"


class SecretInFile(InvalidInput):
    code = "secret_in_file"

    def __init__(self, kinds: tuple[str, ...]) -> None:
        super().__init__(shield.warning("en"), shield.warning("zh"), field="file")
        self.kinds = kinds


@dataclass(frozen=True)
class Storage:
    directory: Path
    max_bytes: int

    @classmethod
    def of(cls, settings: Settings) -> Storage:
        return cls(Path(settings.attachment_dir).expanduser().resolve(),
                   settings.attachment_max_bytes)

    def path(self, attachment: Attachment) -> Path:
        return self.directory / attachment.storage_name

    def write(self, data: bytes) -> str:
        """A new random name, created exclusively and readable by this process's user only."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        name = secrets.token_hex(16)
        fd = os.open(self.directory / name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        return name


def too_large(max_bytes: int) -> FileTooLarge:
    mb = f"{max_bytes / (1024 * 1024):.0f}"
    return FileTooLarge(f"Files are at most {mb} MB.", f"文件最大 {mb} MB。", field="file",
                        value=max_bytes)


def check(data: bytes, max_bytes: int) -> str:
    """The file's content type, or the reason it is refused."""
    if len(data) > max_bytes:
        raise too_large(max_bytes)
    if not data:
        raise InvalidInput("The file is empty.", "文件为空。", field="file")
    kind = sniff(data)
    if kind is None:
        raise UnsupportedFile(
            "Only PNG or JPEG images, PDF documents and plain text files can be attached.",
            "只能上传 PNG、JPEG 图片、PDF 文档或纯文本文件。", field="file",
        )
    if kind == TEXT:
        shielded = shielding.redact(data.decode("utf-8-sig"))
        if shielded.kinds:
            raise SecretInFile(shielded.kinds)
    return kind


def add(
    uow: UnitOfWork, viewer: CustomerViewer, conversation_id: int, *, filename: str | None,
    data: bytes, storage: Storage, now: datetime,
) -> Attachment:
    """Store the file and say so in the thread, as a message of the customer's."""
    conversation = access_conversation(uow, viewer, conversation_id)
    conversation.ensure_open()
    kind = check(data, storage.max_bytes)
    name = display_name(shielding.redact(filename or "").text, "attachment")
    attachment = Attachment(
        conversation_id=conversation.id, customer_id=viewer.customer_id, name=name,
        content_type=kind, size=len(data), sha256=hashlib.sha256(data).hexdigest(),
        storage_name=storage.write(data), created_at=now,
    )
    uow.feedback.add(attachment)
    uow.flush()
    message = audit.post(uow, Message(
        conversation_id=conversation.id, author=Author.CUSTOMER, body=f"📎 {name}",
        language=conversation.language, created_at=now, data={"attachment": card(attachment)},
    ))
    attachment.message_id = message.id
    conversation.updated_at = now
    ticket = active_ticket(uow, conversation)
    changes = [Change("message.attachment", None, {
        "message_id": message.id, "attachment_id": attachment.id, "sha256": attachment.sha256,
    })]
    if ticket is not None:
        changes += ticket.record_customer_message(now)
    audit.record(uow, changes, viewer.actor, now, conversation_id=conversation.id,
                 ticket_id=ticket.id if ticket else None)
    cases.customer_replied(uow, viewer.actor, conversation, now, message=message)
    return attachment


def warn_secret(
    uow: UnitOfWork, viewer: CustomerViewer, conversation_id: int, kinds: tuple[str, ...],
    now: datetime,
) -> None:
    """A refused file still gets the customer warned and the security team a trace."""
    conversation = access_conversation(uow, viewer, conversation_id)
    ticket = active_ticket(uow, conversation)
    if ticket is not None and shielding.SECRET_TAG not in ticket.tags:
        ticket.tags = [*ticket.tags, shielding.SECRET_TAG]
    shielding.warn(uow, conversation.id, shielding.Shielded("", kinds), conversation.language,
                   viewer.actor, now, ticket.id if ticket else None)


def card(attachment: Attachment) -> dict:
    return {"id": attachment.id, "name": attachment.name, "content_type": attachment.content_type,
            "size": attachment.size, "sha256": attachment.sha256}


def _missing(attachment_id: int) -> NotFound:
    return NotFound(f"Attachment {attachment_id} was not found.", f"未找到附件 {attachment_id}。",
                    value=attachment_id)


def for_customer(uow: UnitOfWork, viewer: CustomerViewer, attachment_id: int) -> Attachment:
    """Only the customer whose conversation it is may fetch it back."""
    found = uow.feedback.attachment(attachment_id)
    if found is None:
        raise _missing(attachment_id)
    try:
        access_conversation(uow, viewer, found.conversation_id)
    except NotFound:
        raise _missing(attachment_id) from None
    return found


def for_agent(uow: UnitOfWork, agent: Agent, attachment_id: int) -> Attachment:
    found = uow.feedback.attachment(attachment_id)
    if found is None or not agent.active:
        raise _missing(attachment_id)
    return found


def of_conversations(uow: UnitOfWork, conversation_ids: list[int]) -> list[Attachment]:
    return uow.feedback.attachments_of(conversation_ids)
