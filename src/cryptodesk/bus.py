"""Live updates: notices published after a commit reach whoever listens (sockets, consoles).

`LocalBus` carries them inside one process. Several server processes need a shared carrier
(Redis pub/sub) behind the same two methods; nothing else in the product changes then.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

INBOX = "inbox"  # every agent console listens here


def conversation_topic(conversation_id: int) -> str:
    return f"conversation:{conversation_id}"


def ticket_topic(ticket_id: int) -> str:
    return f"ticket:{ticket_id}"


@dataclass(frozen=True)
class Notice:
    topic: str
    kind: str
    data: dict[str, Any] = field(default_factory=dict)


class Bus(Protocol):
    def publish(self, notices: Iterable[Notice]) -> None: ...

    def subscribe(self, topics: Iterable[str]) -> Subscription: ...


class Subscription:
    """An async stream of notices on some topics, until closed."""

    def __init__(self, bus: LocalBus, topics: frozenset[str]) -> None:
        self._bus = bus
        self.topics = topics
        self._loop = asyncio.get_running_loop()
        self._queue: asyncio.Queue[Notice] = asyncio.Queue(maxsize=1000)

    def _deliver(self, notice: Notice) -> None:
        def put() -> None:
            if not self._queue.full():
                self._queue.put_nowait(notice)

        if not self._loop.is_closed():
            self._loop.call_soon_threadsafe(put)

    async def get(self) -> Notice:
        return await self._queue.get()

    def __aiter__(self) -> AsyncIterator[Notice]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[Notice]:
        while True:
            yield await self._queue.get()

    def close(self) -> None:
        self._bus._remove(self)


class LocalBus:
    """Publishers may be worker threads; each subscriber is woken on its own event loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._subscriptions: list[Subscription] = []

    def publish(self, notices: Iterable[Notice]) -> None:
        with self._lock:
            subscriptions = list(self._subscriptions)
        for notice in notices:
            for subscription in subscriptions:
                if notice.topic in subscription.topics:
                    subscription._deliver(notice)

    def subscribe(self, topics: Iterable[str]) -> Subscription:
        subscription = Subscription(self, frozenset(topics))
        with self._lock:
            self._subscriptions.append(subscription)
        return subscription

    def _remove(self, subscription: Subscription) -> None:
        with self._lock:
            if subscription in self._subscriptions:
                self._subscriptions.remove(subscription)
