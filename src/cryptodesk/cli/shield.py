"""`cryptodesk shield`: redact secrets and check links from the command line.

Every answer is one JSON object; `-` reads one item per line from standard input and writes
one JSON object per line, in order.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import typer

from ..shield import Blocklist, LinkVerdict, ScanResult, check_url, scan
from .common import emit

app = typer.Typer(
    name="shield",
    help="Redact seed phrases, keys and API secrets; check links against official domains.",
    no_args_is_help=True,
    add_completion=False,
)

OFFICIAL_DOMAINS_ENV = "CRYPTODESK_OFFICIAL_DOMAINS"


def _items(value: str) -> Iterator[str]:
    if value == "-":
        for line in sys.stdin:
            yield line.rstrip("\r\n")
    else:
        yield value


def _each(value: str, answer: Callable[[str], dict[str, Any]]) -> None:
    for item in _items(value):
        emit(answer(item))


def scan_json(result: ScanResult) -> dict[str, Any]:
    secrets = [
        {"kind": s.kind.value, "start": s.start, "end": s.end, "confirmed": s.confirmed}
        for s in result.secrets
    ]
    return {"secrets": secrets, "redacted": result.redacted}


def verdict_json(verdict: LinkVerdict, language: str) -> dict[str, Any]:
    return {
        "verdict": verdict.verdict.value,
        "reason": verdict.reason,
        "message": verdict.message_zh if language == "zh" else verdict.message_en,
        "matched_official": verdict.matched_official,
    }


@app.command("scan")
def scan_command(
    text: str = typer.Argument(..., help="the message, or - for one message per stdin line"),
    known_tx_hash: list[str] = typer.Option(
        [], "--known-tx-hash", help="a transaction hash to leave intact (repeatable)"
    ),
) -> None:
    """Find seed phrases, private keys and API secrets, and print the redacted text."""
    known = frozenset(known_tx_hash)
    _each(text, lambda item: scan_json(scan(item, known_tx_hashes=known)))


@app.command("check-url")
def check_url_command(
    url: str = typer.Argument(..., help="a URL or domain, or - for one per stdin line"),
    official_domain: list[str] = typer.Option(
        [],
        "--official-domain",
        help=f"an official domain (repeatable); defaults to ${OFFICIAL_DOMAINS_ENV}",
    ),
    blocklist: Path | None = typer.Option(
        None,
        "--blocklist",
        exists=True,
        dir_okay=False,
        help="eth-phishing-detect config.json, or a text file with one domain per line",
    ),
    language: str = typer.Option("en", "--language", help="language of the message: en or zh"),
) -> None:
    """Say whether a link is official, a look-alike, known phishing, or unknown, and why."""
    officials = official_domain or _env_official_domains()
    listed = _load_blocklist(blocklist) if blocklist else None
    _each(url, lambda item: verdict_json(check_url(item, officials, listed), language))


def _env_official_domains() -> list[str]:
    raw = os.environ.get(OFFICIAL_DOMAINS_ENV, "")
    return [domain.strip() for domain in raw.split(",") if domain.strip()]


def _load_blocklist(path: Path) -> Blocklist:
    if path.suffix.lower() == ".json":
        return Blocklist.from_eth_phishing_detect(path)
    return Blocklist.from_file(path)
