"""The agent console's live line: the inbox and an open ticket refresh as soon as anything
they show is committed, and typing is relayed both ways.

Only signals travel here, never customer text: the page fetches the re-rendered (escaped)
fragment itself. Sent frames: {"type": "inbox"}, {"type": "thread"}, {"type": "typing"}.
The client may send {"type": "typing"} while an agent writes a reply.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from typing import Any

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from starlette.concurrency import run_in_threadpool

from ..bootstrap import Desk
from ..bus import INBOX, Notice, conversation_topic
from ..channels.identity import same_origin
from ..channels.webchat import TYPING_INTERVAL, read_frame
from ..errors import AuthenticationFailed, NotFound
from ..services import agents as agent_services
from ..services.access import access_ticket
from .deps import SESSION_COOKIE

router = APIRouter()
CLOSE_UNAUTHENTICATED, CLOSE_NOT_FOUND = 4401, 4404


def _admit(desk: Desk, token: str, ticket_id: int | None) -> list[int]:
    """The conversations behind the ticket being watched (merged ones included)."""
    with desk.uow() as uow:
        agent = agent_services.agent_for_token(uow, token, desk.now())
        if ticket_id is None:
            return []
        ticket = access_ticket(uow, agent, ticket_id)
        merged = uow.tickets.merged_into(ticket.id)
        return [ticket.conversation_id, *(t.conversation_id for t in merged)]


@router.websocket("/ws/console")
async def console_socket(websocket: WebSocket, ticket: int | None = None) -> None:
    desk: Desk = websocket.app.state.desk
    token = websocket.cookies.get(SESSION_COOKIE)
    if not token or not same_origin(websocket, desk.settings.public_url):
        await websocket.close(CLOSE_UNAUTHENTICATED)
        return
    try:
        conversations = await run_in_threadpool(_admit, desk, token, ticket)
    except AuthenticationFailed:
        await websocket.close(CLOSE_UNAUTHENTICATED)
        return
    except NotFound:
        await websocket.close(CLOSE_NOT_FOUND)
        return
    subscription = desk.bus.subscribe([INBOX, *map(conversation_topic, conversations)])
    try:
        await websocket.accept()
        await _serve(websocket, desk, subscription, ticket, conversations)
    finally:
        subscription.close()


def signals(notice: Notice, ticket_id: int | None, conversations: list[int]) -> list[str]:
    data: dict[str, Any] = notice.data
    if notice.topic == INBOX:
        mine = ticket_id is not None and (
            data.get("ticket_id") == ticket_id or data.get("conversation_id") in conversations
        )
        return ["inbox", "thread"] if mine else ["inbox"]
    if notice.kind == "typing" and data.get("author") == "customer":
        return ["typing"]
    return []


async def _serve(websocket: WebSocket, desk: Desk, subscription: Any, ticket_id: int | None,
                 conversations: list[int]) -> None:
    async def forward() -> None:
        async for notice in subscription:
            for kind in signals(notice, ticket_id, conversations):
                await websocket.send_json({"type": kind})

    async def listen() -> None:
        last_typing = 0.0
        while (frame := await read_frame(websocket)) is not None:
            if (frame.get("type") == "typing" and conversations
                    and time.monotonic() - last_typing >= TYPING_INTERVAL):
                last_typing = time.monotonic()
                desk.bus.publish([Notice(conversation_topic(conversations[0]), "typing",
                                         {"author": "agent"})])

    tasks = {asyncio.create_task(forward()), asyncio.create_task(listen())}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for task in pending:
        task.cancel()
    for task in pending:
        with contextlib.suppress(asyncio.CancelledError, Exception):
            await task
    for task in done:
        with contextlib.suppress(WebSocketDisconnect, RuntimeError):
            task.result()
