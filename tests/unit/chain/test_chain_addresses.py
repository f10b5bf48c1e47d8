"""Address validation on well-known public addresses: verdicts, reasons and messages."""

from __future__ import annotations

import pytest
from pytoniq_core import Address as TonAddress

from cryptodesk.chain import REASONS, detect_networks, validate

EVM_NETWORKS = ("ETH", "BSC", "MATIC", "ARBITRUM", "OPTIMISM", "BASE", "AVAXC")

# Public, well-known addresses: genesis accounts, token contracts and BIP test vectors.
BTC_GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
BTC_P2SH = "3CMNFxN1oHBc4R1EpboAL5yzHGgE611Xou"  # Bitcoin Core key_io vector
BTC_P2WSH = "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3"  # BIP173
BTC_P2TR = "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0"  # BIP350
ETH_EIP55 = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"  # EIP-55 example
TRON_USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"  # USDT's TRC20 contract
SOL_USDC = "EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v"  # USDC's mint
XRP_GENESIS = "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"
XRP_CLASSIC = "r9cZA1mLK5R5Am25ArfXFmqgNwjZgnfk59"  # XLS-5 example account
XRP_X_NO_TAG = "X7AcgcsBL6XDcUb289X4mJ8djcdyKaB5hJDWMArnXr61cqZ"
XRP_X_TAG_1 = "X7AcgcsBL6XDcUb289X4mJ8djcdyKaGZMhc9YTE92ehJ2Fu"
XRP_X_TAG_14 = "X7AcgcsBL6XDcUb289X4mJ8djcdyKaGo2K5VpXpmCqbV2gS"
XLM_USDC_ISSUER = "GA5ZSEJYB37JRC5AVCIA5MOP4RHTM335X2KGX3IHOJAPP5RE34K4KZVN"
TON_USDT = "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs"  # USDT's jetton master
DOGE_ADDRESS = "DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L"


@pytest.mark.parametrize(
    ("address", "net", "kind"),
    [
        (BTC_GENESIS, "BTC", "p2pkh"),
        (BTC_P2WSH, "BTC", "p2wsh"),
        (BTC_P2TR, "BTC", "p2tr"),
        (TRON_USDT, "TRX", "base58"),
        (XRP_GENESIS, "XRP", "classic"),
        (XRP_X_NO_TAG, "XRP", "x-address"),
        (XLM_USDC_ISSUER, "XLM", None),
        (TON_USDT, "TON", "bounceable"),
        (DOGE_ADDRESS, "DOGE", "p2pkh"),
    ],
)
def test_well_known_checksummed_addresses(address: str, net: str, kind: str | None) -> None:
    check = validate(address, net)
    assert (check.valid, check.reason, check.checksummed, check.kind) == (True, "ok", True, kind)
    assert check.detected_networks == (net,)
    assert check.network == net


def test_evm_address_belongs_to_every_evm_network() -> None:
    assert detect_networks(ETH_EIP55) == EVM_NETWORKS
    for net in EVM_NETWORKS:
        assert validate(ETH_EIP55, net).valid


def test_solana_address_is_valid_and_the_message_says_there_is_no_checksum() -> None:
    check = validate(SOL_USDC, "solana")
    assert check.valid and check.checksummed is None and check.detected_networks == ("SOL",)
    assert "no checksum" in check.message_en
    assert "没有校验码" in check.message_zh
    typo = SOL_USDC[:10] + ("b" if SOL_USDC[10] != "b" else "c") + SOL_USDC[11:]
    assert validate(typo, "SOL").valid  # nothing to catch a typo with: hence the warning


@pytest.mark.parametrize(
    "address",
    [
        BTC_GENESIS,
        BTC_P2WSH,
        BTC_P2TR,
        TRON_USDT,
        XRP_GENESIS,
        XRP_X_TAG_1,
        XLM_USDC_ISSUER,
        TON_USDT,
        DOGE_ADDRESS,
    ],
)
def test_one_character_changed_is_a_bad_checksum(address: str) -> None:
    i = len(address) // 2
    replacement = "2" if address[i] != "2" else "3"
    if address.startswith("G"):  # base32: digits 2-7 only, upper case
        replacement = "A" if address[i] != "A" else "B"
    typo = address[:i] + replacement + address[i + 1 :]
    check = validate(typo)
    assert (check.valid, check.reason, check.checksummed) == (False, "bad_checksum", False)
    assert check.detected_networks == ()


