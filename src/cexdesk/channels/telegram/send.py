"""Replies out through the Bot API's ``sendMessage``."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from cexdesk.channels.outbound import Outgoing, PermanentFailure
from cexdesk.channels.telegram.parse import external_id
from cexdesk.tickets.models import Attachment
from cexdesk.tickets.storage import AttachmentStorage

MAX_TEXT = 4096  # Bot API limit per message, in characters
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class TelegramUnavailable(Exception):
    """Worth retrying: rate limit, server error, network trouble, a bad token."""


def chunks(text: str, size: int = MAX_TEXT) -> list[str]:
    """Split a long reply at line breaks where possible, every part within the limit."""
    parts: list[str] = []
    rest = text
    while len(rest) > size:
        cut = rest.rfind("\n", 0, size)
        cut = cut if cut > size // 2 else size
        parts.append(rest[:cut])
        rest = rest[cut:].lstrip("\n")
    parts.append(rest)
    return parts


def _reply_target(outgoing: Outgoing) -> int | None:
    """The newest Telegram message of this chat in the conversation, to reply to."""
    prefix = external_id(outgoing.recipient, "")
    for ref in reversed(outgoing.thread):
        if ref.startswith(prefix):
            message_id = ref[len(prefix) :].split(":", 1)[0]
            if message_id.isdigit():
                return int(message_id)
    return None


async def _files(outgoing: Outgoing) -> list[tuple[str, str, bytes]]:
    """(file name, type, bytes) of the files attached to the reply."""
    context = outgoing.services.get("context")
    if context is None:
        return []
    async with context.db.reading() as session:
        rows = (
            await session.execute(
                select(Attachment.filename, Attachment.content_type, Attachment.storage_key)
                .where(Attachment.message_id == outgoing.message.id)
                .order_by(Attachment.id)
            )
        ).all()
    storage = AttachmentStorage(outgoing.settings.attachments_dir)
    return [(name, kind, await storage.read(key)) for name, kind, key in rows]


async def _call(
    client: httpx.AsyncClient,
    url: str,
    body: dict[str, Any],
    file: tuple[str, str, bytes] | None = None,
) -> dict[str, Any]:
    # The bot token is part of the URL: errors below never quote the URL, so the token
    # does not end up in logs or the dead-letter list.
    try:
        if file is None:
            response = await client.post(url, json=body)
        else:
            form = {k: str(v) for k, v in body.items()}
            name, kind, data = file
            response = await client.post(url, data=form, files={"document": (name, data, kind)})
    except httpx.HTTPError as error:
        raise TelegramUnavailable(f"Telegram API unreachable: {type(error).__name__}") from None
    try:
        answer = response.json()
    except ValueError:
        answer = {}
    answer = answer if isinstance(answer, dict) else {}
    description = str(answer.get("description") or response.reason_phrase)[:300]
    status = response.status_code
    if status == 200 and answer.get("ok"):
        result = answer.get("result")
        return result if isinstance(result, dict) else {}
    if status in (400, 403):
        # 403: the user blocked the bot or deleted their account; 400: chat not found
        # and every other malformed request. Sending again cannot help.
        raise PermanentFailure(f"Telegram refused the message ({status}: {description})")
    retry_after = (answer.get("parameters") or {}).get("retry_after")
    hint = f", retry after {retry_after}s" if retry_after else ""
    raise TelegramUnavailable(f"Telegram API answered {status}: {description}{hint}")


async def send(outgoing: Outgoing) -> str | None:
    """sendMessage, then sendDocument per attached file; returns ``tg:<chat_id>:<message_id>``
    of the (first) text part.

    A retry after a transient failure sends the parts that had gone out again: Telegram
    has no idempotency key, and a repeated line is better than a lost one.
    """
    settings = outgoing.settings
    token = settings.telegram_bot_token if settings is not None else None
    if not token:
        raise PermanentFailure("Telegram is not configured on this desk")
    bot = f"{settings.telegram_api_base.rstrip('/')}/bot{token}"
    files = await _files(outgoing)
    reply_to = _reply_target(outgoing)
    sent: list[str] = []
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        for part in chunks(outgoing.message.body):
            body: dict[str, Any] = {"chat_id": outgoing.recipient, "text": part}
            if reply_to is not None and not sent:
                body["reply_to_message_id"] = reply_to
                body["allow_sending_without_reply"] = True  # the original may be deleted
            result = await _call(client, f"{bot}/sendMessage", body)
            chat = result.get("chat") or {}
            sent.append(external_id(chat.get("id", outgoing.recipient), result.get("message_id")))
        for file in files:
            await _call(client, f"{bot}/sendDocument", {"chat_id": outgoing.recipient}, file)
    return sent[0] if sent else None
