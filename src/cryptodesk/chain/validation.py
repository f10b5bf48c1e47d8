"""Address validation: is this string an address, of which networks, and if not, why not.

Every answer carries a stable reason code for programs and a sentence for people; no input
string makes these functions raise, because they sit in the path of live conversations.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptodesk.chain.formats import Outcome, check
from cryptodesk.chain.messages import Subject, compose
from cryptodesk.chain.models import AddressFormat, Network
from cryptodesk.chain.network_data import NETWORKS
from cryptodesk.chain.registry import network as find_network
from cryptodesk.chain.transactions import tx_hash_networks

REASONS: tuple[str, ...] = (
    "ok",  # valid, checksum verified (or the format has none: checksummed is None)
    "unchecksummed",  # valid, but written without its checksum (all-lower/upper EVM)
    "empty",
    "unknown_network",
    "wrong_network",  # valid on other networks, named in detected_networks
    "bad_checksum",
    "bad_length",
    "bad_characters",
    "missing_prefix",  # an EVM address without "0x"
    "testnet",
    "unsupported",  # well-formed, but a kind exchanges do not pay to
    "tx_hash",  # a transaction hash pasted where an address belongs
    "unrecognised",
)

# Pasted text often brings invisible characters along at its edges.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_FORMATS: tuple[AddressFormat, ...] = tuple(dict.fromkeys(n.address for n in NETWORKS))


@dataclass(frozen=True)
class AddressCheck:
    """The verdict on one address, for one network or for any."""

    valid: bool
    network: str | None
    detected_networks: tuple[str, ...]
    checksummed: bool | None
    reason: str
    message_en: str
    message_zh: str
    kind: str | None = None  # p2pkh, p2sh, p2wpkh, p2wsh, p2tr, x-address, raw, bounceable...
    embedded_memo: str | None = None  # the destination tag an XRP X-address carries

    def message(self, lang: str = "en") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en


def _clean(address: object) -> str:
    if not isinstance(address, str):
        return ""
    return address.strip().strip(_INVISIBLE).strip()


def _outcomes(address: str) -> dict[AddressFormat, Outcome | None]:
    return {fmt: check(address, fmt) for fmt in _FORMATS}


def _detected(outcomes: dict[AddressFormat, Outcome | None]) -> tuple[Network, ...]:
    return tuple(n for n in NETWORKS if (o := outcomes[n.address]) is not None and o.valid)


def detect_networks(address: str) -> tuple[str, ...]:
    """Every network whose address format and checksum `address` satisfies."""
    text = _clean(address)
    return tuple(n.id for n in _detected(_outcomes(text))) if text else ()


def _result(
    reason: str,
    subject: Subject,
    *,
    valid: bool = False,
    checksummed: bool | None = None,
) -> AddressCheck:
    en, zh = compose(reason, subject)
    return AddressCheck(
        valid=valid,
        network=subject.asked.id if subject.asked else None,
        detected_networks=tuple(n.id for n in subject.detected),
        checksummed=checksummed,
        reason=reason,
        message_en=en,
        message_zh=zh,
        kind=subject.kind,
        embedded_memo=subject.embedded_memo,
    )


def _best_claim(
    outcomes: dict[AddressFormat, Outcome | None], asked: Network | None
) -> tuple[AddressFormat, Outcome] | None:
    """The failed claim that best explains the address: the asked network's, strong first.

    A claim on shape alone (weak) only speaks when its own network was asked for.
    """
    claims = [
        (fmt, o)
        for fmt, o in outcomes.items()
        if o is not None and not o.valid and (not o.weak or (asked and asked.address == fmt))
    ]

    def rank(item: tuple[AddressFormat, Outcome]) -> tuple[bool, bool]:
        fmt, outcome = item
        return outcome.weak, not (asked is not None and asked.address == fmt)

    return min(claims, key=rank) if claims else None


def _failure(
    address: str, outcomes: dict[AddressFormat, Outcome | None], asked: Network | None
) -> AddressCheck:
    claim = _best_claim(outcomes, asked)
    fits_tx_hash = bool(tx_hash_networks(address))
    if fits_tx_hash and (claim is None or claim[1].weak or claim[1].status == "bad_length"):
        return _result("tx_hash", Subject(asked=asked))
    if claim is None:
        return _result("unrecognised", Subject(asked=asked))
    fmt, outcome = claim
    subject = Subject(
        asked=asked, claimed=tuple(n for n in NETWORKS if n.address == fmt), kind=outcome.kind
    )
    checksummed = False if outcome.status == "bad_checksum" else outcome.checksummed
    return _result(outcome.status, subject, checksummed=checksummed)


def validate(address: str, network: str | None = None) -> AddressCheck:
    """Check `address`, for `network` (any alias) when given, else for every known network."""
    asked: Network | None = None
    if network is not None and (not isinstance(network, str) or network.strip()):
        asked = find_network(network) if isinstance(network, str) else None
        if asked is None:
            raw = network if isinstance(network, str) else repr(network)
            return _result("unknown_network", Subject(raw_network=raw))
    text = _clean(address)
    if not text:
        return _result("empty", Subject(asked=asked))
    outcomes = _outcomes(text)
    detected = _detected(outcomes)
    if asked is not None and asked not in detected and detected:
        first = outcomes[detected[0].address]
        return _result(
            "wrong_network",
            Subject(asked=asked, detected=detected),
            checksummed=first.checksummed if first else None,
        )
    if not detected:
        return _failure(text, outcomes, asked)
    home = asked or detected[0]
    outcome = outcomes[home.address]
    assert outcome is not None  # every detected network has a valid outcome
    subject = Subject(
        asked=asked, detected=detected, kind=outcome.kind, embedded_memo=outcome.embedded_memo
    )
    return _result(outcome.status, subject, valid=True, checksummed=outcome.checksummed)
