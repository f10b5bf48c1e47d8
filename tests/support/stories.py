"""Story-like helpers: `agent = hire(desk, "sam")`, `agent.login(client)`, `alice.headers`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import pyotp
from fastapi.testclient import TestClient

from cryptodesk import credentials
from cryptodesk.bootstrap import Desk
from cryptodesk.domain.agents import Agent, Role
from cryptodesk.services import agents as agent_services

PASSWORD = "correct horse battery"
IDENTITY_SECRET = "test-identity-secret-that-is-long-enough"


@dataclass
class StaffMember:
    desk: Desk
    agent: Agent
    password: str
    totp_secret: str | None

    @property
    def username(self) -> str:
        return self.agent.username

    def code(self, step_offset: int = 0) -> str:
        assert self.totp_secret is not None
        at = self.desk.now() + timedelta(seconds=30 * step_offset)
        return pyotp.TOTP(self.totp_secret).at(at)

    def login(self, client: TestClient) -> dict[str, str]:
        """Sign in through the API; returns the Authorization header for later calls."""
        body = {"username": self.username, "password": self.password}
        if self.totp_secret:
            body["totp"] = self.code()
        response = client.post("/api/v1/auth/login", json=body)
        assert response.status_code == 200, response.text
        client.cookies.clear()
        return {"Authorization": f"Bearer {response.json()['token']}"}


def hire(
    desk: Desk, username: str, *, role: Role = Role.AGENT, team: str = "support",
    totp: bool = True,
) -> StaffMember:
    with desk.uow() as uow:
        created = agent_services.create_agent(
            uow, desk.hasher, username=username, display_name=username.title(),
            email=f"{username}@support.example.com", password=PASSWORD, role=role, team=team,
            now=desk.now(), with_totp=totp,
        )
        uow.commit()
    return StaffMember(desk, created.agent, PASSWORD, created.totp_secret)


@dataclass
class CustomerStory:
    ref: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def open_chat(self, client: TestClient, body: str, **extra: object) -> dict:
        response = client.post("/api/v1/customer/conversations", headers=self.headers,
                               json={"body": body, **extra})
        assert response.status_code == 201, response.text
        return response.json()


def customer(desk: Desk, ref: str, *, hours: int = 1, language: str | None = None,
             name: str | None = None) -> CustomerStory:
    expires = int(desk.now().timestamp()) + hours * 3600
    identity = credentials.CustomerIdentity(ref, expires, name, None, language)
    return CustomerStory(ref, credentials.sign_identity(IDENTITY_SECRET, identity))
