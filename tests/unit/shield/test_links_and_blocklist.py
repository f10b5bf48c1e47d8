"""Links are found in free text in either language; blocklists load from both feed formats."""

from __future__ import annotations

import json

import pytest

from cryptodesk.shield import Blocklist, Verdict, check_url, extract_links


def _found(text: str) -> list[str]:
    return [link.text for link in extract_links(text)]


def test_urls_and_bare_domains_with_spans():
    text = "Go to https://www.binance.com/en/support?x=1, or binance-help.io. Not me@mail.com"

    links = extract_links(text)

    assert [link.text for link in links] == [
        "https://www.binance.com/en/support?x=1",
        "binance-help.io",
    ]
    for link in links:
        assert text[link.start : link.end] == link.text


def test_chinese_text_with_fullwidth_dots():
    text = "客服说要登录binance。com/verify验证，还有 www．okx．com 也可以"

    links = extract_links(text)

    assert [link.url for link in links] == ["binance.com/verify", "www.okx.com"]
    assert [link.host for link in links] == ["binance.com", "www.okx.com"]
    assert text[links[0].start : links[0].end] == "binance。com/verify"


def test_idn_link_reports_its_display_host():
    (link,) = extract_links("请访问 https://bіnance.com/airdrop 领取奖励")

    assert link.host == "bіnance.com"
    assert check_url(link.url, ["binance.com"]).reason == "homoglyph"


def test_punycode_link():
    assert _found("visit xn--bnance-pvf.com now") == ["xn--bnance-pvf.com"]


@pytest.mark.parametrize(
    "text",
    [
        "I bought 0.5 BTC at 61000.25 and sold at 3.14",
        "e.g. the fee is 0.1%, i.e. small",
        "我用的是币安。你们呢？",
        "version v1.2.3 of the app",
        "write to support@binance.com",
    ],
)
def test_numbers_abbreviations_and_sentences_are_not_links(text):
    assert extract_links(text) == []


def test_scheme_links_to_ip_addresses_count():
    assert _found("open http://192.168.1.10:8080/login.") == ["http://192.168.1.10:8080/login"]


def test_eth_phishing_detect_config(tmp_path):
    config = {
        "version": 2,
        "tolerance": 2,
        "fuzzylist": ["metamask.io"],
        "whitelist": ["metamask.com"],
        "blacklist": ["metamask-claim.xyz", "evil-drainer.app"],
    }
    path = tmp_path / "config.json"
    path.write_text(json.dumps(config), encoding="utf-8")

    blocklist = Blocklist.from_eth_phishing_detect(path)

    assert blocklist.blocks("metamask-claim.xyz")
    assert blocklist.blocks("app.evil-drainer.app")
    assert not blocklist.blocks("drainer.app")
    assert blocklist.allows("metamask.com")
    assert blocklist.protected == ("metamask.io",)


def test_blocklist_verdicts():
    blocklist = Blocklist.from_eth_phishing_detect_config(
        {
            "blacklist": ["binance-gift.top"],
            "whitelist": ["binanceresearch.org"],
            "fuzzylist": ["metamask.io"],
        }
    )
    officials = ["binance.com"]

    listed = check_url("https://binance-gift.top/claim", officials, blocklist)
    assert (listed.verdict, listed.reason) == (Verdict.BLOCKLISTED, "blocklisted")
    assert listed.matched_official == "binance.com"

    allowed = check_url("binanceresearch.org", officials, blocklist)
    assert (allowed.verdict, allowed.reason) == (Verdict.UNKNOWN, "allowlisted")

    protected = check_url("metamask-wallet.io", officials, blocklist)
    assert (protected.verdict, protected.matched_official) == (Verdict.LOOKALIKE, "metamask.io")

    assert check_url("metamask.io", officials, blocklist).verdict is Verdict.UNKNOWN
    assert check_url("binance.com", officials, blocklist).verdict is Verdict.OFFICIAL


def test_plain_lines_skip_comments_and_blanks(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("# reported this week\nfake-okx.com\n\n  Phish.Example  # typo squat\n")

    blocklist = Blocklist.from_file(path)

    assert blocklist.blocked == {"fake-okx.com", "phish.example"}
    assert check_url("https://login.fake-okx.com", ["okx.com"], blocklist).reason == "blocklisted"


def test_merged_blocklists_keep_both():
    merged = Blocklist.from_lines(["a-bad.com"]).merged(Blocklist.from_domains(["b-bad.com"]))

    assert merged.blocks("a-bad.com") and merged.blocks("b-bad.com")
