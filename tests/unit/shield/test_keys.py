"""Private keys are redacted; transaction hashes and addresses are not."""

from __future__ import annotations

import os

import pytest
from bip_utils import Base58Decoder, Base58Encoder

from cryptodesk.shield import SecretKind, scan

KINDS = {
    "raw_hex": SecretKind.PRIVATE_KEY,
    "raw_hex_0x": SecretKind.PRIVATE_KEY,
    "raw_hex_upper": SecretKind.PRIVATE_KEY,
    "wif_compressed": SecretKind.WIF_KEY,
    "wif_uncompressed": SecretKind.WIF_KEY,
    "xprv": SecretKind.EXTENDED_PRIVATE_KEY,
    "zprv": SecretKind.EXTENDED_PRIVATE_KEY,
    "tprv": SecretKind.EXTENDED_PRIVATE_KEY,
    "solana": SecretKind.SOLANA_SECRET_KEY,
}
MARKERS = {
    SecretKind.PRIVATE_KEY: "[redacted: private key]",
    SecretKind.WIF_KEY: "[redacted: private key]",
    SecretKind.SOLANA_SECRET_KEY: "[redacted: private key]",
    SecretKind.EXTENDED_PRIVATE_KEY: "[redacted: extended private key]",
}


@pytest.mark.parametrize("maker", sorted(KINDS))
def test_key_is_redacted_in_place(make, maker):
    key = make.key(maker)
    text = f"Support asked me to send this: {key} is that ok?"

    result = scan(text)

    kind = KINDS[maker]
    assert [s.kind for s in result.secrets] == [kind]
    assert text[result.secrets[0].start : result.secrets[0].end] == key
    assert result.redacted == f"Support asked me to send this: {MARKERS[kind]} is that ok?"


@pytest.mark.parametrize("maker", ["wif_compressed", "xprv", "tprv", "solana"])
def test_structured_keys_are_confirmed_by_their_encoding(make, maker):
    assert scan(make.key(maker)).secrets[0].confirmed is True


def test_key_in_chinese_message_gets_chinese_marker(make):
    key = make.key("xprv")

    result = scan(f"这是我的钱包私钥 {key} 请帮我查一下余额")

    assert result.redacted == "这是我的钱包私钥 [已隐藏：扩展私钥] 请帮我查一下余额"


def test_one_character_typo_breaks_a_wif_checksum(make):
    key = make.key("wif_compressed")
    typo = key[:10] + ("2" if key[10] != "2" else "3") + key[11:]

    assert scan(typo).secrets == ()


def test_base58_blob_of_other_length_is_not_a_solana_key():
    blob = Base58Encoder.Encode(os.urandom(48))

    assert scan(blob).secrets == ()


def test_random_64_bytes_are_flagged_but_not_confirmed_as_a_keypair():
    blob = Base58Encoder.Encode(os.urandom(64))
    assert len(Base58Decoder.Decode(blob)) == 64

    (secret,) = scan(blob).secrets

    assert secret.kind is SecretKind.SOLANA_SECRET_KEY
    assert secret.confirmed is False


def test_solana_keypair_file_contents_are_a_key(make):
    raw = Base58Decoder.Decode(make.solana_keypair())
    text = "my id.json: [" + ",".join(str(b) for b in raw) + "]"

    result = scan(text)

    assert [s.kind for s in result.secrets] == [SecretKind.SOLANA_SECRET_KEY]
    assert result.secrets[0].confirmed is True
    assert result.redacted == "my id.json: [redacted: private key]"


@pytest.mark.parametrize(
    "template",
    [
        "txid: {h}",
        "TXID {h}",
        "tx hash 0x{h}",
        "Tx: {h}",
        "transaction id {h}",
        "the transaction hash is {h}",
        "hash={h}",
        "交易哈希：{h}",
        "哈希 {h}",
        "交易ID: {h}",
        "提现的交易hash是{h}，一直没到账",
        "https://etherscan.io/tx/0x{h}",
    ],
)
def test_hash_after_transaction_words_is_kept(template, tx_hash):
    text = template.format(h=tx_hash)

    result = scan(text)

    assert result.secrets == ()
    assert result.redacted == text


def test_a_list_of_hashes_after_one_cue_is_kept(make):
    hashes = [make.tx_hash() for _ in range(3)]
    text = f"txids: {hashes[0]}, {hashes[1]} and {hashes[2]}"

    assert scan(text).secrets == ()


def test_known_hash_is_kept_without_context(tx_hash):
    text = f"what about {tx_hash}?"

    assert scan(text, known_tx_hashes=frozenset({"0x" + tx_hash.upper()})).secrets == ()
    assert [s.kind for s in scan(text).secrets] == [SecretKind.PRIVATE_KEY]


def test_bare_hex_without_context_is_treated_as_a_key(tx_hash):
    (secret,) = scan(f"please check {tx_hash}").secrets

    assert secret.kind is SecretKind.PRIVATE_KEY
    assert secret.confirmed is False


def test_key_named_after_a_hash_is_still_a_key(make):
    tx, key = make.tx_hash(), make.tx_hash()
    text = f"tx hash {tx} and my private key {key}"

    result = scan(text)

    assert [text[s.start : s.end] for s in result.secrets] == [key]
    assert result.secrets[0].confirmed is True


def test_solana_signature_with_context_is_kept():
    signature = Base58Encoder.Encode(os.urandom(64))

    assert scan(f"tx signature {signature}").secrets == ()


def test_addresses_are_kept(make):
    addresses = make.addresses()
    text = "\n".join(f"{coin} deposit address: {address}" for coin, address in addresses.items())

    result = scan(text)

    assert result.secrets == ()
    assert result.redacted == text
