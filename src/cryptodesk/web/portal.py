"""The customer portal: a signed-in customer's own conversations and tickets, and replies.

The exchange links here with `?token=<identity token>`; the token moves into an HttpOnly
cookie (SameSite=Lax, no longer than the token lives) and out of the address bar. Every read
goes through the same loaders as the customer API, so another customer's things are simply
not found.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ..bootstrap import Desk
from ..channels import identity
from ..domain.cases import Case
from ..domain.conversations import Conversation, ConversationState
from ..domain.customers import Customer
from ..domain.feedback import RATEABLE, Attachment, Rating
from ..domain.tickets import Ticket
from ..errors import AuthenticationFailed, CryptodeskError, NotFound
from ..services import attachments as attachment_services
from ..services import cases as case_services
from ..services import conversations as conversation_services
from ..services import customer_view
from ..services import feedback as feedback_services
from ..services.access import CustomerViewer, access_conversation, access_customer_ticket
from ..store.unit_of_work import UnitOfWork
from .api.feedback import FORM_OVERHEAD, download, store
from .deps import DeskDep, read, respond_after_store, transact
from .errors import STATUS
from .rendering import page_language, redirect, render
from .schemas import Id

log = logging.getLogger("cryptodesk.web")
router = APIRouter(prefix="/portal", include_in_schema=False)
LIST_SIZE = 50


def portal_customer(request: Request, desk: Desk) -> identity.Signed | None:
    token = request.cookies.get(identity.PORTAL_COOKIE)
    if not token:
        return None
    try:
        return identity.customer(desk, token)
    except AuthenticationFailed:
        return None


def portal_viewer(request: Request, desk: Desk) -> CustomerViewer | None:
    """The signed-in customer of a portal page, or None (the page then asks them to sign in)."""
    signed = portal_customer(request, desk)
    if signed is None:
        return None
    assert isinstance(signed.viewer, CustomerViewer)
    return signed.viewer


def signin_page(request: Request, error: str | None = None) -> HTMLResponse:
    return render(request, "portal_signin.html", {"error": error}, status_code=401,
                  private=True)


def missing(request: Request) -> HTMLResponse:
    return render(request, "not_found.html", status_code=404, private=True)


@dataclass(frozen=True)
class Overview:
    customer: Customer | None
    conversations: list[Conversation]
    tickets: list[Ticket]
    cases: list[Case]


def _overview(uow: UnitOfWork, viewer: CustomerViewer) -> Overview:
    return Overview(
        uow.customers.get(viewer.customer_id),
        customer_view.conversations(uow, viewer, 1, LIST_SIZE).items,
        customer_view.tickets(uow, viewer, 1, LIST_SIZE).items,
        case_services.customer_cases(uow, viewer, 1, LIST_SIZE).items,
    )


@router.get("", response_class=HTMLResponse)
def home(request: Request, desk: DeskDep, token: str | None = None) -> Response:
    if token:
        return _sign_in(request, desk, token)
    signed = portal_customer(request, desk)
    if signed is None:
        return signin_page(request)
    assert isinstance(signed.viewer, CustomerViewer)
    overview = read(desk, _overview, signed.viewer)
    return render(request, "portal_home.html", {"o": overview, "name": signed.name},
                  private=True)


def _sign_in(request: Request, desk: Desk, token: str) -> Response:
    try:
        signed = identity.customer(desk, token[:4096])
    except AuthenticationFailed as refused:
        return signin_page(request, refused.message(page_language(request)))
    response = redirect("/portal")
    assert signed.expires is not None
    seconds = int((signed.expires - desk.now()).total_seconds())
    response.set_cookie(identity.PORTAL_COOKIE, token, max_age=max(seconds, 1), httponly=True,
                        samesite="lax", path="/",
                        secure=desk.settings.public_url.startswith("https"))
    return response


@router.post("/logout")
def logout() -> Response:
    response = redirect("/")
    response.delete_cookie(identity.PORTAL_COOKIE, path="/")
    return response


@dataclass(frozen=True)
class Csat:
    """A ticket's rating form: shown once the ticket is resolved or closed."""

    ticket: Ticket
    rating: Rating | None

    @property
    def open(self) -> bool:
        return self.ticket.status in RATEABLE


