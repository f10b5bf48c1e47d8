"""Entity extraction from customers' messages, in English, Chinese and both at once.

Addresses are derived here from seeded random keys with bip-utils, so no fixture can go stale.
"""

from __future__ import annotations

import json
import logging
import random

import pytest
from bip_utils import (
    Base58Encoder,
    Ed25519PrivateKey,
    EthAddrEncoder,
    P2WPKHAddrEncoder,
    Secp256k1PrivateKey,
    SolAddrEncoder,
    TrxAddrEncoder,
)
from hypothesis import given, settings
from hypothesis import strategies as st

from cryptodesk.brain import entity_patterns
from cryptodesk.brain.entities import MAX_CHARS, Entities, Entity, EntityKind, extract

_rng = random.Random("entities")


def _secp() -> Secp256k1PrivateKey:
    return Secp256k1PrivateKey.FromBytes(_rng.randbytes(32))


def _ed() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.FromBytes(_rng.randbytes(32))


ETH = [EthAddrEncoder.EncodeKey(_secp().PublicKey()) for _ in range(3)]
TRX = [TrxAddrEncoder.EncodeKey(_secp().PublicKey()) for _ in range(3)]
BTC = [P2WPKHAddrEncoder.EncodeKey(_secp().PublicKey(), hrp="bc") for _ in range(3)]
SOL = [SolAddrEncoder.EncodeKey(_ed().PublicKey()) for _ in range(3)]
DERIVED = (
    [(a, "ETH") for a in ETH]
    + [(a, "TRX") for a in TRX]
    + [(a, "BTC") for a in BTC]
    + [(a, "SOL") for a in SOL]
)
EVM_TX = "0x" + _rng.randbytes(32).hex()
HEX_TX = _rng.randbytes(32).hex()
SOL_SIGNATURE = Base58Encoder.Encode(_rng.randbytes(64))


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def read(text: str) -> Entities:
    """`extract`, failing the test if any finder broke (extract logs it and carries on)."""
    collect = _Collect()
    log = logging.getLogger("cryptodesk.brain.entities")
    log.addHandler(collect)
    try:
        entities = extract(text)
    finally:
        log.removeHandler(collect)
    assert not collect.records, collect.records[0].getMessage()
    return entities


def found(text: str) -> list[tuple[str, str]]:
    return [(str(e.kind), e.value) for e in read(text)]


def found_kinds(entities: Entities) -> list[str]:
    return [str(e.kind) for e in entities]


def assert_well_formed(text: str, entities: Entities) -> None:
    """Spans point at what was written, in order, and never overlap."""
    last_end = 0
    for entity in entities:
        assert text[entity.start : entity.end] == entity.text
        assert entity.start >= last_end
        last_end = entity.end


# --- whole messages -------------------------------------------------------------------------


def test_chinese_withdrawal_question_with_a_transaction_hash() -> None:
    text = f"我的USDT提现一直pending，txid {EVM_TX}"
    entities = read(text)
    assert found(text) == [("asset", "USDT"), ("tx_hash", EVM_TX)]
    tx = entities.tx_hashes[0]
    assert text[tx.start : tx.end] == EVM_TX
    assert {"ETH", "BSC"} <= set(tx.extra["networks"])
    assert entities.amounts == ()


def test_english_deposit_with_amount_network_and_address() -> None:
    text = f"sent 500 usdt via bep20 to {ETH[0]}"
    entities = read(text)
    assert found(text) == [
        ("amount", "500"),
        ("asset", "USDT"),
        ("network", "BSC"),
        ("address", ETH[0]),
    ]
    assert entities.amounts[0].extra == {"asset": "USDT"}
    assert entities.first("asset") == entities.assets[0]
    address = entities.addresses[0]
    assert {"ETH", "BSC"} <= set(address.extra["networks"])
    assert address.extra["checksum_valid"] is True
    assert_well_formed(text, entities)


