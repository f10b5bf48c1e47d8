"""Find exchange API secrets, which look like any other token and so need their label.

"api secret: ...", "secret key=...", "API密钥：..." followed by a long token mixing letters and
digits. A label alone ("my API key stopped working") is not a secret.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_LABEL = (
    r"(?<![a-z])(?:api[\s_-]*(?:secret|key|passphrase)(?:[\s_-]*key)?|"
    r"secret[\s_-]*key|access[\s_-]*secret|client[\s_-]*secret|apisecret|apikey|secretkey)"
    r"|api\s*(?:密钥|密鑰|秘钥|私钥|私鑰|key)|密钥|密鑰|秘钥"
)
_SECRET = re.compile(
    rf"(?:{_LABEL})"
    r"\s*(?:[(（][^)）]{0,12}[)）])?"  # "API secret (read-only): ..."
    r"\s*(?:is\b|[:=：＝]|是|为|為)?\s*[\"'“‘`]?"
    r"(?P<value>[A-Za-z0-9+/_\-=]{16,256})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ApiSecretMatch:
    start: int
    end: int


def find_api_secrets(text: str) -> list[ApiSecretMatch]:
    found: list[ApiSecretMatch] = []
    for match in _SECRET.finditer(text):
        value = match.group("value").rstrip("=-_")
        if _looks_random(value):
            start = match.start("value")
            found.append(ApiSecretMatch(start, start + len(value)))
    return found


def _looks_random(value: str) -> bool:
    """Generated secrets mix digits and letters; words and labels do not."""
    has_digit = any(c.isdigit() for c in value)
    has_alpha = any(c.isalpha() for c in value)
    return len(value) >= 16 and has_digit and has_alpha
