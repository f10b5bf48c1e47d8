"""The error tree: every failure the product reports to a person.

    CryptodeskError (code, value, field, en/zh message)
    ├── NotFound             something does not exist, or the caller may not see it
    ├── InvalidInput         a value is malformed or out of range
    │   └── IllegalTransition  a lifecycle step that is not allowed from the current state
    ├── Conflict             the request clashes with the current state (duplicate, merged)
    ├── AuthenticationFailed credentials, tokens or sessions that do not hold
    ├── PermissionDenied     authenticated, but the role does not allow it
    └── RateLimited          too many attempts; try again after `retry_after` seconds

Each carries its message in both languages so the web layer can answer in the caller's.
"""

from __future__ import annotations

from typing import Any


class CryptodeskError(Exception):
    code = "error"

    def __init__(
        self, en: str, zh: str, *, code: str | None = None, field: str | None = None,
        value: Any = None,
    ) -> None:
        super().__init__(en)
        self.en = en
        self.zh = zh
        self.field = field
        self.value = value
        if code is not None:
            self.code = code

    def message(self, language: str) -> str:
        return self.zh if language == "zh" else self.en


class NotFound(CryptodeskError):
    code = "not_found"


class InvalidInput(CryptodeskError):
    code = "invalid_input"


class IllegalTransition(InvalidInput):
    code = "illegal_transition"


class Conflict(CryptodeskError):
    code = "conflict"


class AuthenticationFailed(CryptodeskError):
    code = "authentication_failed"


class PermissionDenied(CryptodeskError):
    code = "permission_denied"


class RateLimited(CryptodeskError):
    code = "rate_limited"

    def __init__(self, retry_after: int) -> None:
        super().__init__(
            f"Too many attempts; try again in {retry_after} seconds.",
            f"尝试次数过多，请 {retry_after} 秒后再试。", value=retry_after,
        )
        self.retry_after = retry_after
