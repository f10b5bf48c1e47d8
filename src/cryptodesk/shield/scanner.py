"""Scan a message for secrets and redact them before anything is stored."""

from __future__ import annotations

from collections.abc import Callable

from ..i18n import Language, guess_language
from .api_secrets import find_api_secrets
from .keys import find_keys
from .messages import marker
from .results import ScanResult, Secret, SecretKind
from .seeds import find_seed_phrases

_PRIORITY = (
    SecretKind.SEED_PHRASE,
    SecretKind.EXTENDED_PRIVATE_KEY,
    SecretKind.WIF_KEY,
    SecretKind.SOLANA_SECRET_KEY,
    SecretKind.API_SECRET,
    SecretKind.PRIVATE_KEY,
)
"""When two findings overlap, the one whose encoding says more about it wins: a labelled
64-hex API secret is an API secret, not a bare hex key."""


def scan(
    text: str,
    *,
    known_tx_hashes: frozenset[str] = frozenset(),
    language: Language | None = None,
) -> ScanResult:
    """Find the secrets in `text` and return it with each replaced by a marker.

    `known_tx_hashes` are transaction hashes the platform already knows (e.g. the customer's
    own withdrawals), left intact wherever they appear. `language` forces the markers' language;
    by default it is the language of the text around the secrets.
    """
    secrets = _without_overlaps(_candidates(text, known_tx_hashes))
    if language is None:
        # The words around the secrets decide; a message that is nothing but a Chinese seed
        # phrase is answered in Chinese.
        language = guess_language(_cut(text, secrets, lambda _: " "), guess_language(text))
    redacted = _cut(text, secrets, lambda secret: marker(secret.kind, language))
    return ScanResult(secrets=secrets, redacted=redacted, language=language)


def preload() -> None:
    """Load the wordlists, checksum tables and Chinese prose model now (about a second), so
    the first customer message is not the one that waits for them."""
    scan("助记词：的一是在不了有和人这中大 0x" + "0" * 64)


def _candidates(text: str, known_tx_hashes: frozenset[str]) -> list[Secret]:
    found = [
        Secret(SecretKind.SEED_PHRASE, m.start, m.end, m.confirmed) for m in find_seed_phrases(text)
    ]
    found += [Secret(m.kind, m.start, m.end, m.confirmed) for m in find_keys(text, known_tx_hashes)]
    found += [Secret(SecretKind.API_SECRET, m.start, m.end, True) for m in find_api_secrets(text)]
    return found


def _without_overlaps(candidates: list[Secret]) -> tuple[Secret, ...]:
    kept: list[Secret] = []
    ranked = sorted(candidates, key=lambda s: (_PRIORITY.index(s.kind), s.start - s.end, s.start))
    for candidate in ranked:
        if all(candidate.end <= s.start or candidate.start >= s.end for s in kept):
            kept.append(candidate)
    return tuple(sorted(kept, key=lambda s: s.start))


def _cut(text: str, secrets: tuple[Secret, ...], replacement: Callable[[Secret], str]) -> str:
    parts: list[str] = []
    cursor = 0
    for secret in secrets:
        parts += [text[cursor : secret.start], replacement(secret)]
        cursor = secret.end
    parts.append(text[cursor:])
    return "".join(parts)
