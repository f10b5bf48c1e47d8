"""Is a link one of ours, a known phishing site, a look-alike of ours, or just unknown?"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from ..i18n import Language
from .blocklist import Blocklist
from .hosts import Host, parse_host, userinfo_host
from .imitation import Brand, Imitation, imitation
from .link_messages import detail, sentence


class Verdict(StrEnum):
    OFFICIAL = "official"
    LOOKALIKE = "lookalike"
    BLOCKLISTED = "blocklisted"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class LinkVerdict:
    verdict: Verdict
    reason: str
    """Stable code: official_domain, official_subdomain, blocklisted, homoglyph, punycode,
    official_in_subdomain, official_in_userinfo, other_tld, brand_embedded, visual_lookalike,
    keyboard_typo, transposition, repeated_character, missing_character, extra_character,
    one_character, two_characters, allowlisted, not_official, invalid."""
    message_en: str
    message_zh: str
    matched_official: str | None = None
    host: str | None = None
    """The host as a browser would display it (Unicode for IDN)."""

    def message(self, language: Language) -> str:
        return self.message_zh if language == "zh" else self.message_en


def check_url(
    url_or_domain: str,
    official_domains: Iterable[str],
    blocklist: Blocklist | None = None,
) -> LinkVerdict:
    """Official domains (and their subdomains) always win; then the blocklist's legitimate
    and known-bad entries; then look-alikes of the official domains, and of the brands the
    blocklist protects; anything else is unknown."""
    host = parse_host(url_or_domain)
    if host is None:
        return _say(Verdict.UNKNOWN, "invalid", {})
    officials = _hosts(official_domains)
    shown = {"host": host.display}
    for official in officials:
        if host.is_within(official):
            reason = "official_domain" if host.ascii == official.ascii else "official_subdomain"
            return _say(Verdict.OFFICIAL, reason, {**shown, "official": official.ascii}, official)
    if blocklist is not None and blocklist.allows(host.ascii):
        return _say(Verdict.UNKNOWN, "allowlisted", shown)
    found = _disguised_by_userinfo(url_or_domain, host, officials) or _imitated(host, officials)
    if found is None and blocklist is not None:
        protected = [p for p in _hosts(blocklist.protected) if not host.is_within(p)]
        found = _imitated(host, protected)
    if blocklist is not None and blocklist.blocks(host.ascii):
        matched = found.official if found else None
        return _say(Verdict.BLOCKLISTED, "blocklisted", shown, matched)
    if found is not None:
        return _lookalike(host, found)
    return _say(Verdict.UNKNOWN, "not_official", shown)


def _hosts(domains: Iterable[str]) -> list[Host]:
    parsed = (parse_host(domain) for domain in domains)
    return [host for host in parsed if host is not None]


def _imitated(host: Host, officials: list[Host]) -> Imitation | None:
    for official in officials:
        found = imitation(host, Brand.of(official))
        if found is not None:
            return found
    return None


def _disguised_by_userinfo(url: str, host: Host, officials: list[Host]) -> Imitation | None:
    shown = userinfo_host(url)
    for official in officials:
        if shown is not None and shown.is_within(official):
            return Imitation("official_in_userinfo", official, {"host": host.display})
    return None


def _lookalike(host: Host, found: Imitation) -> LinkVerdict:
    official = found.official.ascii
    en, zh = detail(found.reason, {"official": official, **found.values})
    values = {"host": host.display, "official": official, "detail_en": en, "detail_zh": zh}
    en, zh = sentence("lookalike", values)
    return LinkVerdict(Verdict.LOOKALIKE, found.reason, en, zh, official, host.display)


def _say(
    verdict: Verdict, reason: str, values: dict[str, str], official: Host | None = None
) -> LinkVerdict:
    en, zh = sentence(reason, values)
    matched = official.ascii if official else None
    return LinkVerdict(verdict, reason, en, zh, matched, values.get("host"))
