"""X (Twitter) direct messages: Account Activity webhook in (``views``, ``parse``), DMs out
through the v2 API (``send``)."""

from __future__ import annotations

from typing import Any

CHANNEL = "x"


def register() -> None:
    """Register this channel's parser and sender (see channels.registry, outbound)."""
    from cexdesk.channels import outbound, registry
    from cexdesk.channels.x import parse, send

    registry.register(CHANNEL, parse.parse)
    outbound.register(CHANNEL, send.send)


def listeners(context: Any) -> list[Any]:
    """Long-running pieces ``serve`` starts and stops (objects with start()/stop())."""
    return []
