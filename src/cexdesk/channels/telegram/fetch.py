"""Files customers send, fetched with the Bot API's ``getFile`` and its file URL."""

from __future__ import annotations

from typing import Any

import httpx

from cexdesk.channels.registry import RemoteFileGone
from cexdesk.channels.telegram.send import TelegramUnavailable

TIMEOUT = httpx.Timeout(30.0, connect=5.0)
BOT_API_DOWNLOAD_LIMIT = 20 * 1024 * 1024  # the Bot API serves no bigger file


async def fetch(settings: Any, file_id: str, max_bytes: int) -> tuple[str | None, bytes]:
    """(file name from Telegram's path, bytes) of one file_id.

    RemoteFileGone for what asking again cannot fix (an unknown or expired file_id, a
    file over our limit or the Bot API's); TelegramUnavailable (retried) otherwise.
    """
    token = settings.telegram_bot_token
    if not token:
        raise RemoteFileGone("Telegram is not configured on this desk")
    base = settings.telegram_api_base.rstrip("/")
    limit = min(max_bytes, BOT_API_DOWNLOAD_LIMIT)
    # The token is part of these URLs: errors below never quote them (logs, dead letters).
    async with httpx.AsyncClient(timeout=TIMEOUT) as client:
        try:
            answer = await client.get(f"{base}/bot{token}/getFile", params={"file_id": file_id})
        except httpx.HTTPError as error:
            raise TelegramUnavailable(f"getFile unreachable: {type(error).__name__}") from None
        body = _json(answer)
        if answer.status_code == 400:
            raise RemoteFileGone(f"Telegram no longer has it ({body.get('description', '')})")
        result = body.get("result") if answer.status_code == 200 and body.get("ok") else None
        if not isinstance(result, dict) or not result.get("file_path"):
            raise TelegramUnavailable(f"getFile answered {answer.status_code}")
        size = int(result.get("file_size") or 0)
        if size > limit:
            raise RemoteFileGone(f"{size} bytes, over the limit of {limit}")
        path = str(result["file_path"])
        try:
            download = await client.get(f"{base}/file/bot{token}/{path}")
        except httpx.HTTPError as error:
            raise TelegramUnavailable(f"file download failed: {type(error).__name__}") from None
        if download.status_code in (400, 404):
            raise RemoteFileGone(f"the file link answered {download.status_code}")
        if download.status_code != 200:
            raise TelegramUnavailable(f"file download answered {download.status_code}")
        if len(download.content) > limit:
            raise RemoteFileGone(f"over the limit of {limit} bytes")
        return path.rsplit("/", 1)[-1] or None, download.content


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}
