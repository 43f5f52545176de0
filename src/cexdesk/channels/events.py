"""Events the channels domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("channels.payload_received")
@dataclass(frozen=True)
class PayloadReceived(Event):
    payload_id: int
    channel: str


@event_type("channels.remote_files_noted")
@dataclass(frozen=True)
class RemoteFilesNoted(Event):
    """A stored message came with files the channel keeps for us to fetch (Telegram)."""

    ticket_id: int
    message_id: int
    channel: str
    files: list[list[str | None]]  # [ref, filename] pairs, JSON-safe
