"""`cryptodesk shield` through typer's test runner: one JSON object per item, in order."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from cryptodesk.cli.shield import app

runner = CliRunner()


def _lines(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def test_scan_text(make):
    key = make.key("xprv")

    result = runner.invoke(app, ["scan", f"my key is {key} thanks"])

    assert result.exit_code == 0, result.output
    (answer,) = _lines(result.output)
    assert answer == {
        "secrets": [
            {"kind": "extended_private_key", "start": 10, "end": 10 + len(key), "confirmed": True}
        ],
        "redacted": "my key is [redacted: extended private key] thanks",
    }


def test_scan_stdin_one_answer_per_line_in_order(make, tx_hash):
    phrase = " ".join(make.mnemonic("english", 12))
    lines = ["hello, where is my deposit?", f"seed: {phrase}", f"txid {tx_hash}", ""]

    result = runner.invoke(app, ["scan", "-"], input="\n".join(lines) + "\n")

    assert result.exit_code == 0, result.output
    answers = _lines(result.output)
    assert [a["redacted"] for a in answers] == [
        "hello, where is my deposit?",
        "seed: [redacted: seed phrase]",
        f"txid {tx_hash}",
        "",
    ]
    assert [len(a["secrets"]) for a in answers] == [0, 1, 0, 0]


def test_scan_known_tx_hash_option(tx_hash):
    result = runner.invoke(app, ["scan", "--known-tx-hash", tx_hash, f"see {tx_hash}"])

    assert _lines(result.output)[0]["secrets"] == []


def test_check_url_with_official_domain_option():
    result = runner.invoke(app, ["check-url", "--official-domain", "okx.com", "okx-support.com"])

    assert result.exit_code == 0, result.output
    (answer,) = _lines(result.output)
    assert answer["verdict"] == "lookalike"
    assert answer["reason"] == "brand_embedded"
    assert answer["matched_official"] == "okx.com"
    assert "okx-support.com" in answer["message"]


def test_check_url_reads_official_domains_from_the_environment():
    result = runner.invoke(
        app,
        ["check-url", "-"],
        input="https://www.binance.com/login\nbіnance.com\nexample.org\n",
        env={"CRYPTODESK_OFFICIAL_DOMAINS": "binance.com, coinbase.com"},
    )

    assert result.exit_code == 0, result.output
    answers = _lines(result.output)
    assert [(a["verdict"], a["reason"]) for a in answers] == [
        ("official", "official_subdomain"),
        ("lookalike", "homoglyph"),
        ("unknown", "not_official"),
    ]


def test_check_url_message_in_chinese():
    result = runner.invoke(
        app,
        ["check-url", "--official-domain", "binance.com", "--language", "zh", "binance.io"],
    )

    assert "不是 binance.com" in _lines(result.output)[0]["message"]


def test_check_url_with_a_plain_blocklist_file(tmp_path):
    listed = tmp_path / "phishing.txt"
    listed.write_text("bad-exchange.example\n", encoding="utf-8")

    result = runner.invoke(
        app, ["check-url", "--blocklist", str(listed), "https://bad-exchange.example/x"]
    )

    assert _lines(result.output)[0]["verdict"] == "blocklisted"
