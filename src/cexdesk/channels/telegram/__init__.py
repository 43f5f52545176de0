"""Telegram: Bot API webhook in (``views``, ``parse``), sendMessage and sendDocument out
(``send``), customers' files fetched with getFile (``fetch``) after their message is
stored.
"""

from __future__ import annotations

from typing import Any

CHANNEL = "telegram"


def register() -> None:
    """Register this channel's parser and sender (see channels.registry, outbound)."""
    from cexdesk.channels import outbound, registry
    from cexdesk.channels.telegram import fetch, parse, send

    registry.register(CHANNEL, parse.parse)
    registry.register_fetcher(CHANNEL, fetch.fetch)
    outbound.register(CHANNEL, send.send)


def listeners(context: Any) -> list[Any]:
    """Long-running pieces ``serve`` starts and stops (objects with start()/stop())."""
    return []
