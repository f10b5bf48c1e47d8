"""What a customer's message mentions: coins, networks, amounts, transaction hashes, addresses,
order ids, e-mail addresses, links and phone numbers, each with where it was written.

Spans index the text as the customer wrote it, so the shield can redact or underline them.
Entities never overlap: the longer wins, then the more specific. No input makes `extract`
raise, since it runs on every message of a live conversation.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache
from types import MappingProxyType
from typing import Any

from cryptodesk.brain import entity_patterns as p
from cryptodesk.chain import (
    Family,
    asset,
    networks,
    normalise_alias,
    tx_hash_networks,
    validate,
)

MAX_CHARS = 20_000
logger = logging.getLogger(__name__)


class EntityKind(StrEnum):
    ASSET = "asset"
    NETWORK = "network"
    AMOUNT = "amount"
    TX_HASH = "tx_hash"
    ADDRESS = "address"
    ORDER_ID = "order_id"
    EMAIL = "email"
    URL = "url"
    PHONE = "phone"


K = EntityKind
# Between two candidates of one length, the more specific kind keeps the span.
_PRIORITY = {kind: rank for rank, kind in enumerate((
    K.TX_HASH, K.ADDRESS, K.EMAIL, K.URL, K.ORDER_ID, K.PHONE, K.NETWORK, K.ASSET, K.AMOUNT,
))}  # fmt: skip


@dataclass(frozen=True)
class Entity:
    """One mention: `value` is canonical (a registry id, a plain decimal, an E.164 number...),
    `text` is what was written at `start:end`."""

    kind: EntityKind
    value: str
    start: int
    end: int
    text: str
    extra: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "extra", MappingProxyType(dict(self.extra)))

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready form, for the API and the command line."""
        extra = {k: list(v) if isinstance(v, tuple) else v for k, v in self.extra.items()}
        return {
            "kind": str(self.kind),
            "value": self.value,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "extra": extra,
        }


class _OfKind:
    """A read-only attribute listing the entities of one kind."""

    def __init__(self, kind: EntityKind) -> None:
        self.kind = kind

    def __get__(self, entities: Entities | None, owner: type | None = None) -> tuple[Entity, ...]:
        return entities.of(self.kind) if entities is not None else ()


@dataclass(frozen=True)
class Entities:
    """Everything one message mentions, in the order it was written."""

    items: tuple[Entity, ...] = ()
    truncated: bool = False  # the message was longer than MAX_CHARS; the rest was not read

    def __iter__(self) -> Iterator[Entity]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def of(self, kind: str) -> tuple[Entity, ...]:
        return tuple(e for e in self.items if e.kind == kind)

    def first(self, kind: str) -> Entity | None:
        return next((e for e in self.items if e.kind == kind), None)

    def values(self, kind: str) -> tuple[str, ...]:
        """The distinct values of one kind, first mention first."""
        return tuple(dict.fromkeys(e.value for e in self.items if e.kind == kind))

    def to_list(self) -> list[dict[str, Any]]:
        return [e.to_dict() for e in self.items]

    assets = _OfKind(K.ASSET)
    networks = _OfKind(K.NETWORK)
    amounts = _OfKind(K.AMOUNT)
    tx_hashes = _OfKind(K.TX_HASH)
    addresses = _OfKind(K.ADDRESS)
    order_ids = _OfKind(K.ORDER_ID)
    emails = _OfKind(K.EMAIL)
    urls = _OfKind(K.URL)
    phones = _OfKind(K.PHONE)


@dataclass(frozen=True)
class _Doc:
    original: str
    folded: str
    phone_region: str

    def entity(
        self,
        kind: EntityKind,
        value: str,
        span: tuple[int, int],
        extra: Mapping[str, Any] | None = None,
    ) -> Entity:
        start, end = span
        return Entity(kind, value, start, end, self.original[start:end], extra or {})


# --- coins and networks -------------------------------------------------------------------


