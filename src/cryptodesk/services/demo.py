"""The demo exchange's people: ten customers with one problem each, agents in two teams,
and a realistic mix of open tickets in both languages.

Customer references are fixed (the help center, tests and benchmarks use them). Agent
passwords and authenticator secrets are fixed too, and printed by `cryptodesk demo`: they are
for a demo database only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from argon2 import PasswordHasher

from ..domain.agents import Role
from ..domain.conversations import Channel
from ..domain.customers import Customer, Language
from ..domain.sla import Priority
from ..domain.tickets import Category, TicketStatus
from ..platform.demo_exchange import demo_exchange
from ..platform.memory import MemoryPlatform
from ..platform.models import Account
from ..platform.port import UnknownCustomer
from ..store.unit_of_work import UnitOfWork
from . import agents, announcements, canned, channels, tickets
from .access import CustomerViewer
from .conversations import hand_off, open_conversation, receive_message
from .responders import BOT


class Ledger(Protocol):
    def load(self, memory: MemoryPlatform, connection: Any = None) -> None: ...

    def account(self, ref: str) -> Account: ...


@dataclass(frozen=True)
class DemoAgent:
    username: str
    display_name: str
    role: Role
    team: str
    password: str
    totp_secret: str


DEMO_AGENTS = (
    DemoAgent("admin", "Ada Admin", Role.ADMIN, "support", "demo-admin-pass",
              "CRYPTODESKDEMOADMINAAAAAAAAAAAAA"),
    DemoAgent("lina", "李娜", Role.AGENT, "support", "demo-lina-pass",
              "CRYPTODESKDEMOLINAAAAAAAAAAAAAAA"),
    DemoAgent("sam", "Sam Patel", Role.AGENT, "support", "demo-sam-pass",
              "CRYPTODESKDEMOSAMAAAAAAAAAAAAAAA"),
    DemoAgent("mei", "王梅", Role.SUPERVISOR, "wallet-ops", "demo-mei-pass",
              "CRYPTODESKDEMOMEIAAAAAAAAAAAAAAA"),
    DemoAgent("omar", "Omar Haddad", Role.AGENT, "wallet-ops", "demo-omar-pass",
              "CRYPTODESKDEMOOMARAAAAAAAAAAAAAA"),
)

# ref, display name, language, email
DEMO_CUSTOMERS: tuple[tuple[str, str, Language, str], ...] = (
    ("demo-alice", "Alice Martin", "en", "alice@example.com"),
    ("demo-bob", "Bob Chen", "en", "bob@example.com"),
    ("demo-carol", "陈卡罗", "zh", "carol@example.com"),
    ("demo-dave", "Dave Okafor", "en", "dave@example.com"),
    ("demo-erin", "林艾琳", "zh", "erin@example.com"),
    ("demo-frank", "Frank Müller", "en", "frank@example.com"),
    ("demo-grace", "张格蕾", "zh", "grace@example.com"),
    ("demo-heidi", "Heidi Berg", "en", "heidi@example.com"),
    ("demo-ivan", "伊万", "zh", "ivan@example.com"),
    ("demo-judy", "Judy Park", "en", "judy@example.com"),
)


@dataclass(frozen=True)
class DemoTicket:
    customer: str
    channel: Channel
    hours_ago: float
    message: str
    category: Category
    priority: Priority
    assignee: str | None = None
    team: str = "support"
    reply: str | None = None
    status: TicketStatus | None = None


DEMO_TICKETS = (
    DemoTicket("demo-alice", Channel.CHAT, 0.5,
               "My USDT withdrawal on TRC20 was sent an hour ago but my wallet still shows "
               "nothing. Is it stuck?", Category.WITHDRAWAL, Priority.P2),
    DemoTicket("demo-bob", Channel.EMAIL, 3,
               "我的ETH提现一直显示处理中，已经三个小时了，是不是出问题了？",
               Category.WITHDRAWAL, Priority.P2, assignee="mei", team="wallet-ops",
               reply="您好，ERC20 网络正在进行钱包维护，维护结束后提现会自动继续处理。"),
    DemoTicket("demo-carol", Channel.CHAT, 20,
               "我把500 USDT通过BEP20转到了我的ERC20充值地址，现在没到账，能找回吗？",
               Category.DEPOSIT, Priority.P1, assignee="omar", team="wallet-ops"),
    DemoTicket("demo-dave", Channel.EMAIL, 30,
               "I deposited XRP but forgot the destination tag. How do I get it back?",
               Category.DEPOSIT, Priority.P3, assignee="sam",
               reply="Hi Dave, we can recover it. Please send us the transaction hash and a "
                     "screenshot of the withdrawal from the sending platform.",
               status=TicketStatus.PENDING_CUSTOMER),
    DemoTicket("demo-frank", Channel.PHONE, 1,
               "Customer called: account frozen after a login from a new device, wants it "
               "unlocked today.", Category.ACCOUNT, Priority.P1),
    DemoTicket("demo-grace", Channel.CHAT, 50,
               "身份认证又被拒了，说照片看不清，我已经拍了三次了", Category.KYC, Priority.P3,
               assignee="lina", reply="您好，请在光线充足处重新拍摄证件，四角完整、无反光。",
               status=TicketStatus.RESOLVED),
    DemoTicket("demo-judy", Channel.CHAT, 72,
               "My limit buy for BTC has been open for four days and never fills. Why?",
               Category.TRADE, Priority.P4, assignee="sam"),
)


def seed(
    uow: UnitOfWork, hasher: PasswordHasher, now: datetime, exchange: Ledger | None = None
) -> bool:
    """Write the demo data unless it is there already; True when something was written.

    With `exchange` (the built-in ledger), the demo customers' exchange accounts are written
    too, each with the one problem ARCHITECTURE.md's table gives them.
    """
    if uow.customers.by_ref(DEMO_CUSTOMERS[0][0]) is not None:
        return False
    if exchange is not None and not _has_account(exchange, DEMO_CUSTOMERS[0][0]):
        exchange.load(demo_exchange(now), uow.session.connection())
    for a in DEMO_AGENTS:
        if uow.agents.by_username(a.username) is None:
            agents.create_agent(
                uow, hasher, username=a.username, display_name=a.display_name,
                email=f"{a.username}@support.example.com", password=a.password, role=a.role,
                team=a.team, now=now, totp_secret=a.totp_secret,
            )
    channels.seed_demo(uow, now)
    canned.seed_demo(uow, now)
    announcements.seed_demo(uow, now)
    customers = {}
    for ref, name, language, email in DEMO_CUSTOMERS:
        customer = Customer(ref=ref, display_name=name, language=language, email=email,
                            created_at=now - timedelta(days=200))
        uow.customers.add(customer)
        customers[ref] = customer
    uow.flush()
    for item in DEMO_TICKETS:
        _ticket(uow, customers[item.customer], item, now)
    return True


def _has_account(exchange: Ledger, ref: str) -> bool:
    try:
        exchange.account(ref)
    except UnknownCustomer:
        return False
    return True


def _ticket(uow: UnitOfWork, customer: Customer, item: DemoTicket, now: datetime) -> None:
    at = now - timedelta(hours=item.hours_ago)
    viewer = CustomerViewer(customer.id, customer.ref)
    conversation = open_conversation(uow, viewer, channel=item.channel, now=at,
                                     language=customer.language, subject=item.message)
    receive_message(uow, viewer, conversation, item.message, now=at)
    ticket = hand_off(uow, conversation, now=at, actor=BOT, category=item.category,
                      priority=item.priority, team=item.team)
    if item.assignee is None:
        return
    agent = uow.agents.by_username(item.assignee)
    assert agent is not None
    later = at + timedelta(minutes=10)
    tickets.assign(uow, agent, ticket.id, agent.username, later)
    if item.reply:
        tickets.reply(uow, agent, ticket.id, item.reply, later + timedelta(minutes=5),
                      status=item.status)
