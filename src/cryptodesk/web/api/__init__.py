"""The versioned REST API under /api/v1."""

from fastapi import APIRouter

from . import (
    announcements,
    auth,
    canned,
    cases,
    channels,
    customer,
    feedback,
    help_tools,
    knowledge,
    queue,
    tickets,
)

router = APIRouter(prefix="/api/v1")
router.include_router(auth.router)
router.include_router(tickets.router)
router.include_router(customer.router)
router.include_router(queue.router)
router.include_router(cases.router)
router.include_router(cases.customer_router)
router.include_router(knowledge.router)
router.include_router(help_tools.router)
router.include_router(channels.router)
router.include_router(feedback.router)
router.include_router(feedback.customer_router)
router.include_router(canned.router)
router.include_router(announcements.router)