def _coins(doc: _Doc) -> Iterator[Entity]:
    text, table = doc.folded, p.alias_table()
    previous: tuple[int, str] | None = None  # where the last coin read as an asset ended
    for match in p.coin_pattern().finditer(text):
        key, (start, end) = normalise_alias(match.group()), match.span()
        asset_id, network_id = table.get(key, (None, None))
        if (follower := p.NOT_BEFORE.get(key)) and text.startswith(follower, end):
            continue
        before = text[max(0, start - 24) : start]
        counted = p.AFTER_NUMBER.search(before) is not None
        cued = bool(
            p.PRE_NETWORK_CUE.search(before)
            or p.POST_NETWORK_CUE.match(text, end)
            or (p.WEAK_PRE_NETWORK_CUE.search(before) and p.ends_phrase(text, end))
        )
        carried = bool(
            previous
            and network_id
            and previous[1] != asset_id
            and p.ADJACENT.fullmatch(text, previous[0], start)
            and previous[1] not in _native_coins()
            and (coin := asset(previous[1])) is not None
            and coin.travels_on(network_id)
        )
        if key in p.STRICT_ALIASES and not (
            p.written_as_name(match.group()) or (counted and asset_id) or cued or carried
        ):
            continue
        if network_id and (not asset_id or (not counted and (cued or carried))):
            yield doc.entity(K.NETWORK, network_id, (start, end))
            previous = None
        elif asset_id:
            yield doc.entity(K.ASSET, asset_id, (start, end))
            previous = (end, asset_id)


@cache
def _native_coins() -> frozenset[str]:
    """Coins that are some network's own: "BTC BNB" lists two coins, "USDT BNB" a network."""
    return frozenset(n.native_asset for n in networks())


# --- amounts ------------------------------------------------------------------------------


def _unit(doc: _Doc, pos: int) -> tuple[str, Entity | None] | None:
    """The coin a number at `pos` counts, and the "U" entity when USDT is written so."""
    text = doc.folded
    gap = p.UNIT_GAP.match(text, pos)
    coin = p.coin_pattern().match(text, gap.end() if gap else pos)
    if coin:
        asset_id = p.alias_table().get(normalise_alias(coin.group()), (None, None))[0]
        if asset_id:
            return asset_id, None
    if usdt := p.USDT_UNIT.match(text, pos):
        group = "u" if usdt.group("u") else "glued"
        return "USDT", doc.entity(K.ASSET, "USDT", usdt.span(group))
    return None


def _amounts(doc: _Doc) -> Iterator[Entity]:
    text = doc.folded
    dates = [m.span() for m in p.WORD_DATE.finditer(text)]
    for m in p.NUMBER.finditer(text):
        unit = _unit(doc, m.end())
        if unit or p.plain_amount(text, m.end(), m["num"]):
            yield from _amount(doc, m.span(), p.arabic_number(m["num"], m["mult"]), unit, dates)
    for m in p.CHINESE_NUMBER.finditer(text):
        if unit := _unit(doc, m.end()):  # Chinese numerals count money only before a coin
            yield from _amount(doc, m.span(), p.chinese_number(m.group()), unit, dates)


def _amount(
    doc: _Doc,
    span: tuple[int, int],
    value: Decimal | None,
    unit: tuple[str, Entity | None] | None,
    dates: list[tuple[int, int]],
) -> Iterator[Entity]:
    start, end = span
    if value is None or any(s < end and start < e for s, e in dates):
        return
    extra = {"asset": unit[0]} if unit else {}
    yield doc.entity(K.AMOUNT, p.decimal_text(value), span, extra)
    if unit and unit[1]:
        yield unit[1]


# --- hashes and addresses -----------------------------------------------------------------


def _tx_hashes(doc: _Doc) -> Iterator[Entity]:
    for pattern in (p.EVM_HASH, p.HEX_HASH, p.BASE58_SIGNATURE, p.BASE64_HASH):
        for m in pattern.finditer(doc.folded):
            if found := tx_hash_networks(m.group()):
                yield doc.entity(K.TX_HASH, m.group(), m.span(), {"networks": found})


