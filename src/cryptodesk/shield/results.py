"""What a scan reports: the secrets found, and the text safe to store."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..i18n import Language


class SecretKind(StrEnum):
    SEED_PHRASE = "seed_phrase"
    PRIVATE_KEY = "private_key"
    WIF_KEY = "wif_key"
    EXTENDED_PRIVATE_KEY = "extended_private_key"
    SOLANA_SECRET_KEY = "solana_secret_key"
    API_SECRET = "api_secret"


@dataclass(frozen=True)
class Secret:
    """One secret in the scanned text, `text[start:end]`.

    `confirmed` says the value proved itself: a seed phrase or key whose checksum holds, a
    Solana keypair whose halves match, a hex key or API secret labelled as such. Unconfirmed
    secrets are redacted all the same.
    """

    kind: SecretKind
    start: int
    end: int
    confirmed: bool


@dataclass(frozen=True)
class ScanResult:
    secrets: tuple[Secret, ...]
    redacted: str
    language: Language
    """The language of the text around the secrets, used for the markers and the warning."""

    @property
    def found(self) -> bool:
        return bool(self.secrets)

    @property
    def kinds(self) -> frozenset[SecretKind]:
        return frozenset(secret.kind for secret in self.secrets)

    @property
    def confirmed(self) -> bool:
        """Whether at least one secret proved itself (checksum, keypair or label)."""
        return any(secret.confirmed for secret in self.secrets)
