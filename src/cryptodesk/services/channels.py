"""The official-channel registry, and the answer to "is this really you?".

Supervisors and admins keep the registry; every change is in the event log. Anyone may verify
a website, email sender, phone number, Telegram/WeChat/X account or staff ID: the answer says
whether it is ours, what it imitates if it is a look-alike, and what to do either way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy.exc import IntegrityError

from ..config import Settings
from ..domain.agents import Agent
from ..domain.channels import (
    HANDLE_KINDS,
    KIND_NAMES,
    STAFF_PREFIX,
    ChannelKind,
    OfficialChannel,
    Pasted,
    Status,
    Verdict,
    clean_label,
    display,
    national_digits,
    normalise,
    read_pasted,
    read_staff_id,
    staff_id,
)
from ..domain.events import SYSTEM, Actor, Change
from ..errors import Conflict, InvalidInput, NotFound, PermissionDenied
from ..i18n import t
from ..shield import Verdict as LinkStatus
from ..shield import check_url
from ..shield.typos import classify
from ..store.unit_of_work import UnitOfWork
from . import audit
from .link_guard import blocklist, official_websites

Sentence = Callable[[str], str]
_LINK_STATUS = {
    LinkStatus.OFFICIAL: Status.OFFICIAL, LinkStatus.LOOKALIKE: Status.LOOKALIKE,
    LinkStatus.BLOCKLISTED: Status.BLOCKLISTED, LinkStatus.UNKNOWN: Status.NOT_OFFICIAL,
}
_RANK = (Status.OFFICIAL, Status.BLOCKLISTED, Status.LOOKALIKE, Status.NOT_OFFICIAL)


# --- The registry ------------------------------------------------------------------------------

def _actor(by: Agent | None) -> Actor:
    """An agent may change the registry only as supervisor or admin; `None` is the operator at
    the command line (or the demo seed), who already holds the keys to the database."""
    if by is None:
        return SYSTEM
    if not by.can_supervise:
        raise PermissionDenied(
            "Only supervisors and admins can change the official channels.",
            "只有主管和管理员可以修改官方渠道。",
        )
    return by.actor


def add(
    uow: UnitOfWork, by: Agent | None, *, kind: ChannelKind, value: str, label: str,
    now: datetime,
) -> OfficialChannel:
    actor = _actor(by)
    canonical, label = normalise(kind, value), clean_label(label)
    if kind is ChannelKind.STAFF_ID and canonical.startswith(STAFF_PREFIX):
        raise InvalidInput(
            f"{STAFF_PREFIX} staff IDs belong to agents' accounts; register other IDs.",
            f"{STAFF_PREFIX} 开头的员工编号属于客服账号，无需登记。",
            field="value", value=canonical,
        )
    exists = Conflict(
        f"{display(kind, canonical)} is already registered.",
        f"{display(kind, canonical)} 已登记。",
        code="channel_exists", field="value", value=canonical,
    )
    channel = uow.channels.find(kind, canonical)
    if channel is not None and channel.active:
        raise exists
    if channel is None:
        channel = OfficialChannel(
            kind=kind, value=canonical, label=label, added_by=actor.name, added_at=now
        )
        uow.channels.add(channel)
        try:
            uow.flush()
        except IntegrityError as race:  # someone registered it a moment ago
            raise exists from race
        kind_of_change = "channel.added"
    else:
        channel.restore(label, actor.name, now)
        kind_of_change = "channel.restored"
    after = {"id": channel.id, "kind": str(kind), "value": canonical, "label": label}
    audit.record(uow, [Change(kind_of_change, None, after)], actor, now)
    return channel


def retire(uow: UnitOfWork, by: Agent | None, channel_id: int, now: datetime) -> OfficialChannel:
    """Kept, not deleted: customers asking about it later hear that it is no longer ours."""
    actor = _actor(by)
    channel = uow.channels.get(channel_id, lock=True)
    if channel is None or not channel.active:
        raise NotFound(f"Official channel {channel_id} was not found.",
                       f"未找到官方渠道 {channel_id}。", value=channel_id)
    channel.retire(actor.name, now)
    before = {"id": channel.id, "kind": str(channel.kind), "value": channel.value,
              "label": channel.label}
    audit.record(uow, [Change("channel.retired", before, None)], actor, now)
    return channel


def listing(
    uow: UnitOfWork, kind: ChannelKind | None = None, *, include_retired: bool = False
) -> list[OfficialChannel]:
    return uow.channels.listing(kind, include_retired=include_retired)


# fmt: off
DEMO_CHANNELS = (
    (ChannelKind.WEBSITE, "status.example.org", "Service status page"),
    (ChannelKind.EMAIL_SENDER, "notices@mail.example.org", "Account notices"),
    (ChannelKind.PHONE, "+44 20 7946 0958", "Support hotline (UK)"),
    (ChannelKind.PHONE, "+1 202 555 0143", "Support hotline (US)"),
    (ChannelKind.TELEGRAM, "@example_support", "Telegram support"),
    (ChannelKind.WECHAT, "example_cs", "WeChat customer service"),
    (ChannelKind.X, "@example", "Announcements on X"),
    (ChannelKind.STAFF_ID, "VIP-1001", "Chen Jing, VIP account manager"),
)
# fmt: on


def seed_demo(uow: UnitOfWork, now: datetime) -> int:
    """Register the demo exchange's channels (fictional numbers, reserved domains); returns
    how many were added. The settings' official domains come on top of these."""
    added = 0
    for kind, value, label in DEMO_CHANNELS:
        if uow.channels.find(kind, normalise(kind, value)) is None:
            add(uow, None, kind=kind, value=value, label=label, now=now)
            added += 1
    return added


