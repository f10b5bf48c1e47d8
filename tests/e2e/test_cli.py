"""The `cryptodesk` command, in process and as a real server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pyotp
import pytest
from typer.testing import CliRunner

from cryptodesk import credentials
from cryptodesk.cli import app
from cryptodesk.services.demo import DEMO_AGENTS

from ..support.stories import IDENTITY_SECRET

runner = CliRunner()


@pytest.fixture
def env(db_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("CRYPTODESK_DATABASE_URL", db_url)
    monkeypatch.setenv("CRYPTODESK_IDENTITY_SECRET", IDENTITY_SECRET)
    monkeypatch.setenv("CRYPTODESK_ARGON2_TIME_COST", "1")
    monkeypatch.setenv("CRYPTODESK_ARGON2_MEMORY_KIB", "64")
    return db_url


def test_db_upgrade_and_demo_seed(env: str) -> None:
    upgraded = runner.invoke(app, ["db", "upgrade"])
    current = runner.invoke(app, ["db", "current"]).output.strip()
    assert upgraded.exit_code == 0 and current != "none"
    assert upgraded.output.strip() == f"database at revision {current}"
    assert runner.invoke(app, ["demo", "seed"]).output.strip() == "demo data written"
    assert runner.invoke(app, ["demo", "seed"]).output.strip() == "demo data already present"


def test_agent_create_prints_the_enrolment(env: str) -> None:
    result = runner.invoke(app, [
        "agent", "create", "wei", "--name", "王伟", "--email", "wei@support.example.com",
        "--role", "supervisor", "--team", "security", "--password", "long enough password"])
    assert result.exit_code == 0, result.output
    assert "authenticator secret:" in result.output
    assert "otpauth://totp/cryptodesk:wei" in result.output
    again = runner.invoke(app, [
        "agent", "create", "wei", "--name", "x", "--email", "x@y.z", "--password", "long enough 2"])
    assert again.exit_code == 2 and "exists" in again.output
    bad_team = runner.invoke(app, [
        "agent", "create", "li", "--name", "x", "--email", "x@y.z", "--team", "nope",
        "--password", "long enough 3"])
    assert bad_team.exit_code == 2 and "no team called nope" in bad_team.output


def test_customer_token_is_one_the_api_accepts(env: str) -> None:
    result = runner.invoke(app, ["customer", "token", "demo-alice", "--lang", "zh", "--json"])
    assert result.exit_code == 0
    token = json.loads(result.output)["token"]
    from datetime import UTC, datetime

    identity = credentials.verify_identity(IDENTITY_SECRET, token, datetime.now(UTC), 24)
    assert (identity.ref, identity.language) == ("demo-alice", "zh")


def test_demo_totp_prints_the_current_code() -> None:
    result = runner.invoke(app, ["demo", "totp", "admin"])
    secret = next(a.totp_secret for a in DEMO_AGENTS if a.username == "admin")
    assert result.output.strip() in {pyotp.TOTP(secret).now(),
                                     pyotp.TOTP(secret).at(time.time() - 30)}
    assert runner.invoke(app, ["demo", "totp", "mallory"]).exit_code == 2


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_demo_serves_the_pages_and_the_demo_logins_work(tmp_path: Path) -> None:
    """What `make demo` runs, on a fresh directory: a database appears and the pages answer."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRYPTODESK_")}
    env["PORT"] = str(port)
    cli = Path(sys.executable).with_name("cryptodesk")
    server = subprocess.Popen([str(cli), "demo"], cwd=tmp_path, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            pytest.fail("the demo server did not become ready")
        for path in ("/", "/docs", "/openapi.json", "/console", "/healthz"):
            assert httpx.get(base + path).status_code == 200, path
        assert "客服工作台" in httpx.get(f"{base}/?lang=zh").text
        admin = DEMO_AGENTS[0]
        login = httpx.post(f"{base}/api/v1/auth/login", json={
            "username": admin.username, "password": admin.password,
            "totp": pyotp.TOTP(admin.totp_secret).now()})
        assert login.status_code == 200
        inbox = httpx.get(f"{base}/api/v1/tickets", headers={
            "Authorization": f"Bearer {login.json()['token']}"})
        assert inbox.json()["total"] >= 5
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=20)
    assert (tmp_path / "cryptodesk.db").exists()
    assert f"{base}/console" in output and admin.totp_secret in output


def test_a_command_on_a_database_never_migrated_says_what_to_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CRYPTODESK_DATABASE_URL", f"sqlite:///{tmp_path / 'never-migrated.db'}")
    result = runner.invoke(app, ["ask", "my withdrawal has not arrived"])
    assert result.exit_code == 2
    assert "run `cryptodesk db upgrade` first" in result.output
    assert "Traceback" not in result.output
