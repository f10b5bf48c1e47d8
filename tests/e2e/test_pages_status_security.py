"""The status page (from the exchange, or saying plainly it did not answer) and the security
tools (is this official?, the link checker, the password meter) rendered without script."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk, build
from cryptodesk.domain.channels import staff_id
from cryptodesk.platform.demo_market import SUSPENDED_NETWORK
from cryptodesk.platform.memory import MemoryPlatform
from cryptodesk.platform.models import AssetNetworkStatus, Incident, PlatformStatus
from cryptodesk.platform.port import PlatformUnavailable
from cryptodesk.web.app import create_app

from ..conftest import make_settings
from ..support.clock import Clock
from ..support.exchanges import seed_demo
from ..support.stories import hire

STRONG = "Quartz-lantern-92-orbit-velvet!"
WEAK = "password123"


@pytest.fixture
def desk(sqlite_template: Path, tmp_path: Path) -> Iterator[Desk]:
    """The demo exchange in the built-in ledger, as `make demo` seeds it (SQLite is enough:
    these pages only read through the Platform port and the channel registry)."""
    path = tmp_path / "status.db"
    shutil.copy(sqlite_template, path)
    built = seed_demo(build(make_settings(f"sqlite:///{path}"), clock=Clock()), articles=False)
    yield built
    built.database.dispose()


@pytest.fixture
def web(desk: Desk) -> Iterator[TestClient]:
    with TestClient(create_app(desk), raise_server_exceptions=False) as client:
        yield client


def rows(page: str) -> list[str]:
    """The network table's body rows."""
    body = re.search(r"<tbody>(.*?)</tbody>", page, re.S)
    return re.findall(r"<tr[^>]*>(.*?)</tr>", body.group(1), re.S) if body else []


class Silent:
    """An exchange that does not answer, whatever it is asked."""

    def __getattr__(self, name: str) -> object:
        def refuse(*args: object, **kwargs: object) -> object:
            raise PlatformUnavailable(f"{name}: timed out")
        return refuse


def test_status_lists_every_network_with_the_suspended_ones_first(
    web: TestClient, desk: Desk
) -> None:
    page = web.get("/status?lang=en")
    assert page.status_code == 200
    statuses = desk.platform.network_statuses()
    table = rows(page.text)
    assert len(table) == len(statuses)
    suspended = [s for s in statuses if not s.withdraw_enabled]
    assert suspended and all(s.network == SUSPENDED_NETWORK for s in suspended)
    first = table[0]
    assert "Ethereum" in first and "Suspended" in first and "Wallet maintenance" in first
    back = suspended[0].maintenance_until
    assert back is not None and back.strftime("%Y-%m-%d %H:%M UTC") in first
    assert f"{len(suspended)} suspended" in page.text
    tron = next(r for r in table if ">USDT<" in r and "TRON" in r)
    assert "Suspended" not in tron and "1 USDT" in tron and "10 USDT" in tron  # fee, minimum
    assert '<th scope="col" class="num">Withdrawal fee</th>' in page.text
    assert "<caption>" in page.text and '<th scope="row">' in page.text


def test_status_shows_the_recent_incident_in_the_readers_language(web: TestClient) -> None:
    zh = web.get("/status?lang=zh").text
    assert "比特币充值延迟到账" in zh and "已解决" in zh and "当前没有故障" in zh
    assert "钱包维护" in zh and "暂停" in zh
    en = web.get("/status?lang=en").text
    assert "Bitcoin deposits credited late" in en and "deposits, BTC" in en
    assert "比特币充值延迟到账" not in en


