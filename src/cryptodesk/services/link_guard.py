"""Every customer message is read for danger once it is stored: links to look-alike or known
phishing sites, and the scams customers describe ("support asked me to move my funds...").
The customer is warned at once in their language, the security trail gets an event, and the
ticket is tagged so agents see it in the queue. Each link host and each scam pattern is warned
about once per conversation, however often the customer repeats it.
"""

from __future__ import annotations

import logging
from datetime import datetime
from functools import lru_cache
from typing import Any

from ..config import Settings, get_settings
from ..domain.channels import ChannelKind
from ..domain.conversations import Author, Message
from ..domain.events import SYSTEM, Change
from ..domain.tickets import MAX_TAGS, Ticket
from ..i18n import t
from ..shield import Blocklist, LinkVerdict, Verdict, check_url, extract_links
from ..shield.scams import find_scams
from ..store.unit_of_work import UnitOfWork
from . import audit

log = logging.getLogger("cryptodesk.shield")

PHISHING_TAG = "phishing-link"
LINK_EVENT = "shield.link_flagged"
SCAM_EVENT = "shield.scam_warning"
_FLAGGED = (Verdict.LOOKALIKE, Verdict.BLOCKLISTED)


def official_websites(uow: UnitOfWork, settings: Settings) -> list[str]:
    """The operator's domains from settings, then the registry's active websites."""
    registered = [c.value for c in uow.channels.of_kinds([ChannelKind.WEBSITE])]
    return list(dict.fromkeys([*settings.official_domains, *registered]))


def blocklist(settings: Settings) -> Blocklist | None:
    return _load_blocklist(settings.blocklist_file) if settings.blocklist_file else None


@lru_cache(maxsize=4)
def _load_blocklist(path: str) -> Blocklist | None:
    """Read once per process. A feed that cannot be read leaves links checked without it:
    refusing customers' messages over it would be worse."""
    try:
        if path.lower().endswith(".json"):
            return Blocklist.from_eth_phishing_detect(path)
        return Blocklist.from_file(path)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        log.error("phishing blocklist %s could not be read: %s", path, exc)
        return None


def inspect(
    uow: UnitOfWork, message: Message, *, ticket: Ticket | None, now: datetime,
    settings: Settings | None = None,
) -> list[str]:
    """Warn about what this customer message shows; returns the warnings' codes (a link
    verdict or a scam pattern), empty when there was nothing to say."""
    links = extract_links(message.body)
    scams = find_scams(message.body)
    if not links and not scams:
        return []
    settings = settings or get_settings()
    hosts, patterns = _already_warned(uow, message.conversation_id)
    warned: list[str] = []
    if links:
        officials = official_websites(uow, settings)
        listed = blocklist(settings)
        for link in links:
            verdict = check_url(link.url, officials, listed)
            if verdict.verdict not in _FLAGGED or verdict.host in hosts:
                continue
            hosts.add(verdict.host)
            official = verdict.matched_official or (officials[0] if officials else None)
            _warn_link(uow, message, link.text, verdict, official, ticket, now)
            warned.append(str(verdict.verdict))
    for scam in scams:
        if scam.pattern.value not in patterns:
            patterns.add(scam.pattern.value)
            _warn_scam(uow, message, scam.pattern.value, ticket, now)
            warned.append(scam.pattern.value)
    return warned


def _already_warned(uow: UnitOfWork, conversation_id: int) -> tuple[set[str | None], set[str]]:
    hosts: set[str | None] = set()
    patterns: set[str] = set()
    for event in uow.events.for_conversation(conversation_id):
        if not isinstance(event.after, dict):
            continue
        if event.kind == LINK_EVENT:
            hosts.add(event.after.get("host"))
        elif event.kind == SCAM_EVENT:
            patterns.add(event.after.get("pattern"))
    return hosts, patterns


def _warn_link(
    uow: UnitOfWork, message: Message, link: str, verdict: LinkVerdict, official: str | None,
    ticket: Ticket | None, now: datetime,
) -> None:
    language = message.language
    body = t("link_guard.warning", language, verdict=verdict.message(language))
    if official:
        body += (" " if language == "en" else "") + t(
            "link_guard.official", language, official=official
        )
    found = {
        "link": link[:200], "host": verdict.host, "verdict": str(verdict.verdict),
        "reason": verdict.reason, "imitates": verdict.matched_official,
    }
    _post(uow, message, body, {"shield": "link_warning", **found}, now)
    changes = [Change(LINK_EVENT, None, {**found, "message_id": message.id})]
    if ticket is not None and PHISHING_TAG not in ticket.tags and len(ticket.tags) < MAX_TAGS:
        changes.append(ticket.set_tags([*ticket.tags, PHISHING_TAG], now))
    audit.record(uow, changes, SYSTEM, now, conversation_id=message.conversation_id,
                 ticket_id=ticket.id if ticket else None)


def _warn_scam(
    uow: UnitOfWork, message: Message, pattern: str, ticket: Ticket | None, now: datetime
) -> None:
    _post(uow, message, t(f"scam.{pattern}", message.language),
          {"shield": "scam_warning", "pattern": pattern}, now)
    audit.record(uow, [Change(SCAM_EVENT, None, {"pattern": pattern, "message_id": message.id})],
                 SYSTEM, now, conversation_id=message.conversation_id,
                 ticket_id=ticket.id if ticket else None)


def _post(
    uow: UnitOfWork, message: Message, body: str, data: dict[str, Any], now: datetime
) -> None:
    audit.post(uow, Message(
        conversation_id=message.conversation_id, author=Author.SYSTEM, body=body,
        language=message.language, created_at=now, data=data,
    ))
