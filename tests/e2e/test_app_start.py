"""Starting the app prepares the built-in intent model in the background."""

from __future__ import annotations

import dataclasses
import threading

from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk
from cryptodesk.web.app import create_app


def test_startup_prepares_the_model_without_holding_requests_back(desk: Desk) -> None:
    asked = threading.Event()
    release = threading.Event()

    def slow_model() -> object:
        asked.set()
        release.wait(10)  # training on a fresh host takes a while
        raise RuntimeError("no model in this test")  # logged; the first question retries

    app = create_app(dataclasses.replace(desk, intent_model=slow_model))
    with TestClient(app) as client:
        assert asked.wait(10), "startup did not begin preparing the intent model"
        assert client.get("/healthz").status_code == 200  # answered while it still trains
        release.set()
