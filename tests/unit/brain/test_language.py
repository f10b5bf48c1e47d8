"""Language detection: what a customer wrote in decides the language of the reply."""

from __future__ import annotations

import pytest

from cryptodesk.brain import detect_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("my withdrawal has been pending for two hours", "en"),
        ("我的提现两个小时了还没到账", "zh"),
        ("我的帳號被凍結了", "zh"),  # traditional characters are Chinese too
        ("ＵＳＤＴ提现到账了吗", "zh"),  # full-width ticker
        ("我的BTC没到账", "zh"),  # a ticker does not make a message English
        ("TRC20的USDT充值地址在哪", "zh"),
        ("USDT提现一直pending", "mixed"),
        ("how to 提现", "mixed"),
        ("请问怎么 reset my 2FA", "mixed"),
        ("请问 how do I reset my 2FA", "en"),  # a polite opener does not make it Chinese
        ("I sent USDT but 没到账", "mixed"),
        ("my 提现 has been stuck for days and nobody answers", "en"),
        ("12345", "en"),
        ("USDT TRC20", "en"),
    ],
)
def test_detects_language(text: str, expected: str) -> None:
    assert detect_language(text) == expected
