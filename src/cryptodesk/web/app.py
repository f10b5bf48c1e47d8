"""The ASGI application: `create_app(desk)` builds one per process (and per test)."""

from __future__ import annotations

from fastapi import FastAPI

from .. import __version__
from ..bootstrap import Desk, build
from ..config import Settings
from . import api, errors, health, pages


def create_app(desk: Desk | None = None, settings: Settings | None = None) -> FastAPI:
    desk = desk or build(settings)
    app = FastAPI(
        title="cryptodesk",
        version=__version__,
        summary="Customer support for cryptocurrency exchanges",
        docs_url="/docs",
        openapi_url="/openapi.json",
        redoc_url=None,
    )
    app.state.desk = desk
    errors.install(app)
    app.include_router(health.router)
    app.include_router(api.router)
    app.include_router(pages.router)
    return app
