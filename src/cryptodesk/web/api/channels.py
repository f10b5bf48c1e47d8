"""Official channels: supervisors and admins keep the registry; anyone may ask whether a
website, email sender, phone number, social account or staff ID is really the exchange's."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from pydantic import BaseModel, Field

from ...domain.channels import MAX_LABEL_CHARS, MAX_VALUE_CHARS, ChannelKind, OfficialChannel
from ...domain.channels import Status as VerdictStatus
from ...i18n import choose_language
from ...services import channels as channel_services
from .. import ratelimit
from ..deps import CurrentAgent, DeskDep, read, transact
from ..schemas import Id, Input, Output
from .responses import ERRORS, FULL, LIMITED, ErrorOut

FORBIDDEN: dict[int | str, dict[str, Any]] = {
    403: {"model": ErrorOut, "description": "Only supervisors and admins may do this"},
}
router = APIRouter(tags=["official channels"])


class ChannelIn(Input):
    kind: ChannelKind
    value: str = Field(min_length=1, max_length=MAX_VALUE_CHARS,
                       examples=["example.com", "+44 20 7946 0958", "@example_support"])
    label: str = Field(min_length=1, max_length=MAX_LABEL_CHARS,
                       description="what customers are told it is, e.g. 'Support hotline'")


class ChannelOut(Output):
    id: int
    kind: ChannelKind
    value: str = Field(description="canonical: IDNA domain, E.164 phone, handle without '@'")
    display: str = Field(description="as people read it: Unicode domain, spaced phone, '@handle'")
    label: str
    active: bool
    added_by: str
    added_at: datetime
    retired_by: str | None
    retired_at: datetime | None

    @classmethod
    def of(cls, channel: OfficialChannel) -> ChannelOut:
        return cls.model_validate(channel)


class VerdictOut(BaseModel):
    value: str = Field(description="what was asked about, as given")
    kind: ChannelKind | None = Field(description="what it was read as; null when it could be "
                                                 "several kinds of account and is none of ours")
    status: VerdictStatus
    reason: str = Field(description="stable code, e.g. official_domain, homoglyph, not_staff")
    message: str = Field(description="in the caller's language (Accept-Language)")
    message_en: str
    message_zh: str
    label: str | None = Field(description="the official channel's label or the staff member's name")
    imitates: str | None = Field(description="for a look-alike: the official one it imitates")


@router.get("/verify", responses={**ERRORS, **LIMITED},
            dependencies=[Depends(ratelimit.public)])
def verify(
    request: Request, desk: DeskDep,
    value: Annotated[str, Query(min_length=1, max_length=MAX_VALUE_CHARS,
                                description="a URL or domain, email address, phone number, "
                                            "@account, t.me/ or x.com/ link, or staff ID")],
) -> VerdictOut:
    """Is this really the exchange? No sign-in needed."""
    verdict = read(desk, channel_services.verify, value, desk.settings)
    language = choose_language(request.headers.get("accept-language"))
    return VerdictOut(
        value=verdict.value, kind=verdict.kind, status=verdict.status, reason=verdict.reason,
        message=verdict.message(language), message_en=verdict.message_en,
        message_zh=verdict.message_zh, label=verdict.label, imitates=verdict.imitates,
    )


@router.get("/channels", responses=ERRORS)
def list_channels(
    desk: DeskDep, agent: CurrentAgent, kind: ChannelKind | None = None,
    include_retired: bool = False,
) -> list[ChannelOut]:
    """Every agent may read the registry, to answer customers who ask."""
    found = read(desk, channel_services.listing, kind, include_retired=include_retired)
    return [ChannelOut.of(channel) for channel in found]


@router.post("/channels", status_code=201, responses={**FULL, **FORBIDDEN})
def add_channel(body: ChannelIn, desk: DeskDep, agent: CurrentAgent) -> ChannelOut:
    """Register an official channel (supervisors and admins); a retired one comes back."""
    channel = transact(desk, channel_services.add, agent, kind=body.kind, value=body.value,
                       label=body.label, now=desk.now())
    return ChannelOut.of(channel)


@router.delete("/channels/{channel_id}", responses={**FULL, **FORBIDDEN})
def retire_channel(channel_id: Id, desk: DeskDep, agent: CurrentAgent) -> ChannelOut:
    """Retire a channel (supervisors and admins). It stays on record, so customers who ask
    about it later hear that it is no longer ours."""
    return ChannelOut.of(transact(desk, channel_services.retire, agent, channel_id, desk.now()))
