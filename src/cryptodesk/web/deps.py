"""What a route needs, said in its signature: the desk, the signed-in agent, the customer."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import Depends, Header, Request

from .. import credentials
from ..bootstrap import Desk
from ..channels import identity
from ..domain.agents import Agent
from ..domain.conversations import Message
from ..errors import AuthenticationFailed
from ..services import agents as agent_services
from ..services.access import CustomerViewer, Viewer, VisitorViewer, access_conversation
from ..store.unit_of_work import UnitOfWork
from . import ratelimit

SESSION_COOKIE = "cryptodesk_session"
log = logging.getLogger("cryptodesk.web")
R = TypeVar("R")


def get_desk(request: Request) -> Desk:
    return request.app.state.desk


DeskDep = Annotated[Desk, Depends(get_desk)]


def transact(desk: Desk, action: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    """Run one use case in its own unit of work and commit it."""
    with desk.uow() as uow:
        result = action(uow, *args, **kwargs)
        uow.commit()
        return result


def read(desk: Desk, action: Callable[..., R], *args: Any, **kwargs: Any) -> R:
    with desk.uow() as uow:
        return action(uow, *args, **kwargs)


def _bearer(authorization: str | None) -> str | None:
    if authorization and authorization[:7].lower() == "bearer ":
        return authorization[7:].strip() or None
    return None


def session_token(request: Request) -> str | None:
    return _bearer(request.headers.get("authorization")) or request.cookies.get(SESSION_COOKIE)


def current_agent(request: Request, desk: DeskDep) -> Agent:
    token = session_token(request)
    if not token:
        raise AuthenticationFailed("Please sign in first.", "请先登录。", code="unauthenticated")
    return read(desk, agent_services.agent_for_token, token, desk.now())


CurrentAgent = Annotated[Agent, Depends(current_agent)]


def _customer_viewer(desk: Desk, token: str, request: Request) -> CustomerViewer:
    """The exchange's token, checked as the sockets and the portal check it; failures count."""
    limits, key = ratelimit.limiter(request), f"bad-token:{ratelimit.client_ip(request)}"
    limits.check(key, ratelimit.BAD_TOKENS_PER_IP)
    try:
        signed = identity.customer(desk, token)
    except AuthenticationFailed:
        limits.hit(key, ratelimit.BAD_TOKENS_PER_IP)
        raise
    assert isinstance(signed.viewer, CustomerViewer)
    return signed.viewer


def respond_after_store(desk: Desk, viewer: Viewer, conversation_id: int, message_id: int) -> None:
    """Let the responder answer a stored message; its failure loses nothing the customer sent."""

    def run(uow: UnitOfWork) -> None:
        conversation = access_conversation(uow, viewer, conversation_id)
        message = uow.session.get(Message, message_id)
        desk.responder.respond(uow, conversation, message, desk.now())

    try:
        transact(desk, run)
    except Exception:
        log.exception("responder failed on conversation %s", conversation_id)


def optional_viewer(
    desk: DeskDep,
    request: Request,
    authorization: Annotated[str | None, Header()] = None,
    x_visitor_token: Annotated[str | None, Header()] = None,
) -> Viewer | None:
    token = _bearer(authorization)
    if authorization is not None and token is None:
        raise AuthenticationFailed("Use 'Authorization: Bearer <identity token>'.",
                                   "请使用 'Authorization: Bearer <身份令牌>'。",
                                   code="invalid_identity_token")
    if token:
        return _customer_viewer(desk, token, request)
    if x_visitor_token:
        if len(x_visitor_token) > 128:
            raise AuthenticationFailed("The visitor token is malformed.", "访客令牌格式错误。",
                                       code="invalid_visitor_token")
        return VisitorViewer(credentials.token_hash(x_visitor_token))
    return None


def viewer(v: Annotated[Viewer | None, Depends(optional_viewer)]) -> Viewer:
    if v is None:
        raise AuthenticationFailed(
            "Sign in through the exchange, or use the visitor token of your chat.",
            "请通过交易所登录，或使用聊天的访客令牌。", code="unauthenticated",
        )
    return v


def customer(v: Annotated[Viewer, Depends(viewer)]) -> CustomerViewer:
    if not isinstance(v, CustomerViewer):
        raise AuthenticationFailed("Sign in through the exchange to see tickets.",
                                   "请通过交易所登录后查看工单。", code="unauthenticated")
    return v


OptionalViewer = Annotated[Viewer | None, Depends(optional_viewer)]
CurrentViewer = Annotated[Viewer, Depends(viewer)]
CurrentCustomer = Annotated[CustomerViewer, Depends(customer)]