@cache
def _evm_networks() -> tuple[str, ...]:
    return tuple(n.id for n in networks() if n.family is Family.EVM)


def _addresses(doc: _Doc) -> Iterator[Entity]:
    patterns = (p.EVM_ADDRESS, p.TON_RAW_ADDRESS, p.TON_ADDRESS, p.ALNUM_RUN)
    spans = dict.fromkeys(m.span() for pattern in patterns for m in pattern.finditer(doc.folded))
    for start, end in spans:
        written = doc.folded[start:end]
        if p.HEX64.fullmatch(written):
            continue  # a transaction hash, whatever else it could decode as
        check = validate(written)
        if check.valid:
            extra: dict[str, Any] = {"networks": check.detected_networks}
            if check.kind:
                extra["kind"] = check.kind
            if check.checksummed:
                extra["checksum_valid"] = True
        elif check.reason == "bad_checksum" and p.EVM_ADDRESS.fullmatch(written):
            # Support should say "this address has a typo", not miss it.
            extra = {"networks": (), "looks_like": _evm_networks(), "checksum_valid": False}
        else:
            continue
        yield doc.entity(K.ADDRESS, written, (start, end), extra)


# --- order ids, e-mail, links, phones -----------------------------------------------------


def _order_ids(doc: _Doc) -> Iterator[Entity]:
    for m in p.ORDER_ID.finditer(doc.folded):
        order_id = m["id"]
        if any(c.isdigit() for c in order_id) and not _unit(doc, m.end("id")):
            yield doc.entity(K.ORDER_ID, order_id, m.span("id"))


def _emails(doc: _Doc) -> Iterator[Entity]:
    for m in p.EMAIL.finditer(doc.folded):
        yield doc.entity(K.EMAIL, m.group().translate(p.FULLWIDTH_DOTS), m.span())


def _urls(doc: _Doc) -> Iterator[Entity]:
    for span, url, host in p.links(doc.folded):
        extra: dict[str, Any] = {"host": host}
        inner = _Doc(url, url, doc.phone_region)  # explorer links carry a hash or an address
        for kind, finder in ((K.TX_HASH, _tx_hashes), (K.ADDRESS, _addresses)):
            if found := next(iter(finder(inner)), None):
                extra[str(kind)] = found.value
        yield doc.entity(K.URL, url, span, extra)


def _phones(doc: _Doc) -> Iterator[Entity]:
    for span, number, region in p.phones(doc.folded, doc.phone_region):
        yield doc.entity(K.PHONE, number, span, {"region": region})


# --- putting it together ------------------------------------------------------------------

_FINDERS: tuple[Callable[[_Doc], Iterable[Entity]], ...] = (
    _coins, _amounts, _tx_hashes, _addresses, _order_ids, _emails, _urls, _phones,
)  # fmt: skip


def _without_overlaps(candidates: list[Entity], length: int) -> tuple[Entity, ...]:
    taken = bytearray(length)
    kept: list[Entity] = []
    for entity in sorted(candidates, key=lambda e: (e.start - e.end, _PRIORITY[e.kind], e.start)):
        if entity.end > entity.start and taken.find(1, entity.start, entity.end) == -1:
            taken[entity.start : entity.end] = b"\x01" * (entity.end - entity.start)
            kept.append(entity)
    return tuple(sorted(kept, key=lambda e: e.start))


def extract(text: str, *, phone_region: str = "CN") -> Entities:
    """Everything `text` mentions; phone numbers without a country code are read as
    `phone_region`'s. Only the first MAX_CHARS characters are read."""
    if not isinstance(text, str) or not text:
        return Entities()
    original = text[:MAX_CHARS]
    doc = _Doc(original, p.fold(original), phone_region)
    candidates: list[Entity] = []
    for finder in _FINDERS:
        try:
            candidates.extend(finder(doc))
        except Exception:  # one broken finder must not cost the others, nor the conversation
            logger.exception("entity finder %s failed", finder.__name__)
    return Entities(_without_overlaps(candidates, len(original)), len(text) > MAX_CHARS)
