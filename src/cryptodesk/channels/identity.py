"""Who is on the other end of a socket or a portal page, decided exactly as the HTTP API does:
a signed identity token from the exchange, or the visitor token an anonymous chat was given."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from starlette.requests import HTTPConnection

from .. import credentials
from ..bootstrap import Desk
from ..errors import AuthenticationFailed
from ..services import customers as customer_services
from ..services.access import CustomerViewer, Viewer, VisitorViewer

MAX_VISITOR_TOKEN = 128
PORTAL_COOKIE = "cryptodesk_portal"  # the customer portal's copy of the exchange's token


@dataclass(frozen=True)
class Signed:
    """A viewer, and when what vouched for them stops holding (None: never, for visitors)."""

    viewer: Viewer
    expires: datetime | None
    name: str | None = None


def customer(desk: Desk, token: str) -> Signed:
    """Verify the exchange's token and keep the customer record current, as the API does."""
    now = desk.now()
    identity = credentials.verify_identity(
        desk.settings.identity_secret.get_secret_value(), token, now,
        desk.settings.identity_token_max_hours,
    )
    with desk.uow() as uow:
        found = customer_services.from_identity(uow, identity, now)
        uow.commit()
        viewer = CustomerViewer(found.id, found.ref)
        name = found.display_name
    return Signed(viewer, datetime.fromtimestamp(identity.expires, now.tzinfo), name)


def visitor(token: str) -> Signed:
    if not token or len(token) > MAX_VISITOR_TOKEN:
        raise AuthenticationFailed("The visitor token is malformed.", "访客令牌格式错误。",
                                   code="invalid_visitor_token")
    return Signed(VisitorViewer(credentials.token_hash(token)), None)


def signed(desk: Desk, *, token: str | None, visitor_token: str | None) -> Signed:
    if token:
        return customer(desk, token)
    if visitor_token:
        return visitor(visitor_token)
    raise AuthenticationFailed(
        "Sign in through the exchange, or use the visitor token of your chat.",
        "请通过交易所登录，或使用聊天的访客令牌。", code="unauthenticated",
    )


def same_origin(connection: HTTPConnection, public_url: str) -> bool:
    """A form post, cookie write or socket from one of our own pages.

    Browsers name the page a request comes from (Origin, else Referer) and say when it is
    cross-site (Sec-Fetch-Site). A request that names no page is not a browser acting for
    somebody else's site (cookies are SameSite as well). Ours is the host the request reached
    or the desk's public address; hosts are compared because behind a proxy that ends TLS the
    scheme we see is not the browser's.
    """
    headers = connection.headers
    if headers.get("sec-fetch-site") == "cross-site":
        return False
    claimed = headers.get("origin") or headers.get("referer")
    if not claimed:
        return True
    try:
        named = urlsplit(claimed).netloc
    except ValueError:  # an address no browser would send ("http://[::1")
        return False
    ours = {host for host in (headers.get("host"), urlsplit(public_url).netloc) if host}
    return named in ours
