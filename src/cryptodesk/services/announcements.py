"""Announcements: supervisors and admins draft, schedule, publish and archive them (every change
in the event log); the help center and the public API show the published ones to their readers'
language."""

from __future__ import annotations

from datetime import datetime

from ..domain.agents import Agent
from ..domain.announcements import Announcement, AnnouncementKind, AnnouncementText, Audience
from ..domain.events import SYSTEM, Actor, Change
from ..errors import InvalidInput, NotFound, PermissionDenied
from ..store.unit_of_work import UnitOfWork
from . import audit

LATEST = 3  # how many the help center's home page shows


def _actor(by: Agent | None) -> Actor:
    """`None` is the operator or the demo seed, who already hold the keys to the database."""
    if by is None:
        return SYSTEM
    if not by.can_supervise:
        raise PermissionDenied("Only supervisors and admins can change announcements.",
                               "只有主管和管理员可以修改公告。")
    return by.actor


def create(uow: UnitOfWork, by: Agent | None, text: AnnouncementText, now: datetime
           ) -> Announcement:
    actor = _actor(by)
    announcement = Announcement.draft(text, actor.name, now)
    uow.announcements.add(announcement)
    uow.flush()
    audit.record(uow, [Change("announcement.created", None, announcement.snapshot())],
                 actor, now)
    return announcement


def edit(uow: UnitOfWork, by: Agent | None, announcement_id: int, text: AnnouncementText,
         now: datetime) -> Announcement:
    actor = _actor(by)
    announcement = get(uow, announcement_id, lock=True)
    before = announcement.snapshot()
    if announcement.revise(text, actor.name, now):
        audit.record(uow, [Change("announcement.edited", before, announcement.snapshot())],
                     actor, now)
    return announcement


def publish(uow: UnitOfWork, by: Agent | None, announcement_id: int, now: datetime,
            at: datetime | None = None) -> Announcement:
    """Out now, or scheduled: it shows once the clock reaches `at`, with nothing to run then."""
    actor = _actor(by)
    if at is not None and at.tzinfo is None:
        raise InvalidInput("Give the time with its time zone.", "请提供带时区的时间。",
                           field="publish_at")
    announcement = get(uow, announcement_id, lock=True)
    before = str(announcement.status_at(now))
    announcement.publish(actor.name, now, at)
    audit.record(uow, [Change("announcement.published", {"status": before}, {
        "id": announcement.id, "status": str(announcement.status),
        "publish_at": announcement.publish_at.isoformat() if announcement.publish_at else None,
    })], actor, now)
    return announcement


def archive(uow: UnitOfWork, by: Agent | None, announcement_id: int, now: datetime
            ) -> Announcement:
    actor = _actor(by)
    announcement = get(uow, announcement_id, lock=True)
    before = str(announcement.status_at(now))
    announcement.archive(actor.name, now)
    audit.record(uow, [Change("announcement.archived", {"status": before},
                              {"id": announcement.id, "status": str(announcement.status)})],
                 actor, now)
    return announcement


def get(uow: UnitOfWork, announcement_id: int, *, lock: bool = False) -> Announcement:
    announcement = uow.announcements.get(announcement_id, lock=lock)
    if announcement is None:
        raise NotFound(f"Announcement {announcement_id} was not found.",
                       f"未找到公告 {announcement_id}。", value=announcement_id)
    return announcement


def manage(uow: UnitOfWork, by: Agent) -> list[Announcement]:
    """Every announcement, drafts and archived ones too: for supervisors only."""
    _actor(by)
    return uow.announcements.listing()


def view(uow: UnitOfWork, by: Agent, announcement_id: int) -> Announcement:
    _actor(by)
    return get(uow, announcement_id)


def published(uow: UnitOfWork, language: str, now: datetime, limit: int | None = None
              ) -> list[Announcement]:
    """What readers of `language` are shown, newest first."""
    return uow.announcements.published(language, now, limit)


DEMO = (
    (AnnouncementKind.MAINTENANCE,
     "ERC20 withdrawals paused for wallet maintenance",
     "Withdrawals on Ethereum (ERC20) are paused while we upgrade the hot wallet. Deposits are "
     "not affected. Pending withdrawals will go out automatically when it ends; the status "
     "page shows the expected time.",
     "ERC20 提币暂停：钱包维护",
     "为升级热钱包，以太坊（ERC20）网络提币暂时停止，充值不受影响。维护结束后，"
     "处理中的提币会自动发出；预计恢复时间请查看状态页。"),
    (AnnouncementKind.FEATURE,
     "New: check whether a link or contact is really ours",
     "Paste a website, email address, phone number, Telegram handle or staff ID on the "
     "Security page and we tell you at once whether it is official.",
     "新功能：官方渠道验证",
     "在安全中心粘贴网址、邮箱、电话、Telegram 账号或客服工号，即可立即验证是否为官方渠道。"),
)


def seed_demo(uow: UnitOfWork, now: datetime) -> int:
    """Two published announcements for the demo help center (only when there are none)."""
    if uow.announcements.listing():
        return 0
    for kind, title_en, body_en, title_zh, body_zh in DEMO:
        text = AnnouncementText.clean(kind=kind, audience=Audience.BOTH, title_zh=title_zh,
                                      body_zh=body_zh, title_en=title_en, body_en=body_en)
        publish(uow, None, create(uow, None, text, now).id, now)
    return len(DEMO)
