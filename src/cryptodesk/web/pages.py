"""Server-rendered pages: the help center, the customer portal and the agent console."""

from __future__ import annotations

from pathlib import Path

from fastapi import APIRouter
from fastapi.staticfiles import StaticFiles

from . import console, console_actions, console_admin, helpcenter, portal, portal_cases

STATIC_DIR = Path(__file__).with_name("static")

router = APIRouter(include_in_schema=False)
router.include_router(helpcenter.router)
router.include_router(portal.router)
router.include_router(portal_cases.router)
router.include_router(console.router)
router.include_router(console_actions.router)
router.include_router(console_admin.router)


def static_files() -> StaticFiles:
    """Our own CSS and JavaScript, and the embeddable chat widget; nothing from elsewhere."""
    return StaticFiles(directory=STATIC_DIR)
