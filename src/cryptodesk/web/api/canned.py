"""Canned replies: supervisors and admins keep them; every agent may list them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from fastapi import APIRouter
from pydantic import Field

from ...domain.canned import MAX_BODY, MAX_NAME, PLACEHOLDERS, CannedText
from ...services import canned as canned_services
from ..deps import CurrentAgent, DeskDep, read, transact
from ..schemas import Id, Input, Output
from .responses import ERRORS, FULL, ErrorOut

FORBIDDEN: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorOut, "description": "Only supervisors and admins may do this"},
}
router = APIRouter(tags=["canned replies"])
Lang = Literal["zh", "en"]
_PLACEHOLDERS = ", ".join("{" + p + "}" for p in PLACEHOLDERS)


class CannedIn(Input):
    name: str = Field(min_length=1, max_length=MAX_NAME, examples=["withdrawal-delay"])
    language: Lang
    body: str = Field(min_length=1, max_length=MAX_BODY,
                      description=f"may use the placeholders {_PLACEHOLDERS}")
    tags: list[str] = Field(default_factory=list, max_length=20)


class CannedEditIn(CannedIn):
    active: bool = Field(True, description="false retires it; true brings a retired one back")


class CannedOut(Output):
    id: int
    name: str
    language: str
    body: str
    tags: list[str]
    active: bool
    created_by: str
    created_at: datetime
    updated_by: str
    updated_at: datetime


def _text(body: CannedIn) -> CannedText:
    return CannedText.clean(body.name, body.language, body.body, body.tags)


@router.get("/canned-replies", responses=ERRORS)
def list_replies(
    desk: DeskDep, agent: CurrentAgent, language: Lang | None = None,
    include_retired: bool = False,
) -> list[CannedOut]:
    found = read(desk, canned_services.listing, language=language,
                 include_retired=include_retired)
    return [CannedOut.model_validate(r) for r in found]


@router.post("/canned-replies", status_code=201, responses={**FULL, **FORBIDDEN})
def create_reply(body: CannedIn, desk: DeskDep, agent: CurrentAgent) -> CannedOut:
    """Add a reply (supervisors and admins). Unknown placeholders are refused with 422."""
    reply = transact(desk, canned_services.create, agent, _text(body), desk.now())
    return CannedOut.model_validate(reply)


@router.get("/canned-replies/{reply_id}", responses=FULL)
def get_reply(reply_id: Id, desk: DeskDep, agent: CurrentAgent) -> CannedOut:
    return CannedOut.model_validate(read(desk, canned_services.get, reply_id))


@router.put("/canned-replies/{reply_id}", responses={**FULL, **FORBIDDEN})
def edit_reply(reply_id: Id, body: CannedEditIn, desk: DeskDep, agent: CurrentAgent) -> CannedOut:
    reply = transact(desk, canned_services.edit, agent, reply_id, _text(body), desk.now(),
                     active=body.active)
    return CannedOut.model_validate(reply)


@router.delete("/canned-replies/{reply_id}", responses={**FULL, **FORBIDDEN})
def retire_reply(reply_id: Id, desk: DeskDep, agent: CurrentAgent) -> CannedOut:
    """Retire a reply (supervisors and admins): it leaves the console but stays on record."""
    return CannedOut.model_validate(transact(desk, canned_services.retire, agent, reply_id,
                                             desk.now()))