def test_tron_address_asked_as_ethereum_is_the_wrong_network() -> None:
    check = validate(TRON_USDT, "ERC20")
    assert (check.valid, check.reason, check.network) == (False, "wrong_network", "ETH")
    assert check.detected_networks == ("TRX",)
    assert check.message_en == "This is a valid TRON (TRC20) address, not an Ethereum (ERC20) one."
    assert check.message_zh == "这是波场（TRC20）地址，不是以太坊（ERC20）地址。"


def test_evm_address_asked_as_tron_names_every_evm_network() -> None:
    check = validate(ETH_EIP55, "TRC20")
    assert check.reason == "wrong_network" and check.detected_networks == EVM_NETWORKS
    assert "Ethereum (ERC20)" in check.message_en and "BNB Smart Chain" in check.message_en
    assert "不是波场（TRC20）地址" in check.message_zh


@pytest.mark.parametrize(
    ("address", "asked", "belongs"),
    [
        (BTC_P2WSH, "LTC", "BTC"),
        (BTC_GENESIS, "Litecoin", "BTC"),
        (BTC_P2SH, "LTC", "BTC"),  # "3..." is Bitcoin's P2SH
        (DOGE_ADDRESS, "BTC", "DOGE"),
        (XRP_GENESIS, "XLM", "XRP"),
        (TON_USDT, "SOL", "TON"),
        (SOL_USDC, "TON", "SOL"),
    ],
)
def test_cross_network_mix_ups(address: str, asked: str, belongs: str) -> None:
    check = validate(address, asked)
    assert (check.valid, check.reason) == (False, "wrong_network")
    assert check.detected_networks == (belongs,)


def test_lowercase_and_uppercase_evm_addresses_are_valid_but_unchecksummed() -> None:
    for written in ("0x" + ETH_EIP55[2:].lower(), "0x" + ETH_EIP55[2:].upper()):
        check = validate(written, "ETH")
        assert (check.valid, check.checksummed, check.reason) == (True, False, "unchecksummed")
        assert "checksum" in check.message_en


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", "bad_checksum"),  # last letter's case
        (ETH_EIP55[:-1], "bad_length"),
        (ETH_EIP55 + "a", "bad_length"),
        (ETH_EIP55[:-1] + "g", "bad_characters"),
        ("0X" + ETH_EIP55[2:], "bad_characters"),
        (ETH_EIP55[2:], "missing_prefix"),
    ],
)
def test_evm_failure_reasons(address: str, reason: str) -> None:
    check = validate(address, "BEP20")
    assert (check.valid, check.reason, check.network) == (False, reason, "BSC")


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        (BTC_P2SH[:-1], "bad_length"),
        (BTC_P2SH + "2", "bad_length"),
        (BTC_GENESIS[:-3] + "0" + BTC_GENESIS[-2:], "bad_characters"),  # no 0 in base58
        (BTC_P2WSH[:-1], "bad_checksum"),
        (BTC_P2WSH[:10] + BTC_P2WSH[10:].upper(), "bad_characters"),  # mixed case
        ("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "testnet"),
        ("bc1zqqqqqqqqqqqqqqqqqqqqqqqqqqr3t3q4", "unsupported"),  # witness v2, bech32m
    ],
)
def test_bitcoin_failure_reasons(address: str, reason: str) -> None:
    check = validate(address, "BTC")
    assert (check.valid, check.reason) == (False, reason)


def test_uppercase_bech32_is_valid() -> None:
    assert validate(BTC_P2WSH.upper(), "BTC").valid


def test_xrp_x_addresses_carry_their_destination_tag() -> None:
    assert validate(XRP_X_NO_TAG, "XRP").embedded_memo is None
    tagged = validate(XRP_X_TAG_14, "瑞波")
    assert tagged.valid and tagged.kind == "x-address" and tagged.embedded_memo == "14"
    assert "destination tag 14" in tagged.message_en
    assert "目标标签 14" in tagged.message_zh
    assert validate(XRP_CLASSIC, "XRP").valid