def _csat(uow: UnitOfWork, viewer: CustomerViewer, ticket_id: int | None) -> Csat | None:
    if ticket_id is None:
        return None
    ticket = access_customer_ticket(uow, viewer, ticket_id)
    return Csat(ticket, uow.feedback.rating_for(ticket.id))


def _files(uow: UnitOfWork, viewer: CustomerViewer, conversation_id: int) -> list[Attachment]:
    access_conversation(uow, viewer, conversation_id)
    return attachment_services.of_conversations(uow, [conversation_id])


def _thread_context(desk: Desk, viewer: CustomerViewer, conversation_id: int) -> dict:
    view = read(desk, customer_view.conversation, viewer, conversation_id)
    return {"c": view.conversation, "messages": view.messages, "ticket_id": view.ticket_id,
            "closed": view.conversation.state is ConversationState.CLOSED,
            "client_id": secrets.token_urlsafe(12)}


@router.get("/conversations/{conversation_id}", response_class=HTMLResponse)
def conversation(request: Request, desk: DeskDep, conversation_id: Id) -> Response:
    viewer = portal_viewer(request, desk)
    if viewer is None:
        return signin_page(request)
    return _conversation_page(request, desk, viewer, conversation_id)


def _conversation_page(request: Request, desk: Desk, viewer: CustomerViewer, conversation_id: int,
                       error: str | None = None, status_code: int = 200) -> Response:
    try:
        context = _thread_context(desk, viewer, conversation_id)
        csat = read(desk, _csat, viewer, context["ticket_id"])
        files = read(desk, _files, viewer, conversation_id)
    except NotFound:
        return missing(request)
    return render(request, "portal_conversation.html", {
        **context, "error": error, "csat": csat, "files": files,
        "done": request.query_params.get("done"),
        "max_mb": f"{desk.settings.attachment_max_bytes / (1024 * 1024):.0f}",
    }, status_code=status_code, private=True)


@router.get("/conversations/{conversation_id}/thread", response_class=HTMLResponse)
def thread(request: Request, desk: DeskDep, conversation_id: Id) -> Response:
    """The messages alone, fetched again when the live line says something arrived."""
    viewer = portal_viewer(request, desk)
    if viewer is None:
        return signin_page(request)
    try:
        context = _thread_context(desk, viewer, conversation_id)
    except NotFound:
        return missing(request)
    return render(request, "_public_thread.html", context, private=True)


@router.post("/conversations/{conversation_id}/messages", response_class=HTMLResponse)
def reply(
    request: Request, desk: DeskDep, conversation_id: Id,
    body: Annotated[str, Form(max_length=20_000)] = "",
    client_message_id: Annotated[str | None, Form(max_length=64)] = None,
) -> Response:
    viewer = portal_viewer(request, desk)
    if viewer is None or not identity.same_origin(request, desk.settings.public_url):
        return signin_page(request)

    def run(uow: UnitOfWork) -> conversation_services.Receipt:
        found = access_conversation(uow, viewer, conversation_id)
        return conversation_services.receive_message(
            uow, viewer, found, body, now=desk.now(), client_message_id=client_message_id or None)

    try:
        receipt = transact(desk, run)
    except NotFound:
        return missing(request)
    except CryptodeskError as refused:
        status = next((code for kind, code in STATUS if isinstance(refused, kind)), 422)
        return _conversation_page(request, desk, viewer, conversation_id,
                                  error=refused.message(page_language(request)),
                                  status_code=status)
    if receipt.created:
        respond_after_store(desk, viewer, conversation_id, receipt.message.id)
    return redirect(f"/portal/conversations/{conversation_id}#latest")


