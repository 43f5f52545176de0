"""A stored chat frame → one ``InboundMessage``.

The socket stores an envelope it builds itself: the signed-in customer's id (never
taken from the client) and the client's frame verbatim, so what the customer sent is
kept exactly as it arrived.
"""

from __future__ import annotations

import json
from typing import Any

from cexdesk.channels.inbound import InboundMessage, Unreadable

CHANNEL = "chat"
MAX_TEXT = 10_000
MAX_CLIENT_ID = 64


def external_id(customer_id: int, client_id: str) -> str:
    """The id a chat message carries on our side: unique per customer and client id."""
    return f"chat:{customer_id}:{client_id}"


def envelope(customer_id: int, frame: str) -> bytes:
    return json.dumps({"customer_id": customer_id, "frame": frame}).encode()


def check_message(frame: dict[str, Any]) -> tuple[str, str]:
    """The client id and text of a ``message`` frame, or ``ValueError`` saying what is wrong."""
    client_id = frame.get("client_id")
    text = frame.get("text")
    if not isinstance(client_id, str) or not 0 < len(client_id) <= MAX_CLIENT_ID:
        raise ValueError(f"client_id must be a string of 1 to {MAX_CLIENT_ID} characters")
    if any(c.isspace() or not c.isprintable() for c in client_id):
        raise ValueError("client_id must not contain spaces or control characters")
    if not isinstance(text, str) or not text.strip():
        raise ValueError("text must be a non-empty string")
    if len(text) > MAX_TEXT:
        raise ValueError(f"text is longer than {MAX_TEXT} characters")
    return client_id, text


def parse(raw: bytes, content_type: str) -> InboundMessage:
    """Read one stored envelope."""
    try:
        stored = json.loads(raw)
        customer_id = stored["customer_id"]
        frame = json.loads(stored["frame"])
    except (ValueError, KeyError, TypeError) as error:
        raise Unreadable(f"not a chat envelope: {error!r}") from None
    if not isinstance(customer_id, int) or not isinstance(frame, dict):
        raise Unreadable("not a chat envelope")
    try:
        client_id, text = check_message(frame)
    except ValueError as why:
        raise Unreadable(str(why)) from None
    return InboundMessage(
        channel=CHANNEL,
        sender=str(customer_id),
        text=text,
        external_id=external_id(customer_id, client_id),
        verified_sender=True,  # the exchange token proved who the customer is
    )
