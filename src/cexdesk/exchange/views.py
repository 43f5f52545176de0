"""The webhook the exchange back office reports events to (signed, de-duplicated)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from cexdesk.api.deps import Ctx, DbSession
from cexdesk.exchange import flows
from cexdesk.exchange.schemas import ExchangeEventAck, ExchangeEventIn
from cexdesk.exchange.service import read_signed

router = APIRouter(tags=["exchange"])


@router.post("/exchange/events", response_model=ExchangeEventAck)
async def receive_event(request: Request, session: DbSession, context: Ctx) -> ExchangeEventAck:
    """Deposits seen on chain, withdrawal requests, security changes and sign-ins."""
    report = await read_signed(
        request, context.settings.exchange_token_key, context.clock.now(), ExchangeEventIn
    )
    fresh = await flows.receive_event(session, report)
    return ExchangeEventAck(id=report.id, duplicate=not fresh)
