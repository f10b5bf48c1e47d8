"""Passwords, one-time codes, session tokens and the exchange's signed customer identity.

Pure functions over secrets; nothing here stores or logs them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .errors import AuthenticationFailed, InvalidInput
from .shield.passwords import strength

MIN_PASSWORD_CHARS = 10


def password_hasher(time_cost: int, memory_kib: int) -> PasswordHasher:
    return PasswordHasher(time_cost=time_cost, memory_cost=memory_kib, parallelism=1)


def check_new_password(password: str, user_inputs: Sequence[str] = ()) -> None:
    """Long enough, and not guessable: zxcvbn must rate it strong (3 of 4) or better."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise InvalidInput(
            f"Passwords need at least {MIN_PASSWORD_CHARS} characters.",
            f"密码至少需要 {MIN_PASSWORD_CHARS} 个字符。", field="password",
        )
    en, zh = strength(password, "en", user_inputs), strength(password, "zh", user_inputs)
    if not en.acceptable:
        raise InvalidInput(
            " ".join(["This password is too easy to guess.", en.warning, *en.suggestions]).strip(),
            "".join(["密码太容易被猜到。", zh.warning, *zh.suggestions]),
            code="weak_password", field="password",
        )


def verify_password(hasher: PasswordHasher, stored_hash: str, password: str) -> bool:
    try:
        return hasher.verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_uri(secret: str, username: str, issuer: str = "cryptodesk") -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=username, issuer_name=issuer)


def accepted_totp_step(secret: str, code: str, now: datetime, last_step: int | None) -> int | None:
    """The time step `code` belongs to (±1 step of drift), or None.

    A step at or before `last_step` is refused, so a code seen once cannot be replayed.
    """
    code = code.strip()
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    current = totp.timecode(now)
    for step in (current, current - 1, current + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def new_token() -> str:
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(frozen=True)
class CustomerIdentity:
    """Who the exchange says its signed-in user is."""

    ref: str
    expires: int
    name: str | None = None
    email: str | None = None
    language: str | None = None


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def sign_identity(secret: str, identity: CustomerIdentity) -> str:
    """`payload.signature`: base64url JSON, then base64url HMAC-SHA256 of that text."""
    fields = {"ref": identity.ref, "exp": identity.expires}
    fields.update(
        {k: v for k, v in (("name", identity.name), ("email", identity.email),
                           ("lang", identity.language)) if v is not None}
    )
    payload = _b64(json.dumps(fields, separators=(",", ":"), ensure_ascii=False).encode())
    mac = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest()
    return f"{payload}.{_b64(mac)}"


def _bad_token(reason_en: str, reason_zh: str) -> AuthenticationFailed:
    return AuthenticationFailed(reason_en, reason_zh, code="invalid_identity_token")


def verify_identity(secret: str, token: str, now: datetime, max_hours: int) -> CustomerIdentity:
    payload, _, signature = token.strip().partition(".")
    if not payload or not signature or len(token) > 4096:
        raise _bad_token("The identity token is malformed.", "身份令牌格式错误。")
    expected = hmac.new(secret.encode(), payload.encode(), hashlib.sha256).digest()
    try:
        given = _unb64(signature)
        fields = json.loads(_unb64(payload))
    except (ValueError, UnicodeDecodeError):
        raise _bad_token("The identity token is malformed.", "身份令牌格式错误。") from None
    if not hmac.compare_digest(expected, given):
        raise _bad_token("The identity token's signature is wrong.", "身份令牌签名无效。")
    ref, exp = (fields.get("ref"), fields.get("exp")) if isinstance(fields, dict) else (None, None)
    if not isinstance(ref, str) or not ref.strip() or len(ref) > 128 or type(exp) is not int:
        raise _bad_token(
            "The identity token lacks a customer or expiry.", "身份令牌缺少客户或有效期。"
        )
    stamp = int(now.timestamp())
    if exp <= stamp:
        raise _bad_token("The identity token has expired.", "身份令牌已过期。")
    if exp > stamp + max_hours * 3600:
        raise _bad_token("The identity token's expiry is too far ahead.", "身份令牌有效期过长。")
    extras = {k: fields.get(k) for k in ("name", "email", "lang")}
    if not all(v is None or isinstance(v, str) for v in extras.values()):
        raise _bad_token("The identity token is malformed.", "身份令牌格式错误。")
    return CustomerIdentity(ref.strip(), exp, extras["name"], extras["email"], extras["lang"])
