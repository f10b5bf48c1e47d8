"""Canned replies: supervisors and admins keep them (every change in the event log); every agent
may read them and insert them, filled in for the ticket in front of them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..domain.agents import Agent
from ..domain.canned import CannedReply, CannedText, fallback_name, render
from ..domain.channels import staff_id
from ..domain.customers import LANGUAGES, Customer
from ..domain.events import SYSTEM, Actor, Change
from ..domain.tickets import Ticket
from ..errors import Conflict, NotFound, PermissionDenied
from ..store.unit_of_work import UnitOfWork
from . import audit


def _actor(by: Agent | None) -> Actor:
    """`None` is the operator or the demo seed, who already hold the keys to the database."""
    if by is None:
        return SYSTEM
    if not by.can_supervise:
        raise PermissionDenied(
            "Only supervisors and admins can change canned replies.",
            "只有主管和管理员可以修改快捷回复。",
        )
    return by.actor


def _ensure_free(uow: UnitOfWork, text: CannedText, reply_id: int | None = None) -> None:
    found = uow.canned.find(text.name, text.language)
    if found is not None and found.id != reply_id:
        raise Conflict(
            f"A canned reply named {text.name!r} ({text.language}) exists.",
            f"已存在名为 {text.name!r}（{text.language}）的快捷回复。",
            code="canned_reply_exists", field="name", value=text.name,
        )


def create(uow: UnitOfWork, by: Agent | None, text: CannedText, now: datetime) -> CannedReply:
    actor = _actor(by)
    _ensure_free(uow, text)
    reply = CannedReply.create(text, actor.name, now)
    uow.canned.add(reply)
    uow.flush()
    audit.record(uow, [Change("canned.created", None, reply.snapshot())], actor, now)
    return reply


def edit(
    uow: UnitOfWork, by: Agent | None, reply_id: int, text: CannedText, now: datetime, *,
    active: bool = True,
) -> CannedReply:
    actor = _actor(by)
    reply = get(uow, reply_id, lock=True)
    _ensure_free(uow, text, reply.id)
    before = reply.snapshot()
    if reply.revise(text, active, actor.name, now):
        audit.record(uow, [Change("canned.edited", before, reply.snapshot())], actor, now)
    return reply


def retire(uow: UnitOfWork, by: Agent | None, reply_id: int, now: datetime) -> CannedReply:
    """Taken out of the console's list but kept on record; an edit with `active` brings it back."""
    actor = _actor(by)
    reply = get(uow, reply_id, lock=True)
    if reply.retire(actor.name, now):
        audit.record(uow, [Change("canned.retired", None, {"id": reply.id})], actor, now)
    return reply


def get(uow: UnitOfWork, reply_id: int, *, lock: bool = False) -> CannedReply:
    reply = uow.canned.get(reply_id, lock=lock)
    if reply is None:
        raise NotFound(f"Canned reply {reply_id} was not found.",
                       f"未找到快捷回复 {reply_id}。", value=reply_id)
    return reply


def listing(
    uow: UnitOfWork, *, language: str | None = None, include_retired: bool = False
) -> list[CannedReply]:
    return uow.canned.listing(language=language, include_retired=include_retired)


@dataclass(frozen=True)
class FilledReply:
    id: int
    name: str
    language: str
    tags: list[str]
    text: str  # the body with this ticket's values in place


@dataclass(frozen=True)
class FilledGroup:
    language: str
    replies: list[FilledReply]


def values_for(ticket: Ticket, customer: Customer | None, agent: Agent,
               language: str) -> dict[str, str]:
    return {
        "customer_name": customer.display_name if customer else fallback_name(language),
        "ticket_id": str(ticket.id),
        "agent_name": agent.display_name,
        "staff_id": staff_id(agent),
    }


def for_ticket(
    uow: UnitOfWork, agent: Agent, ticket: Ticket, customer: Customer | None, language: str
) -> list[FilledGroup]:
    """The active replies filled for this ticket: its language first, then the other one."""
    order = sorted(LANGUAGES, key=lambda lang: lang != language)
    groups = []
    for lang in order:
        values = values_for(ticket, customer, agent, lang)
        replies = [
            FilledReply(r.id, r.name, r.language, list(r.tags), render(r.body, values))
            for r in uow.canned.listing(language=lang) if r.id is not None
        ]
        groups.append(FilledGroup(lang, replies))
    return groups


