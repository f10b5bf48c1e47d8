"""Screenshots of the help center, the chat widget, the portal and the agent console.

    .venv/bin/python docs/screenshots/take.py

Seeds the demo exchange (`cryptodesk demo seed`) into a throwaway SQLite database, serves
it on a free port of 127.0.0.1 and drives Debian's chromium with Playwright (apt-get install
chromium fonts-wqy-microhei). The PNGs land beside this file.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import pyotp
import uvicorn
from playwright.sync_api import expect, sync_playwright

from cryptodesk import credentials
from cryptodesk.bootstrap import build
from cryptodesk.config import Settings
from cryptodesk.services import demo
from cryptodesk.web.app import create_app

HERE = Path(__file__).resolve().parent
CACHE = Path(tempfile.gettempdir()) / "cryptodesk-screenshot-cache"  # the built-in model
SECRET = "screenshot-identity-secret-long-enough-to-pass"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


def serve(database_url: str) -> tuple[str, uvicorn.Server]:
    env = {**os.environ, "CRYPTODESK_DATABASE_URL": database_url,
           "CRYPTODESK_IDENTITY_SECRET": SECRET, "CRYPTODESK_CACHE_DIR": str(CACHE)}
    cli = Path(sys.executable).with_name("cryptodesk")
    subprocess.run([str(cli), "demo", "seed"], env=env, check=True, stdout=subprocess.DEVNULL)
    settings = Settings(environment="test", database_url=database_url, identity_secret=SECRET,
                        argon2_time_cost=1, argon2_memory_kib=64, _env_file=None,
                        cache_dir=str(CACHE))
    desk = build(settings)
    desk.intent_model()  # trained (or loaded from the cache) before anyone asks
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    server = uvicorn.Server(uvicorn.Config(create_app(desk), log_level="warning",
                                           lifespan="off", timeout_graceful_shutdown=2))
    threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return f"http://127.0.0.1:{sock.getsockname()[1]}", server


def shot(page: Any, name: str) -> None:
    page.screenshot(path=str(HERE / f"{name}.png"))
    print(HERE / f"{name}.png")


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        base, server = serve(f"sqlite:///{folder}/demo.db")
        lina = next(a for a in demo.DEMO_AGENTS if a.username == "lina")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium",
                                                 headless=True, args=ARGS)
            desktop = {"viewport": {"width": 1280, "height": 800}, "locale": "zh-CN"}
            visitor = browser.new_context(**desktop).new_page()
            visitor.goto(f"{base}/?lang=zh")
            shot(visitor, "helpcenter-zh")
            visitor.goto(f"{base}/articles/deposit-memo-tag?lang=en")
            shot(visitor, "article-en")
            phone = browser.new_context(viewport={"width": 390, "height": 844},
                                        locale="zh-CN", device_scale_factor=1).new_page()
            phone.goto(f"{base}/search?q=充值忘记填标签&lang=zh")
            shot(phone, "search-phone-zh")

            agent = browser.new_context(**desktop).new_page()
            agent.goto(f"{base}/console")
            agent.get_by_label("用户名").fill(lina.username)
            agent.get_by_label("密码").fill(lina.password)
            agent.get_by_label("身份验证器验证码").fill(pyotp.TOTP(lina.totp_secret).now())
            agent.get_by_role("button", name="登录").click()
            expect(agent.locator("#live")).to_have_text("实时更新中")

            visitor.goto(f"{base}/?lang=zh")
            visitor.get_by_role("button", name="在线客服").click()
            visitor.get_by_label("消息").fill("我的USDT提现一直没到账，TRC20 网络，已经一个小时了")
            visitor.get_by_label("消息").press("Enter")
            visitor.get_by_role("button", name="转人工").click()
            row = agent.locator("#rows tr", has_text="我的USDT提现一直没到账")
            expect(row).to_be_visible()
            agent.goto(f"{base}/console?queue=team")
            shot(agent, "console-inbox")
            agent.goto(f"{base}/console?queue=unassigned")
            agent.locator("#rows tr", has_text="我的USDT提现一直没到账").get_by_role("link").click()
            agent.get_by_label("回复内容").fill(
                "您好，TRC20 网络通常 1–3 分钟到账。请提供 TxID，我帮您查一下。")
            agent.get_by_role("button", name="发送回复").click()
            expect(visitor.locator(".msg.from-agent")).to_have_count(1)
            shot(visitor, "widget-zh")
            agent.evaluate("window.scrollTo(0, 0)")
            shot(agent, "console-ticket")

            carol = credentials.sign_identity(SECRET, credentials.CustomerIdentity(
                "demo-carol", int(time.time()) + 3600, None, None, "zh"))
            portal = browser.new_context(**desktop).new_page()
            portal.goto(f"{base}/portal?token={carol}")
            shot(portal, "portal-zh")
            browser.close()
        server.should_exit = True
    return 0


if __name__ == "__main__":
    sys.exit(main())
