"""One stored direct message event (as the webhook view split it) → ``InboundMessage``.

The stored payload is ``{"for_user_id", "direct_message_events": [event], "users"}``.
Messages our own account sent (the echo of every reply we post) are ignored, as is any
other activity the view kept.
"""

from __future__ import annotations

import json
from typing import Any

from cexdesk.channels.inbound import Ignored, InboundMessage, Unreadable
from cexdesk.channels.x import CHANNEL


def external_id(event_id: object) -> str:
    return f"x:{event_id}"


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(data: dict[str, Any]) -> str:
    """The message text with t.co links expanded and attached media noted."""
    text = str(data.get("text") or "")
    attachment = _dict(data.get("attachment"))
    media = _dict(attachment.get("media"))
    media_url = media.get("url")
    for url in _dict(data.get("entities")).get("urls") or []:
        url = _dict(url)
        short, expanded = url.get("url"), url.get("expanded_url")
        if short and short == media_url:
            text = text.replace(short, "")  # the link X appends for the attached image
        elif short and expanded:
            text = text.replace(short, expanded)
    text = text.strip()
    if media:
        kind = {"animated_gif": "animation"}.get(str(media.get("type")), media.get("type"))
        note = f"[{kind or 'media'}]"
        text = f"{note}\n{text}" if text else note
    return text


def parse(raw: bytes, content_type: str) -> InboundMessage:
    """Read one stored direct message event."""
    try:
        body = json.loads(raw)
    except ValueError as error:
        raise Unreadable(f"not JSON: {error}") from None
    if not isinstance(body, dict):
        raise Unreadable("not an Account Activity payload")
    events = body.get("direct_message_events")
    if not events:
        kinds = sorted(k for k in body if k.endswith("_events"))
        raise Ignored(f"no direct message: {', '.join(kinds) or 'empty'}")
    event = _dict(events[0])
    if event.get("type") != "message_create":
        raise Ignored(f"direct message event of type {event.get('type')}")
    create = _dict(event.get("message_create"))
    sender = create.get("sender_id")
    if not sender or not event.get("id"):
        raise Unreadable("message_create without sender_id or id")
    if str(sender) == str(body.get("for_user_id")):
        raise Ignored("sent by our own account")
    text = _text(_dict(create.get("message_data")))
    if not text:
        raise Ignored("empty direct message")
    user = _dict(_dict(body.get("users")).get(str(sender)))
    name = user.get("name") or (f"@{user['screen_name']}" if user.get("screen_name") else None)
    return InboundMessage(
        channel=CHANNEL,
        sender=str(sender),
        sender_name=name,
        text=text,
        external_id=external_id(event["id"]),
        verified_sender=True,  # X vouches for sender_id; the signature for X
    )
