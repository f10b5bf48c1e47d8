"""Find the links in a message: URLs, and bare domains as people type them in either
language ("binance。com", "访问 bіnance.com 领取"), so each can be checked."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .hosts import FULLWIDTH_DOTS, parse_host

_LETTER = r"0-9A-Za-z\u00C0-\u024F\u0370-\u03FF\u0400-\u052F\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A"
_LABEL = rf"[{_LETTER}](?:[{_LETTER}\-]{{0,61}}[{_LETTER}])?"
_DOT = r"[.。．｡]"
_TLD = r"(?:[A-Za-z\uFF21-\uFF3A\uFF41-\uFF5A]{2,63}|xn--[a-z0-9\-]{2,59})"
_HOST = rf"(?:{_LABEL}{_DOT})+{_TLD}|\d{{1,3}}(?:\.\d{{1,3}}){{3}}"
_PATH = r"[/?#][^\s<>\"'`\u3000-\u9fff\uff00-\uffef]*"
"""A path ends at a space, a quote, or Chinese text and punctuation, which URLs run into."""
_LINK = re.compile(
    rf"(?<![0-9A-Za-z@.\-_/])(?P<scheme>(?:https?|ftp)://)?(?P<host>{_HOST})(?::\d{{1,5}})?"
    rf"(?P<path>{_PATH})?(?![{_LETTER}\-@])",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\""


@dataclass(frozen=True)
class Link:
    text: str
    """As written in the message."""
    start: int
    end: int
    url: str
    """With full-width dots made ASCII, ready for `check_url`."""
    host: str
    """As a browser would display it."""


def extract_links(text: str) -> list[Link]:
    links: list[Link] = []
    for match in _LINK.finditer(text):
        raw = match.group()
        trimmed = raw.rstrip(_TRAILING) if match.group("path") else raw
        host = parse_host(match.group("host"))
        if host is None or not (match.group("scheme") or host.listed_suffix):
            continue
        end = match.start() + len(trimmed)
        url = trimmed.translate(FULLWIDTH_DOTS)
        links.append(Link(trimmed, match.start(), end, url, host.display))
    return links
