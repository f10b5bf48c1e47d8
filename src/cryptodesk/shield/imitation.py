"""How one host imitates one official domain, if it does.

Checked from the most telling sign to the least: characters from another script, the official
name as a subdomain, the official name under another ending, the name inside a longer domain,
then typos (see `typos`). A brand that is an ordinary word ("fulcrum") only counts when it
stands as its own part of the name next to a phishing word ("fulcrum-wallet-verify").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .homoglyphs import Substitution, skeleton
from .hosts import Host, parse_host
from .typos import Typo, classify
from .words import PHISHING_WORDS, is_ordinary_name, is_word

_TOKEN = re.compile(r"[a-z]+|\d+")
_MIN_EMBEDDED = 5
"""Shorter brands ("okx") turn up inside ordinary words too often to be looked for there."""
_ALWAYS_EMBEDDED = 10
"""A brand this long inside another name is never a coincidence, whatever surrounds it."""

_TYPO_REASONS = {
    "visual": "visual_lookalike",
    "keyboard": "keyboard_typo",
    "transposition": "transposition",
    "repeated": "repeated_character",
    "missing": "missing_character",
    "extra": "extra_character",
    "substitution": "one_character",
    "two_edits": "two_characters",
}


@dataclass(frozen=True)
class Imitation:
    reason: str
    official: Host
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Brand:
    """An official domain and the name people recognise in it."""

    host: Host
    name: str
    """The labels before the public suffix, without `www.`: `binance`, `launchpad.ethereum`."""

    @property
    def key(self) -> str:
        return self.name.replace(".", "")

    @property
    def ordinary(self) -> bool:
        """A dictionary word ("fulcrum", "gate"): seen inside other names by chance."""
        return is_word(self.key)

    @classmethod
    def of(cls, host: Host) -> Brand:
        return cls(host, _name(host))


def _name(host: Host) -> str:
    labels = [*host.subdomain.split("."), host.domain] if host.subdomain else [host.domain]
    if labels[0] == "www" and len(labels) > 1:
        labels = labels[1:]
    return ".".join(labels)


def imitation(host: Host, brand: Brand) -> Imitation | None:
    if host.registrable == brand.host.registrable:
        return None
    if host.is_idn:
        return _through_homoglyphs(host, brand)
    return _ascii_imitation(host, brand)


def _through_homoglyphs(host: Host, brand: Brand) -> Imitation | None:
    folded, subs = skeleton(host.display)
    if not subs:  # non-Latin but imitating nothing ("币安-binance.com"): judge the rest as usual
        return _ascii_imitation(host, brand)
    plain = parse_host(folded)
    if plain is None:
        return None
    if plain.registrable != brand.host.registrable:
        inner = _ascii_imitation(plain, brand)
        if inner is None:
            return None
    reason = "punycode" if host.given_as_punycode else "homoglyph"
    return Imitation(reason, brand.host, {"display": host.display, **_first(subs)})


def _first(subs: tuple[Substitution, ...]) -> dict[str, str]:
    sub = subs[0]
    return {"script": sub.script, "char": sub.char, "latin": sub.imitates}


def _ascii_imitation(host: Host, brand: Brand) -> Imitation | None:
    return (
        _in_subdomain(host, brand)
        or _other_ending(host, brand)
        or _embedded(host, brand)
        or _typo(host, brand)
    )


def _in_subdomain(host: Host, brand: Brand) -> Imitation | None:
    sub = f".{host.subdomain}."
    official = brand.host.ascii.removeprefix("www.")
    tokens = set(_TOKEN.findall(host.subdomain))
    listed = f".{official}." in sub or f".{brand.name}." in sub
    if listed or (not brand.ordinary and brand.key in tokens):
        values = {"registrable": host.display_registrable}
        return Imitation("official_in_subdomain", brand.host, values)
    return None


def _other_ending(host: Host, brand: Brand) -> Imitation | None:
    if _name(host) != brand.name or brand.ordinary:
        return None
    values = {
        "brand": brand.name,
        "suffix": host.display_suffix,
        "official_suffix": brand.host.display_suffix,
    }
    return Imitation("other_tld", brand.host, values)


def _embedded(host: Host, brand: Brand) -> Imitation | None:
    label = _name(host).replace(".", "-")
    compact = label.replace("-", "")
    tokens = _TOKEN.findall(label)
    values = {"brand": brand.name, "registrable": host.display_registrable}
    found = Imitation("brand_embedded", brand.host, values)
    if compact == brand.key:
        return found if label != brand.key else None
    if brand.key in tokens:
        others = [t for t in tokens if t != brand.key]
        return found if not brand.ordinary or any(t in PHISHING_WORDS for t in others) else None
    at = compact.find(brand.key)
    if brand.ordinary or len(brand.key) < _MIN_EMBEDDED or at < 0:
        return None
    before, after = compact[:at], compact[at + len(brand.key) :]
    plural = after.startswith("s") and bool(before or after[1:]) and _affix_ok(after[1:])
    if len(brand.key) >= _ALWAYS_EMBEDDED or (_affix_ok(before) and (plural or _affix_ok(after))):
        return found
    return None


def _affix_ok(affix: str) -> bool:
    """What a phisher adds around a brand is a word; 'openseas' or 'edfinity' are not that."""
    return (
        not affix
        or affix.isdigit()
        or affix in PHISHING_WORDS
        or (len(affix) >= 4 and is_ordinary_name(affix))
    )


def _typo(host: Host, brand: Brand) -> Imitation | None:
    candidates = (
        [host.domain, *_TOKEN.findall(host.domain)]
        if "." not in brand.name
        else [_name(host).replace(".", "")]
    )
    for candidate in dict.fromkeys(candidates):
        typo = classify(candidate, brand.key)
        if typo is not None and (candidate == host.domain or len(candidate) >= 5):
            return _typo_imitation(typo, brand)
    return None


def _typo_imitation(typo: Typo, brand: Brand) -> Imitation:
    values = {"found": typo.found, "expected": typo.expected}
    return Imitation(_TYPO_REASONS[typo.kind], brand.host, values)