def test_status_puts_an_active_incident_first_and_drops_old_ones(
    web: TestClient, desk: Desk
) -> None:
    now = desk.now()
    desk.platform = MemoryPlatform(
        networks=[AssetNetworkStatus("SOL", "SOL", False, False, Decimal("0.008"),
                                     Decimal("0.1"), Decimal("0.01"), 32, "network_upgrade",
                                     now + timedelta(hours=3))],
        status=PlatformStatus(incidents=(
            Incident("old", "Old outage", "旧故障", "resolved", now - timedelta(days=90),
                     ("trading",), now - timedelta(days=89)),
            Incident("sol", "Solana withdrawals delayed", "Solana 提币延迟", "investigating",
                     now - timedelta(minutes=20), ("withdrawals", "SOL")),
        )),
    )
    page = web.get("/status?lang=en").text
    assert "Solana withdrawals delayed" in page and "Investigating" in page
    assert "Old outage" not in page and "No incidents right now" not in page
    assert (now - timedelta(minutes=20)).strftime("%Y-%m-%d %H:%M UTC") in page
    (row,) = rows(page)
    assert row.count("Suspended") == 2 and "Network upgrade" in row


def test_status_says_plainly_when_the_exchange_does_not_answer(
    web: TestClient, desk: Desk
) -> None:
    desk.platform = Silent()  # type: ignore[assignment]
    for lang, words in (("en", "did not answer"), ("zh", "暂时没有响应")):
        page = web.get(f"/status?lang={lang}")
        assert page.status_code == 200
        assert words in page.text and 'role="alert"' in page.text
        assert "<table" not in page.text
        assert "/articles/info-platform-status" in page.text  # somewhere to go meanwhile


@pytest.mark.parametrize(("value", "status", "words"), [
    ("https://example.com/login", "official", "Official"),
    ("https://examp1e.com/login", "lookalike", "Look-alike"),
    ("CD-7K2M9Q", "not_official", "Not ours"),
])
def test_the_checker_answers_without_script(
    web: TestClient, value: str, status: str, words: str
) -> None:
    api = web.get("/api/v1/verify", params={"value": value}).json()
    assert api["status"] == status
    page = web.get("/security", params={"check": value, "lang": "en"})
    assert page.status_code == 200
    assert f'class="verdict verdict-{status}"' in page.text
    assert f"<strong>{words}" in page.text
    assert api["message_en"].split("\n")[0].replace("'", "&#39;")[:40] in page.text
    linked = web.get("/security", params={"link": value, "lang": "en"}).text
    assert linked.count(f"verdict-{status}\"") == 1 and 'id="link-result"' in linked


def test_a_staff_id_names_the_agent(web: TestClient, desk: Desk) -> None:
    quinn = hire(desk, "quinn", totp=False)
    code = staff_id(quinn.agent)
    page = web.get("/security", params={"check": code, "lang": "zh"}).text
    assert 'verdict verdict-official"' in page and "官方渠道" in page and "Quinn" in page


def test_the_checker_explains_what_it_cannot_read(web: TestClient) -> None:
    page = web.get("/security", params={"check": "hello world", "lang": "en"})
    assert page.status_code == 200
    assert '<p class="error">' in page.text and "verdict verdict-" not in page.text


def test_the_password_form_rates_without_script_and_never_echoes(web: TestClient) -> None:
    weak = web.post("/security/password?lang=en", data={"password": WEAK})
    strong = web.post("/security/password?lang=en", data={"password": STRONG})
    assert weak.status_code == strong.status_code == 200
    assert 'value="0"' in weak.text or 'value="1"' in weak.text
    assert "Too easy to guess" in weak.text
    assert 'value="4"' in strong.text and "Good enough" in strong.text
    for response, secret in ((weak, WEAK), (strong, STRONG)):
        assert secret not in response.text
        assert secret not in str(response.url) and not response.history
        assert all(secret not in v for v in response.headers.values())
        assert response.headers["cache-control"] == "no-store"
    zh = web.post("/security/password?lang=zh", data={"password": WEAK}).text
    assert "太容易被猜到" in zh
    assert "请输入要检测的密码" in web.post("/security/password?lang=zh", data={}).text


def test_the_security_page_links_the_guides_and_loads_its_script(web: TestClient) -> None:
    page = web.get("/security?lang=en").text
    for slug in ("security-2fa-setup", "security-tips", "security-verify-channel"):
        assert f'href="/articles/{slug}"' in page
    assert '<script src="/static/tools.js" defer></script>' in page
    assert '<form method="post" action="/security/password?lang=en"' in page
    assert 'type="password"' in page
    assert web.get("/static/tools.js").status_code == 200