# --- Verification ------------------------------------------------------------------------------

def verify(uow: UnitOfWork, value: str, settings: Settings) -> Verdict:
    """Whatever a customer pastes: a URL or domain, an email address, a phone number, an
    account (`@name`, `t.me/name`) or a staff ID. InvalidInput when it is none of these."""
    pasted = read_pasted(value)
    answers = [_check(uow, pasted, kind, v, settings) for kind, v in pasted.candidates.items()]
    best = min(answers, key=lambda a: _RANK.index(a.status))
    if best.status is Status.NOT_OFFICIAL and len(answers) > 1:
        best = _verdict(pasted, None, Status.NOT_OFFICIAL, "not_official", [
            _say("channel.not_official", shown=pasted.text), _say("channel.advice_unsafe"),
        ])
    return best


def _check(
    uow: UnitOfWork, pasted: Pasted, kind: ChannelKind, value: str, settings: Settings
) -> Verdict:
    if kind is ChannelKind.WEBSITE:
        return _website(uow, pasted, value, settings)
    if kind is ChannelKind.EMAIL_SENDER:
        return _email(uow, pasted, value, settings)
    if kind is ChannelKind.STAFF_ID:
        return _staff(uow, pasted, value)
    national = kind is ChannelKind.PHONE and not value.startswith("+")
    shown = pasted.text if national else display(kind, value)
    entries = uow.channels.of_kinds([kind], active_only=False)
    matches = [e for e in entries if _same(kind, e.value, value)]
    match = min(matches, key=lambda e: not e.active, default=None)  # an active one first
    if match is not None:
        return _registered(pasted, match, shown)
    if kind in HANDLE_KINDS:
        officials = [e for e in entries if e.active]
        imitated = next((e for e in officials if _imitates(value, e.value)), None)
        if imitated is not None:
            return _verdict(pasted, kind, Status.LOOKALIKE, "lookalike_handle", [
                _say("channel.lookalike_handle", shown=shown, kind=kind, official=imitated.display),
                _say("channel.advice_unsafe"),
            ], label=imitated.label, imitates=imitated.display)
    return _unofficial(pasted, kind, shown)


def _same(kind: ChannelKind, entry: str, value: str) -> bool:
    if kind is ChannelKind.PHONE and not value.startswith("+"):
        return national_digits(entry) == value
    return entry == value


def _imitates(candidate: str, official: str) -> bool:
    """An impersonator's account: the official name with words around it, or a typo of it."""
    if len(official) >= 5 and official in candidate:
        return True
    bare, plain = (name.replace("_", "").replace("-", "") for name in (candidate, official))
    return bare == plain or classify(bare, plain) is not None


def _registered(pasted: Pasted, entry: OfficialChannel, shown: str) -> Verdict:
    if not entry.active:
        return _verdict(pasted, entry.kind, Status.NOT_OFFICIAL, "retired", [
            _say("channel.retired", shown=shown, label=entry.label), _say("channel.advice_unsafe"),
        ])
    return _verdict(pasted, entry.kind, Status.OFFICIAL, "official_channel", [
        _say("channel.official", shown=shown, kind=entry.kind, label=entry.label),
        _say("channel.advice_official"),
    ], label=entry.label)


