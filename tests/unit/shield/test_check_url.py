"""Links are official, look-alikes (with the exact trick named), blocklisted, or unknown."""

from __future__ import annotations

import pytest

from cryptodesk.shield import Verdict, check_url

OFFICIAL = ["binance.com", "coinbase.com"]


def _lookalike(url: str, reason: str, official: str = "binance.com"):
    verdict = check_url(url, OFFICIAL)
    assert (verdict.verdict, verdict.reason) == (Verdict.LOOKALIKE, reason)
    assert verdict.matched_official == official
    assert official in verdict.message_en and official in verdict.message_zh
    return verdict


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("binance.com", "official_domain"),
        ("https://binance.com/en/support", "official_domain"),
        ("https://www.binance.com/login", "official_subdomain"),
        ("accounts.binance.com", "official_subdomain"),
        ("BINANCE.COM.", "official_domain"),
        ("binance。com", "official_domain"),
    ],
)
def test_official_domains_and_their_subdomains(url, reason):
    verdict = check_url(url, OFFICIAL)

    assert (verdict.verdict, verdict.reason) == (Verdict.OFFICIAL, reason)
    assert verdict.matched_official == "binance.com"


def test_cyrillic_homoglyph_names_the_character():
    verdict = _lookalike("https://bіnance.com/login", "homoglyph")  # Cyrillic і

    assert "uses Cyrillic 'і' in place of Latin 'i' to imitate binance.com" in verdict.message_en
    assert "西里尔字母“і”冒充拉丁字母“i”" in verdict.message_zh


def test_several_substitutions_name_the_first():
    verdict = _lookalike("coіnbаse.com", "homoglyph", "coinbase.com")  # Cyrillic і and а

    assert "Cyrillic 'і'" in verdict.message_en


def test_punycode_says_how_it_displays():
    verdict = _lookalike("xn--bnance-pvf.com", "punycode")

    assert "punycode domain that displays as bіnance.com" in verdict.message_en
    assert verdict.host == "bіnance.com"


def test_fullwidth_letters_read_as_the_ascii_browsers_map_them_to():
    assert check_url("ｂｉｎａｎｃｅ.com", OFFICIAL).reason == "official_domain"
    assert check_url("ｂinance.com.evil.io", OFFICIAL).reason == "official_in_subdomain"


@pytest.mark.parametrize(
    ("url", "reason", "phrase"),
    [
        ("binamce.com", "keyboard_typo", "'m' in place of its keyboard neighbour 'n'"),
        ("vinance.com", "keyboard_typo", "'v' in place of its keyboard neighbour 'b'"),
        ("biannce.com", "transposition", "'na' swapped to 'an'"),
        ("binnance.com", "repeated_character", "'n' doubled"),
        ("blnance.com", "visual_lookalike", "uses 'l' in place of 'i'"),
        ("b1nance.com", "visual_lookalike", "uses '1' in place of 'i'"),
        ("coinbaqe.com", "one_character", "'q' in place of 's'"),
        ("conbase.com", "missing_character", "'i' left out"),
        ("coinbasse.net", "repeated_character", "'s' doubled"),
    ],
)
def test_typosquats_name_the_typo(url, reason, phrase):
    official = "coinbase.com" if "co" in url[:2] else "binance.com"
    verdict = _lookalike(url, reason, official)

    assert phrase in verdict.message_en
    assert "one character away from" in verdict.message_en or "uses" in verdict.message_en


def test_rn_for_m():
    verdict = check_url("rnetamask.io", ["metamask.io"])

    assert verdict.reason == "visual_lookalike"
    assert "uses 'rn' in place of 'm'" in verdict.message_en


@pytest.mark.parametrize(
    "url",
    [
        "binance.com.verify-login.net",
        "https://binance.account-secure.io/x",
        "binance.com.cn.evil.ru",
    ],
)
def test_official_name_as_a_subdomain(url):
    verdict = _lookalike(url, "official_in_subdomain")

    assert "official name used as a subdomain of" in verdict.message_en


@pytest.mark.parametrize(
    "url",
    ["binance-support.com", "secure-binance.io", "binancesupport.com", "my-binance-wallet.app"],
)
def test_brand_embedded_in_another_domain(url):
    verdict = _lookalike(url, "brand_embedded")

    assert "puts the name binance inside another domain" in verdict.message_en


def test_same_name_under_another_ending():
    verdict = _lookalike("binance.io", "other_tld")

    assert "(.io instead of .com)" in verdict.message_en


def test_official_name_before_at_sign():
    verdict = _lookalike("https://binance.com@evil.example/login", "official_in_userinfo")

    assert verdict.host == "evil.example"


@pytest.mark.parametrize(
    "url",
    [
        "finance.yahoo.com",
        "https://finance.com/",
        "coin.com",
        "base.org",
        "coinmarketcap.com",
        "bitcoinbase.org",
        "google.com",
        "binary.com",
        "balance.com",
    ],
)
def test_dictionary_word_near_misses_are_not_lookalikes(url):
    verdict = check_url(url, OFFICIAL)

    assert (verdict.verdict, verdict.reason) == (Verdict.UNKNOWN, "not_official")
    assert verdict.matched_official is None


def test_ordinary_word_brand_is_not_seen_inside_other_words():
    officials = ["gate.io"]

    assert check_url("delegate.com", officials).verdict is Verdict.UNKNOWN
    assert check_url("gateway.com", officials).verdict is Verdict.UNKNOWN
    assert check_url("gate-io-login.com", officials).reason == "brand_embedded"


def test_short_brand_is_not_searched_inside_words():
    assert check_url("tokxyz.com", ["okx.com"]).verdict is Verdict.UNKNOWN
    assert check_url("okx-support.com", ["okx.com"]).reason == "brand_embedded"


@pytest.mark.parametrize("url", ["", "   ", "not a url", "http://", "exa mple.com", "<script>"])
def test_unusable_input_is_unknown_and_invalid(url):
    verdict = check_url(url, OFFICIAL)

    assert (verdict.verdict, verdict.reason) == (Verdict.UNKNOWN, "invalid")


def test_no_official_domains_means_nothing_is_official():
    assert check_url("binance.com", []).verdict is Verdict.UNKNOWN


def test_message_in_both_languages():
    verdict = check_url("example.org", OFFICIAL)

    assert verdict.message("en") == verdict.message_en
    assert verdict.message("zh") == verdict.message_zh
    assert "example.org" in verdict.message_zh
