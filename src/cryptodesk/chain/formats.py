"""Address checks, one per address family, on top of bip-utils' decoders.

Each check first decides whether a string is *claimed* by its family (it looks like one of its
addresses: right prefix, plausible length) and only then why it fails, so a customer hears
"a Bitcoin address with a typo" rather than "not an address". The decoders of bip-utils (and
pytoniq_core for TON) have the last word on what is accepted.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from bip_utils import (
    Base58Alphabets,
    Base58ChecksumError,
    Base58Decoder,
    Base58Encoder,
    Bech32ChecksumError,
    EthAddrDecoder,
    P2PKHAddrDecoder,
    P2SHAddrDecoder,
    SegwitBech32Decoder,
    TrxAddrDecoder,
    XlmAddrDecoder,
    XrpAddrDecoder,
)
from bip_utils.base58.base58 import Base58Const
from bip_utils.bech32.bech32_base import Bech32BaseConst
from pytoniq_core import Address as TonAddress

from cryptodesk.chain.models import AddressFormat, Family

VALID_STATUSES = frozenset({"ok", "unchecksummed"})

_HEX = frozenset("0123456789abcdefABCDEF")
_B58 = frozenset(Base58Const.ALPHABETS[Base58Alphabets.BITCOIN])
_B58_RIPPLE = frozenset(Base58Const.ALPHABETS[Base58Alphabets.RIPPLE])
_BECH32 = frozenset(Bech32BaseConst.CHARSET)
_B32 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
_B64 = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/-_")
_BECH32_MAX_LEN = 90
_TON_RAW = re.compile(r"(-?[0-9]{1,3}):(.*)", re.DOTALL)
# Bounceable, non-bounceable and their test-only variants, on workchain 0 ("Q") or -1 ("f").
_TON_PREFIXES = frozenset(a + b for a in "EUk0" for b in "Qf")
_TON_WORKCHAINS = (0, -1)
_XRP_X_PREFIX = b"\x05\x44"


@dataclass(frozen=True)
class Outcome:
    """What one family's check made of an address: a reason code and what it learned."""

    status: str
    checksummed: bool | None = None
    kind: str | None = None
    embedded_memo: str | None = None
    weak: bool = False  # a claim on shape alone, to be outranked by any other family's claim

    @property
    def valid(self) -> bool:
        return self.status in VALID_STATUSES


def check(address: str, fmt: AddressFormat) -> Outcome | None:
    """The outcome for `address` in format `fmt`, or None if the family does not claim it."""
    return _CHECKERS[fmt.family](address, fmt)


# --- EVM -----------------------------------------------------------------------------------


def _check_evm(address: str, fmt: AddressFormat) -> Outcome | None:
    if not address.startswith(("0x", "0X")):
        if len(address) == 40 and set(address) <= _HEX:
            return Outcome("missing_prefix")
        return None
    body = address[2:]
    if address[1] == "X" or not set(body) <= _HEX:
        return Outcome("bad_characters")
    if len(body) != 40:
        return Outcome("bad_length")
    try:
        EthAddrDecoder.DecodeAddr(address)
        return Outcome("ok", checksummed=True)
    except ValueError:
        pass
    if body in (body.lower(), body.upper()):
        EthAddrDecoder.DecodeAddr(address, skip_chksum_enc=True)
        return Outcome("unchecksummed", checksummed=False)
    return Outcome("bad_checksum")


# --- Base58Check families (Bitcoin-like, TRON, XRP classic) -------------------------------


@cache
def _lead_chars(version: int, alphabet: Base58Alphabets) -> frozenset[str]:
    """First characters a 25-byte Base58Check payload with this version byte can encode to."""
    return frozenset(
        Base58Encoder.Encode(bytes([version]) + bytes([fill]) * 24, alphabet)[0]
        for fill in range(256)
    )


def _base58check(
    address: str,
    versions: dict[int, str],
    alphabet: Base58Alphabets = Base58Alphabets.BITCOIN,
    testnet_versions: tuple[int, ...] = (),
) -> tuple[Outcome | None, int | None]:
    """Claim and diagnose a 25-byte Base58Check address; returns the outcome and its version."""
    leads = frozenset().union(*(_lead_chars(v, alphabet) for v in (*versions, *testnet_versions)))
    if not 25 <= len(address) <= 40 or address[0] not in leads:
        return None, None
    chars = _B58_RIPPLE if alphabet is Base58Alphabets.RIPPLE else _B58
    if not set(address) <= chars:
        return Outcome("bad_characters"), None
    if len(Base58Decoder.Decode(address, alphabet)) != 25:
        return Outcome("bad_length"), None
    try:
        version = Base58Decoder.CheckDecode(address, alphabet)[0]
    except Base58ChecksumError:
        return Outcome("bad_checksum"), None
    if version in testnet_versions:
        return Outcome("testnet", checksummed=True), version
    if version not in versions:
        return None, None
    return Outcome("ok", checksummed=True, kind=versions[version]), version


def _check_bitcoin(address: str, fmt: AddressFormat) -> Outcome | None:
    lowered = address.lower()
    if fmt.hrp and lowered.startswith(fmt.hrp + "1"):
        return _check_segwit(address, fmt.hrp, testnet=False)
    for hrp in fmt.testnet_hrps:
        if lowered.startswith(hrp + "1"):
            return _check_segwit(address, hrp, testnet=True)
    versions = {v: "p2pkh" for v in fmt.p2pkh} | {v: "p2sh" for v in fmt.p2sh}
    outcome, version = _base58check(
        address, versions, testnet_versions=fmt.testnet_p2pkh + fmt.testnet_p2sh
    )
    if outcome is None or version is None or not outcome.valid:
        return outcome
    decoder = P2PKHAddrDecoder if version in fmt.p2pkh else P2SHAddrDecoder
    decoder.DecodeAddr(address, net_ver=bytes([version]))
    return outcome