@dataclass(frozen=True)
class DemoReply:
    name: str
    language: str
    body: str
    tags: tuple[str, ...]


DEMO_REPLIES = (
    DemoReply("withdrawal-delay", "en", (
        "Hello {customer_name}, thank you for your patience. Your withdrawal is being processed: "
        "once it is broadcast, the network needs its confirmations before the receiving wallet "
        "shows it, which can take from a few minutes to an hour when the chain is busy. You can "
        "follow the transaction hash on the network's block explorer. We will update ticket "
        "#{ticket_id} as soon as it completes.\n\n{agent_name} (staff ID {staff_id})"),
        ("withdrawal",)),
    DemoReply("withdrawal-delay", "zh", (
        "{customer_name}您好，感谢您的耐心等待。您的提币正在处理中：广播后需要等待区块网络确认，"
        "接收钱包才会显示到账；网络拥堵时可能需要几分钟到一小时。您可以用交易哈希在区块浏览器上查询进度。"
        "到账后我们会在工单 #{ticket_id} 中通知您。\n\n{agent_name}（员工编号 {staff_id}）"),
        ("withdrawal",)),
    DemoReply("wrong-network-recovery", "en", (
        "Hello {customer_name}, deposits sent on a network we do not support for that coin can "
        "often be recovered. Please reply on ticket #{ticket_id} with: the coin and amount, the "
        "network you sent on, the transaction hash, and the deposit address you used. Recovery "
        "is reviewed by our wallet team, may take several working days and may carry a fee; "
        "it cannot be guaranteed.\n\n{agent_name} (staff ID {staff_id})"),
        ("deposit", "wrong-network")),
    DemoReply("wrong-network-recovery", "zh", (
        "{customer_name}您好，通过不支持的网络充值的资产在多数情况下可以尝试找回。"
        "请在工单 #{ticket_id} 中回复以下信息：币种和数量、您使用的转账网络、交易哈希（TxID）"
        "以及充值地址。找回申请由钱包团队审核，可能需要数个工作日并收取手续费，且无法保证一定成功。"
        "\n\n{agent_name}（员工编号 {staff_id}）"),
        ("deposit", "wrong-network")),
    DemoReply("kyc-photo-retake", "en", (
        "Hello {customer_name}, your verification photo could not be accepted. Please take it "
        "again: the whole document in frame, all four corners visible, no glare or blur, nothing "
        "covering the text, and your face clearly lit for the selfie. Then submit it again in "
        "Account > Verification.\n\n{agent_name} (staff ID {staff_id})"),
        ("kyc",)),
    DemoReply("kyc-photo-retake", "zh", (
        "{customer_name}您好，您的认证照片未能通过审核。请重新拍摄：证件完整入镜、四角清晰可见、"
        "无反光或模糊、文字无遮挡，自拍时面部光线充足。然后在“账户 > 身份认证”中重新提交。"
        "\n\n{agent_name}（员工编号 {staff_id}）"),
        ("kyc",)),
    DemoReply("security-reminder", "en", (
        "A reminder for your safety, {customer_name}: we will never ask for your seed phrase, "
        "private keys, passwords or 2FA codes, and never ask you to install remote-access apps "
        "or pay a fee to unlock funds. Staff can be checked on our verify page: mine is "
        "{staff_id} ({agent_name}), on ticket #{ticket_id}."),
        ("security",)),
    DemoReply("security-reminder", "zh", (
        "{customer_name}，安全提醒：我们绝不会索要您的助记词、私钥、密码或双重验证码，也不会要求您安装远程控制软件"
        "或支付“解冻费”。您可以在官方验证页面核实客服身份：我是 {agent_name}，员工编号 {staff_id}，"
        "工单 #{ticket_id}。"),
        ("security",)),
)


def seed_demo(uow: UnitOfWork, now: datetime) -> int:
    """Write the demo replies that are missing; returns how many were added."""
    added = 0
    for item in DEMO_REPLIES:
        if uow.canned.find(item.name, item.language) is None:
            create(uow, None, CannedText.clean(item.name, item.language, item.body, item.tags),
                   now)
            added += 1
    return added
