"""The knowledge base over HTTP: agents edit with history; anyone searches what is published."""

from __future__ import annotations

from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.services import knowledge as kb

from ..support.stories import hire


def test_agents_write_and_publish_with_history(client: TestClient, desk: Desk) -> None:
    headers = hire(desk, "lina").login(client)
    created = client.post("/api/v1/kb/articles", headers=headers, json={
        "slug": "eth-staking", "language": "zh", "intent": "learn.resources",
        "title": "ETH 质押入门", "body": "质押ETH可以获得收益。", "tags": ["staking", "ETH"]})
    assert created.status_code == 201, created.text
    article = created.json()
    assert (article["status"], article["version"], article["tags"]) == (
        "draft", 1, ["staking", "eth"])
    path = f"/api/v1/kb/articles/{article['id']}"
    # Drafts are not searchable by customers yet.
    assert client.get("/api/v1/help/search", params={"q": "ETH 质押"}).json() == []
    edited = client.put(path, headers=headers, json={
        "title": "ETH 质押入门", "body": "质押ETH可以获得收益，随时可以赎回。",
        "tags": ["staking"]})
    assert edited.json()["version"] == 2
    published = client.post(f"{path}/status", headers=headers, json={"status": "published"})
    assert published.json()["status"] == "published"
    hits = client.get("/api/v1/help/search", params={"q": "ETH质押", "language": "zh"}).json()
    assert hits[0]["slug"] == "eth-staking"
    history = client.get(f"{path}/versions", headers=headers).json()
    assert [v["version"] for v in history] == [1, 2] and history[0]["editor"] == "lina"
    duplicate = client.post("/api/v1/kb/articles", headers=headers, json={
        "slug": "eth-staking", "language": "zh", "intent": "learn.resources",
        "title": "x", "body": "y"})
    assert duplicate.status_code == 409


def test_shipped_articles_answer_searches_in_both_languages(client: TestClient, desk: Desk) -> None:
    with desk.uow() as uow:
        kb.sync(uow, desk.now())
        uow.commit()
    zh = client.get("/api/v1/help/search", params={"q": "提币一直没到账", "language": "zh"}).json()
    en = client.get("/api/v1/help/search",
                    params={"q": "set up an authenticator app for 2FA", "language": "en"}).json()
    assert zh[0]["intent"].startswith("withdrawal.") and zh[0]["language"] == "zh"
    assert en[0]["intent"] == "security.2fa_setup"


def test_editing_needs_an_agent(client: TestClient) -> None:
    assert client.get("/api/v1/kb/articles").status_code == 401
    assert client.get("/api/v1/kb/gaps").status_code == 401
    response = client.post("/api/v1/kb/articles", json={})
    assert response.status_code in (401, 422)
