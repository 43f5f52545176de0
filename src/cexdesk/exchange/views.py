"""The webhook the exchange back office reports events to (signed, de-duplicated)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import ValidationError

from cexdesk.api.deps import Ctx, DbSession
from cexdesk.core.errors import Invalid, Unauthorized
from cexdesk.exchange import flows
from cexdesk.exchange.schemas import ExchangeEventAck, ExchangeEventIn
from cexdesk.exchange.signing import SIGNATURE_HEADER, BadSignature, canonical, verify

router = APIRouter(tags=["exchange"])


@router.post("/exchange/events", response_model=ExchangeEventAck)
async def receive_event(request: Request, session: DbSession, context: Ctx) -> ExchangeEventAck:
    """Deposits seen on chain, withdrawal requests, security changes and sign-ins."""
    body = await request.body()
    try:
        verify(
            context.settings.exchange_token_key,
            request.headers.get(SIGNATURE_HEADER),
            canonical("POST", request.url.path, body),
            context.clock.now(),
        )
    except BadSignature as error:
        raise Unauthorized(str(error)) from None
    try:
        report = ExchangeEventIn.model_validate_json(body)
    except ValidationError as error:
        first = error.errors()[0]
        raise Invalid(".".join(str(p) for p in first["loc"]) or "body", first["msg"]) from None
    fresh = await flows.receive_event(session, report)
    return ExchangeEventAck(id=report.id, duplicate=not fresh)
