"""Events the compensation domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("compensation.batch_approved")
@dataclass(frozen=True)
class BatchApproved(Event):
    """The second, different approver approved: the batch may run."""

    batch_id: int
    first_approver_id: int
    second_approver_id: int


@event_type("compensation.line_paid")
@dataclass(frozen=True)
class LinePaid(Event):
    """The exchange credited one user's payout; the user is to be told."""

    batch_id: int
    line_id: int
    exchange_uid: str
    asset: str
    amount: str


@event_type("compensation.adjustment_approved")
@dataclass(frozen=True)
class AdjustmentApproved(Event):
    """A fund adjustment may go: within the requester's limit, or a second person said so."""

    adjustment_id: int
    ticket_id: int


@event_type("compensation.order_cancellation_approved")
@dataclass(frozen=True)
class OrderCancellationApproved(Event):
    """An order cancellation may go: within the requester's limits, or a second person said so."""

    cancellation_id: int
    ticket_id: int
