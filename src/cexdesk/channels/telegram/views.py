"""The Bot API webhook: checked against the secret token, stored, answered 200."""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from cexdesk.api.deps import Ctx, DbSession
from cexdesk.channels import inbound
from cexdesk.core.errors import DomainError, Forbidden, NotFound

router = APIRouter(tags=["channels"])

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 (a header name)


async def checked_body(request: Request, context: Ctx) -> bytes:
    """The raw body of a webhook call that carries our secret token.

    A dependency declared before the session, so a forged call never opens a write
    transaction.
    """
    secret = context.settings.telegram_webhook_secret
    if not secret or not context.settings.telegram_bot_token:
        raise NotFound("channel", "telegram")
    given = request.headers.get(SECRET_HEADER, "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        raise Forbidden("missing or wrong Telegram secret token")
    return await request.body()


CheckedBody = Annotated[bytes, Depends(checked_body)]


@router.post("/channels/telegram/webhook")
async def webhook(raw: CheckedBody, session: DbSession) -> dict[str, Any]:
    """One Update from Telegram: stored once per update_id, processed after commit."""
    try:
        update = json.loads(raw)
    except ValueError:
        raise DomainError("the body is not JSON") from None
    update_id = update.get("update_id") if isinstance(update, dict) else None
    if not isinstance(update_id, int) or isinstance(update_id, bool):
        raise DomainError("the body is not a Telegram Update (no integer update_id)")
    stored = await inbound.store(session, "telegram", str(update_id), raw, "application/json")
    return {"ok": True, "payload_id": stored.payload_id, "duplicate": not stored.new}
