"""Real HTTP servers on 127.0.0.1 for the contract suite: uvicorn in a background thread.

`Scripted` is an exchange that answers what a test tells it to and counts what it receives,
so retries are counted where they land, not guessed from the client's timing.
"""

from __future__ import annotations

import asyncio
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import uvicorn

_STARTUP_SECONDS = 10.0


@contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve `app` on a free port of 127.0.0.1 until the block ends; yield its base URL."""
    # proto=IPPROTO_TCP, or asyncio leaves Nagle on and every answer waits for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        app, log_level="critical", lifespan="off", ws="none", timeout_graceful_shutdown=1,
        access_log=False,
    )
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + _STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.005)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(_STARTUP_SECONDS)
        sock.close()


def refused_url() -> str:
    """A URL on 127.0.0.1 where nothing listens: connections are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


@dataclass
class Reply:
    status: int = 200
    body: bytes = b"{}"
    delay: float = 0.0  # seconds to wait before answering (cut short when the test ends)


@dataclass
class Call:
    method: str
    path: str
    query: str
    headers: dict[str, str]


@dataclass
class Scripted:
    """An ASGI exchange answering `replies` in turn (the last one repeats), counting calls."""

    replies: list[Reply] = field(default_factory=lambda: [Reply()])
    calls: list[Call] = field(default_factory=list)
    _changed: threading.Condition = field(default_factory=threading.Condition)
    _generation: int = 0

    def answer(self, *replies: Reply) -> None:
        self.replies = list(replies)

    def reset(self) -> None:
        """Forget the calls, answer `{}` again, and cut short any slow reply still waiting."""
        with self._changed:
            self._generation += 1
            self.calls = []
            self.replies = [Reply()]

    def wait_for_calls(self, count: int, timeout: float = 5.0) -> int:
        """The number of calls received, once there are `count` (or the timeout passed)."""
        with self._changed:
            self._changed.wait_for(lambda: len(self.calls) >= count, timeout)
            return len(self.calls)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        with self._changed:
            generation = self._generation
            index = len(self.calls)
            self.calls.append(Call(scope["method"], scope["path"],
                                   scope["query_string"].decode(), headers))
            self._changed.notify_all()
        reply = self.replies[min(index, len(self.replies) - 1)]
        waited = 0.0
        while waited < reply.delay and self._generation == generation:
            await asyncio.sleep(0.01)
            waited += 0.01
        await send({"type": "http.response.start", "status": reply.status,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": reply.body})
