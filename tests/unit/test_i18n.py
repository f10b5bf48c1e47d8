"""Choosing the language a person reads."""

import pytest

from cryptodesk.i18n import STRINGS, choose_language, guess_language, t


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, "en"), ("", "en"), ("zh-CN,zh;q=0.9,en;q=0.8", "zh"), ("en-US,en;q=0.9", "en"),
        ("fr-FR,zh-TW;q=0.5,en;q=0.4", "zh"), ("en;q=0.3,zh;q=0.9", "zh"), ("de", "en"),
        ("zh;q=bogus,en", "en"),
    ],
)
def test_accept_language(header: str | None, expected: str) -> None:
    assert choose_language(header) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我的USDT提现一直没到账", "zh"), ("USDT提现一直pending", "zh"),
        ("my withdrawal is stuck", "en"), ("Where is my 提现 withdrawal money please", "en"),
        ("12345 !!!", "en"), ("谢谢", "zh"),
    ],
)
def test_guess_language(text: str, expected: str) -> None:
    assert guess_language(text) == expected


def test_every_string_exists_in_both_languages() -> None:
    for key, versions in STRINGS.items():
        assert set(versions) == {"zh", "en"}, key
        assert all(v.strip() for v in versions.values()), key
    assert t("ticket.merged_note", "zh", source=5) == "工单 #5 已合并到本工单。"
