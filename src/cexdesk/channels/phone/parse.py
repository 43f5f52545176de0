"""Call events from the telephony provider → inbound messages (one call, one conversation).

The wire format is documented in ``channels/phone/views.py``. Every event of a call
becomes a call-log line on the conversation of the customer's number; the transcript's
text is the customer's words and goes through intake like any message.
"""

from __future__ import annotations

import json
from typing import Any

from cexdesk.channels.inbound import Ignored, InboundMessage, Unreadable
from cexdesk.core.errors import Invalid
from cexdesk.customers.flows import normalise_address

CHANNEL = "phone"
# The order a call's events happen in; a later event threads onto the earlier ones.
EVENTS = (
    "call.ringing",
    "call.answered",
    "call.ended",
    "call.recording_available",
    "call.transcript_available",
)
DISPOSITIONS = {
    "completed": None,
    "no-answer": "no answer",
    "busy": "busy",
    "failed": "failed",
    "canceled": "caller hung up",
    "voicemail": "voicemail",
}
MAX_TEXT = 20_000


def _object(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Unreadable(f"{where} must be an object")
    return value


def _text(value: object, where: str, *, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str | int) or isinstance(value, bool) or str(value).strip() == "":
        raise Unreadable(f"{where} must be a non-empty string")
    return str(value).strip()


def duration_text(seconds: int) -> str:
    """252 → "4:12", 3723 → "1:02:03"."""
    hours, rest = divmod(max(seconds, 0), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def source_key(data: dict[str, Any]) -> str:
    """The delivery's de-duplication key: ``<call_id>:<event>:<sequence>``."""
    call = _object(data.get("call"), "call")
    return f"{_text(call.get('id'), 'call.id')}:{_text(data.get('event'), 'event')}:" + str(
        data.get("sequence", 0)
    )


def customer_number(call: dict[str, Any]) -> str:
    """The customer's end of the call: the caller inbound, the callee outbound."""
    direction = call.get("direction", "inbound")
    if direction not in ("inbound", "outbound"):
        raise Unreadable("call.direction must be inbound or outbound")
    side = "from" if direction == "inbound" else "to"
    try:
        return normalise_address(CHANNEL, _text(call.get(side), f"call.{side}"))
    except Invalid as error:
        raise Unreadable(f"call.{side} is not a phone number") from error


def _line(event: str, call: dict[str, Any], number: str, data: dict[str, Any]) -> str:
    inbound = call.get("direction", "inbound") == "inbound"
    if event == "call.ringing":
        return f"Incoming call from {number}, ringing" if inbound else f"Calling {number}, ringing"
    if event == "call.answered":
        agent = _object(data.get("agent") or {}, "data.agent")
        email = _text(agent.get("email"), "data.agent.email", required=False)
        extension = _text(agent.get("extension"), "data.agent.extension", required=False)
        if not inbound:
            who = f"Call answered by {number}"
            return f"{who} (agent {email or 'ext. ' + extension})" if email or extension else who
        if email:
            return f"Call answered by {email}" + (f" (ext. {extension})" if extension else "")
        return f"Call answered at extension {extension}" if extension else "Call answered"
    if event == "call.ended":
        seconds = data.get("duration_seconds", 0)
        if not isinstance(seconds, int) or isinstance(seconds, bool) or seconds < 0:
            raise Unreadable("data.duration_seconds must be a whole number of seconds")
        disposition = data.get("disposition", "completed")
        if disposition not in DISPOSITIONS:
            raise Unreadable(f"data.disposition must be one of {', '.join(DISPOSITIONS)}")
        why = DISPOSITIONS[disposition]
        return f"Call ended after {duration_text(seconds)}" + (f", {why}" if why else "")
    if event == "call.recording_available":
        recording = _object(data.get("recording"), "data.recording")
        url = _text(recording.get("url"), "data.recording.url")
        if not url.startswith(("https://", "http://")):
            raise Unreadable("data.recording.url must be an http(s) URL")
        return f"Recording: {url}"
    transcript = _object(data.get("transcript"), "data.transcript")
    text = _text(transcript.get("text"), "data.transcript.text")[:MAX_TEXT]
    language = _text(transcript.get("language"), "data.transcript.language", required=False)
    return f"Transcript ({language}): {text}" if language else f"Transcript: {text}"


def parse(raw: bytes, content_type: str) -> InboundMessage:
    """One stored call event → the call-log line on the caller's conversation."""
    try:
        data = _object(json.loads(raw), "the event")
    except (ValueError, UnicodeDecodeError) as error:
        raise Unreadable(f"not JSON: {error}") from error
    event = _text(data.get("event"), "event")
    if event not in EVENTS:
        raise Ignored(f"phone event {event!r} is not part of the call log")
    call = _object(data.get("call"), "call")
    call_id = _text(call.get("id"), "call.id")
    number = customer_number(call)
    payload = _object(data.get("data") or {}, "data")
    earlier = EVENTS[: EVENTS.index(event)]
    caller_name = call.get("caller_name")
    inbound = call.get("direction", "inbound") == "inbound"
    return InboundMessage(
        channel=CHANNEL,
        sender=number,
        # Caller-id names are the carrier's guess: a name for a new customer, nothing more.
        sender_name=(caller_name.strip()[:200] or None) if isinstance(caller_name, str) else None,
        text=_line(event, call, number, payload),
        subject=f"Phone call {'from' if inbound else 'to'} {number}",
        external_id=f"{call_id}:{event}",
        # Caller ids can be spoofed: the number identifies, it does not verify.
        verified_sender=False,
        thread_refs=tuple(f"{call_id}:{e}" for e in earlier),
    )
