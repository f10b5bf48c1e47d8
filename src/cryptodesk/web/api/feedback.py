"""Ratings of resolved tickets and conversation attachments, for customers and agents."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from ...bootstrap import Desk
from ...domain.feedback import MAX_COMMENT_CHARS, MAX_SCORE, MIN_SCORE, Attachment, Rating
from ...errors import InvalidInput, NotFound
from ...i18n import choose_language
from ...services import attachments as attachment_services
from ...services import feedback as feedback_services
from ...services.access import CustomerViewer
from ..deps import CurrentAgent, CurrentCustomer, DeskDep, read, transact
from ..errors import error_body
from ..schemas import MAX_ID, Id, Input, Output
from .responses import FULL, _described

customer_router = APIRouter(prefix="/customer", tags=["customers"], responses=FULL)
router = APIRouter(tags=["feedback"], responses=FULL)
AttachmentId = Annotated[int, Path(ge=1, le=MAX_ID, description="an attachment id")]
FORM_OVERHEAD = 64 * 1024  # multipart boundaries and headers around the file itself
UPLOAD_BODY = {"requestBody": {"required": True, "content": {"multipart/form-data": {"schema": {
    "type": "object", "required": ["file"],
    "properties": {"file": {"type": "string", "format": "binary"}},
}}}}}


class RatingIn(Input):
    score: int = Field(strict=True, ge=MIN_SCORE, le=MAX_SCORE, description="1 (bad) to 5")
    comment: str | None = Field(None, max_length=MAX_COMMENT_CHARS)


class RatingOut(Output):
    ticket_id: int
    score: int
    comment: str
    created_at: datetime
    updated_at: datetime


class TicketRatingOut(BaseModel):
    ticket_id: int
    rating: RatingOut | None = Field(description="null until the customer rates the ticket")


class AttachmentOut(Output):
    id: int
    conversation_id: int
    message_id: int | None
    name: str
    content_type: str
    size: int
    sha256: str
    created_at: datetime


def _rating(ticket_id: int, rating: Rating | None) -> TicketRatingOut:
    return TicketRatingOut(
        ticket_id=ticket_id, rating=RatingOut.model_validate(rating) if rating else None)


@customer_router.post("/tickets/{ticket_id}/rating")
def rate_ticket(
    ticket_id: Id, body: RatingIn, desk: DeskDep, customer: CurrentCustomer
) -> RatingOut:
    """Rate a resolved or closed ticket of one's own; rating again replaces the rating."""
    rating = transact(desk, feedback_services.rate, customer, ticket_id, body.score,
                      body.comment, desk.now())
    return RatingOut.model_validate(rating)


@customer_router.get("/tickets/{ticket_id}/rating")
def my_rating(ticket_id: Id, desk: DeskDep, customer: CurrentCustomer) -> TicketRatingOut:
    return _rating(ticket_id, read(desk, feedback_services.customer_rating, customer, ticket_id))


@router.get("/tickets/{ticket_id}/rating", tags=["tickets"])
def ticket_rating(ticket_id: Id, desk: DeskDep, agent: CurrentAgent) -> TicketRatingOut:
    """The customer's rating of the ticket's resolution, when they gave one."""
    return _rating(ticket_id, read(desk, feedback_services.rating_for_agent, agent, ticket_id))


@customer_router.post(
    "/conversations/{conversation_id}/attachments", status_code=201,
    response_model=AttachmentOut, openapi_extra=UPLOAD_BODY,
    responses={**_described(401, 404, 409, 422), 413: {"description": "The file is too large"}},
)
async def upload(
    conversation_id: Id, request: Request, desk: DeskDep, customer: CurrentCustomer
) -> Any:
    """Attach a PNG, JPEG, PDF or plain-text file (multipart field `file`)."""
    storage = attachment_services.Storage.of(desk.settings)
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > storage.max_bytes + FORM_OVERHEAD:
        return _too_large(request, storage.max_bytes)
    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise InvalidInput("Send the file as multipart/form-data, in a field called “file”.",
                           "请以 multipart/form-data 上传文件，字段名为 “file”。", field="file")
    async with request.form(max_files=1, max_fields=2) as form:
        sent = form.get("file")
        if not isinstance(sent, UploadFile):
            raise InvalidInput("No file was sent in the field “file”.",
                               "未在 “file” 字段中收到文件。", field="file")
        data = await sent.read(storage.max_bytes + 1)
        filename = sent.filename
    try:
        attachment = await run_in_threadpool(
            store, desk, customer, conversation_id, filename, data, storage)
    except attachment_services.FileTooLarge:
        return _too_large(request, storage.max_bytes)
    return AttachmentOut.model_validate(attachment)


def store(desk: Desk, viewer: CustomerViewer, conversation_id: int, filename: str | None,
          data: bytes, storage: attachment_services.Storage) -> Attachment:
    """Keep the file, or refuse it; a secret in it still warns the customer and the team."""
    try:
        return transact(desk, attachment_services.add, viewer, conversation_id,
                        filename=filename, data=data, storage=storage, now=desk.now())
    except attachment_services.SecretInFile as refused:
        transact(desk, attachment_services.warn_secret, viewer, conversation_id, refused.kinds,
                 desk.now())
        raise


def _too_large(request: Request, max_bytes: int) -> JSONResponse:
    refused = attachment_services.too_large(max_bytes)
    language = choose_language(request.headers.get("accept-language"))
    return JSONResponse(error_body(refused.code, refused.message(language), refused.field), 413)


def download(desk: Desk, attachment: Attachment) -> Response:
    """The file as a download the browser will neither sniff nor render in our origin."""
    path = attachment_services.Storage.of(desk.settings).path(attachment)
    if not path.is_file():
        raise NotFound("The file is no longer stored.", "该文件已不在存储中。",
                       value=attachment.id)
    return FileResponse(
        path, media_type=attachment.content_type, filename=attachment.name,
        content_disposition_type="attachment",
        headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-store",
                 "Content-Security-Policy": "default-src 'none'; sandbox"},
    )


@customer_router.get("/attachments/{attachment_id}", response_class=FileResponse)
def customer_download(
    attachment_id: AttachmentId, desk: DeskDep, customer: CurrentCustomer
) -> Response:
    return download(desk, read(desk, attachment_services.for_customer, customer, attachment_id))


@router.get("/attachments/{attachment_id}", response_class=FileResponse)
def agent_download(attachment_id: AttachmentId, desk: DeskDep, agent: CurrentAgent) -> Response:
    return download(desk, read(desk, attachment_services.for_agent, agent, attachment_id))
