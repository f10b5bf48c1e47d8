"""BIP39 wordlists (from the `mnemonic` package) and checksum checks (from bip-utils).

Only English and the two Chinese lists are read: those are the languages our customers write
in. Validators are built once with an explicit language, because automatic detection cannot
tell the simplified and traditional lists apart (1,275 characters are in both).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from bip_utils import Bip39Languages, Bip39MnemonicValidator
from mnemonic import Mnemonic

PHRASE_LENGTHS = (24, 21, 18, 15, 12)
"""Word counts BIP39 allows, longest first (the order windows are tried in)."""

MIN_PHRASE = min(PHRASE_LENGTHS)

ENGLISH = "english"
SIMPLIFIED = "chinese_simplified"
TRADITIONAL = "chinese_traditional"

_BIP_UTILS_LANGUAGE = {
    ENGLISH: Bip39Languages.ENGLISH,
    SIMPLIFIED: Bip39Languages.CHINESE_SIMPLIFIED,
    TRADITIONAL: Bip39Languages.CHINESE_TRADITIONAL,
}


@cache
def wordlist(language: str) -> tuple[str, ...]:
    """The 2,048 words of one list, in BIP39 order (the Chinese lists are by frequency)."""
    return tuple(Mnemonic(language).wordlist)


@cache
def word_set(language: str) -> frozenset[str]:
    return frozenset(wordlist(language))


@cache
def chinese_characters() -> frozenset[str]:
    """Every character of either Chinese list."""
    return word_set(SIMPLIFIED) | word_set(TRADITIONAL)


@cache
def _validator(language: str) -> Bip39MnemonicValidator:
    return Bip39MnemonicValidator(_BIP_UTILS_LANGUAGE[language])


def checksum_language(words: Sequence[str], languages: Sequence[str]) -> str | None:
    """The first of `languages` in which `words` form a valid phrase (checksum included)."""
    if len(words) not in PHRASE_LENGTHS:
        return None
    for language in languages:
        if all(word in word_set(language) for word in words) and _validator(language).IsValid(
            " ".join(words)
        ):
            return language
    return None
