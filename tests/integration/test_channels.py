"""The official-channel registry and "is this really you?" on real databases, and the link
guard reading customers' messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from cryptodesk.bootstrap import Desk
from cryptodesk.config import Settings
from cryptodesk.domain.agents import Role
from cryptodesk.domain.channels import ChannelKind, Status, staff_id
from cryptodesk.domain.conversations import Author, Channel
from cryptodesk.domain.customers import Customer
from cryptodesk.domain.events import Event
from cryptodesk.errors import Conflict, InvalidInput, NotFound, PermissionDenied
from cryptodesk.services import channels, conversations, link_guard, tickets
from cryptodesk.services.access import CustomerViewer
from cryptodesk.services.responders import BOT

from ..support.stories import hire

K = ChannelKind


@pytest.fixture
def registry(desk: Desk) -> Desk:
    with desk.uow() as uow:
        assert channels.seed_demo(uow, desk.now()) == len(channels.DEMO_CHANNELS)
        uow.commit()
    return desk


def _verify(desk: Desk, value: str, settings: Settings | None = None):
    with desk.uow() as uow:
        return channels.verify(uow, value, settings or desk.settings)


def test_only_supervisors_and_admins_change_the_registry_and_every_change_is_logged(
    desk: Desk,
) -> None:
    agent = hire(desk, "sam").agent
    supervisor = hire(desk, "mei", role=Role.SUPERVISOR).agent
    with desk.uow() as uow:
        with pytest.raises(PermissionDenied):
            channels.add(uow, agent, kind=K.TELEGRAM, value="@example_help", label="Help",
                         now=desk.now())
        added = channels.add(uow, supervisor, kind=K.TELEGRAM, value="https://t.me/Example_Help",
                             label="  Telegram   help ", now=desk.now())
        uow.commit()
    assert (added.value, added.label, added.added_by) == ("example_help", "Telegram help", "mei")
    with desk.uow() as uow:
        with pytest.raises(Conflict):
            channels.add(uow, supervisor, kind=K.TELEGRAM, value="@EXAMPLE_HELP", label="Again",
                         now=desk.now())
        with pytest.raises(PermissionDenied):
            channels.retire(uow, agent, added.id, desk.now())
        channels.retire(uow, supervisor, added.id, desk.now())
        uow.commit()
    with desk.uow() as uow:
        assert channels.listing(uow, K.TELEGRAM) == []
        [retired] = channels.listing(uow, K.TELEGRAM, include_retired=True)
        assert (retired.active, retired.retired_by) == (False, "mei")
        with pytest.raises(NotFound):
            channels.retire(uow, supervisor, added.id, desk.now())
        restored = channels.add(uow, None, kind=K.TELEGRAM, value="@example_help",
                                label="Back", now=desk.now())
        assert (restored.id, restored.active, restored.retired_at) == (added.id, True, None)
        uow.commit()
    with desk.uow() as uow:
        logged = uow.session.scalars(
            sa.select(Event).where(Event.kind.like("channel.%")).order_by(Event.id))
        assert [(e.kind, e.actor_name) for e in logged] == [
            ("channel.added", "mei"), ("channel.retired", "mei"), ("channel.restored", "system")]


@pytest.mark.parametrize(("kind", "value"), [
    (K.WEBSITE, "localhost"), (K.WEBSITE, "10.0.0.1"), (K.PHONE, "020 7946 0958"),
    (K.PHONE, "+44 12"), (K.TELEGRAM, "@ab"), (K.X, "@this_handle_is_too_long"),
    (K.WECHAT, "微信"), (K.EMAIL_SENDER, "not an address"), (K.STAFF_ID, "CD-ABCDEF"),
    (K.STAFF_ID, "x"),
])
def test_malformed_values_are_refused(desk: Desk, kind: ChannelKind, value: str) -> None:
    with desk.uow() as uow, pytest.raises(InvalidInput):
        channels.add(uow, None, kind=kind, value=value, label="x", now=desk.now())


@pytest.mark.parametrize(("value", "status", "reason", "kind"), [
    ("example.com", Status.OFFICIAL, "official_domain", K.WEBSITE),
    ("https://www.EXAMPLE.com/login", Status.OFFICIAL, "official_subdomain", K.WEBSITE),
    ("status.example.org", Status.OFFICIAL, "official_domain", K.WEBSITE),
    ("google.com", Status.NOT_OFFICIAL, "not_official", K.WEBSITE),
    ("support@example.com", Status.OFFICIAL, "official_domain", K.EMAIL_SENDER),
    ("Notices@Mail.Example.org", Status.OFFICIAL, "official_channel", K.EMAIL_SENDER),
    ("help@gmail.com", Status.NOT_OFFICIAL, "not_official", K.EMAIL_SENDER),
    ("+44 20 7946 0958", Status.OFFICIAL, "official_channel", K.PHONE),
    ("020 7946 0958", Status.OFFICIAL, "official_channel", K.PHONE),
    ("0044 20 7946 0958", Status.OFFICIAL, "official_channel", K.PHONE),
    ("+44 20 7946 0999", Status.NOT_OFFICIAL, "not_official", K.PHONE),
    ("@Example_Support", Status.OFFICIAL, "official_channel", K.TELEGRAM),
    ("https://t.me/example_support", Status.OFFICIAL, "official_channel", K.TELEGRAM),
    ("微信：example_cs", Status.OFFICIAL, "official_channel", K.WECHAT),
    ("example_cs", Status.OFFICIAL, "official_channel", K.WECHAT),
    ("x.com/Example", Status.OFFICIAL, "official_channel", K.X),
    ("@nobody_we_know", Status.NOT_OFFICIAL, "not_official", None),
    ("vip-1001", Status.OFFICIAL, "official_staff", K.STAFF_ID),
    ("CD-ABCDEF", Status.NOT_OFFICIAL, "not_staff", K.STAFF_ID),
])
def test_every_kind_of_value(
    registry: Desk, value: str, status: Status, reason: str, kind: ChannelKind | None
) -> None:
    verdict = _verify(registry, value)
    assert (verdict.status, verdict.reason, verdict.kind) == (status, reason, kind)
    assert verdict.message_en and verdict.message_zh
    if status is Status.OFFICIAL:
        assert "never ask" in verdict.message_en and "绝不会" in verdict.message_zh
    else:
        assert "tell us here" in verdict.message_en and "告诉我们" in verdict.message_zh


@pytest.mark.parametrize(("value", "reason", "imitates"), [
    ("examp1e.com", "visual_lookalike", "example.com"),
    ("xn--xample-2of.com", "punycode", "example.com"),  # Cyrillic е, as punycode
    ("еxample.com", "homoglyph", "example.com"),
    ("https://example-support.com/verify", "brand_embedded", "example.com"),
    ("https://example.com@wallet-check.io/", "official_in_userinfo", "example.com"),
    ("status-example.org", "brand_embedded", "status.example.org"),  # a registry website
    ("help@examp1e.com", "visual_lookalike", "example.com"),
])
def test_look_alike_domains_name_what_they_imitate(
    registry: Desk, value: str, reason: str, imitates: str
) -> None:
    verdict = _verify(registry, value)
    assert (verdict.status, verdict.reason, verdict.imitates) == (
        Status.LOOKALIKE, reason, imitates)
    assert imitates in verdict.message_en and imitates in verdict.message_zh


def test_look_alike_accounts_name_the_official_one(registry: Desk) -> None:
    for value in ("@examp1e_support", "@example_support_team", "t.me/examplesupport"):
        verdict = _verify(registry, value)
        assert (verdict.status, verdict.imitates) == (Status.LOOKALIKE, "@example_support"), value
        assert "Telegram" in verdict.message_en and "仿冒" in verdict.message_zh


def test_retired_channels_are_no_longer_official(registry: Desk) -> None:
    with registry.uow() as uow:
        phone = next(c for c in channels.listing(uow, K.PHONE) if c.value == "+442079460958")
        channels.retire(uow, None, phone.id, registry.now())
        uow.commit()
    verdict = _verify(registry, "+44 20 7946 0958")
    assert (verdict.status, verdict.reason) == (Status.NOT_OFFICIAL, "retired")
    assert "no longer" in verdict.message_en and "已停用" in verdict.message_zh


def test_blocklisted_domains_from_either_feed_format(registry: Desk, tmp_path: Path) -> None:
    feed = tmp_path / "config.json"
    feed.write_text(json.dumps({"blacklist": ["wallet-sync.io"], "whitelist": [],
                                "fuzzylist": []}))
    lines = tmp_path / "domains.txt"
    lines.write_text("# reported this week\nexarnple-airdrop.com\n")
    for path, domain in ((feed, "login.wallet-sync.io"), (lines, "exarnple-airdrop.com")):
        settings = registry.settings.model_copy(update={"blocklist_file": str(path)})
        verdict = _verify(registry, domain, settings)
        assert (verdict.status, verdict.reason) == (Status.BLOCKLISTED, "blocklisted")
    missing = registry.settings.model_copy(update={"blocklist_file": str(tmp_path / "none")})
    assert _verify(registry, "wallet-sync.io", missing).status is Status.NOT_OFFICIAL


@pytest.mark.parametrize("value", ["", "   ", "hello world", "@", "+1", "x" * 501, "a@b", "http://"])
def test_what_cannot_be_a_channel_is_refused(registry: Desk, value: str) -> None:
    with pytest.raises(InvalidInput):
        _verify(registry, value)


def _customer(desk: Desk, ref: str = "cust-1") -> CustomerViewer:
    with desk.uow() as uow:
        customer = Customer(ref=ref, display_name=ref, language="en", created_at=desk.now())
        uow.customers.add(customer)
        uow.commit()
    return CustomerViewer(customer.id, ref)


def test_agents_replies_carry_a_staff_id_that_stops_verifying_when_they_leave(
    desk: Desk,
) -> None:
    sam = hire(desk, "sam").agent
    viewer = _customer(desk)
    with desk.uow() as uow:
        conversation = conversations.open_conversation(uow, viewer, channel=Channel.CHAT,
                                                       now=desk.now())
        conversations.receive_message(uow, viewer, conversation, "help", now=desk.now())
        ticket = conversations.hand_off(uow, conversation, now=desk.now(), actor=BOT)
        reply = tickets.reply(uow, sam, ticket.id, "Hello, Sam here.", desk.now())
        uow.commit()
    assert reply.data == {"staff_id": staff_id(sam)}
    assert "CD-" not in reply.body
    verdict = _verify(desk, reply.data["staff_id"].lower())
    assert (verdict.status, verdict.label) == (Status.OFFICIAL, "Sam")
    for typed in (reply.data["staff_id"].replace("-", ""), "工号：cd" + reply.data["staff_id"][3:]):
        assert _verify(desk, typed).label == "Sam", typed
    assert "Sam" in verdict.message_en and "Sam" in verdict.message_zh
    with desk.uow() as uow:
        again = uow.agents.get(sam.id)
        assert again is not None and staff_id(again) == reply.data["staff_id"]  # stable
        again.active = False
        uow.commit()
    gone = _verify(desk, reply.data["staff_id"])
    assert (gone.status, gone.reason, gone.label) == (Status.NOT_OFFICIAL, "not_staff", None)
    assert "Sam" not in gone.message_en


def test_link_guard_warns_once_per_link_and_per_scam_pattern(desk: Desk, tmp_path: Path) -> None:
    feed = tmp_path / "domains.txt"
    feed.write_text("wallet-sync.io\n")
    settings = desk.settings.model_copy(update={"blocklist_file": str(feed)})
    viewer = _customer(desk)
    now = desk.now()
    with desk.uow() as uow:
        conversation = conversations.open_conversation(uow, viewer, channel=Channel.CHAT,
                                                       now=now)
        ticket = conversations.hand_off(uow, conversation, now=now, actor=BOT)

        def write(text: str) -> list[str]:
            """Stored as the customer API does, then guarded again with a blocklist."""
            receipt = conversations.receive_message(uow, viewer, conversation, text, now=now)
            return link_guard.inspect(uow, receipt.message, ticket=ticket, now=now,
                                      settings=settings)

        assert write("they said to sync at https://wallet-sync.io/connect first") == [
            "blocklisted"]
        assert write("wallet-sync.io again, and example.com") == []
        # Scams are warned about on the way in, so the second look finds nothing new; the
        # second fund-transfer story gets no second warning.
        assert write("客服让我转账到安全账户，还问我要助记词") == []
        assert write("他让我转账，说要解冻费") == []
        uow.commit()
    with desk.uow() as uow:
        shown = uow.conversations.messages([conversation.id])
        stored = uow.tickets.get(ticket.id)
        events = uow.events.for_conversation(conversation.id)
    warnings = [m for m in shown if m.author is Author.SYSTEM and m.data and "shield" in m.data]
    assert [m.data.get("pattern") or m.data["verdict"] for m in warnings] == [
        "blocklisted", "fund_transfer", "seed_phrase_request", "unlock_fee"]
    assert "wallet-sync.io" in warnings[0].body and "example.com" in warnings[0].body
    assert warnings[1].language == "zh" and "安全账户" in warnings[1].body
    assert stored is not None and "phishing-link" in stored.tags
    flagged = [e.after for e in events if e.kind == "shield.link_flagged"]
    assert [(f["host"], f["verdict"]) for f in flagged] == [("wallet-sync.io", "blocklisted")]
    assert [e.after["pattern"] for e in events if e.kind == "shield.scam_warning"] == [
        "fund_transfer", "seed_phrase_request", "unlock_fee"]


def test_ordinary_messages_pass_without_a_word(desk: Desk) -> None:
    viewer = _customer(desk)
    with desk.uow() as uow:
        conversation = conversations.open_conversation(uow, viewer, channel=Channel.CHAT,
                                                       now=desk.now())
        receipt = conversations.receive_message(
            uow, viewer, conversation, "My USDT withdrawal to my wallet is pending, see "
            "https://www.example.com/orders and tronscan.org", now=desk.now())
        assert link_guard.inspect(uow, receipt.message, ticket=None, now=desk.now(),
                                  settings=desk.settings) == []
        assert [m.author for m in uow.conversations.messages([conversation.id])] == [
            Author.CUSTOMER]
