"""HttpPlatform's request plumbing, on an in-process transport: backoff, paths, bodies."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone

import httpx
import pytest

from cryptodesk.platform import PlatformUnavailable
from cryptodesk.platform.codec import encode
from cryptodesk.platform.demo_exchange import demo_exchange
from cryptodesk.platform.http import HttpPlatform

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
ACCOUNT = encode(demo_exchange(NOW).account("demo-frank"))


def _client(handler: Callable[[httpx.Request], httpx.Response], pauses: list[float],
            **options: float) -> HttpPlatform:
    settings = {"timeout": 0.2, "retries": 3, "backoff": 0.1, **options}
    return HttpPlatform("https://exchange.example/api/", "s3cret",
                        transport=httpx.MockTransport(handler), sleep=pauses.append,
                        **settings)  # type: ignore[arg-type]


def test_backoff_doubles_between_attempts_and_stops_after_the_retries() -> None:
    requests: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        raise httpx.ConnectError("connection refused", request=request)

    pauses: list[float] = []
    with _client(refuse, pauses) as platform, pytest.raises(
        PlatformUnavailable, match=r"exchange\.example/api: GET .*could not be reached"
    ):
        platform.account("demo-frank")
    assert len(requests) == 4
    assert pauses == [0.1, 0.2, 0.4]


def test_an_answer_at_once_means_no_pause() -> None:
    pauses: list[float] = []
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=ACCOUNT)

    with _client(answer, pauses) as platform:
        assert platform.account("demo-frank").freeze_reason == "unknown_device_login"
    assert pauses == []
    (request,) = seen
    assert str(request.url) == "https://exchange.example/api/v1/customers/demo-frank/account"
    assert request.headers["authorization"] == "Bearer s3cret"
    assert request.headers["accept"] == "application/json"


def test_no_retries_means_one_attempt() -> None:
    def time_out(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    pauses: list[float] = []
    with _client(time_out, pauses, retries=0) as platform, pytest.raises(
        PlatformUnavailable, match=r"timed out after 0.2 s \(1 attempt\)"
    ):
        platform.fee_schedule()
    assert pauses == []


def test_references_are_escaped_in_the_path_and_freezes_carry_utc_times() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=ACCOUNT)

    shanghai = timezone(timedelta(hours=8))
    with _client(answer, []) as platform:
        platform.freeze_account("a b/c", "hacked", NOW.astimezone(shanghai))
    (request,) = seen
    assert request.method == "POST"
    assert request.url.raw_path == b"/api/v1/customers/a%20b%2Fc/freeze"
    assert json.loads(request.content) == {"reason": "hacked", "at": "2026-11-25T09:00:00+00:00"}


def test_settings_that_cannot_work_are_refused() -> None:
    for options in ({"timeout": 0}, {"retries": -1}, {"backoff": -0.1}):
        with pytest.raises(ValueError):
            HttpPlatform("http://127.0.0.1:1", "t", **options)  # type: ignore[arg-type]
