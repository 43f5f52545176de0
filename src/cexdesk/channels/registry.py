"""Which parser reads which channel's stored payloads; adapters register here."""

from __future__ import annotations

from cexdesk.channels.inbound import Parser

PARSERS: dict[str, Parser] = {}


def register(channel: str, parser: Parser) -> None:
    existing = PARSERS.get(channel)
    if existing is not None and existing is not parser:
        raise ValueError(f"channel {channel!r} already has a parser")
    PARSERS[channel] = parser
