"""The demo exchange as tests need it: seeded like `make demo`, or failing on purpose."""

from __future__ import annotations

from typing import Any

from cryptodesk.bootstrap import Desk
from cryptodesk.platform import CaseRequest, Platform, PlatformUnavailable
from cryptodesk.services import demo
from cryptodesk.services import knowledge as kb


def seed_demo(desk: Desk, *, articles: bool = True) -> Desk:
    """The demo customers, agents and ledger accounts (and the shipped articles)."""
    with desk.uow() as uow:
        demo.seed(uow, desk.hasher, desk.now(), desk.platform)
        if articles:
            kb.sync(uow, desk.now())
        uow.commit()
    return desk


class SilentExchange:
    """The demo exchange, except that it does not answer when a case is handed to it."""

    def __init__(self, inner: Platform) -> None:
        self.inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def create_case(self, request: CaseRequest) -> str:
        raise PlatformUnavailable("connection refused")
