"""Known phishing domains, known legitimate look-alikes, and brands worth protecting.

Feeds come as eth-phishing-detect's `config.json` (`blacklist`, `whitelist`, `fuzzylist`) or
as plain text, one domain per line. A listed domain covers its subdomains.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .hosts import parse_host


def _normalise(domains: Iterable[str]) -> frozenset[str]:
    hosts = (parse_host(domain) for domain in domains if isinstance(domain, str))
    return frozenset(host.ascii for host in hosts if host is not None)


def _covers(listed: frozenset[str], host: str) -> bool:
    labels = host.split(".")
    return any(".".join(labels[i:]) in listed for i in range(len(labels)))


@dataclass(frozen=True)
class Blocklist:
    blocked: frozenset[str] = field(default_factory=frozenset)
    allowed: frozenset[str] = field(default_factory=frozenset)
    """Legitimate domains that resemble a protected brand: never called look-alikes."""
    protected: tuple[str, ...] = ()
    """Other brands' domains (e.g. wallets our customers use): look-alikes of them are flagged
    as well as look-alikes of our own official domains."""

    @classmethod
    def from_domains(cls, blocked: Iterable[str], allowed: Iterable[str] = ()) -> Blocklist:
        return cls(blocked=_normalise(blocked), allowed=_normalise(allowed))

    @classmethod
    def from_lines(cls, lines: Iterable[str]) -> Blocklist:
        """One domain per line; blank lines and `#` comments are skipped."""
        entries = (line.split("#", 1)[0].strip() for line in lines)
        return cls.from_domains(entry for entry in entries if entry)

    @classmethod
    def from_file(cls, path: str | Path) -> Blocklist:
        with Path(path).open(encoding="utf-8") as lines:
            return cls.from_lines(lines)

    @classmethod
    def from_eth_phishing_detect_config(cls, config: Mapping[str, Any]) -> Blocklist:
        protected = _normalise(config.get("fuzzylist") or ())
        return cls(
            blocked=_normalise(config.get("blacklist") or ()),
            allowed=_normalise(config.get("whitelist") or ()),
            protected=tuple(sorted(protected)),
        )

    @classmethod
    def from_eth_phishing_detect(cls, path: str | Path) -> Blocklist:
        with Path(path).open(encoding="utf-8") as file:
            return cls.from_eth_phishing_detect_config(json.load(file))

    def merged(self, other: Blocklist) -> Blocklist:
        return Blocklist(
            blocked=self.blocked | other.blocked,
            allowed=self.allowed | other.allowed,
            protected=tuple(sorted(set(self.protected) | set(other.protected))),
        )

    def blocks(self, host: str) -> bool:
        return _covers(self.blocked, host)

    def allows(self, host: str) -> bool:
        return _covers(self.allowed, host)
