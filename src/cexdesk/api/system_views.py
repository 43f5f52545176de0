"""Health and readiness; the outbox dead-letter list lives with admin routes."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import text

from cexdesk.api.deps import CurrentPrincipal, ReadSession

router = APIRouter(tags=["system"])


@router.get("/health")
async def health(session: ReadSession) -> dict[str, str]:
    await session.execute(text("SELECT 1"))
    return {"status": "ok"}


@router.get("/me")
async def me(principal: CurrentPrincipal) -> dict[str, object]:
    """Who the caller is, as cexdesk sees them."""
    return {
        "kind": principal.kind,
        "id": principal.id,
        "role": principal.role.value,
        "display_name": principal.display_name,
    }
