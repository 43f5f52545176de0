"""The telephony provider's webhook, and calls agents log by hand.

Wire format (provider-neutral, modelled on Twilio's and Vonage's status callbacks):
one JSON object per event, ``POST /api/v1/channels/phone/events``::

    {
      "id": "evt_9f2c0a61",                 # the provider's delivery id (informational)
      "event": "call.ringing",              # see below
      "sequence": 1,                        # per call, increases with each event
      "occurred_at": "2024-05-01T08:30:00Z",
      "call": {
        "id": "CA5e1f7c2d",                 # the provider's call id (Twilio CallSid, Vonage uuid)
        "direction": "inbound",             # inbound (customer called us) | outbound
        "from": "+84901234567",             # E.164; the customer's number when inbound
        "to": "+442071234567",              # E.164; the customer's number when outbound
        "caller_name": "NGUYEN VAN AN"      # caller-id name (CNAM), optional
      },
      "data": { ... }                       # per event:
    }

    call.ringing                  {}
    call.answered                 {"agent": {"extension": "1042", "email": "tom@cexdesk.test"}}
    call.ended                    {"duration_seconds": 252,
                                   "disposition": "completed"}   # | no-answer | busy |
                                                                 #   failed | canceled | voicemail
    call.recording_available      {"recording": {"url": "https://…/RE1.mp3",
                                                 "duration_seconds": 250, "format": "mp3"}}
    call.transcript_available     {"transcript": {"text": "…", "language": "vi",
                                                  "confidence": 0.91}}

Other events (``call.queued``, ``call.dtmf``…) are stored and ignored.

Signing: ``X-Timestamp: <unix seconds>`` and ``X-Signature: sha256=<hex>``, the hex
HMAC-SHA256 under ``phone_webhook_secret`` of ``<timestamp>.<raw body>`` — the
timestamp is signed with the body (as Stripe and Slack do), so a captured request
cannot be replayed later under a fresh timestamp. A timestamp more than five minutes
away from our clock, a missing or wrong signature is a 403 and nothing is stored.
Each event is stored once per ``<call_id>:<event>:<sequence>`` (the provider retries
until it gets a 2xx) and answered 200; phone is off (404) until the secret is set.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request

from cexdesk.agents.flows import actor_for
from cexdesk.api.deps import Ctx, CurrentStaff, DbSession
from cexdesk.api.schemas import PathId
from cexdesk.channels import inbound
from cexdesk.channels.phone.flows import log_call as write_up_call
from cexdesk.channels.phone.parse import CHANNEL, source_key
from cexdesk.channels.phone.schemas import CallLog, CallLogged
from cexdesk.core.auth import Perm
from cexdesk.core.errors import DomainError, Forbidden, NotFound

router = APIRouter(tags=["channels"])

SIGNATURE_HEADER = "X-Signature"
TIMESTAMP_HEADER = "X-Timestamp"
MAX_SKEW_SECONDS = 300


def signature(secret: str, timestamp: str, raw: bytes) -> str:
    """What the provider puts in ``X-Signature`` (tests sign with it too)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + raw, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


async def checked_body(request: Request, context: Ctx) -> bytes:
    """The raw body of a signed, fresh webhook call.

    A dependency declared before the session, so a forged call never opens a write
    transaction.
    """
    secret = context.settings.phone_webhook_secret
    if not secret:
        raise NotFound("channel", CHANNEL)
    timestamp = request.headers.get(TIMESTAMP_HEADER, "")
    given = request.headers.get(SIGNATURE_HEADER, "")
    if not timestamp.isdigit() or not given:
        raise Forbidden("missing X-Timestamp or X-Signature")
    if abs(context.clock.now().timestamp() - int(timestamp)) > MAX_SKEW_SECONDS:
        raise Forbidden("X-Timestamp is more than five minutes from our clock")
    raw = await request.body()
    if not hmac.compare_digest(given.encode(), signature(secret, timestamp, raw).encode()):
        raise Forbidden("X-Signature does not verify")
    return raw


CheckedBody = Annotated[bytes, Depends(checked_body)]


@router.post("/channels/phone/events")
async def call_event(raw: CheckedBody, session: DbSession) -> dict[str, Any]:
    """One call event: stored once per call, event and sequence; processed after commit."""
    try:
        data = json.loads(raw)
        key = source_key(data)
    except (ValueError, UnicodeDecodeError, DomainError):
        # Signed by the provider yet unreadable: keep it under its digest for an admin
        # (the parser quarantines it) rather than lose it.
        key = "unkeyed:" + hashlib.sha256(raw).hexdigest()
    stored = await inbound.store(session, CHANNEL, key, raw, "application/json")
    return {"ok": True, "payload_id": stored.payload_id, "duplicate": not stored.new}


@router.post(
    "/customers/{customer_id}/calls", status_code=201, response_model=CallLogged,
    tags=["customers"],
)  # fmt: skip
async def log_call(
    customer_id: PathId, body: CallLog, principal: CurrentStaff, session: DbSession
) -> CallLogged:
    """An agent writes up a call: a note on the given ticket, or a new phone ticket."""
    principal.require(Perm.TICKETS_WRITE)
    logged = await write_up_call(
        session,
        customer_id,
        principal.id,
        direction=body.direction,
        phone=body.phone,
        summary=body.summary,
        duration_seconds=body.duration_seconds,
        ticket_id=body.ticket_id,
        actor=actor_for(principal),
    )
    return CallLogged(
        ticket_id=logged.ticket_id,
        message_id=logged.message_id,
        created_ticket=logged.created_ticket,
    )
