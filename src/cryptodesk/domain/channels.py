"""Official channels: the websites, email senders, phone numbers, social accounts and staff IDs
the exchange speaks through, so a customer can ask "is this really you?" and get a straight
answer. Values are kept in one canonical form per kind, so what a customer pastes in any shape
("@Name", "t.me/name", "+86 21 5555 0100", "ＥＸＡＭＰＬＥ.com") finds the same entry.

Agents' staff IDs are not stored: each is derived from the agent's account (see `staff_id`).
"""

from __future__ import annotations

import base64
import enum
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime

import phonenumbers

from ..errors import InvalidInput
from ..shield.hosts import FULLWIDTH_DOTS, parse_host
from .agents import Agent

MAX_VALUE_CHARS = 500
MAX_LABEL_CHARS = 120
STAFF_PREFIX = "CD-"


class ChannelKind(enum.StrEnum):
    WEBSITE = "website"
    EMAIL_SENDER = "email_sender"
    PHONE = "phone"
    TELEGRAM = "telegram"
    WECHAT = "wechat"
    X = "x"
    STAFF_ID = "staff_id"


HANDLE_KINDS = (ChannelKind.TELEGRAM, ChannelKind.X, ChannelKind.WECHAT)
STAFF = ChannelKind.STAFF_ID

KIND_NAMES: dict[ChannelKind, tuple[str, str]] = {
    ChannelKind.WEBSITE: ("website", "网站"),
    ChannelKind.EMAIL_SENDER: ("email address", "邮箱地址"),
    ChannelKind.PHONE: ("phone number", "电话号码"),
    ChannelKind.TELEGRAM: ("Telegram account", "Telegram 账号"),
    ChannelKind.WECHAT: ("WeChat account", "微信号"),
    ChannelKind.X: ("X (Twitter) account", "X（推特）账号"),
    ChannelKind.STAFF_ID: ("staff ID", "员工编号"),
}
"""(en, zh) names, for messages."""


class Status(enum.StrEnum):
    OFFICIAL = "official"
    NOT_OFFICIAL = "not_official"
    LOOKALIKE = "lookalike"
    BLOCKLISTED = "blocklisted"


@dataclass(frozen=True)
class Verdict:
    """The answer to "is this really you?", with what the customer should do about it."""

    value: str
    kind: ChannelKind | None
    status: Status
    reason: str
    """Stable code: the link reasons of `shield.check_url` for websites and email domains, and
    official_channel, official_staff, retired, not_staff, lookalike_handle, not_official."""
    message_en: str
    message_zh: str
    label: str | None = None
    """The official channel's label, or the staff member's display name."""
    imitates: str | None = None
    """For a look-alike: the official domain or account it imitates."""

    def message(self, language: str) -> str:
        return self.message_zh if language == "zh" else self.message_en


@dataclass(eq=False, kw_only=True)
class OfficialChannel:
    kind: ChannelKind
    value: str
    """Canonical: domains in IDNA lower case, phones in E.164, handles lower case without '@',
    staff IDs upper case. An email sender is an address, or a bare domain for all its senders."""
    label: str
    added_by: str
    added_at: datetime
    active: bool = True
    retired_by: str | None = None
    retired_at: datetime | None = None
    id: int | None = None

    @property
    def display(self) -> str:
        return display(self.kind, self.value)

    def retire(self, by: str, now: datetime) -> None:
        self.active, self.retired_by, self.retired_at = False, by, now

    def restore(self, label: str, by: str, now: datetime) -> None:
        self.active, self.label, self.added_by, self.added_at = True, label, by, now
        self.retired_by = self.retired_at = None


def _bad(en: str, zh: str, value: str) -> InvalidInput:
    return InvalidInput(en, zh, code="invalid_channel", field="value", value=value[:80])


_HANDLE_RULES = {  # pattern, and its shape in en and zh
    ChannelKind.TELEGRAM: (r"[a-z][a-z0-9_]{3,31}", "5–32 letters, digits or '_'",
                           "5–32 个字母、数字或“_”"),
    ChannelKind.X: (r"[a-z0-9_]{1,15}", "1–15 letters, digits or '_'", "1–15 个字母、数字或“_”"),
    ChannelKind.WECHAT: (r"[a-z][a-z0-9_-]{5,19}", "6–20 letters, digits, '_' or '-'",
                         "6–20 个字母、数字、“_”或“-”"),
    ChannelKind.STAFF_ID: (r"[A-Z0-9][A-Z0-9-]{2,31}", "3–32 letters, digits or '-'",
                           "3–32 个字母、数字或“-”"),
}
_TELEGRAM_HOSTS = ("t.me", "telegram.me", "telegram.dog")
_X_HOSTS = ("x.com", "twitter.com")
_URL_HANDLE = re.compile(r"^(?:https?://)?(?:www\.|mobile\.)?([a-z.]+)/(?:s/)?@?([A-Za-z0-9_]+)")
_EMAIL = re.compile(r"^([^@\s]{1,64})@([^@\s]+\.[^@\s]+)$")