def _check_segwit(address: str, hrp: str, testnet: bool) -> Outcome:
    if len(address) > _BECH32_MAX_LEN:
        return Outcome("bad_length")
    data = address[len(hrp) + 1 :]
    if address not in (address.lower(), address.upper()) or not set(data.lower()) <= _BECH32:
        return Outcome("bad_characters")
    try:
        version, program = SegwitBech32Decoder.Decode(hrp, address)
    except Bech32ChecksumError:
        return Outcome("bad_checksum")
    except ValueError:
        return Outcome("bad_length")
    if testnet:
        return Outcome("testnet", checksummed=True)
    if version == 0:
        return Outcome("ok", checksummed=True, kind="p2wpkh" if len(program) == 20 else "p2wsh")
    if version == 1 and len(program) == 32:
        return Outcome("ok", checksummed=True, kind="p2tr")
    # Future witness versions are well-formed but no exchange pays to them.
    return Outcome("unsupported", checksummed=True, kind=f"witness_v{version}")


def _check_tron(address: str, fmt: AddressFormat) -> Outcome | None:
    outcome, _ = _base58check(address, {0x41: "base58"})
    if outcome is not None and outcome.valid:
        TrxAddrDecoder.DecodeAddr(address)
    return outcome


def _check_xrp(address: str, fmt: AddressFormat) -> Outcome | None:
    if address.startswith("X") and 44 <= len(address) <= 50:
        return _check_xrp_x_address(address)
    outcome, _ = _base58check(address, {0x00: "classic"}, Base58Alphabets.RIPPLE)
    if outcome is not None and outcome.valid:
        XrpAddrDecoder.DecodeAddr(address)
    return outcome


def _check_xrp_x_address(address: str) -> Outcome:
    """X-addresses pack the account and its destination tag together (XLS-5)."""
    if not set(address) <= _B58_RIPPLE:
        return Outcome("bad_characters")
    if len(Base58Decoder.Decode(address, Base58Alphabets.RIPPLE)) != 35:
        return Outcome("bad_length")
    try:
        payload = Base58Decoder.CheckDecode(address, Base58Alphabets.RIPPLE)
    except Base58ChecksumError:
        return Outcome("bad_checksum")
    flag, tag, reserved = payload[22], payload[23:27], payload[27:]
    if payload[:2] != _XRP_X_PREFIX or flag not in (0, 1) or any(reserved):
        return Outcome("unsupported", checksummed=True, kind="x-address")
    if flag == 0 and any(tag):
        return Outcome("unsupported", checksummed=True, kind="x-address")
    memo = str(int.from_bytes(tag, "little")) if flag == 1 else None
    return Outcome("ok", checksummed=True, kind="x-address", embedded_memo=memo)


# --- Ed25519 families --------------------------------------------------------------------


def _check_solana(address: str, fmt: AddressFormat) -> Outcome | None:
    if not 32 <= len(address) <= 44 or not (address.isascii() and address.isalnum()):
        return None
    if not set(address) <= _B58:
        return Outcome("bad_characters", weak=True)
    if len(Base58Decoder.Decode(address)) != 32:
        return Outcome("bad_length", weak=True)
    # Any 32 bytes are an account (program-derived ones lie off the curve), so no key check.
    return Outcome("ok", checksummed=None)


def _check_stellar(address: str, fmt: AddressFormat) -> Outcome | None:
    if not address.startswith("G") or not 50 <= len(address) <= 62:
        return None
    if not set(address) <= _B32:
        return Outcome("bad_characters")
    if len(address) != 56:
        return Outcome("bad_length")
    try:
        XlmAddrDecoder.DecodeAddr(address)
    except ValueError:
        return Outcome("bad_checksum")
    return Outcome("ok", checksummed=True)


def _check_ton(address: str, fmt: AddressFormat) -> Outcome | None:
    raw = _TON_RAW.fullmatch(address)
    if raw:
        workchain, body = int(raw.group(1)), raw.group(2)
        if not set(body) <= _HEX:
            return Outcome("bad_characters")
        if len(body) != 64:
            return Outcome("bad_length")
        if workchain not in _TON_WORKCHAINS:
            return Outcome("unsupported", kind="raw")
        TonAddress(address)
        return Outcome("ok", checksummed=None, kind="raw")
    if not 40 <= len(address) <= 56 or address[:2] not in _TON_PREFIXES:
        return None
    if not set(address) <= _B64:
        return Outcome("bad_characters")
    if len(address) != 48:
        return Outcome("bad_length")
    try:
        parsed = TonAddress(address)
    except Exception:  # pytoniq_core raises its own AddressError, or binascii errors
        return Outcome("bad_checksum")
    if parsed.is_test_only:
        return Outcome("testnet", checksummed=True)
    if parsed.wc not in _TON_WORKCHAINS:
        return Outcome("unsupported", checksummed=True)
    kind = "bounceable" if parsed.is_bounceable else "non-bounceable"
    return Outcome("ok", checksummed=True, kind=kind)


_CHECKERS: dict[Family, Callable[[str, AddressFormat], Outcome | None]] = {
    Family.EVM: _check_evm,
    Family.BITCOIN: _check_bitcoin,
    Family.TRON: _check_tron,
    Family.SOLANA: _check_solana,
    Family.XRP: _check_xrp,
    Family.STELLAR: _check_stellar,
    Family.TON: _check_ton,
}
