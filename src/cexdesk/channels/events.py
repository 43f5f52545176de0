"""Events the channels domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("channels.payload_received")
@dataclass(frozen=True)
class PayloadReceived(Event):
    payload_id: int
    channel: str