def fold(text: str) -> str:
    """Full-width letters, digits and punctuation as ASCII; surrounding space trimmed."""
    return unicodedata.normalize("NFKC", text).translate(FULLWIDTH_DOTS).strip()


def normalise(kind: ChannelKind, raw: str) -> str:
    """The canonical form of `raw` as a channel of `kind`; InvalidInput when it is not one."""
    text = fold(raw)
    if not text or len(text) > MAX_VALUE_CHARS:
        raise _bad("Give a value of 1–500 characters.", "请填写 1–500 个字符。", raw)
    if kind is ChannelKind.WEBSITE:
        return _domain(text, raw)
    if kind is ChannelKind.EMAIL_SENDER:
        return _email(text.removeprefix("mailto:"), raw, allow_domain=True)
    if kind is ChannelKind.PHONE:
        return _phone(text, raw)
    return _handle(kind, text, raw)


def _domain(text: str, raw: str) -> str:
    host = parse_host(text)
    if host is None or "." not in host.ascii or not host.suffix:  # IP addresses have none
        raise _bad("This is not a domain name.", "这不是有效的域名。", raw)
    return host.ascii


def _email(text: str, raw: str, *, allow_domain: bool = False) -> str:
    match = _EMAIL.match(text)
    if match is None:
        if allow_domain:
            return _domain(text.removeprefix("@"), raw)
        raise _bad("This is not an email address.", "这不是有效的邮箱地址。", raw)
    return f"{match.group(1).lower()}@{_domain(match.group(2), raw)}"


