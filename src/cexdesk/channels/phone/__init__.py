"""Phone: call events from the telephony provider, and calls logged by hand.

Phone has no outbound sender: a reply on a phone ticket stays in the ticket and the
agent calls the customer back.
"""

from __future__ import annotations

from typing import Any


def register() -> None:
    """Register this channel's parser (see channels.registry); there is no sender."""
    from cexdesk.channels.phone.parse import CHANNEL, parse
    from cexdesk.channels.registry import register as register_parser

    register_parser(CHANNEL, parse)


def listeners(context: Any) -> list[Any]:
    """Long-running pieces ``serve`` starts and stops (objects with start()/stop())."""
    return []
