"""Both languages say the same things: the catalogue, durations, fees and the paragraph."""

from __future__ import annotations

import json
from decimal import Decimal
from string import Formatter

import pytest

from cryptodesk.diagnostics import CODES, Clues, FeeDisclosure, diagnose
from cryptodesk.diagnostics.messages import CATALOGUE
from cryptodesk.diagnostics.policy import CASE_KINDS, RULES, TEAMS
from cryptodesk.diagnostics.reasons import reason_words
from cryptodesk.diagnostics.wording import duration

from .factory import NOW, demo_exchange
from .test_demo_situations import DEMO


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in Formatter().parse(template) if name}


def test_every_code_has_sentences_and_every_sentence_a_code() -> None:
    assert {key.partition(".")[0] for key in CATALOGUE} == set(CODES)


def test_rules_name_only_known_teams_and_cases() -> None:
    assert {r.team for r in RULES.values()} - {None} <= set(TEAMS)
    assert {r.case for r in RULES.values()} - {None} <= set(CASE_KINDS)


@pytest.mark.parametrize("key", sorted(CATALOGUE))
def test_both_languages_show_the_same_evidence(key: str) -> None:
    wording = CATALOGUE[key]
    for part in (*wording.parts, *wording.steps):
        assert _fields(part.en) == _fields(part.zh), part.en
        assert part.en.strip() and part.zh.strip()
    assert wording.steps, "every finding says what to do next"


@pytest.mark.parametrize(
    ("seconds", "en", "zh"),
    [
        (1, "about 1 second", "约 1 秒"),
        (45, "about 45 seconds", "约 45 秒"),
        (90, "about 2 minutes", "约 2 分钟"),
        (3600, "about 1 hour", "约 1 小时"),
        (3 * 3600 + 25 * 60, "about 3 hours 25 minutes", "约 3 小时 25 分钟"),
        (6 * 86400 + 2 * 3600, "about 6 days 2 hours", "约 6 天 2 小时"),
        (86400, "about 1 day", "约 1 天"),
    ],
)
def test_durations_in_human_units(seconds: int, en: str, zh: str) -> None:
    assert duration(seconds, "en") == en
    assert duration(seconds, "zh") == zh


def test_fee_disclosures_in_both_languages() -> None:
    buy = FeeDisclosure("buy", "USDT", Decimal("6500"), Decimal("6.5"), Decimal("6506.5"),
                        Decimal("0.001"))
    sell = FeeDisclosure("sell", "USDT", Decimal("3250"), Decimal("3.25"), Decimal("3246.75"),
                         Decimal("0.001"))
    assert buy.render("en") == "With the 0.1% fee of 6.5 USDT, the order costs 6506.5 USDT in all."
    assert buy.render("zh") == "加上 0.1% 的手续费 6.5 USDT，该订单共需 6506.5 USDT。"
    assert "the sale brings 3246.75 USDT" in sell.render("en")
    assert "卖出可得 3246.75 USDT" in sell.render("zh")


def test_the_paragraph_carries_confirmations_eta_and_amounts_in_both_languages() -> None:
    diagnosis = diagnose(demo_exchange(), "withdrawal.pending", "demo-alice", Clues(), NOW)
    en, zh = diagnosis.render("en"), diagnosis.render("zh")
    for expected in ("5/20", "100 USDT", "99 USDT", "1 USDT", "w-alice-1"):
        assert expected in en and expected in zh
    assert "about 45 seconds" in en and "约 45 秒" in zh
    assert "TRON (TRC20)" in en and "波场（TRC20）" in zh
    assert en.startswith("Your withdrawal") and zh.startswith("您的提币")


@pytest.mark.parametrize(("ref", "topic", "code"), DEMO)
def test_diagnoses_serialise_to_json(ref: str, topic: str, code: str) -> None:
    diagnosis = diagnose(demo_exchange(), topic, ref, Clues(), NOW)
    shown = json.loads(json.dumps(diagnosis.as_dict(), ensure_ascii=False))
    assert shown["findings"][0]["code"] == code
    assert shown["findings"][0]["severity"] in ("info", "warning", "action_required")
    assert all(isinstance(v, str) for v in shown["findings"][0]["evidence"].values())


@pytest.mark.parametrize(
    ("raw", "en", "zh"),
    [
        ("wallet_maintenance", "wallet maintenance", "钱包维护"),
        ("Document-Unreadable", "the document photo could not be read", "证件照片无法识别"),
        ("cold_wallet_rebalance", "cold wallet rebalance", "cold wallet rebalance"),
        ("login from a new city", "login from a new city", "login from a new city"),
    ],
)
def test_reason_codes_are_said_in_words(raw: str, en: str, zh: str) -> None:
    assert reason_words(raw) == (en, zh)


@pytest.mark.parametrize(("ref", "topic", "code"), DEMO)
def test_customers_never_read_a_raw_reason_code(ref: str, topic: str, code: str) -> None:
    platform = demo_exchange()
    diagnosis = diagnose(platform, topic, ref, Clues(), NOW)
    for text in (diagnosis.render("en"), diagnosis.render("zh")):
        assert "wallet_maintenance" not in text and "insufficient_balance" not in text
        assert "missing_memo" not in text and "wrong_network" not in text