def _phone(text: str, raw: str) -> str:
    """E.164; a number given without its country code cannot be told from another country's."""
    number = text.replace("(0)", "")
    if number.startswith("00"):
        number = "+" + number[2:]
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise _bad(
            "Give the phone number in international format, e.g. +44 20 7946 0958.",
            "请按国际格式填写电话号码，例如 +44 20 7946 0958。", raw,
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _handle(kind: ChannelKind, text: str, raw: str) -> str:
    if kind is ChannelKind.STAFF_ID:
        value = re.sub(r"\s+", "", text).upper()
    else:
        value = _from_url(kind, text) or text.removeprefix("@").lower()
    rule, shape_en, shape_zh = _HANDLE_RULES[kind]
    if not re.fullmatch(rule, value):
        en, zh = KIND_NAMES[kind]
        raise _bad(f"That is not a valid {en}: use {shape_en}.", f"{zh}格式不对：须为{shape_zh}。",
                   raw)
    return value


def _from_url(kind: ChannelKind, text: str) -> str | None:
    """The account named by a t.me/… or x.com/… link (or tg://resolve?domain=…)."""
    if text.lower().startswith("tg://resolve?domain="):
        return text[len("tg://resolve?domain=") :].split("&", 1)[0].lower()
    match = _URL_HANDLE.match(text)
    if match is None:
        return None
    hosts = _TELEGRAM_HOSTS if kind is ChannelKind.TELEGRAM else _X_HOSTS
    return match.group(2).lower() if match.group(1).lower() in hosts else None


def display(kind: ChannelKind, value: str) -> str:
    """How a value is shown to people: Unicode domains, spaced phone numbers, '@handles'."""
    if kind is ChannelKind.WEBSITE:
        host = parse_host(value)
        return host.display if host else value
    if kind is ChannelKind.PHONE:
        parsed = phonenumbers.parse(value, None)
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    if kind in (ChannelKind.TELEGRAM, ChannelKind.X):
        return "@" + value
    return value


def clean_label(label: str) -> str:
    text = " ".join(label.split())
    if not text or len(text) > MAX_LABEL_CHARS:
        raise InvalidInput(
            f"The label is 1–{MAX_LABEL_CHARS} characters.",
            f"名称须为 1–{MAX_LABEL_CHARS} 个字符。", field="label", value=label[:80],
        )
    return text


def national_digits(e164: str) -> str:
    """The number as dialled inside its country, without trunk prefix: 2079460958."""
    return str(phonenumbers.parse(e164, None).national_number)


# --- Staff IDs ---------------------------------------------------------------------------

_CROCKFORD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", "0123456789ABCDEFGHJKMNPQRSTVWXYZ")
_STAFF_ID = re.compile(r"CD([-\s‐–]?)([0-9A-Z]{6})", re.IGNORECASE)


def staff_id(agent: Agent) -> str:
    """`CD-` and six characters drawn from the account's identity: stable for the life of the
    account, needing no storage, and not guessable from the agent's number the way `CD-00042`
    would be (which would let anyone list the staff's names through the verify service).
    Crockford base32: no I, L, O or U to misread."""
    if agent.id is None:
        raise ValueError("an agent has a staff ID once stored")
    seed = f"cryptodesk-staff:{agent.id}:{agent.username}:{int(agent.created_at.timestamp())}"
    digest = base64.b32encode(hashlib.sha256(seed.encode()).digest()).decode()
    return STAFF_PREFIX + digest[:6].translate(_CROCKFORD)


def read_staff_id(text: str, *, dash_optional: bool = False) -> str | None:
    """`CD-XXXXXX` in its canonical form if `text` is shaped like an agent's staff ID.
    Misread letters are read the Crockford way (O as 0, I and L as 1). Without the dash it
    could as well be an account name ("cdshop88"), unless the customer said it is a staff ID."""
    match = _STAFF_ID.fullmatch(fold(text))
    if match is None or not (match.group(1) or dash_optional):
        return None
    code = match.group(2).upper().translate(str.maketrans("OIL", "011"))
    return STAFF_PREFIX + code if "U" not in code else None


# --- What a customer pastes ------------------------------------------------------------------

_PREFIXES = {
    **dict.fromkeys(("website", "site", "url", "网站", "网址", "官网"), ChannelKind.WEBSITE),
    **dict.fromkeys(("email", "e-mail", "mailto", "邮箱", "邮件"), ChannelKind.EMAIL_SENDER),
    **dict.fromkeys(("phone", "tel", "电话", "手机", "手机号"), ChannelKind.PHONE),
    **dict.fromkeys(("telegram", "tg", "电报", "飞机"), ChannelKind.TELEGRAM),
    **dict.fromkeys(("wechat", "weixin", "wx", "vx", "微信", "微信号"), ChannelKind.WECHAT),
    **dict.fromkeys(("x", "twitter", "推特"), ChannelKind.X),
    **dict.fromkeys(("staff id", "staff", "工号", "员工编号"), ChannelKind.STAFF_ID),
}
_PREFIX = re.compile(r"^([^:：/@]{1,12}?)\s*[:：]\s*(?!//)(.+)$")
_PHONE_SHAPE = re.compile(r"\+?[\d\s().\-]{5,30}")


@dataclass(frozen=True)
class Pasted:
    """Something a customer asks about, and where to look for it."""

    text: str
    """As given, trimmed (links are checked as given: the part before an '@' matters)."""
    candidates: dict[ChannelKind, str]
    """Each kind it may be, with the value in that kind's canonical form. A phone number
    given without its country code is its national digits, without '+'."""

    @property
    def kind(self) -> ChannelKind | None:
        return next(iter(self.candidates)) if len(self.candidates) == 1 else None


def read_pasted(raw: str) -> Pasted:
    """Tell what was pasted: staff ID, t.me or x.com link, email, @account, phone, domain, or a
    bare account name ("telegram: name" says which); InvalidInput when it is none of them."""
    text, folded = raw.strip(), fold(raw)
    if not folded or len(raw) > MAX_VALUE_CHARS:
        raise _bad("Give a value of 1–500 characters.", "请填写 1–500 个字符。", raw)
    prefixed = _PREFIX.match(folded)
    kind = _PREFIXES.get(prefixed.group(1).strip().lower()) if prefixed else None
    if prefixed is None or kind is None:
        return Pasted(text, _guess(folded, raw))
    rest = prefixed.group(2)
    if kind is STAFF and (staff := read_staff_id(rest, dash_optional=True)) is not None:
        return Pasted(text, {kind: staff})
    value = _pasted_phone(rest, raw) if kind is ChannelKind.PHONE else normalise(kind, rest)
    return Pasted(rest if kind is ChannelKind.WEBSITE else text, {kind: value})


def _guess(folded: str, raw: str) -> dict[ChannelKind, str]:
    if (staff := read_staff_id(folded)) is not None:
        return {ChannelKind.STAFF_ID: staff}
    for kind in (ChannelKind.TELEGRAM, ChannelKind.X):
        if _from_url(kind, folded) is not None:
            return {kind: normalise(kind, folded)}
    if "://" in folded:
        return {ChannelKind.WEBSITE: _domain(folded, raw)}
    if _EMAIL.match(folded.removeprefix("mailto:")):
        return {ChannelKind.EMAIL_SENDER: _email(folded.removeprefix("mailto:"), raw)}
    if folded.startswith("@"):
        found = _handles(folded[1:], HANDLE_KINDS)
        if not found:
            raise _bad("This is not an account name.", "这不是有效的账号名。", raw)
        return found
    if _PHONE_SHAPE.fullmatch(folded):
        return {ChannelKind.PHONE: _pasted_phone(folded, raw)}
    if "." in folded and parse_host(folded) is not None:
        return {ChannelKind.WEBSITE: _domain(folded, raw)}
    found = {} if re.search(r"\s", folded) else _handles(folded, (*HANDLE_KINDS, STAFF))
    if not found:
        raise _bad(
            "Paste a web address, an email address, a phone number, an @account or a staff ID.",
            "请粘贴网址、邮箱地址、电话号码、@账号或员工编号。", raw,
        )
    return found


def _handles(text: str, kinds: tuple[ChannelKind, ...]) -> dict[ChannelKind, str]:
    found = {}
    for kind in kinds:
        try:
            found[kind] = normalise(kind, text)
        except InvalidInput:
            continue
    return found


def _pasted_phone(text: str, raw: str) -> str:
    if text.startswith(("+", "00")):
        return _phone(text, raw)
    digits = re.sub(r"\D", "", text).lstrip("0")
    if not 5 <= len(digits) <= 15:
        raise _bad("This is not a phone number.", "这不是有效的电话号码。", raw)
    return digits
