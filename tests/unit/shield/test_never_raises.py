"""Whatever a customer types, the shield answers: no exception escapes it."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from cryptodesk.shield import Verdict, check_url, extract_links, scan

# Text that reaches the interesting branches more often than uniform Unicode would.
# fmt: off
pieces = st.sampled_from([
    "abandon ", "ability ", "的", "一", "是", "在", "，", "。", "1. ", "\n", "0x", "txid ",
    "私钥", "api secret: ", "xprv", "binance", ".com", "。com", "xn--", "https://", "@", "і",
    "а", "ｂ", "/", ":", "[", "]", ",", "5", "K", "f",
])
# fmt: on
messages = st.one_of(st.text(max_size=300), st.lists(pieces, max_size=80).map("".join))


@settings(max_examples=200, deadline=None)
@given(messages)
def test_scan_never_raises_and_spans_fit(text):
    result = scan(text)

    assert all(0 <= s.start < s.end <= len(text) for s in result.secrets)
    assert all(a.end <= b.start for a, b in pairwise(result.secrets))


@settings(max_examples=200, deadline=None)
@given(messages)
def test_check_url_never_raises(text):
    verdict = check_url(text, ["binance.com", "okx.com"])

    assert verdict.verdict in set(Verdict)
    assert verdict.message_en and verdict.message_zh


@settings(max_examples=200, deadline=None)
@given(messages)
def test_extract_links_never_raises_and_spans_fit(text):
    for link in extract_links(text):
        assert text[link.start : link.end] == link.text
