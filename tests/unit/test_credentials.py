"""Identity tokens, one-time codes and passwords."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pyotp
import pytest

from cryptodesk import credentials
from cryptodesk.credentials import CustomerIdentity, sign_identity, verify_identity
from cryptodesk.errors import AuthenticationFailed, InvalidInput

SECRET = "s" * 40
NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
STAMP = int(NOW.timestamp())


def token(ref: str = "demo-alice", expires: int = STAMP + 600, **extra: str) -> str:
    return sign_identity(SECRET, CustomerIdentity(ref, expires, **extra))


def test_signed_identity_round_trips_with_its_extras() -> None:
    got = verify_identity(SECRET, token(name="爱丽丝", language="zh"), NOW, 24)
    assert (got.ref, got.name, got.language) == ("demo-alice", "爱丽丝", "zh")


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (token(expires=STAMP - 1), "expired"),
        (token(expires=STAMP + 25 * 3600), "too far"),
        (token().replace(".", ".x", 1), "signature"),
        (sign_identity("another-secret" * 3, CustomerIdentity("demo-alice", STAMP + 60)),
         "signature"),
        ("", "malformed"),
        ("no-dot-at-all", "malformed"),
        ("!!!.???", "malformed"),
        ("a" * 5000 + ".b", "malformed"),
        (token(ref=" "), "lacks"),
    ],
)
def test_bad_identity_tokens_are_refused(bad: str, reason: str) -> None:
    with pytest.raises(AuthenticationFailed) as raised:
        verify_identity(SECRET, bad, NOW, 24)
    assert reason in raised.value.en
    assert raised.value.code == "invalid_identity_token"


def test_tampered_payload_fails_the_signature() -> None:
    payload, signature = token(ref="demo-alice").split(".")
    forged = token(ref="demo-bob").split(".")[0]
    with pytest.raises(AuthenticationFailed):
        verify_identity(SECRET, f"{forged}.{signature}", NOW, 24)
    assert verify_identity(SECRET, f"{payload}.{signature}", NOW, 24).ref == "demo-alice"


def test_totp_accepts_current_and_adjacent_steps_once() -> None:
    secret = pyotp.random_base32()
    totp = pyotp.TOTP(secret)
    step = credentials.accepted_totp_step(secret, totp.at(NOW), NOW, None)
    assert step == totp.timecode(NOW)
    # The same code again is a replay.
    assert credentials.accepted_totp_step(secret, totp.at(NOW), NOW, step) is None
    # The next step's code (clock drift) is still fine after it.
    later = totp.at(NOW + timedelta(seconds=30))
    assert credentials.accepted_totp_step(secret, later, NOW, step) == step + 1


@pytest.mark.parametrize("code", ["", "12345", "1234567", "abcdef", " 12 34 "])
def test_totp_refuses_malformed_codes(code: str) -> None:
    assert credentials.accepted_totp_step(pyotp.random_base32(), code, NOW, None) is None


def test_totp_refuses_codes_from_long_ago() -> None:
    secret = pyotp.random_base32()
    old = pyotp.TOTP(secret).at(NOW - timedelta(minutes=5))
    assert credentials.accepted_totp_step(secret, old, NOW, None) is None


def test_passwords_hash_and_verify() -> None:
    hasher = credentials.password_hasher(1, 64)
    stored = hasher.hash("a long passphrase")
    assert stored.startswith("$argon2id$")
    assert credentials.verify_password(hasher, stored, "a long passphrase")
    assert not credentials.verify_password(hasher, stored, "A long passphrase")
    assert not credentials.verify_password(hasher, "not-a-hash", "x")
    with pytest.raises(InvalidInput):
        credentials.check_new_password("short")


def test_session_tokens_are_random_and_hashed() -> None:
    a, b = credentials.new_token(), credentials.new_token()
    assert a != b and len(a) >= 40
    assert credentials.token_hash(a) != a and len(credentials.token_hash(a)) == 64
