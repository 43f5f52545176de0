"""Telegram: Bot API webhook in (``views``, ``parse``), sendMessage out (``send``).

Files customers send are noted in the message text, not fetched (that needs getFile);
agents' attachments are not sent yet (sendDocument).
"""

from __future__ import annotations

from typing import Any

CHANNEL = "telegram"


def register() -> None:
    """Register this channel's parser and sender (see channels.registry, outbound)."""
    from cexdesk.channels import outbound, registry
    from cexdesk.channels.telegram import parse, send

    registry.register(CHANNEL, parse.parse)
    outbound.register(CHANNEL, send.send)


def listeners(context: Any) -> list[Any]:
    """Long-running pieces ``serve`` starts and stops (objects with start()/stop())."""
    return []
