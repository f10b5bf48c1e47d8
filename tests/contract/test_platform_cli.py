"""`cryptodesk platform serve`: the ledger of the configured database, over HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cryptodesk.cli.platform import app
from cryptodesk.platform import AccountStatus, PlatformUnavailable
from cryptodesk.platform.demo_exchange import demo_exchange
from cryptodesk.platform.http import HttpPlatform
from cryptodesk.platform.ledger import LedgerPlatform
from cryptodesk.store.database import Database

from .adapters import NOW, TOKEN

_STARTUP_SECONDS = 30.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _demo_database(path: Path) -> str:
    url = f"sqlite:///{path}"
    database = Database(url)
    database.upgrade()
    LedgerPlatform(database.engine).load(demo_exchange(NOW))
    database.dispose()
    return url


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.chdir(tmp_path)  # no stray .env is read
    monkeypatch.delenv("CRYPTODESK_PLATFORM_TOKEN", raising=False)
    values = {"CRYPTODESK_DATABASE_URL": f"sqlite:///{tmp_path / 'empty.db'}",
              "CRYPTODESK_ENVIRONMENT": "test"}
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    return values


def test_serve_answers_the_contract_from_the_configured_ledger(
    tmp_path: Path, env: dict[str, str]
) -> None:
    port = _free_port()
    child_env = {**os.environ, **env, "CRYPTODESK_PLATFORM_TOKEN": TOKEN,
                 "CRYPTODESK_DATABASE_URL": _demo_database(tmp_path / "ledger.db")}
    log = tmp_path / "server.log"
    command = [sys.executable, "-m", "cryptodesk.cli.platform", "serve", "--port", str(port)]
    with log.open("w") as output, subprocess.Popen(
        command, env=child_env, stdout=output, stderr=subprocess.STDOUT
    ) as server:
        try:
            _check_served(f"http://127.0.0.1:{port}", server, log)
        finally:
            server.terminate()


def _check_served(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    with HttpPlatform(url, TOKEN, timeout=1, retries=0) as platform:
        deadline = time.monotonic() + _STARTUP_SECONDS
        while True:
            try:
                account = platform.account("demo-frank")
                break
            except PlatformUnavailable:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, "the server did not start"
                time.sleep(0.1)
        assert account.status is AccountStatus.FROZEN
        assert platform.deposits("demo-heidi", limit=1)[0].confirmations == 1
    with HttpPlatform(url, "not-the-token", retries=0) as stranger, pytest.raises(
        PlatformUnavailable, match="401"
    ):
        stranger.account("demo-frank")


def test_serve_needs_a_token(env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["serve"])
    assert result.exit_code == 2
    assert "CRYPTODESK_PLATFORM_TOKEN" in result.output


def test_serve_needs_a_long_token_in_production(
    env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CRYPTODESK_ENVIRONMENT", "production")
    monkeypatch.setenv("CRYPTODESK_IDENTITY_SECRET", "x" * 40)
    result = CliRunner().invoke(app, ["serve", "--token", "short"])
    assert result.exit_code == 2
    assert "at least 32 characters" in result.output


def test_serve_needs_a_migrated_database(env: dict[str, str]) -> None:
    result = CliRunner().invoke(app, ["serve", "--token", TOKEN])
    assert result.exit_code == 2
    assert "cryptodesk db upgrade" in result.output
