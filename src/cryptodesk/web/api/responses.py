"""Error answers documented in the OpenAPI schema, so clients know what to expect."""

from typing import Any

from pydantic import BaseModel


class ErrorDetail(BaseModel):
    code: str
    message: str
    field: str | None = None


class ErrorOut(BaseModel):
    error: ErrorDetail


def _described(*codes: int) -> dict[int | str, dict[str, Any]]:
    text = {401: "Not signed in", 404: "Not found", 409: "Conflicts with the current state",
            422: "Invalid input", 429: "Too many attempts (see Retry-After)"}
    return {code: {"model": ErrorOut, "description": text[code]} for code in codes}


ERRORS = _described(401, 422)
AUTH = _described(401)
FULL = _described(401, 404, 409, 422)
LIMITED = _described(429)
