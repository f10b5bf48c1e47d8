"""Liveness and readiness for load balancers and orchestrators."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from .deps import DeskDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
def healthz() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz", responses={503: {"description": "the database cannot be reached"}})
def readyz(desk: DeskDep) -> JSONResponse:
    if desk.database.ping():
        return JSONResponse({"status": "ready", "database": "ok"})
    return JSONResponse({"status": "unavailable", "database": "unreachable"}, 503)
