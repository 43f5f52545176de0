"""Replies out as direct messages through the X API v2."""

from __future__ import annotations

from typing import Any

import httpx

from cexdesk.channels.outbound import Outgoing, PermanentFailure
from cexdesk.channels.telegram.send import chunks
from cexdesk.channels.x.parse import external_id

MAX_TEXT = 10_000  # characters per direct message
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class XUnavailable(Exception):
    """Worth retrying: rate limit, server error, network trouble, a bad token."""


def _detail(response: httpx.Response) -> str:
    try:
        answer = response.json()
    except ValueError:
        return response.reason_phrase
    answer = answer if isinstance(answer, dict) else {}
    errors = answer.get("errors")
    first = errors[0] if isinstance(errors, list) and errors and isinstance(errors[0], dict) else {}
    return str(answer.get("detail") or first.get("message") or answer.get("title")
               or response.reason_phrase)[:300]  # fmt: skip


async def send(outgoing: Outgoing) -> str | None:
    """POST the DM; returns ``x:<dm_event_id>``."""
    settings = outgoing.settings
    token = settings.x_bearer_token if settings is not None else None
    if not token:
        raise PermanentFailure("X is not configured on this desk")
    if not outgoing.recipient.isdigit():
        raise PermanentFailure(f"{outgoing.recipient!r} is not an X account id")
    base = settings.x_api_base.rstrip("/")
    url = f"{base}/2/dm_conversations/with/{outgoing.recipient}/messages"
    sent: list[str] = []
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        for part in chunks(outgoing.message.body, MAX_TEXT):
            response = await _post(client, url, token, {"text": part})
            event_id = _event_id(response)
            if event_id:
                sent.append(external_id(event_id))
    return sent[0] if sent else None


def _event_id(response: httpx.Response) -> str | None:
    try:
        data = response.json().get("data")
    except (ValueError, AttributeError):
        return None
    event_id = data.get("dm_event_id") if isinstance(data, dict) else None
    return str(event_id) if event_id else None


async def _post(
    client: httpx.AsyncClient, url: str, token: str, body: dict[str, Any]
) -> httpx.Response:
    try:
        response = await client.post(url, json=body, headers={"Authorization": f"Bearer {token}"})
    except httpx.HTTPError as error:
        raise XUnavailable(f"X API unreachable: {type(error).__name__}") from None
    status = response.status_code
    if status in (200, 201):
        return response
    if status in (400, 403, 404):
        # 403: the user does not accept DMs from us or blocked us; 404: no such account.
        raise PermanentFailure(f"X refused the direct message ({status}: {_detail(response)})")
    reset = response.headers.get("x-rate-limit-reset")
    hint = f", rate limit resets at {reset}" if status == 429 and reset else ""
    raise XUnavailable(f"X API answered {status}: {_detail(response)}{hint}")
