"""The versioned REST API under /api/v1."""

from fastapi import APIRouter

from . import auth, customer, tickets

router = APIRouter(prefix="/api/v1")
router.include_router(auth.router)
router.include_router(tickets.router)
router.include_router(customer.router)
