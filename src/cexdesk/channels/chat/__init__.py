"""Live chat: end users signed in with the exchange token talk over a WebSocket.

``views`` holds the socket (``GET /api/v1/channels/chat/ws``, protocol in
``connection``) and the agents' typing endpoint; ``parse`` reads the stored frames;
``handlers`` tell the customer's socket that an agent joined or left and that nobody
is online (``notices``). Replies are read in place, so there is no sender: agents'
public replies reach the socket through the realtime hub (``customer:{id}``).
"""

from __future__ import annotations

from typing import Any

CHANNEL = "chat"


def register() -> None:
    """Register this channel's parser (see channels.registry)."""
    from cexdesk.channels import registry
    from cexdesk.channels.chat import parse

    registry.register(CHANNEL, parse.parse)


def listeners(context: Any) -> list[Any]:
    """Long-running pieces ``serve`` starts and stops: the socket is a route; when the bot
    fronts the chat, its intent engine is made ready at start, and the turns a crash left
    unanswered are answered."""
    if CHANNEL not in context.settings.bot_channels:
        return []
    from cexdesk.bot.flows import PendingTurns
    from cexdesk.bot.runtime import Warmup

    return [Warmup(context.services), PendingTurns(context.db, context.services)]
