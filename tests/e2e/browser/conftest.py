"""Browser journeys: Debian's chromium driven by Playwright, against a real uvicorn server.

They skip, saying why, when chromium or the playwright package is missing; with
CRYPTODESK_REQUIRE_BROWSER=1 (CI) a missing browser fails instead. One browser serves all
the journeys; each test gets fresh contexts. Screenshots land in test-artifacts/.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import Request
from fastapi.responses import HTMLResponse

from cryptodesk.bootstrap import Desk
from cryptodesk.web.app import create_app

CHROMIUM = os.environ.get("CRYPTODESK_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[3] / "test-artifacts"


def _missing() -> str | None:
    if importlib.util.find_spec("playwright") is None:
        return "the playwright package is not installed (pip install playwright)"
    if shutil.which(CHROMIUM) is None:
        return f"no chromium at {CHROMIUM} (apt-get install chromium fonts-wqy-microhei)"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One chromium for the journeys (they live in one module). Not session-scoped:
    Playwright's sync API keeps an event loop running on the main thread while it is open,
    which would break later tests that call asyncio.run()."""
    reason = _missing()
    if reason is not None:
        if os.environ.get("CRYPTODESK_REQUIRE_BROWSER"):
            pytest.fail(f"CRYPTODESK_REQUIRE_BROWSER is set but {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield launched
        launched.close()


def exchange_html(token: str, widget: str) -> HTMLResponse:
    """Stands in for a page of the exchange's own site: the widget's one script tag on it."""
    return HTMLResponse(
        '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Exchange</title>'
        '</head><body><h1>Demo Exchange</h1><p>Your wallet.</p>'
        f'<script src="{html.escape(widget)}" data-token="{html.escape(token)}" data-lang="zh" '
        'defer></script></body></html>'
    )


def exchange_page(request: Request) -> HTMLResponse:
    """The exchange's page served by the desk itself, so the widget is on the same origin."""
    return exchange_html(request.query_params.get("token", ""), "/static/widget.js")


@contextmanager
def served(app: Any) -> Iterator[str]:
    """``app`` on a free port of 127.0.0.1, in a thread, until the block ends."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, log_level="warning", lifespan="off",
                            timeout_graceful_shutdown=2)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            pytest.fail("the test server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture
def live_server(desk: Desk) -> Iterator[str]:
    """The app, serving the test's own database, with an exchange page of its own."""
    desk.intent_model()  # trained (or loaded) now, not inside a page's ten-second wait
    app = create_app(desk)
    app.add_api_route("/test-exchange", exchange_page, include_in_schema=False)
    with served(app) as url:
        yield url


@pytest.fixture
def contexts(browser: Any, live_server: str) -> Iterator[Callable[..., Any]]:
    """`contexts(locale="zh-CN")` opens a fresh browser profile, closed after the test."""
    opened: list[Any] = []

    def new(**options: Any) -> Any:
        context = browser.new_context(viewport={"width": 1280, "height": 800}, **options)
        context.set_default_timeout(10_000)
        opened.append(context)
        return context

    yield new
    for context in opened:
        context.close()


@pytest.fixture
def shoot(request: pytest.FixtureRequest) -> Callable[[Any, str], Path]:
    """Save a screenshot of a page as test-artifacts/<test>-<name>.png."""
    test = re.sub(r"[^A-Za-z0-9_.-]+", "-", request.node.name).strip("-")

    def save(page: Any, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{test}-{name}.png"
        page.screenshot(path=str(path), full_page=False)
        return path

    return save
