"""A pasted seed phrase or key never reaches the database, the logs or an agent's screen."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from bip_utils import Bip39MnemonicGenerator, Bip39WordsNum
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk

from ..support.stories import customer, hire


def _everything_stored(desk: Desk) -> str:
    """Every text cell of every table, plus the raw bytes of a SQLite database and its WAL."""
    chunks = []
    with desk.database.engine.connect() as conn:
        for table in sa.inspect(conn).get_table_names():
            for row in conn.execute(sa.text(f'SELECT * FROM "{table}"')):
                chunks.extend(str(value) for value in row)
    url = desk.database.url
    if url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        for candidate in (path, Path(f"{path}-wal")):
            if candidate.exists():
                chunks.append(candidate.read_bytes().decode("utf-8", "ignore"))
    return "\n".join(chunks)


def test_secrets_pasted_anywhere_are_redacted_before_storage(
    client: TestClient, desk: Desk, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    seed = Bip39MnemonicGenerator().FromWordsNumber(Bip39WordsNum.WORDS_NUM_12).ToStr()
    key = os.urandom(32).hex()
    alice = customer(desk, "demo-alice", language="zh")
    opened = alice.open_chat(client, f"客服说要验证钱包，我的助记词是 {seed} 对吗")
    texts = [m["body"] for m in opened["messages"]]
    assert seed not in texts[0] and "[已隐藏：助记词]" in texts[0]
    assert any("助记词" in t and "不会" in t for t in texts[1:])  # the warning, in Chinese
    path = f"/api/v1/customer/conversations/{opened['id']}/messages"
    client.post(path, headers=alice.headers, json={"body": f"private key: 0x{key}"})
    headers = hire(desk, "sam").login(client)
    ticket = client.get(f"/api/v1/tickets/{opened['ticket_id']}", headers=headers).json()
    shown = "\n".join(m["body"] for m in ticket["messages"])
    assert seed not in shown and key not in shown
    assert "secret-redacted" in ticket["tags"]
    assert "shield.secret_redacted" in [e["kind"] for e in ticket["events"]]
    client.post(f"/api/v1/tickets/{opened['ticket_id']}/notes", headers=headers,
                json={"body": f"customer's key was {key}, do not share"})
    stored = _everything_stored(desk)
    assert seed not in stored and key not in stored
    assert seed.split()[0] + " " + seed.split()[1] not in stored
    assert seed not in caplog.text and key not in caplog.text
