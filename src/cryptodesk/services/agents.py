"""Agents: accounts, sign-in with password and one-time code, console sessions."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher

from .. import credentials
from ..domain.agents import Agent, AgentSession, Role
from ..domain.events import SYSTEM, Actor, Change
from ..errors import AuthenticationFailed, Conflict, InvalidInput, NotFound
from ..store.unit_of_work import UnitOfWork
from . import audit

USERNAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789._-")


@dataclass(frozen=True)
class NewAgent:
    agent: Agent
    totp_secret: str | None


def create_agent(
    uow: UnitOfWork, hasher: PasswordHasher, *, username: str, display_name: str, email: str,
    password: str, role: Role, team: str, now: datetime, with_totp: bool = True,
    totp_secret: str | None = None, actor: Actor = SYSTEM,
) -> NewAgent:
    username = username.strip().lower()
    if not (2 <= len(username) <= 64) or not set(username) <= USERNAME_CHARS:
        raise InvalidInput(
            "Usernames are 2–64 characters: letters, digits, '.', '_' or '-'.",
            "用户名为 2–64 个字符：字母、数字、'.'、'_' 或 '-'。", field="username", value=username,
        )
    if "@" not in email or len(email) > 254:
        raise InvalidInput("The email address is not valid.", "邮箱地址无效。",
                           field="email", value=email)
    credentials.check_new_password(password, (username, email, display_name))
    if uow.agents.by_username(username) is not None:
        raise Conflict(f"An agent called {username} exists.", f"客服 {username} 已存在。",
                       code="username_taken", field="username", value=username)
    if uow.agents.team(team) is None:
        raise NotFound(f"There is no team called {team}.", f"没有名为 {team} 的团队。",
                       field="team", value=team)
    if role.requires_totp:
        with_totp = True
    secret = (totp_secret or credentials.new_totp_secret()) if with_totp else None
    agent = Agent(
        username=username, display_name=display_name.strip() or username, email=email.strip(),
        role=role, team=team, password_hash=hasher.hash(password), totp_secret=secret,
        created_at=now,
    )
    uow.agents.add(agent)
    uow.flush()
    audit.record(uow, [Change("agent.created", None, {"username": username, "role": str(role),
                                                      "team": team})], actor, now)
    return NewAgent(agent, secret)


def _refused() -> AuthenticationFailed:
    return AuthenticationFailed(
        "The username, password or code is wrong.", "用户名、密码或验证码错误。",
        code="login_failed",
    )


def login(
    uow: UnitOfWork, hasher: PasswordHasher, *, username: str, password: str,
    code: str | None, now: datetime, session_hours: int,
) -> tuple[Agent, str]:
    """Check password, then the one-time code; a code is accepted once only."""
    agent = uow.agents.by_username(username.strip().lower(), lock=True)
    if agent is None or not agent.active:
        hasher.hash(password)  # spend the same time as a real check
        raise _refused()
    if not credentials.verify_password(hasher, agent.password_hash, password):
        raise _refused()
    if agent.totp_secret is not None:
        if not code:
            raise AuthenticationFailed(
                "Enter the 6-digit code from your authenticator app.",
                "请输入身份验证器中的 6 位验证码。", code="totp_required", field="totp",
            )
        step = credentials.accepted_totp_step(agent.totp_secret, code, now, agent.last_totp_step)
        if step is None:
            raise _refused()
        agent.last_totp_step = step
    token = credentials.new_token()
    uow.agents.purge_sessions(now)
    uow.agents.add(AgentSession(
        token_hash=credentials.token_hash(token), agent_id=agent.id, created_at=now,
        expires_at=now + timedelta(hours=session_hours),
    ))
    audit.record(uow, [Change("agent.login", None, None)], agent.actor, now)
    return agent, token


def agent_for_token(uow: UnitOfWork, token: str, now: datetime) -> Agent:
    session = uow.agents.session_for(credentials.token_hash(token))
    agent = uow.agents.get(session.agent_id) if session else None
    if session is None or session.expires_at <= now or agent is None or not agent.active:
        raise AuthenticationFailed("Your session has ended; sign in again.",
                                   "登录已失效，请重新登录。", code="session_expired")
    return agent


def logout(uow: UnitOfWork, token: str, now: datetime) -> None:
    agent = agent_for_token(uow, token, now)
    uow.agents.end_session(credentials.token_hash(token))
    audit.record(uow, [Change("agent.logout", None, None)], agent.actor, now)
