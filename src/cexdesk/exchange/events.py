"""Events the exchange domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("exchange.event_received")
@dataclass(frozen=True)
class ExchangeEventReceived(Event):
    """A new (not re-delivered) report from the back office, stored as ``row_id``."""

    row_id: int
    kind: str  # deposit.seen | withdrawal.requested | security.changed | login
    user_id: str | None
