"""The ASGI application: `create_app(desk)` builds one per process (and per test)."""

from __future__ import annotations

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .. import __version__
from ..bootstrap import Desk, build
from ..channels import webchat
from ..config import Settings
from . import api, console_socket, docs, errors, health, pages
from .ratelimit import Limiter
from .security import SameOriginWrites, SecurityHeaders


def create_app(desk: Desk | None = None, settings: Settings | None = None) -> FastAPI:
    desk = desk or build(settings)
    app = FastAPI(
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
