"""Metric instances replayed from their events: pauses push the deadline, breaches stick."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from cexdesk.sla.calendar import TWENTY_FOUR_SEVEN, Calendar
from cexdesk.sla.metrics import MetricEvent, MetricEventKind, MetricStatus, replay

T0 = datetime(2026, 4, 27, 2, 0, tzinfo=UTC)  # Monday 09:00 in Ho Chi Minh City
K = MetricEventKind


def at(minutes: float) -> datetime:
    return T0 + timedelta(minutes=minutes)


def test_active_metric_is_due_after_its_target() -> None:
    state = replay([MetricEvent(K.ACTIVATED, T0)], TWENTY_FOUR_SEVEN, 600)
    assert state.status is MetricStatus.ACTIVE
    assert state.due_at == at(10)
    assert state.remaining_seconds(TWENTY_FOUR_SEVEN, at(4)) == 360


def test_pause_moves_the_deadline_by_the_paused_time() -> None:
    events = [
        MetricEvent(K.ACTIVATED, T0),
        MetricEvent(K.PAUSED, at(20)),  # pending on the customer
        MetricEvent(K.RESUMED, at(50)),
    ]
    state = replay(events, TWENTY_FOUR_SEVEN, 3600)
    assert state.elapsed_seconds == 1200
    assert state.due_at == at(90)
    paused = replay(events[:2], TWENTY_FOUR_SEVEN, 3600)
    assert paused.status is MetricStatus.PAUSED and paused.due_at is None


def test_fulfilled_late_counts_as_breached() -> None:
    events = [MetricEvent(K.ACTIVATED, T0), MetricEvent(K.FULFILLED, at(11))]
    state = replay(events, TWENTY_FOUR_SEVEN, 600)
    assert state.status is MetricStatus.FULFILLED
    assert state.breached and state.fulfilled_at == at(11)
    on_time = replay([MetricEvent(K.ACTIVATED, T0), MetricEvent(K.FULFILLED, at(9))],
                     TWENTY_FOUR_SEVEN, 600)  # fmt: skip
    assert not on_time.breached


def test_business_hours_deadline_skips_the_night() -> None:
    office = Calendar.weekly("Asia/Ho_Chi_Minh", {key: [("09:00", "18:00")] for key in range(5)})
    late = T0 + timedelta(hours=8, minutes=30)  # 17:30 local
    state = replay([MetricEvent(K.ACTIVATED, late)], office, 3600)
    assert state.due_at == T0 + timedelta(days=1, minutes=30)  # Tuesday 09:30 local


def test_events_out_of_order_are_ignored() -> None:
    events = [
        MetricEvent(K.RESUMED, T0),
        MetricEvent(K.ACTIVATED, T0),
        MetricEvent(K.ACTIVATED, at(5)),
        MetricEvent(K.FULFILLED, at(6)),
        MetricEvent(K.PAUSED, at(7)),
    ]
    state = replay(events, TWENTY_FOUR_SEVEN, 600)
    assert state.status is MetricStatus.FULFILLED and state.elapsed_seconds == 360
