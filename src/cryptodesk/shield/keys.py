"""Find private keys: raw hex, WIF, extended (xprv...), Solana secret keys.

Structured keys are recognised by their encoding, not their look: WIF and extended keys must
pass the Base58Check checksum, a Solana key must decode to 64 bytes. A 64-hex string is either
a private key or a transaction hash; it is left alone only when the words before it say it is
a transaction, or the caller knows the hash. With no context it is redacted: a redacted hash
costs the customer a paste, a stored key costs them their funds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from bip_utils import Base58ChecksumError, Base58Decoder, Ed25519PrivateKey

from .results import SecretKind

_HEX_KEY = re.compile(r"(?<![0-9A-Za-z])(?:0[xX])?([0-9a-fA-F]{64})(?![0-9A-Za-z])")
_BASE58_RUN = re.compile(r"(?<![0-9A-Za-z])[1-9A-HJ-NP-Za-km-z]{50,120}(?![0-9A-Za-z])")
_BYTE_ARRAY = re.compile(r"\[\s*(?:\d{1,3}\s*,\s*){63}\d{1,3}\s*\]")

_TX_CUE = re.compile(
    r"(?<![a-z])(?:txn?s?|txids?|txhash(?:es)?|transactions?|hash(?:es)?|signatures?|sig)(?![a-z])|"
    r"交易\s*(?:哈希|id|ID|号|號|签名|簽名)|哈希|签名|簽名",
    re.IGNORECASE,
)
_KEY_CUE = re.compile(
    r"(?<![a-z])(?:private|priv|secret|key)|私钥|私鑰|密钥|密鑰|秘钥", re.IGNORECASE
)
_CONTEXT_CHARS = 40
_LIST_GAP = re.compile(r"[\s,;，、；|]*(?:and|和|以及)?[\s,;，、；|]*(?:0[xX])?", re.IGNORECASE)

_WIF_LENGTHS = (51, 52)
_EXTENDED_LENGTHS = (111, 112)
_SOLANA_LENGTHS = (87, 88)


@dataclass(frozen=True)
class KeyMatch:
    kind: SecretKind
    start: int
    end: int
    confirmed: bool


def find_keys(text: str, known_tx_hashes: Iterable[str] = ()) -> list[KeyMatch]:
    known = {_bare(h) for h in known_tx_hashes}
    return _hex_keys(text, known) + _base58_keys(text, known) + _byte_array_keys(text)


def _bare(value: str) -> str:
    value = value.strip()
    return value[2:].lower() if value[:2] in ("0x", "0X") else value.lower()


def _tx_context(text: str, start: int) -> bool:
    """Whether the nearest cue before `start` names a transaction rather than a key."""
    before = text[max(0, start - _CONTEXT_CHARS) : start]
    tx = [m.end() for m in _TX_CUE.finditer(before)]
    keys = [m.end() for m in _KEY_CUE.finditer(before)]
    return bool(tx) and (not keys or tx[-1] > keys[-1])


def _explorer_link(text: str, start: int) -> bool:
    before = text[max(0, start - 16) : start].lower()
    return before.endswith(("/tx/", "/transaction/", "/txs/", "/tx?hash=", "/tx?txid="))


class _TxTracker:
    """Keeps a list of hashes after one cue ("txids: a, b and c") all counted as hashes."""

    def __init__(self, text: str, known: set[str]) -> None:
        self._text = text
        self._known = known
        self._last_end = -1

    def is_transaction(self, start: int, end: int, value: str) -> bool:
        follows = self._last_end >= 0 and _LIST_GAP.fullmatch(self._text[self._last_end : start])
        tx = (
            _bare(value) in self._known
            or bool(follows)
            or _explorer_link(self._text, start)
            or _tx_context(self._text, start)
        )
        if tx:
            self._last_end = end
        return tx


def _hex_keys(text: str, known: set[str]) -> list[KeyMatch]:
    tracker = _TxTracker(text, known)
    found: list[KeyMatch] = []
    for match in _HEX_KEY.finditer(text):
        if tracker.is_transaction(match.start(), match.end(), match.group()):
            continue
        labelled = _KEY_CUE.search(text[max(0, match.start() - _CONTEXT_CHARS) : match.start()])
        found.append(KeyMatch(SecretKind.PRIVATE_KEY, match.start(), match.end(), bool(labelled)))
    return found


def _base58_keys(text: str, known: set[str]) -> list[KeyMatch]:
    tracker = _TxTracker(text, known)
    found: list[KeyMatch] = []
    for match in _BASE58_RUN.finditer(text):
        value, start, end = match.group(), match.start(), match.end()
        if len(value) in _WIF_LENGTHS and _is_wif(value):
            found.append(KeyMatch(SecretKind.WIF_KEY, start, end, True))
        elif len(value) in _EXTENDED_LENGTHS and _is_extended_private(value):
            found.append(KeyMatch(SecretKind.EXTENDED_PRIVATE_KEY, start, end, True))
        elif len(value) in _SOLANA_LENGTHS:
            raw = _b58decode(value)
            if raw is not None and len(raw) == 64 and not tracker.is_transaction(start, end, value):
                found.append(KeyMatch(SecretKind.SOLANA_SECRET_KEY, start, end, _is_keypair(raw)))
    return found


def _byte_array_keys(text: str) -> list[KeyMatch]:
    """The Solana CLI's keypair file: a JSON array of 64 byte values."""
    found: list[KeyMatch] = []
    for match in _BYTE_ARRAY.finditer(text):
        values = [int(v) for v in re.findall(r"\d+", match.group())]
        if all(v < 256 for v in values):
            confirmed = _is_keypair(bytes(values))
            found.append(
                KeyMatch(SecretKind.SOLANA_SECRET_KEY, match.start(), match.end(), confirmed)
            )
    return found


def _b58decode(value: str) -> bytes | None:
    try:
        return Base58Decoder.Decode(value)
    except ValueError:
        return None


def _b58check(value: str) -> bytes | None:
    try:
        return Base58Decoder.CheckDecode(value)
    except (ValueError, Base58ChecksumError):
        return None


def _is_wif(value: str) -> bool:
    """A version byte, 32 key bytes, and 0x01 when the public key is compressed."""
    payload = _b58check(value)
    return payload is not None and (
        len(payload) == 33 or (len(payload) == 34 and payload[-1] == 0x01)
    )


def _is_extended_private(value: str) -> bool:
    """78 bytes whose key data starts with 0x00 (a private key): xprv, yprv, zprv, tprv..."""
    payload = _b58check(value)
    return payload is not None and len(payload) == 78 and payload[45] == 0x00


def _is_keypair(raw: bytes) -> bool:
    """Whether the second half is the Ed25519 public key of the first (a Solana keypair)."""
    try:
        public = Ed25519PrivateKey.FromBytes(raw[:32]).PublicKey().RawCompressed().ToBytes()
    except ValueError:
        return False
    return public[-32:] == raw[32:]
