"""Agents sign in with password and one-time code; the session rides in a cookie or a header."""

from __future__ import annotations

from datetime import timedelta

from fastapi import APIRouter, Request, Response

from ...errors import AuthenticationFailed
from ...services import agents as agent_services
from .. import ratelimit
from ..deps import SESSION_COOKIE, CurrentAgent, DeskDep, session_token, transact
from ..schemas import AgentOut, LoginIn, LoginOut, TeamOut
from .responses import AUTH, ERRORS, LIMITED

router = APIRouter(tags=["agents"])


@router.post("/auth/login", responses={**ERRORS, **LIMITED})
def login(body: LoginIn, desk: DeskDep, request: Request, response: Response) -> LoginOut:
    """Password, then the authenticator code; repeated failures lock the account for a while."""
    now = desk.now()
    limits = ratelimit.limiter(request)
    limits.hit(f"login-ip:{ratelimit.client_ip(request)}", ratelimit.LOGIN_PER_IP)
    account = f"login-failures:{body.username.lower()}"
    limits.check(account, ratelimit.LOGIN_FAILURES_PER_ACCOUNT)
    try:
        agent, token = transact(
            desk, agent_services.login, desk.hasher, username=body.username,
            password=body.password, code=body.totp, now=now,
            session_hours=desk.settings.session_hours,
        )
    except AuthenticationFailed as exc:
        if exc.code == "login_failed":
            limits.hit(account, ratelimit.LOGIN_FAILURES_PER_ACCOUNT)
        raise
    limits.reset(account)
    expires = now + timedelta(hours=desk.settings.session_hours)
    response.set_cookie(
        SESSION_COOKIE, token, max_age=desk.settings.session_hours * 3600, httponly=True,
        samesite="strict", secure=desk.settings.public_url.startswith("https"), path="/",
    )
    return LoginOut(agent=AgentOut.of(agent), token=token, expires_at=expires)


@router.post("/auth/logout", status_code=204, responses=AUTH)
def logout(request: Request, desk: DeskDep, agent: CurrentAgent) -> Response:
    token = session_token(request)
    assert token is not None  # CurrentAgent has checked it
    transact(desk, agent_services.logout, token, desk.now())
    response = Response(status_code=204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/auth/me", responses=AUTH)
def me(agent: CurrentAgent) -> AgentOut:
    return AgentOut.of(agent)


@router.get("/teams", responses=AUTH)
def teams(desk: DeskDep, agent: CurrentAgent) -> list[TeamOut]:
    with desk.uow() as uow:
        return [TeamOut.model_validate(team) for team in uow.agents.teams()]


@router.get("/agents", responses=AUTH)
def agents(desk: DeskDep, agent: CurrentAgent) -> list[AgentOut]:
    with desk.uow() as uow:
        return [AgentOut.of(a) for a in uow.agents.all() if a.active]
