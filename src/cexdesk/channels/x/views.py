"""The Account Activity webhook: CRC challenge answered, deliveries checked and stored.

A delivery can carry several direct messages; each is stored as its own payload (the
event with the users map), keyed by the event id, so each is de-duplicated, processed,
retried and replayed on its own.
"""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request

from cexdesk.api.deps import Ctx, DbSession
from cexdesk.channels import inbound
from cexdesk.channels.x import CHANNEL, signing
from cexdesk.core.errors import DomainError, Forbidden, NotFound

router = APIRouter(tags=["channels"])

SIGNATURE_HEADER = "x-twitter-webhooks-signature"
# Activity that is no conversation and arrives constantly: acknowledged, not stored.
CHATTER = frozenset({"direct_message_indicate_typing_events", "direct_message_mark_read_events"})


def consumer_secret(context: Ctx) -> str:
    secret = context.settings.x_consumer_secret
    if not secret:
        raise NotFound("channel", CHANNEL)
    return secret


ConsumerSecret = Annotated[str, Depends(consumer_secret)]


async def signed_body(request: Request, secret: ConsumerSecret) -> bytes:
    """The raw body of a delivery signed with our consumer secret (before any session)."""
    raw = await request.body()
    if not signing.check(secret, raw, request.headers.get(SIGNATURE_HEADER, "")):
        raise Forbidden("missing or wrong X webhook signature")
    return raw


SignedBody = Annotated[bytes, Depends(signed_body)]


@router.get("/channels/x/webhook")
async def crc(
    secret: ConsumerSecret, crc_token: Annotated[str, Query(min_length=1, max_length=500)]
) -> dict[str, str]:
    """X's challenge-response check, at registration and hourly after."""
    return {"response_token": signing.signature(secret, crc_token.encode())}


def _events(body: dict[str, Any], own_account: str | None) -> list[tuple[str, bytes]]:
    """(source key, raw) per direct message event; the rest of the delivery once."""
    stored: list[tuple[str, bytes]] = []
    for_user = body.get("for_user_id") or own_account
    users = body.get("users") if isinstance(body.get("users"), dict) else {}
    events = body.get("direct_message_events")
    for event in events if isinstance(events, list) else []:
        if not isinstance(event, dict) or not event.get("id"):
            raise DomainError("a direct message event without an id")
        single = {"for_user_id": for_user, "direct_message_events": [event], "users": users}
        stored.append((f"x:{event['id']}", json.dumps(single).encode()))
    rest = {k for k in body if k.endswith("_events")} - CHATTER - {"direct_message_events"}
    if rest:
        # Mentions, follows, likes...: not conversations (yet), but kept so nothing
        # delivered is lost; the parser marks them ignored.
        others = {k: v for k, v in body.items() if k != "direct_message_events"}
        raw = json.dumps(others, sort_keys=True).encode()
        stored.append((f"sha256:{hashlib.sha256(raw).hexdigest()}", raw))
    return stored


@router.post("/channels/x/webhook")
async def webhook(raw: SignedBody, session: DbSession, context: Ctx) -> dict[str, Any]:
    """One Account Activity delivery: each direct message stored once, processed after."""
    try:
        body = json.loads(raw)
    except ValueError:
        raise DomainError("the body is not JSON") from None
    if not isinstance(body, dict):
        raise DomainError("the body is not an Account Activity delivery")
    payload_ids = []
    for key, single in _events(body, context.settings.x_account_id):
        stored = await inbound.store(session, CHANNEL, key, single, "application/json")
        payload_ids.append(stored.payload_id)
    return {"ok": True, "payload_ids": payload_ids}