def test_mixed_message_reads_every_kind_once() -> None:
    text = (
        f"你好，订单号 2024112500123 的 0.5个比特币 走BTC网络 提到 {BTC[0]} 了，"
        f"hash {HEX_TX}，联系 alice@example.com 或 +86 138 0013 8000，"
        "官网是 binance-support.com 吗？"
    )
    entities = read(text)
    assert entities.values(EntityKind.ORDER_ID) == ("2024112500123",)
    assert entities.values(EntityKind.AMOUNT) == ("0.5",)
    assert entities.values(EntityKind.ASSET) == ("BTC",)
    assert entities.values(EntityKind.NETWORK) == ("BTC",)
    assert entities.values(EntityKind.ADDRESS) == (BTC[0],)
    assert entities.values(EntityKind.TX_HASH) == (HEX_TX,)
    assert entities.values(EntityKind.EMAIL) == ("alice@example.com",)
    assert entities.values(EntityKind.PHONE) == ("+8613800138000",)
    assert entities.values(EntityKind.URL) == ("binance-support.com",)
    assert_well_formed(text, entities)


# --- assets and networks --------------------------------------------------------------------

ASSET_WORDS = [
    ("USDT", "USDT"),
    ("usdt", "USDT"),
    ("泰达币", "USDT"),
    ("Tether", "USDT"),
    ("比特币", "BTC"),
    ("BTC", "BTC"),
    ("XBT", "BTC"),
    ("eth", "ETH"),
    ("以太坊", "ETH"),
    ("狗狗币", "DOGE"),
    ("TON", "TON"),
    ("OP", "OP"),
    ("Ripple", "XRP"),
]


@pytest.mark.parametrize(("word", "asset_id"), ASSET_WORDS)
@pytest.mark.parametrize("template", ["how do I withdraw {} please", "我的{}提现", "{}"])
def test_coin_names_in_both_languages(word: str, asset_id: str, template: str) -> None:
    text = template.format(word)
    entities = read(text)
    assert entities.values(EntityKind.ASSET) == (asset_id,)
    assert entities.networks == ()
    assert entities.assets[0].text == word


@pytest.mark.parametrize(
    ("word", "network_id"),
    [
        ("ERC20", "ETH"),
        ("BEP-20", "BSC"),
        ("TRC20", "TRX"),
        ("trc 20", "TRX"),
        ("波场", "TRX"),
        ("币安智能链", "BSC"),
        ("BNB Smart Chain", "BSC"),
        ("Arbitrum One", "ARBITRUM"),
        ("Solana SPL", "SOL"),
        ("Avalanche C-Chain", "AVAXC"),
    ],
)
def test_network_names(word: str, network_id: str) -> None:
    for text in (f"which network? {word}", f"我选的是{word}对吗"):
        entities = read(text)
        assert entities.values(EntityKind.NETWORK) == (network_id,)
        assert entities.networks[0].text == word
        assert entities.assets == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("deposit USDT on ETH", [("asset", "USDT"), ("network", "ETH")]),
        ("is the ETH network down", [("network", "ETH")]),
        ("走ETH链可以吗", [("network", "ETH")]),
        ("can I use SOL chain", [("network", "SOL")]),
        ("send it via TRX", [("network", "TRX")]),
        ("USDT TRX", [("asset", "USDT"), ("network", "TRX")]),
        ("USDT-TRC20", [("asset", "USDT"), ("network", "TRX")]),
        ("USDC on base", [("asset", "USDC"), ("network", "BASE")]),
        ("buy ETH", [("asset", "ETH")]),
        ("以太坊涨了", [("asset", "ETH")]),
        ("my Tron wallet", [("asset", "TRX")]),
        ("5 ETH on BSC", [("amount", "5"), ("asset", "ETH"), ("network", "BSC")]),
        ("see the ETH Staking page", [("asset", "ETH")]),
        ("rewards on the ETH Staking page", [("asset", "ETH")]),
        ("positions on BTC/USDT", [("asset", "BTC"), ("asset", "USDT")]),
        ("pairs BTC/BNB and BTC BNB", [("asset", "BTC"), ("asset", "BNB")] * 2),
        ("fees paid via BNB tokens", [("asset", "BNB")]),
    ],
)
def test_a_coin_that_is_also_a_network_is_read_from_context(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "set a stop loss",
        "this solution is fine",
        "a ton of questions",
        "press the button",
        "arbitrage bot",
        "the base fee is high",
        "stellar service",
        "一直没到账",
        "以太网连接断了",
        "the option was gone",
        "price per 1 base asset",
    ],
)
def test_ordinary_words_are_not_coins(text: str) -> None:
    entities = read(text)
    assert (entities.assets, entities.networks) == ((), ())


