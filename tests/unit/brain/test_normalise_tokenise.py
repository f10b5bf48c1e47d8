"""Normalisation and tokenisation: one spelling per meaning, crypto terms kept whole."""

from __future__ import annotations

import pytest

from cryptodesk.brain import (
    MAX_TEXT_CHARS,
    EmptyText,
    TextTooLong,
    normalise,
    tokens,
)


def test_full_width_letters_digits_and_punctuation_become_half_width() -> None:
    assert normalise("ＵＳＤＴ　提现１００？") == "usdt 提现100?"


def test_case_is_folded() -> None:
    assert normalise("My BTC Withdrawal") == "my btc withdrawal"


def test_traditional_becomes_simplified_with_mainland_vocabulary() -> None:
    assert normalise("我的帳號被凍結了") == "我的账号被冻结了"
    assert normalise("軟體") == "软件"


def test_whitespace_is_collapsed() -> None:
    assert normalise("  where \t is\n my   deposit ") == "where is my deposit"


def test_normalise_is_idempotent() -> None:
    once = normalise("ＵＳＤＴ提幣一直Pending，怎麼辦？")
    assert normalise(once) == once


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_empty_text_is_refused(text: str) -> None:
    with pytest.raises(EmptyText) as caught:
        normalise(text)
    assert caught.value.code == "empty_text"
    assert caught.value.zh


def test_huge_text_is_refused_with_its_length() -> None:
    with pytest.raises(TextTooLong) as caught:
        normalise("a" * (MAX_TEXT_CHARS + 1))
    assert caught.value.length == MAX_TEXT_CHARS + 1
    assert isinstance(caught.value, ValueError)
    assert str(MAX_TEXT_CHARS) in caught.value.en


def test_text_at_the_limit_is_accepted() -> None:
    assert len(normalise("a" * MAX_TEXT_CHARS)) == MAX_TEXT_CHARS


def test_crypto_terms_stay_whole() -> None:
    words = tokens("我的助记词被盗了，提币到TRC20地址没到账")
    for term in ("助记词", "被盗", "提币", "trc20", "没到账"):
        assert term in words


def test_mixed_text_splits_into_chinese_and_english_words() -> None:
    assert tokens("USDT提现一直pending!") == ["usdt", "提现", "一直", "pending"]


def test_english_words_keep_apostrophes_and_drop_punctuation() -> None:
    assert tokens("My card hasn't arrived, why?") == ["my", "card", "hasn't", "arrived", "why"]


def test_traditional_input_tokenises_like_simplified() -> None:
    assert tokens("提幣沒到賬") == tokens("提币没到账")
