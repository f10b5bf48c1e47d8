"""Inbound customer messages per second through the ASGI app, on SQLite and PostgreSQL.

Each request is the real thing: a signed identity token checked, the message validated, stored
and committed, then acknowledged. Figures are printed beside a baseline measured in the same
process (GET /healthz, which touches no database), so the ratio says what storage costs.

    .venv/bin/python bench/api_messages.py [--messages 2000] [--concurrency 8]
        [--postgres URL | --no-postgres] [--responder human|bot]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from contextlib import ExitStack
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from cryptodesk import credentials  # noqa: E402
from cryptodesk.bootstrap import build  # noqa: E402
from cryptodesk.config import Settings  # noqa: E402
from cryptodesk.web.app import create_app  # noqa: E402

SECRET = "bench-identity-secret-bench-identity-secret"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def _drive(app, requests: list[tuple[str, str, dict | None, dict]], concurrency: int):
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    gate = asyncio.Semaphore(concurrency)
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:

        async def one(method: str, url: str, body: dict | None, headers: dict) -> None:
            async with gate:
                start = time.perf_counter()
                response = await client.request(method, url, json=body, headers=headers)
                latencies.append(time.perf_counter() - start)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        start = time.perf_counter()
        await asyncio.gather(*(one(*r) for r in requests))
        elapsed = time.perf_counter() - start
    return elapsed, latencies, statuses


def run(label: str, url: str, messages: int, concurrency: int, responder: str) -> None:
    settings = Settings(environment="test", database_url=url, identity_secret=SECRET,
                        responder=responder, _env_file=None)
    desk = build(settings)
    desk.database.upgrade()
    app = create_app(desk)
    customers = 50
    expires = int(datetime.now(UTC).timestamp()) + 3600
    tokens = [credentials.sign_identity(SECRET, credentials.CustomerIdentity(f"bench-{i}", expires))
              for i in range(customers)]
    headers = [{"Authorization": f"Bearer {t}"} for t in tokens]
    opened = asyncio.run(_open(app, headers))
    requests = [
        ("POST", f"/api/v1/customer/conversations/{opened[i % customers]}/messages",
         {"body": f"USDT提现一直pending, attempt {i}", "client_message_id": f"m-{i}"},
         headers[i % customers])
        for i in range(messages)
    ]
    baseline = [("GET", "/healthz", None, {}) for _ in range(messages)]
    base_elapsed, base_lat, _ = asyncio.run(_drive(app, baseline, concurrency))
    elapsed, latencies, statuses = asyncio.run(_drive(app, requests, concurrency))
    retried, _, retry_status = asyncio.run(_drive(app, requests[:200], concurrency))
    desk.database.dispose()
    rate, base_rate = messages / elapsed, messages / base_elapsed
    print(f"\n{label}: {messages} messages, concurrency {concurrency}, responder {responder}, "
          f"statuses {statuses}")
    print(f"  stored+acknowledged  {rate:8.1f} msg/s   {_spread(latencies)}")
    print(f"  baseline /healthz    {base_rate:8.1f} req/s   {_spread(base_lat)}")
    print(f"  ratio to baseline    {rate / base_rate:8.3f}")
    print(f"  idempotent retries   {200 / retried:8.1f} msg/s   statuses {retry_status}")


def _spread(latencies: list[float]) -> str:
    p50, p99 = statistics.median(latencies), percentile(latencies, 0.99)
    return f"p50 {1000 * p50:6.1f} ms   p99 {1000 * p99:6.1f} ms"


async def _open(app, headers: list[dict]) -> list[int]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
        ids = []
        for h in headers:
            response = await client.post("/api/v1/customer/conversations", headers=h,
                                         json={"body": "hello", "channel": "chat"})
            response.raise_for_status()
            ids.append(response.json()["id"])
        return ids


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--postgres", help="a PostgreSQL URL; default: a throwaway cluster")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--responder", choices=("human", "bot"), default="human",
                        help="human: storage and hand-off only; bot: the answer engine replies")
    args = parser.parse_args()
    with ExitStack() as stack:
        folder = stack.enter_context(tempfile.TemporaryDirectory())
        run("SQLite", f"sqlite:///{folder}/bench.db", args.messages, args.concurrency,
            args.responder)
        if args.no_postgres:
            return
        url = args.postgres
        if url is None:
            from tests.support import postgres

            bin_dir = postgres.find_binaries()
            if bin_dir is None:
                print("\nPostgreSQL: skipped (initdb/pg_ctl not found; pass --postgres URL)")
                return
            url = stack.enter_context(postgres.cluster(bin_dir))
        run("PostgreSQL", url, args.messages, args.concurrency, args.responder)


if __name__ == "__main__":
    main()
