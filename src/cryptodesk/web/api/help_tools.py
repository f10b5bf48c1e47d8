"""Self-service security tools of the help center."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from ...shield.passwords import strength
from .. import ratelimit
from ..schemas import Input
from .responses import ERRORS, LIMITED

router = APIRouter(tags=["help center"], responses={**ERRORS, **LIMITED})


class PasswordIn(Input):
    password: str = Field(min_length=1, max_length=1000)
    language: Literal["zh", "en"] = "en"
    user_inputs: list[str] = Field(default_factory=list, max_length=5,
                                   description="the customer's name or email: easy guesses")


class StrengthOut(BaseModel):
    score: int = Field(description="0 (guessed in seconds) to 4 (very strong)")
    label: str
    acceptable: bool
    crack_time: str = Field(description="an offline attack on a well-hashed copy")
    warning: str
    suggestions: list[str]


@router.post("/help/password-strength", dependencies=[Depends(ratelimit.public)])
def password_strength(body: PasswordIn) -> StrengthOut:
    """How long a password would hold out. Sent in the body so it never lands in a log."""
    result = strength(body.password, body.language, [u[:100] for u in body.user_inputs])
    return StrengthOut(score=result.score, label=result.label, acceptable=result.acceptable,
                       crack_time=result.crack_time, warning=result.warning,
                       suggestions=list(result.suggestions))
