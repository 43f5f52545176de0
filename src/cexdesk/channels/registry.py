"""Which parser reads which channel's stored payloads, and which fetcher brings the files
a channel only names (``inbound.RemoteFile``); adapters register here."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from cexdesk.channels.inbound import Parser

# (settings, the channel's file reference, the size limit) -> (file name or None, bytes).
# Raises RemoteFileGone when fetching again cannot help; anything else is retried.
Fetcher = Callable[[Any, str, int], Awaitable[tuple[str | None, bytes]]]

PARSERS: dict[str, Parser] = {}
FETCHERS: dict[str, Fetcher] = {}


class RemoteFileGone(Exception):
    """The channel will never give us this file (expired, too big, refused)."""


def register_fetcher(channel: str, fetcher: Fetcher) -> None:
    existing = FETCHERS.get(channel)
    if existing is not None and existing is not fetcher:
        raise ValueError(f"channel {channel!r} already has a fetcher")
    FETCHERS[channel] = fetcher


def register(channel: str, parser: Parser) -> None:
    existing = PARSERS.get(channel)
    if existing is not None and existing is not parser:
        raise ValueError(f"channel {channel!r} already has a parser")
    PARSERS[channel] = parser