# --- amounts --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "asset_id"),
    [
        ("500 USDT", "500", "USDT"),
        ("0.5 BTC", "0.5", "BTC"),
        ("1,000.50 usdt", "1000.5", "USDT"),
        ("500U", "500", "USDT"),
        ("五百U", "500", "USDT"),
        ("2万USDT", "20000", "USDT"),
        ("1.5万 usdt", "15000", "USDT"),
        ("0.5个比特币", "0.5", "BTC"),
        ("withdraw 2.5k usdt", "2500", "USDT"),
        ("５００ＵＳＤＴ", "500", "USDT"),
        ("提了 300", "300", None),
        ("I withdrew 120.75 yesterday", "120.75", None),
    ],
)
def test_amounts(text: str, value: str, asset_id: str | None) -> None:
    entities = read(text)
    assert entities.values(EntityKind.AMOUNT) == (value,)
    amount = entities.amounts[0]
    assert amount.extra.get("asset") == asset_id
    if asset_id:
        assert entities.values(EntityKind.ASSET) == (asset_id,)
    assert_well_formed(text, entities)


@pytest.mark.parametrize(
    "text",
    [
        "my 2FA code is lost",
        "on 2026-11-25",
        "at 10:30 today",
        "2026年11月25日",
        "11/25/2026",
        "Nov 25, 2026",
        "ERC20",
        "BEP20 or TRC20",
        "waited 3 days",
        "fee is 10%",
        "version v1.2.3",
        "第3次",
        f"tx {EVM_TX}",
        f"address {ETH[1]}",
        "order 123456789",
        "call +86 138 0013 8000",
    ],
)
def test_numbers_that_are_not_amounts(text: str) -> None:
    assert read(text).amounts == ()


# --- transaction hashes and addresses --------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "networks"),
    [
        (EVM_TX, {"ETH", "BSC", "ARBITRUM"}),
        (HEX_TX, {"BTC", "TRX", "LTC"}),
        (HEX_TX.upper(), {"XRP"}),
        (SOL_SIGNATURE, {"SOL"}),
    ],
)
def test_transaction_hashes(written: str, networks: set[str]) -> None:
    text = f"交易哈希：{written}，请查一下"
    entities = read(text)
    assert entities.values(EntityKind.TX_HASH) == (written,)
    assert networks <= set(entities.tx_hashes[0].extra["networks"])
    assert entities.addresses == ()
    assert_well_formed(text, entities)


@pytest.mark.parametrize(
    "written", [HEX_TX[:63], HEX_TX + "a", "0x" + HEX_TX[:63], "0x" + HEX_TX + "0"]
)
def test_hex_strings_of_the_wrong_length_are_not_hashes(written: str) -> None:
    entities = read(f"txid {written}")
    assert (entities.tx_hashes, entities.addresses) == ((), ())


@pytest.mark.parametrize(("address", "network_id"), DERIVED)
@pytest.mark.parametrize("template", ["please send to {} thanks", "充值地址是{}，为什么没到账"])
def test_derived_addresses(address: str, network_id: str, template: str) -> None:
    text = template.format(address)
    entities = read(text)
    assert entities.values(EntityKind.ADDRESS) == (address,)
    assert network_id in entities.addresses[0].extra["networks"]
    assert (entities.assets, entities.amounts, entities.tx_hashes) == ((), (), ())
    assert_well_formed(text, entities)