@router.get("/tickets/{ticket_id}", response_class=HTMLResponse)
def ticket(request: Request, desk: DeskDep, ticket_id: Id) -> Response:
    viewer = portal_viewer(request, desk)
    if viewer is None:
        return signin_page(request)
    return _ticket_page(request, desk, viewer, ticket_id)


def _ticket_page(request: Request, desk: Desk, viewer: CustomerViewer, ticket_id: int,
                 error: str | None = None, status_code: int = 200) -> Response:
    try:
        found, messages = read(desk, customer_view.ticket, viewer, ticket_id)
        csat = read(desk, _csat, viewer, ticket_id)
    except NotFound:
        return missing(request)
    return render(request, "portal_ticket.html", {
        "t": found, "messages": messages, "csat": csat, "error": error,
        "rated": request.query_params.get("rated") == "1",
    }, status_code=status_code, private=True)


def _refusal(request: Request, refused: CryptodeskError) -> tuple[str, int]:
    status = next((code for kind, code in STATUS if isinstance(refused, kind)), 422)
    return refused.message(page_language(request)), status


@router.post("/tickets/{ticket_id}/rating", response_class=HTMLResponse)
def rate(
    request: Request, desk: DeskDep, ticket_id: Id,
    score: Annotated[str, Form(max_length=4)] = "",
    comment: Annotated[str, Form(max_length=4_000)] = "",
) -> Response:
    viewer = portal_viewer(request, desk)
    if viewer is None or not identity.same_origin(request, desk.settings.public_url):
        return signin_page(request)
    value: object = int(score) if score.strip().isdigit() else score
    try:
        transact(desk, feedback_services.rate, viewer, ticket_id, value, comment, desk.now())
    except NotFound:
        return missing(request)
    except CryptodeskError as refused:
        message, status = _refusal(request, refused)
        return _ticket_page(request, desk, viewer, ticket_id, error=message, status_code=status)
    return redirect(f"/portal/tickets/{ticket_id}?rated=1#rating")


@router.post("/conversations/{conversation_id}/attachments", response_class=HTMLResponse)
async def attach(request: Request, desk: DeskDep, conversation_id: Id) -> Response:
    viewer = await run_in_threadpool(portal_viewer, request, desk)
    if viewer is None or not identity.same_origin(request, desk.settings.public_url):
        return await run_in_threadpool(signin_page, request)
    storage = attachment_services.Storage.of(desk.settings)
    length = request.headers.get("content-length", "")
    try:
        if length.isdigit() and int(length) > storage.max_bytes + FORM_OVERHEAD:
            raise attachment_services.too_large(storage.max_bytes)
        async with request.form(max_files=1, max_fields=2) as form:
            sent = form.get("file")
            data = await sent.read(storage.max_bytes + 1) if isinstance(sent, UploadFile) else b""
            filename = sent.filename if isinstance(sent, UploadFile) else None
        await run_in_threadpool(store, desk, viewer, conversation_id, filename, data, storage)
    except NotFound:
        return await run_in_threadpool(missing, request)
    except CryptodeskError as refused:
        message, status = _refusal(request, refused)
        if isinstance(refused, attachment_services.FileTooLarge):
            status = 413
        return await run_in_threadpool(_conversation_page, request, desk, viewer,
                                       conversation_id, message, status)
    return redirect(f"/portal/conversations/{conversation_id}?done=attached#files")


@router.get("/attachments/{attachment_id}")
def attachment(request: Request, desk: DeskDep, attachment_id: Id) -> Response:
    """One of the customer's own files, as a download."""
    viewer = portal_viewer(request, desk)
    if viewer is None:
        return signin_page(request)
    try:
        return download(desk, read(desk, attachment_services.for_customer, viewer,
                                   attachment_id))
    except NotFound:
        return missing(request)
