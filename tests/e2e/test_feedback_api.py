"""Ratings and attachments over HTTP: only one's own, only when allowed, checked by content."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from cryptodesk.bootstrap import Desk, build
from cryptodesk.web.pages import STATIC_DIR

from ..conftest import make_settings
from ..support.clock import Clock
from ..support.stories import CustomerStory, customer, hire

SEED = "abandon " * 11 + "about"
MAX_BYTES = 64 * 1024
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
PDF = b"%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n"


@pytest.fixture
def files_dir(tmp_path: Path) -> Path:
    return tmp_path / "attachments"


@pytest.fixture
def desk(db_url: str, clock: Clock, files_dir: Path) -> Iterator[Desk]:
    built = build(make_settings(db_url, attachment_dir=str(files_dir),
                                attachment_max_bytes=MAX_BYTES), clock=clock)
    yield built
    built.database.dispose()


def resolve(client: TestClient, agent: dict[str, str], ticket_id: int) -> None:
    answer = client.post(f"/api/v1/tickets/{ticket_id}/status", headers=agent,
                         json={"status": "resolved"})
    assert answer.status_code == 200, answer.text


def rate(client: TestClient, who: CustomerStory, ticket_id: int, body: object):
    return client.post(f"/api/v1/customer/tickets/{ticket_id}/rating", headers=who.headers,
                       json=body)


def test_a_customer_rates_their_resolved_ticket_once_and_agents_see_it(
    client: TestClient, desk: Desk
) -> None:
    agent = hire(desk, "sam").login(client)
    alice, mallory = customer(desk, "demo-alice"), customer(desk, "mallory")
    ticket_id = alice.open_chat(client, "my withdrawal is late")["ticket_id"]

    early = rate(client, alice, ticket_id, {"score": 5})
    assert early.status_code == 409 and early.json()["error"]["code"] == "not_resolved"
    resolve(client, agent, ticket_id)
    for bad in ({"score": 0}, {"score": 6}, {"score": "5"}, {"score": True}, {"score": 4.5},
                {"score": 4, "comment": "x" * 2001}, {"score": 4, "extra": 1}, {}):
        refused = rate(client, alice, ticket_id, bad)
        assert refused.status_code == 422, bad
        assert refused.json()["error"]["code"] == "invalid_input"
    stranger = rate(client, mallory, ticket_id, {"score": 1})
    assert stranger.status_code == 404
    assert client.get(f"/api/v1/tickets/{ticket_id}/rating", headers=agent).json()[
        "rating"] is None

    first = rate(client, alice, ticket_id, {"score": 4, "comment": f"quick, thanks {SEED}"})
    assert first.status_code == 200, first.text
    assert first.json()["score"] == 4
    assert "abandon" not in first.json()["comment"] and "quick, thanks" in first.json()["comment"]
    again = rate(client, alice, ticket_id, {"score": 2, "comment": "it came back wrong"})
    assert again.status_code == 200

    seen = client.get(f"/api/v1/tickets/{ticket_id}/rating", headers=agent).json()
    assert seen["rating"]["score"] == 2 and seen["rating"]["comment"] == "it came back wrong"
    events = client.get(f"/api/v1/tickets/{ticket_id}", headers=agent).json()["events"]
    kinds = [(e["kind"], e["before"], e["after"]) for e in events if "rat" in e["kind"]]
    assert kinds == [("ticket.rated", None, {"score": 4}),
                     ("ticket.rating_changed", {"score": 4}, {"score": 2})]
    assert client.get(f"/api/v1/customer/tickets/{ticket_id}/rating",
                      headers=mallory.headers).status_code == 404


def upload(client: TestClient, who: CustomerStory, conversation_id: int, name: str,
           data: bytes, claimed: str = "image/png"):
    return client.post(f"/api/v1/customer/conversations/{conversation_id}/attachments",
                       headers=who.headers, files={"file": (name, data, claimed)})


def test_a_png_is_kept_outside_static_and_only_its_owner_and_agents_get_it(
    client: TestClient, desk: Desk, files_dir: Path
) -> None:
    agent = hire(desk, "sam").login(client)
    alice, mallory = customer(desk, "demo-alice"), customer(desk, "mallory")
    opened = alice.open_chat(client, "here is my screenshot")
    stored = upload(client, alice, opened["id"], "../../etc/screen shot.png", PNG,
                    claimed="application/x-msdownload")
    assert stored.status_code == 201, stored.text
    out = stored.json()
    assert out["content_type"] == "image/png" and out["size"] == len(PNG)
    assert out["sha256"] == hashlib.sha256(PNG).hexdigest()
    assert out["name"] == "screen shot.png"

    on_disk = list(files_dir.iterdir())
    assert len(on_disk) == 1 and on_disk[0].read_bytes() == PNG
    assert "screen" not in on_disk[0].name and ".png" not in on_disk[0].name
    assert len(on_disk[0].name) == 32
    assert not on_disk[0].resolve().is_relative_to(STATIC_DIR.resolve())

    thread = client.get(f"/api/v1/customer/conversations/{opened['id']}",
                        headers=alice.headers).json()["messages"]
    listed = [m for m in thread if m["data"] and "attachment" in m["data"]]
    assert listed[0]["data"]["attachment"]["id"] == out["id"]
    assert listed[0]["author"] == "customer"

    for path, headers in ((f"/api/v1/customer/attachments/{out['id']}", alice.headers),
                          (f"/api/v1/attachments/{out['id']}", agent)):
        got = client.get(path, headers=headers)
        assert got.status_code == 200 and got.content == PNG
        assert got.headers["content-disposition"].startswith("attachment;")
        assert got.headers["x-content-type-options"] == "nosniff"
        assert got.headers["content-type"] == "image/png"
    hidden = client.get(f"/api/v1/customer/attachments/{out['id']}", headers=mallory.headers)
    assert hidden.status_code == 404 and hidden.json()["error"]["code"] == "not_found"
    theirs = mallory.open_chat(client, "mallory's chat")
    assert upload(client, alice, theirs["id"], "x.png", PNG).status_code == 404


@pytest.mark.parametrize(("name", "data", "claimed"), [
    ("invoice.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 64, "application/pdf"),
    ("photo.png", b"<html><script>alert(1)</script></html>", "image/png"),
    ("notes.txt", b"\x00\x01\x02binary", "text/plain"),
    ("image.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "image/png"),
])
def test_a_disguised_file_is_refused_whatever_it_claims(
    client: TestClient, desk: Desk, files_dir: Path, name: str, data: bytes, claimed: str
) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "a file")
    refused = upload(client, alice, opened["id"], name, data, claimed)
    assert refused.status_code == 422
    assert refused.json()["error"]["code"] == "unsupported_file_type"
    assert not files_dir.exists() or list(files_dir.iterdir()) == []


def test_pdf_and_text_are_accepted_but_too_large_is_413(
    client: TestClient, desk: Desk, files_dir: Path
) -> None:
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "files")
    assert upload(client, alice, opened["id"], "a.pdf", PDF).json()["content_type"] == \
        "application/pdf"
    text = upload(client, alice, opened["id"], "tx.txt", "提现单号 W-1 未到账\n".encode())
    assert text.json()["content_type"] == "text/plain"
    big = upload(client, alice, opened["id"], "big.png", PNG + b"\x00" * MAX_BYTES)
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    huge = upload(client, alice, opened["id"], "huge.png", PNG + b"\x00" * (MAX_BYTES * 3))
    assert huge.status_code == 413
    assert len(list(files_dir.iterdir())) == 2
    as_json = client.post(f"/api/v1/customer/conversations/{opened['id']}/attachments",
                          headers=alice.headers, json={"file": "x"})
    assert as_json.status_code == 422 and as_json.json()["error"]["field"] == "file"


def test_a_text_file_with_a_seed_phrase_is_refused_with_the_warning(
    client: TestClient, desk: Desk, files_dir: Path
) -> None:
    agent = hire(desk, "sam").login(client)
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "my wallet backup")
    refused = upload(client, alice, opened["id"], "backup.txt",
                     f"my words: {SEED}\n".encode(), "text/plain")
    assert refused.status_code == 422
    error = refused.json()["error"]
    assert error["code"] == "secret_in_file" and "seed phrase" in error["message"].lower()
    assert not files_dir.exists() or list(files_dir.iterdir()) == []
    thread = client.get(f"/api/v1/customer/conversations/{opened['id']}",
                        headers=alice.headers).json()["messages"]
    assert any(m["data"] == {"shield": "secret_warning"} for m in thread)
    assert all("abandon" not in m["body"] for m in thread)
    ticket = client.get(f"/api/v1/tickets/{opened['ticket_id']}", headers=agent).json()
    assert "secret-redacted" in ticket["tags"]


def test_the_portal_rates_and_attaches_through_its_forms(
    client: TestClient, desk: Desk, files_dir: Path
) -> None:
    agent = hire(desk, "sam").login(client)
    alice = customer(desk, "demo-alice")
    opened = alice.open_chat(client, "portal forms")
    ticket = f"/portal/tickets/{opened['ticket_id']}"
    client.cookies.clear()
    client.get("/portal", params={"token": alice.token}, follow_redirects=False)
    assert 'role="radiogroup"' not in client.get(ticket).text  # not resolved yet
    early = client.post(f"{ticket}/rating", data={"score": "5"}, follow_redirects=False)
    assert early.status_code == 409 and 'role="alert"' in early.text

    resolve(client, agent, opened["ticket_id"])
    form = client.get(ticket).text
    assert form.count('type="radio" name="score"') == 5 and 'role="radiogroup"' in form
    assert client.post(f"{ticket}/rating", data={"score": "9"}).status_code == 422
    done = client.post(f"{ticket}/rating", data={"score": "5", "comment": "great"},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"].endswith("?rated=1#rating")
    assert 'value="5" required checked' in client.get(ticket).text

    page = f"/portal/conversations/{opened['id']}"
    attached = client.post(f"{page}/attachments", files={"file": ("s.png", PNG, "image/png")},
                           follow_redirects=False)
    assert attached.status_code == 303
    link = re.search(r'href="(/portal/attachments/\d+)"', client.get(page).text)
    assert link and client.get(link.group(1)).content == PNG
    fake = client.post(f"{page}/attachments", files={"file": ("a.png", b"MZ\x90", "image/png")})
    assert fake.status_code == 422 and 'role="alert"' in fake.text
    forged = client.post(f"{page}/attachments", files={"file": ("s.png", PNG, "image/png")},
                         headers={"Origin": "https://evil.example"})
    assert forged.status_code == 401
    assert len(list(files_dir.iterdir())) == 1