@pytest.mark.parametrize("address", ETH)
def test_evm_address_with_one_character_changed_is_reported_with_a_bad_checksum(
    address: str,
) -> None:
    letters = [i for i, c in enumerate(address) if i >= 2 and c.isalpha()]
    i = random.Random(address).choice(letters)
    typo = address[:i] + address[i].swapcase() + address[i + 1 :]
    entity = read(f"send to {typo}").first(EntityKind.ADDRESS)
    assert entity is not None and entity.value == typo
    assert entity.extra["checksum_valid"] is False
    assert entity.extra["networks"] == ()
    assert "ETH" in entity.extra["looks_like"]


def test_lowercase_evm_address_is_valid_but_carries_no_checksum() -> None:
    entity = read(f"to {ETH[2].lower()}").first(EntityKind.ADDRESS)
    assert entity is not None and "ETH" in entity.extra["networks"]
    assert "checksum_valid" not in entity.extra


def test_sixty_four_hex_characters_are_a_hash_not_an_address() -> None:
    entities = read(f"0:{HEX_TX} and {HEX_TX}")
    assert found_kinds(entities) == ["address", "tx_hash"]
    assert entities.addresses[0].extra["networks"] == ("TON",)


# --- order ids, e-mail, links, phones --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "order_id"),
    [
        ("order 123456789 is stuck", "123456789"),
        ("Order #A1B2C3 was cancelled", "A1B2C3"),
        ("order id: ab-12345", "ab-12345"),
        ("订单号 2024112500123", "2024112500123"),
        ("订单：X99887766 一直没成交", "X99887766"),
        ("订单号2024112500123的状态", "2024112500123"),
    ],
)
def test_order_ids(text: str, order_id: str) -> None:
    entities = read(text)
    assert entities.values(EntityKind.ORDER_ID) == (order_id,)
    assert (entities.amounts, entities.phones) == ((), ())
    assert_well_formed(text, entities)


@pytest.mark.parametrize(
    "text", ["my order is stuck", "order 5 days ago", "orders ABCDEF", "订单一直没成交"]
)
def test_order_words_without_an_id(text: str) -> None:
    assert read(text).order_ids == ()


def test_emails_including_full_width_at_sign() -> None:
    text = "mail Alice.B+kyc@example.com or 邮箱：user＠qq.com"
    entities = read(text)
    assert entities.values(EntityKind.EMAIL) == ("Alice.B+kyc@example.com", "user@qq.com")
    assert entities.emails[1].text == "user＠qq.com"
    assert entities.urls == ()
    assert read("user@localhost or a@b").emails == ()


@pytest.mark.parametrize(
    ("text", "url", "host"),
    [
        ("see https://www.binance.com/en/support?x=1.", "https://www.binance.com/en/support?x=1",
         "www.binance.com"),
        ("is binance-support.com official?", "binance-support.com", "binance-support.com"),
        ("访问www.example.cn领取空投", "www.example.cn", "www.example.cn"),
        ("网址是example。com", "example.com", "example.com"),
    ],
)  # fmt: skip
def test_links(text: str, url: str, host: str) -> None:
    entities = read(text)
    assert entities.values(EntityKind.URL) == (url,)
    assert entities.urls[0].extra["host"] == host
    assert_well_formed(text, entities)


def test_explorer_link_keeps_its_hash() -> None:
    link = f"https://etherscan.io/tx/{EVM_TX}"
    entities = read(f"看这里 {link}")
    assert found(f"看这里 {link}") == [("url", link)]
    assert entities.urls[0].extra["tx_hash"] == EVM_TX


@pytest.mark.parametrize("text", ["USDT.Now I see", "e.g. this", "about 1.5 hours", "ETH.BSC"])
def test_sentences_run_together_are_not_links(text: str) -> None:
    assert read(text).urls == ()


