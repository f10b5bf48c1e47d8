"""Seed phrases pasted the ways customers paste them are found and redacted."""

from __future__ import annotations

import pytest
from mnemonic import Mnemonic

from cryptodesk.shield import SecretKind, scan

LANGUAGES = ("english", "chinese_simplified", "chinese_traditional")


def _layouts(words: list[str]) -> dict[str, str]:
    return {
        "spaced": " ".join(words),
        "commas": ", ".join(words),
        "newlines": "\n".join(words),
        "numbered": " ".join(f"{i}. {w}" for i, w in enumerate(words, 1)),
        "numbered_lines": "\n".join(f"{i}) {w}" for i, w in enumerate(words, 1)),
    }


def _only_seed(text: str, phrase_text: str, *, confirmed: bool = True) -> str:
    result = scan(text)
    assert [s.kind for s in result.secrets] == [SecretKind.SEED_PHRASE]
    secret = result.secrets[0]
    assert secret.confirmed is confirmed
    assert phrase_text.endswith(text[secret.start : secret.end])
    for word in phrase_text.split()[-3:]:
        assert word not in result.redacted.split()
    return result.redacted


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("length", [12, 24])
@pytest.mark.parametrize("layout", ["spaced", "commas", "newlines", "numbered", "numbered_lines"])
def test_phrase_in_every_layout_is_confirmed(make, language, length, layout):
    words = make.mnemonic(language, length)
    phrase = _layouts(words)[layout]

    redacted = _only_seed(phrase, phrase)

    marker = "[已隐藏：助记词]" if language != "english" else "[redacted: seed phrase]"
    assert marker in redacted


@pytest.mark.parametrize("language", ["chinese_simplified", "chinese_traditional"])
@pytest.mark.parametrize("length", [12, 24])
def test_chinese_phrase_without_separators(make, language, length):
    phrase = "".join(make.drawn_mnemonic(language, length, seed=f"{language} {length}"))
    text = f"我的助记词是：{phrase}，请帮我找回钱包"

    redacted = _only_seed(text, phrase)

    assert redacted == "我的助记词是：[已隐藏：助记词]，请帮我找回钱包"


def test_prose_before_a_phrase_is_not_taken_into_it(make):
    """The six characters before the colon are list words too, and with a twelve-word phrase
    they pass an 18-word checksum once in 64 phrases: the phrase alone is the secret."""
    prose = "我的助记词是"
    checker = Mnemonic("chinese_simplified")
    for attempt in range(2000):
        words = make.drawn_mnemonic("chinese_simplified", 12, seed=f"after prose {attempt}")
        if checker.check(" ".join([*prose, *words])):
            break
    else:
        raise AssertionError("no phrase passed the longer checksum")
    phrase = "".join(words)
    text = f"{prose}：{phrase}，请帮我找回钱包"

    redacted = _only_seed(text, phrase)

    assert redacted == f"{prose}：[已隐藏：助记词]，请帮我找回钱包"


def test_chinese_phrase_alone_without_separators(make):
    phrase = "".join(make.drawn_mnemonic("chinese_simplified", 12, seed="alone"))

    assert scan(phrase).redacted == "[已隐藏：助记词]"


@pytest.mark.parametrize("length", [15, 18, 21])
def test_other_lengths(make, length):
    phrase = " ".join(make.mnemonic("english", length))

    _only_seed(f"restore with: {phrase}", phrase)


def test_surrounding_text_is_kept(make):
    phrase = " ".join(make.mnemonic("english", 12))
    before = "Hi, I imported my wallet with "
    after = " and now my USDT is gone. What happened?"

    result = scan(before + phrase + after)

    assert result.redacted == before + "[redacted: seed phrase]" + after
    assert result.secrets[0].start == len(before)
    assert result.secrets[0].end == len(before) + len(phrase)


def test_capitalised_words_are_still_words(make):
    phrase = " ".join(w.capitalize() for w in make.mnemonic("english", 12))

    _only_seed(phrase, phrase)


def test_failing_checksum_run_is_flagged_as_likely(make):
    words = make.failing_checksum("english", 12)
    phrase = " ".join(words)

    redacted = _only_seed(f"is this right? {phrase}", phrase, confirmed=False)

    assert redacted == "is this right? [redacted: seed phrase]"


def test_failing_checksum_chinese_with_separators_is_likely(make):
    phrase = " ".join(make.failing_checksum("chinese_simplified", 12))

    _only_seed(phrase, phrase, confirmed=False)


def test_eleven_words_are_not_a_phrase(make):
    text = " ".join(make.mnemonic("english", 12)[:11])

    assert scan(text).secrets == ()


def test_two_phrases_are_two_secrets(make):
    first, second = (" ".join(make.mnemonic("english", 12)) for _ in range(2))

    result = scan(f"old wallet: {first}\nnew wallet: {second}")

    assert [s.kind for s in result.secrets] == [SecretKind.SEED_PHRASE] * 2
    assert all(s.confirmed for s in result.secrets)
    assert result.redacted.count("[redacted: seed phrase]") == 2