def _website(uow: UnitOfWork, pasted: Pasted, host: str, settings: Settings) -> Verdict:
    link = check_url(pasted.text, official_websites(uow, settings), blocklist(settings))
    status = _LINK_STATUS[link.verdict]
    if status is Status.NOT_OFFICIAL:
        retired = uow.channels.find(ChannelKind.WEBSITE, host)
        if retired is not None and not retired.active:
            return _registered(pasted, retired, link.host or host)
    entries = uow.channels.of_kinds([ChannelKind.WEBSITE])
    label = next((e.label for e in entries if e.value == link.matched_official), None)
    advice = "channel.advice_official" if status is Status.OFFICIAL else "channel.advice_unsafe"
    return _verdict(pasted, ChannelKind.WEBSITE, status, link.reason,
                    [link.message, _say(advice)], label=label,
                    imitates=link.matched_official if status is not Status.OFFICIAL else None)


def _email(uow: UnitOfWork, pasted: Pasted, address: str, settings: Settings) -> Verdict:
    entries = uow.channels.of_kinds([ChannelKind.EMAIL_SENDER], active_only=False)
    exact = next((e for e in entries if e.value == address), None)
    if exact is not None:
        return _registered(pasted, exact, address)
    domain = address.rsplit("@", 1)[-1]  # "email: example.com" asks about a whole domain
    senders = [e.value for e in entries if e.active and "@" not in e.value]
    link = check_url(domain, [*official_websites(uow, settings), *senders], blocklist(settings))
    status = _LINK_STATUS[link.verdict]
    shown = {"shown": address, "domain": link.host or domain}
    if status is Status.OFFICIAL:
        sentences = [_say("channel.official_sender", **shown), _say("channel.advice_official")]
    elif status is Status.NOT_OFFICIAL:
        sentences = [_say("channel.not_official", shown=address), _say("channel.advice_unsafe")]
    else:
        sentences = [_say("channel.sender_domain", **shown), link.message,
                     _say("channel.advice_unsafe")]
    return _verdict(pasted, ChannelKind.EMAIL_SENDER, status, link.reason, sentences,
                    imitates=link.matched_official if status is not Status.OFFICIAL else None)


def _staff(uow: UnitOfWork, pasted: Pasted, value: str) -> Verdict:
    name = None
    derived = read_staff_id(value, dash_optional=True)  # "CD7F3KQ9" as well as "CD-7F3KQ9"
    agent = next((a for a in uow.agents.all() if staff_id(a) == derived), None) \
        if derived else None
    if agent is not None:
        name = agent.display_name if agent.active else None
    elif (entry := uow.channels.find(ChannelKind.STAFF_ID, value)) is not None and entry.active:
        name = entry.label
    if name is not None:
        return _verdict(pasted, ChannelKind.STAFF_ID, Status.OFFICIAL, "official_staff", [
            _say("channel.official_staff", shown=value, name=name),
            _say("channel.advice_official"),
        ], label=name)
    return _verdict(pasted, ChannelKind.STAFF_ID, Status.NOT_OFFICIAL, "not_staff", [
        _say("channel.not_staff", shown=value), _say("channel.advice_unsafe"),
    ])


def _unofficial(pasted: Pasted, kind: ChannelKind, shown: str) -> Verdict:
    return _verdict(pasted, kind, Status.NOT_OFFICIAL, "not_official", [
        _say("channel.not_official", shown=shown), _say("channel.advice_unsafe"),
    ])


def _say(key: str, *, kind: ChannelKind | None = None, label: str | None = None,
         **values: str) -> Sentence:
    """One sentence of an answer, in whichever language is asked for."""

    def say(language: str) -> str:
        zh = language == "zh"
        extra: dict[str, str] = {}
        if kind is not None:
            extra["kind"] = KIND_NAMES[kind][zh]
        if label is not None:  # "our official phone number (Support hotline)"
            aside = (f"（{label}）" if zh else f" ({label})")
            extra["label"] = aside if key == "channel.official" else label
        return t(key, language, **values, **extra)

    return say


def _verdict(
    pasted: Pasted, kind: ChannelKind | None, status: Status, reason: str,
    sentences: list[Sentence], *, label: str | None = None, imitates: str | None = None,
) -> Verdict:
    return Verdict(
        value=pasted.text, kind=kind, status=status, reason=reason,
        message_en=" ".join(say("en") for say in sentences),
        message_zh="".join(say("zh") for say in sentences),
        label=label, imitates=imitates,
    )

