"""Agents, their roles and the teams tickets are routed to."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime

from .events import Actor, ActorKind


class Role(enum.StrEnum):
    AGENT = "agent"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"

    @property
    def requires_totp(self) -> bool:
        """Supervisors and admins can change everything; a stolen password must not be enough."""
        return self in (Role.SUPERVISOR, Role.ADMIN)


@dataclass(eq=False, kw_only=True)
class Team:
    name: str
    display_name: str
    display_name_zh: str


@dataclass(eq=False, kw_only=True)
class Agent:
    username: str
    display_name: str
    email: str
    role: Role = Role.AGENT
    team: str = "support"
    password_hash: str = ""
    totp_secret: str | None = None
    last_totp_step: int | None = None
    active: bool = True
    created_at: datetime
    id: int | None = None

    @property
    def actor(self) -> Actor:
        return Actor(ActorKind.AGENT, self.id, self.username)

    @property
    def can_supervise(self) -> bool:
        return self.role in (Role.SUPERVISOR, Role.ADMIN)


@dataclass(eq=False, kw_only=True)
class AgentSession:
    """A signed-in console session; only the token's hash is kept."""

    token_hash: str
    agent_id: int
    created_at: datetime
    expires_at: datetime
