"""The ASGI application: `create_app(desk)` builds one per process (and per test)."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .. import __version__
from ..bootstrap import Desk, build
from ..channels import webchat
from ..config import Settings
from . import api, console_socket, docs, errors, health, pages
from .ratelimit import Limiter
from .security import SameOriginWrites, SecurityHeaders

log = logging.getLogger(__name__)


def _prepare_intent_model(desk: Desk) -> None:
    try:
        desk.intent_model()
    except Exception:  # the first question will try again and report its own error
        log.exception("the built-in intent model could not be prepared")


def create_app(desk: Desk | None = None, settings: Settings | None = None) -> FastAPI:
    desk = desk or build(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Training the built-in model on a fresh host takes a while; the server answers
        # meanwhile, and the first customer question usually finds the model ready.
        threading.Thread(target=_prepare_intent_model, args=(desk,),
                         name="prepare-intent-model", daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="cryptodesk",
        version=__version__,
        summary="Customer support for cryptocurrency exchanges",
        docs_url=None,
        openapi_url="/openapi.json",
        redoc_url=None,
    )
    app.state.desk = desk
    app.state.limiter = Limiter()
    errors.install(app)
    app.include_router(health.router)
    app.include_router(docs.router)
    app.mount("/docs-assets", docs.assets(), name="docs-assets")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(webchat.router)
    app.include_router(console_socket.router)
    app.mount("/static", pages.static_files(), name="static")
    if desk.settings.widget_origins:
        # The chat widget on the exchange's own pages calls the customer API across origins.
        app.add_middleware(
            CORSMiddleware, allow_origins=desk.settings.widget_origins, allow_credentials=False,
            allow_methods=["GET", "POST"],
            allow_headers=["Authorization", "Content-Type", "X-Visitor-Token", "Accept-Language"],
        )
    app.add_middleware(SameOriginWrites, public_url=desk.settings.public_url)
    app.add_middleware(SecurityHeaders, https=desk.settings.public_url.startswith("https"))
    return app
