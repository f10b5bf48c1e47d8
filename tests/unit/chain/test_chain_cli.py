"""The `chain` command group, driven through typer's test runner."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cryptodesk.cli.chain import app

runner = CliRunner()

TRON_USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"
BTC_GENESIS = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"
KEYS = {"valid", "network", "detected_networks", "checksummed", "reason", "message"}


def test_validate_a_valid_address_exits_zero() -> None:
    result = runner.invoke(app, ["validate", BTC_GENESIS])
    assert result.exit_code == 0
    answer = json.loads(result.stdout)
    assert set(answer) == KEYS
    assert answer["valid"] is True and answer["detected_networks"] == ["BTC"]
    assert answer["network"] is None and answer["checksummed"] is True


def test_validate_the_wrong_network_exits_one() -> None:
    result = runner.invoke(app, ["validate", "--network", "ERC20", TRON_USDT])
    assert result.exit_code == 1
    answer = json.loads(result.stdout)
    assert answer["reason"] == "wrong_network" and answer["network"] == "ETH"
    assert answer["detected_networks"] == ["TRX"]
    assert answer["message"].startswith("This is a valid TRON (TRC20) address")


def test_validate_in_chinese() -> None:
    result = runner.invoke(app, ["validate", "-n", "以太坊", "--lang", "zh", TRON_USDT])
    expected = "这是波场（TRC20）地址，不是以太坊（ERC20）地址。"
    assert json.loads(result.stdout)["message"] == expected


def test_validate_rejects_an_unknown_language() -> None:
    result = runner.invoke(app, ["validate", "--lang", "fr", BTC_GENESIS])
    assert result.exit_code == 2


def test_validate_reads_lines_from_stdin_in_order_and_exits_zero() -> None:
    lines = [
        f"TRC20 {TRON_USDT}",
        BTC_GENESIS,
        "",
        f"ETH {TRON_USDT}",
        "NOPE 0x00",
        BTC_GENESIS[:-1] + "b",
    ]
    result = runner.invoke(app, ["validate", "-"], input="\n".join(lines) + "\n")
    assert result.exit_code == 0
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [a["reason"] for a in answers] == [
        "ok",
        "ok",
        "empty",
        "wrong_network",
        "unknown_network",
        "bad_checksum",
    ]
    assert [a["network"] for a in answers[:4]] == ["TRX", None, None, "ETH"]
    assert all(set(a) == KEYS for a in answers)


def test_stdin_lines_without_a_network_use_the_option() -> None:
    result = runner.invoke(
        app, ["validate", "--network", "BTC", "-"], input=f"{TRON_USDT}\n{BTC_GENESIS}\n"
    )
    answers = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(a["network"], a["valid"]) for a in answers] == [("BTC", False), ("BTC", True)]


def test_networks_table_lists_every_network() -> None:
    result = runner.invoke(app, ["networks"])
    assert result.exit_code == 0
    first_column = [line.split()[0] for line in result.stdout.splitlines()[1:]]
    assert {"BTC", "ETH", "BSC", "TRX", "SOL", "XRP", "XLM", "TON", "AVAXC"} <= set(first_column)
    assert "destination tag" in result.stdout


def test_networks_json() -> None:
    result = runner.invoke(app, ["networks", "--json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    by_id = {row["id"]: row for row in rows}
    assert len(by_id) == len(rows) >= 15
    assert by_id["XRP"]["memo"]["name_zh"] == "目标标签"
    assert by_id["ETH"]["memo"] is None
    assert by_id["TRX"]["confirmations"] == 20 and by_id["TRX"]["block_time_s"] == 3
    assert "TRC20" in by_id["TRX"]["aliases"]
