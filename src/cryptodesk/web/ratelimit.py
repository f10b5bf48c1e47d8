"""Counting attempts per client and per account, so guessing passwords or tokens is slow.

Counts live in the process (a sliding window per key). Several app processes each keep their
own; a shared store (Redis) can sit behind the same `hit` when one is configured.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import Request

from ..errors import RateLimited


@dataclass(frozen=True)
class Rule:
    limit: int
    seconds: float


LOGIN_PER_IP = Rule(30, 300)  # sign-in attempts from one address
LOGIN_FAILURES_PER_ACCOUNT = Rule(5, 900)  # wrong passwords or codes for one username
BAD_TOKENS_PER_IP = Rule(30, 300)  # identity tokens that do not verify
PUBLIC_PER_IP = Rule(120, 60)  # unauthenticated reads and anonymous chats


class Limiter:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._hits: dict[str, deque[float]] = {}

    def _window(self, key: str, rule: Rule, now: float) -> deque[float]:
        hits = self._hits.setdefault(key, deque())
        while hits and hits[0] <= now - rule.seconds:
            hits.popleft()
        return hits

    def check(self, key: str, rule: Rule) -> None:
        """Refuse when `key` already used up its allowance; count nothing."""
        with self._lock:
            now = self._clock()
            hits = self._window(key, rule, now)
            if len(hits) >= rule.limit:
                raise RateLimited(max(1, math.ceil(hits[0] + rule.seconds - now)))

    def hit(self, key: str, rule: Rule) -> None:
        """Count one attempt, refusing it when the allowance is used up."""
        with self._lock:
            now = self._clock()
            hits = self._window(key, rule, now)
            if len(hits) >= rule.limit:
                raise RateLimited(max(1, math.ceil(hits[0] + rule.seconds - now)))
            hits.append(now)
            if len(self._hits) > 100_000:  # forget idle keys rather than grow without end
                for stale in [k for k, v in self._hits.items() if not v][:50_000]:
                    del self._hits[stale]

    def reset(self, key: str) -> None:
        with self._lock:
            self._hits.pop(key, None)


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def limiter(request: Request) -> Limiter:
    return request.app.state.limiter


def public(request: Request) -> None:
    """A dependency for endpoints open to anyone."""
    limiter(request).hit(f"public:{client_ip(request)}", PUBLIC_PER_IP)
