"""SLA metric instances, event-sourced: replaying their events gives their state. Pure.

A metric (first reply, next reply, chat pickup, periodic update, resolution) is
activated, may pause and resume (e.g. while pending on the customer), and ends
fulfilled; its deadline moves out by exactly the open time it spent paused.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from cexdesk.sla.calendar import Calendar, add_business_time, business_seconds_between


class MetricEventKind(StrEnum):
    ACTIVATED = "activated"
    PAUSED = "paused"
    RESUMED = "resumed"
    FULFILLED = "fulfilled"
    BREACHED = "breached"


class MetricStatus(StrEnum):
    INACTIVE = "inactive"
    ACTIVE = "active"
    PAUSED = "paused"
    FULFILLED = "fulfilled"


@dataclass(frozen=True)
class MetricEvent:
    kind: MetricEventKind
    at: datetime


@dataclass(frozen=True)
class MetricState:
    status: MetricStatus
    target_seconds: float
    elapsed_seconds: float  # open time counted so far, up to the last event
    running_since: datetime | None  # when the clock last (re)started, if running
    due_at: datetime | None  # when it breaches if nothing changes (None unless running)
    breached: bool
    fulfilled_at: datetime | None

    def remaining_seconds(self, calendar: Calendar, now: datetime) -> float:
        elapsed = self.elapsed_seconds
        if self.status is MetricStatus.ACTIVE and self.running_since is not None:
            elapsed += business_seconds_between(calendar, self.running_since, now)
        return self.target_seconds - elapsed


def replay(events: list[MetricEvent], calendar: Calendar, target_seconds: float) -> MetricState:
    """Fold the events in order into the metric's state; out-of-order kinds are ignored."""
    status = MetricStatus.INACTIVE
    elapsed = 0.0
    running_since: datetime | None = None
    breached = False
    fulfilled_at: datetime | None = None
    for event in events:
        kind = event.kind
        if kind is MetricEventKind.BREACHED:
            breached = True
        elif kind is MetricEventKind.ACTIVATED and status is MetricStatus.INACTIVE:
            status, running_since = MetricStatus.ACTIVE, event.at
        elif kind is MetricEventKind.PAUSED and status is MetricStatus.ACTIVE:
            assert running_since is not None
            elapsed += business_seconds_between(calendar, running_since, event.at)
            status, running_since = MetricStatus.PAUSED, None
        elif kind is MetricEventKind.RESUMED and status is MetricStatus.PAUSED:
            status, running_since = MetricStatus.ACTIVE, event.at
        elif kind is MetricEventKind.FULFILLED and status in (
            MetricStatus.ACTIVE,
            MetricStatus.PAUSED,
        ):
            if running_since is not None:
                elapsed += business_seconds_between(calendar, running_since, event.at)
            status, running_since, fulfilled_at = MetricStatus.FULFILLED, None, event.at
            if elapsed > target_seconds:
                breached = True
    due_at = None
    if status is MetricStatus.ACTIVE and running_since is not None:
        due_at = add_business_time(calendar, running_since, max(target_seconds - elapsed, 0.0))
    return MetricState(
        status=status,
        target_seconds=target_seconds,
        elapsed_seconds=elapsed,
        running_since=running_since,
        due_at=due_at,
        breached=breached,
        fulfilled_at=fulfilled_at,
    )