def test_networks_with_a_memo_remind_the_customer_of_it() -> None:
    assert "destination tag" in validate(XRP_GENESIS, "XRP").message_en
    assert "目标标签" in validate(XRP_GENESIS, "XRP").message_zh
    assert "备注" in validate(XLM_USDC_ISSUER, "XLM").message_zh
    assert "comment" in validate(TON_USDT, "TON").message_en
    assert "tag" not in validate(BTC_GENESIS, "BTC").message_en


def test_ton_forms() -> None:
    parsed = TonAddress(TON_USDT)
    raw = parsed.to_str(is_user_friendly=False)
    raw_check = validate(raw, "TON")
    assert (raw_check.valid, raw_check.checksummed, raw_check.kind) == (True, None, "raw")
    non_bounceable = validate(parsed.to_str(is_bounceable=False), "Toncoin")
    assert non_bounceable.valid and non_bounceable.kind == "non-bounceable"
    assert validate(parsed.to_str(is_url_safe=False), "TON").valid
    assert validate(parsed.to_str(is_test_only=True), "TON").reason == "testnet"
    assert validate("5:" + raw.split(":")[1], "TON").reason == "unsupported"
    assert validate(raw[:-1], "TON").reason == "bad_length"


def test_stellar_failure_reasons() -> None:
    assert validate(XLM_USDC_ISSUER[:-1], "XLM").reason == "bad_length"
    assert validate(XLM_USDC_ISSUER[:-1] + "1", "XLM").reason == "bad_characters"


def test_a_transaction_hash_pasted_as_an_address() -> None:
    genesis_coinbase = "4a5e1e4baab89f3a32518a88c31bc87f618f76673e2cc77ab2127b7afdeda33b"
    check = validate(genesis_coinbase, "BTC")
    assert (check.valid, check.reason) == (False, "tx_hash")
    assert validate("0x" + genesis_coinbase, "ETH").reason == "tx_hash"
    assert "交易哈希" in check.message_zh


@pytest.mark.parametrize("blank", ["", "   ", "\n\t", "\u200b", None])
def test_empty_input(blank: str | None) -> None:
    check = validate(blank, "ETH")  # type: ignore[arg-type]
    assert (check.valid, check.reason, check.network) == (False, "empty", "ETH")


def test_pasted_whitespace_and_invisible_characters_at_the_edges_are_ignored() -> None:
    assert validate(f"\ufeff  {BTC_GENESIS}\u200b\n", "BTC").valid


def test_inner_whitespace_is_not_ignored() -> None:
    spaced = BTC_GENESIS[:10] + " " + BTC_GENESIS[10:]
    check = validate(spaced, "BTC")
    assert not check.valid and check.reason == "bad_characters"


def test_unknown_network() -> None:
    check = validate(BTC_GENESIS, "ERC21\x00")
    assert (check.valid, check.reason, check.network) == (False, "unknown_network", None)
    assert "ERC21" in check.message_en and "\x00" not in check.message_en


def test_no_network_given_means_any_network() -> None:
    check = validate(TRON_USDT)
    assert check.valid and check.network is None and check.detected_networks == ("TRX",)
    assert validate("", None).reason == "empty"
    assert validate(TRON_USDT, "").valid  # a blank network means none was asked


@pytest.mark.parametrize(
    ("asked", "text"),
    [(None, "hello world"), ("ETH", "hello world"), ("BTC", "12345")],
)
def test_unrecognised(asked: str | None, text: str) -> None:
    check = validate(text, asked)
    assert check.reason == "unrecognised" and not check.valid
    assert check.message_en and check.message_zh


def test_every_reason_has_sentences_in_both_languages() -> None:
    samples = [
        validate(BTC_GENESIS),
        validate("0x" + ETH_EIP55[2:].lower()),
        validate(TRON_USDT, "ETH"),
        validate("", "ETH"),
        validate(BTC_GENESIS, "nope"),
        validate(BTC_P2SH[:-1]),
        validate(BTC_P2WSH[:-1]),
        validate(BTC_GENESIS[:-3] + "0" + BTC_GENESIS[-2:]),
        validate(ETH_EIP55[2:]),
        validate("tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"),
        validate("bc1zqqqqqqqqqqqqqqqqqqqqqqqqqqr3t3q4"),
        validate("ab" * 32),
        validate("hello"),
    ]
    assert {c.reason for c in samples} == set(REASONS)
    for check in samples:
        assert check.message_en.endswith(".") and check.message_zh.endswith("。"), check
        assert check.message("zh") == check.message_zh
