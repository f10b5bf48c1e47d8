"""Web chat's live half: a customer's socket hears replies the moment they are committed.

Protocol (JSON text frames). The browser cannot set headers on a WebSocket, and a token in
the URL would land in access logs, so the client proves who it is in its first frame:

    client → {"type": "hello", "token": "<identity token>" | "visitor_token": "...",
              "after_id": <last message id the client has, 0 for all>}
    server → {"type": "message", "message": {...}}  the thread after `after_id`, then live
    server → {"type": "ready", "conversation_id": N, "state": "..."}  once caught up
    server → {"type": "typing", "author": "agent"} | {"type": "changed"} | {"type": "pong"}
    client → {"type": "typing"} | {"type": "ping"}

A hello without credentials falls back to the portal's cookie (same origin only). Who may
listen is decided by the same loader as the HTTP API: a conversation that is not the caller's
does not exist (close code 4404); bad credentials close with 4401.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from ..bootstrap import Desk
from ..bus import Notice, Subscription, conversation_topic
from ..domain.conversations import Message
from ..errors import AuthenticationFailed, NotFound
from ..services import customer_view
from . import identity

router = APIRouter()
HELLO_SECONDS = 10.0
TYPING_INTERVAL = 1.0
MAX_FRAME = 4096
CLOSE_BAD_REQUEST, CLOSE_UNAUTHENTICATED, CLOSE_NOT_FOUND = 4400, 4401, 4404
PUBLIC = ("id", "author", "body", "language", "client_message_id", "created_at", "data")


async def read_frame(websocket: WebSocket) -> dict[str, Any] | None:
    """The next JSON object from the client; None once it has gone. Junk is skipped."""
    while True:
        try:
            message = await websocket.receive()
        except (WebSocketDisconnect, RuntimeError):
            return None
        if message["type"] == "websocket.disconnect":
            return None
        raw = message.get("text") or (message.get("bytes") or b"").decode("utf-8", "replace")
        if len(raw) > MAX_FRAME:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue
        if isinstance(data, dict):
            return data


def public_message(data: dict[str, Any]) -> dict[str, Any]:
    """What the customer API shows of a message; `data` carries the bot's options, the
    article and a diagnosis card."""
    return {key: data.get(key) for key in PUBLIC}


def _as_data(message: Message) -> dict[str, Any]:
    return {
        "id": message.id, "author": str(message.author), "body": message.body,
        "language": message.language, "client_message_id": message.client_message_id,
        "created_at": message.created_at.isoformat(), "data": message.data,
    }


def _admit(desk: Desk, websocket: WebSocket, hello: dict[str, Any], conversation_id: int,
           ) -> tuple[identity.Signed, str, list[dict[str, Any]]]:
    token, visitor_token = hello.get("token"), hello.get("visitor_token")
    from_our_page = identity.same_origin(websocket, desk.settings.public_url)
    if not token and not visitor_token and from_our_page:
        token = websocket.cookies.get(identity.PORTAL_COOKIE)
    signed = identity.signed(
        desk, token=token if isinstance(token, str) else None,
        visitor_token=visitor_token if isinstance(visitor_token, str) else None,
    )
    after = hello.get("after_id")
    after_id = after if type(after) is int and after >= 0 else 0
    with desk.uow() as uow:
        view = customer_view.conversation(uow, signed.viewer, conversation_id)
        backlog = [_as_data(m) for m in view.messages if (m.id or 0) > after_id]
        return signed, str(view.conversation.state), backlog


@router.websocket("/ws/conversations/{conversation_id}")
async def conversation_socket(websocket: WebSocket, conversation_id: int) -> None:
    desk: Desk = websocket.app.state.desk
    await websocket.accept()
    try:
        hello = await asyncio.wait_for(read_frame(websocket), HELLO_SECONDS)
    except TimeoutError:
        hello = None
    if hello is None or hello.get("type") != "hello":
        await _close(websocket, CLOSE_BAD_REQUEST)
        return
    topic = conversation_topic(conversation_id)
    subscription = desk.bus.subscribe([topic])  # before reading the thread: nothing slips by
    try:
        try:
            signed, state, backlog = await run_in_threadpool(
                _admit, desk, websocket, hello, conversation_id
            )
        except AuthenticationFailed:
            await _close(websocket, CLOSE_UNAUTHENTICATED)
            return
        except NotFound:
            await _close(websocket, CLOSE_NOT_FOUND)
            return
        sent: set[int] = set()
        for data in backlog:
            await websocket.send_json({"type": "message", "message": public_message(data)})
            sent.add(data["id"])
        await websocket.send_json({"type": "ready", "conversation_id": conversation_id,
                                   "state": state})
        await _serve(websocket, desk, subscription, topic, signed, sent)
    finally:
        subscription.close()


async def _serve(websocket: WebSocket, desk: Desk, subscription: Subscription, topic: str,
                 signed: identity.Signed, sent: set[int]) -> None:
    async def forward() -> None:
        async for notice in subscription:
            out = outgoing(notice, sent)
            if out is not None:
                await websocket.send_json(out)

    async def listen() -> None:
        last_typing = 0.0
        while (frame := await read_frame(websocket)) is not None:
            kind = frame.get("type")
            if kind == "typing" and time.monotonic() - last_typing >= TYPING_INTERVAL:
                last_typing = time.monotonic()
                desk.bus.publish([Notice(topic, "typing", {"author": "customer"})])
            elif kind == "ping":
                await websocket.send_json({"type": "pong"})

    async def expire() -> None:
        if signed.expires is None:
            await asyncio.Event().wait()
        else:
            await asyncio.sleep(max(0.0, (signed.expires - desk.now()).total_seconds()))

    tasks = {asyncio.create_task(forward()), asyncio.create_task(listen())}
    expiry = asyncio.create_task(expire())
    done, pending = await asyncio.wait({*tasks, expiry}, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    for task in pending:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
    for task in done - {expiry}:
        with contextlib.suppress(WebSocketDisconnect, RuntimeError):
            task.result()  # a socket that went away mid-send is not an error
    if expiry in done:
        await _close(websocket, CLOSE_UNAUTHENTICATED)


def outgoing(notice: Notice, sent: set[int]) -> dict[str, Any] | None:
    """What of a notice a customer may hear: public lines once each, agents' typing, changes."""
    data = notice.data
    if notice.kind == "message":
        if data.get("internal") or data.get("id") in sent:
            return None
        sent.add(data["id"])
        return {"type": "message", "message": public_message(data)}
    if notice.kind == "typing" and data.get("author") in ("agent", "bot"):
        return {"type": "typing", "author": data["author"]}
    if notice.kind == "changed":
        return {"type": "changed"}
    return None


async def _close(websocket: WebSocket, code: int) -> None:
    with contextlib.suppress(RuntimeError, WebSocketDisconnect):
        await websocket.close(code)
