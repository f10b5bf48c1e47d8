"""Reduce a name to the ASCII it imitates: Cyrillic 'а' reads 'a', full-width 'ｂ' reads 'b'.

Unicode's confusables table (bundled with confusable_homoglyphs; its `update` command is never
run) gives the look-alike of each character; accents are dropped after that.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from confusable_homoglyphs import categories, confusables


@dataclass(frozen=True)
class Substitution:
    """One character standing in for an ASCII one: Cyrillic 'а' for Latin 'a'."""

    char: str
    script: str
    imitates: str


@cache
def _imitated(char: str) -> str | None:
    """The ASCII letter or digit a non-ASCII character looks like, if any."""
    folded = unicodedata.normalize("NFKC", char).lower()
    if folded.isascii() and folded.isalnum():
        return folded
    found = confusables.is_confusable(char, greedy=True)
    for hit in found or ():
        for glyph in hit["homoglyphs"]:
            target = glyph["c"].lower()
            if len(target) == 1 and target.isascii() and target.isalnum():
                return target
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
    ).lower()
    return stripped if stripped.isascii() and stripped.isalnum() and stripped else None


def skeleton(name: str) -> tuple[str, tuple[Substitution, ...]]:
    """The ASCII a name imitates, and which characters were read as something else."""
    out: list[str] = []
    subs: list[Substitution] = []
    for char in name:
        if char.isascii():
            out.append(char.lower())
            continue
        target = _imitated(char)
        if target is None:
            out.append(char)
            continue
        out.append(target)
        subs.append(Substitution(char, script_name(char), target))
    return "".join(out), tuple(dict.fromkeys(subs))


def script_name(char: str) -> str:
    """'Cyrillic', 'Greek', 'Latin'... for messages."""
    try:
        alias = categories.alias(char)
    except (KeyError, IndexError, TypeError):
        return "Unicode"
    return "full-width" if unicodedata.east_asian_width(char) == "F" else alias.capitalize()