@pytest.mark.parametrize(
    ("text", "number", "region"),
    [
        ("call +86 138 0013 8000 please", "+8613800138000", "CN"),
        ("我的手机13800138000收不到验证码", "+8613800138000", "CN"),
        ("US line +1 (415) 555-0100", "+14155550100", "US"),
    ],
)
def test_phone_numbers(text: str, number: str, region: str) -> None:
    entities = read(text)
    assert entities.values(EntityKind.PHONE) == (number,)
    assert entities.phones[0].extra["region"] == region
    assert entities.amounts == ()
    assert_well_formed(text, entities)


@pytest.mark.parametrize(
    "text",
    [
        "uid 12345678, 订单号 2024112500123, 2026-11-25",
        "the index was 104.6701089 at noon",
        "ratio (2000-1000) / 10",
        "price 199.596 / 416.02",
    ],
)
def test_numbers_that_are_not_phones(text: str) -> None:
    assert read(text).phones == ()


# --- overlap, spans, robustness -------------------------------------------------------------


def test_longer_and_more_specific_entities_win() -> None:
    text = f"{SOL[0]} ETH 500 {EVM_TX} alice@binance.com"
    entities = read(text)
    assert found_kinds(entities) == ["address", "asset", "amount", "tx_hash", "email"]
    assert_well_formed(text, entities)


def test_spans_index_the_original_text_across_full_width_characters() -> None:
    text = "　提现５００ＵＳＤＴ到ＴＲＣ２０"
    entities = read(text)
    assert found(text) == [("amount", "500"), ("asset", "USDT"), ("network", "TRX")]
    assert [e.text for e in entities] == ["５００", "ＵＳＤＴ", "ＴＲＣ２０"]
    assert_well_formed(text, entities)


def test_full_width_address_is_read_as_ascii() -> None:
    written = "".join(chr(ord(c) + 0xFEE0) for c in ETH[1])
    entity = read(f"地址：{written}").first(EntityKind.ADDRESS)
    assert entity is not None
    assert (entity.value, entity.text) == (ETH[1], written)


def test_long_messages_are_read_up_to_the_limit() -> None:
    filler = "x " * (MAX_CHARS // 2)
    early = read(f"{ETH[0]} {filler}{ETH[1]}")
    assert early.truncated
    assert early.values(EntityKind.ADDRESS) == (ETH[0],)
    assert not read("500 USDT").truncated


def test_entities_are_immutable_and_serialisable() -> None:
    entity = read("sent 500 usdt via trc20").amounts[0]
    assert entity == Entity(EntityKind.AMOUNT, "500", 5, 8, "500", {"asset": "USDT"})
    with pytest.raises(TypeError):
        entity.extra["asset"] = "BTC"  # type: ignore[index]
    assert json.loads(json.dumps(entity.to_dict()))["extra"] == {"asset": "USDT"}
    assert hash(entity) == hash(Entity(entity.kind, "500", 5, 8, "500", {"asset": "USDT"}))


@pytest.mark.parametrize(
    "text", ["", " ", "\x00\x01\x02", "\ud800 500 USDT", "\u200b\ufeff", "0x" * 40]
)
def test_odd_inputs(text: str) -> None:
    entities = read(text)
    assert_well_formed(text, entities)
    assert len(entities) == (2 if "USDT" in text else 0)


FRAGMENTS = [
    "USDT", "500", "0x", "ab", "比特币", "提现", "订单号", "#", ".", "。", "com", "@", "+86",
    "13800138000", " ", "-", ":", "U", "万", "ETH", "链", "on", "https://", HEX_TX[:20], ETH[0],
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.text(max_size=400), st.lists(st.sampled_from(FRAGMENTS)).map("".join)))
def test_extract_never_raises_and_spans_hold(text: str) -> None:
    entities = read(text)
    assert_well_formed(text, entities)
    for entity in entities:
        assert entity.kind in set(EntityKind)


def test_a_failing_finder_costs_only_its_own_kind(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(text: str) -> None:
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(entity_patterns, "links", broken)
    with caplog.at_level(logging.ERROR, logger="cryptodesk.brain.entities"):
        entities = extract("500 USDT at binance-support.com")
    assert found_kinds(entities) == ["amount", "asset"]
    assert "_urls" in caplog.text
