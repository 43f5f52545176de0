"""Business-hour arithmetic across block edges, weekends, holidays and time zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cexdesk.sla.calendar import (
    TWENTY_FOUR_SEVEN,
    Calendar,
    add_business_time,
    business_seconds_between,
    is_open,
)

WEEKDAYS = {key: [("09:00", "12:00"), ("13:00", "18:00")] for key in range(5)}
# A support desk in Ho Chi Minh City (UTC+7, no DST) closed on Vietnam's Reunification Day.
SAIGON = Calendar.weekly("Asia/Ho_Chi_Minh", WEEKDAYS, frozenset({date(2026, 4, 30)}))
# Berlin changes to summer time on 29 March 2026.
BERLIN = Calendar.weekly("Europe/Berlin", {key: [("00:00", "24:00")] for key in range(7)})
HOUR = 3600


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def test_twenty_four_seven_is_plain_arithmetic() -> None:
    start = utc(2026, 1, 1, 23, 30)
    assert add_business_time(TWENTY_FOUR_SEVEN, start, 3600) == start + timedelta(hours=1)
    assert business_seconds_between(TWENTY_FOUR_SEVEN, start, start + timedelta(hours=2)) == 7200


def test_target_runs_over_lunch_break() -> None:
    # 11:30 local (04:30 UTC) + 1 h = 30 min before lunch + 30 min after = 13:30 local.
    due = add_business_time(SAIGON, utc(2026, 4, 27, 4, 30), HOUR)
    assert due == utc(2026, 4, 27, 6, 30)


def test_target_crosses_the_weekend() -> None:
    # Friday 17:30 local + 1 h → Monday 09:30 local.
    due = add_business_time(SAIGON, utc(2026, 5, 1, 10, 30), HOUR)
    assert due == utc(2026, 5, 4, 2, 30)


def test_holiday_is_skipped() -> None:
    # Wednesday 29 April 17:00 local + 2 h: 1 h that evening, Thursday is a holiday, 1 h Friday.
    due = add_business_time(SAIGON, utc(2026, 4, 29, 10, 0), 2 * HOUR)
    assert due == utc(2026, 5, 1, 3, 0)


def test_start_outside_hours_waits_for_opening() -> None:
    assert add_business_time(SAIGON, utc(2026, 4, 26, 12, 0), 60) == utc(2026, 4, 27, 2, 1)
    assert not is_open(SAIGON, utc(2026, 4, 26, 12, 0))
    assert is_open(SAIGON, utc(2026, 4, 27, 2, 0))


def test_daylight_saving_day_has_twenty_three_hours() -> None:
    day_start = datetime(2026, 3, 28, 23, 0, tzinfo=UTC)  # 29 March 00:00 in Berlin (CET)
    day_end = datetime(2026, 3, 29, 22, 0, tzinfo=UTC)  # 30 March 00:00 in Berlin (CEST)
    assert business_seconds_between(BERLIN, day_start, day_end) == 23 * HOUR


def test_bad_calendars_are_refused() -> None:
    with pytest.raises(ValueError, match="overlap"):
        Calendar.weekly("UTC", {0: [("09:00", "12:00"), ("11:00", "13:00")]})
    with pytest.raises(ValueError, match="start < end"):
        Calendar.weekly("UTC", {0: [("12:00", "09:00")]})
    with pytest.raises(ValueError, match="unknown time zone"):
        Calendar.weekly("Mars/Olympus_Mons", {0: [("09:00", "12:00")]})


# hypothesis wants naive bounds and attaches the zone itself.
FIRST, LAST = datetime(2026, 1, 1), datetime(2027, 12, 31)  # noqa: DTZ001
instants = st.datetimes(min_value=FIRST, max_value=LAST, timezones=st.just(UTC))


@settings(max_examples=150, deadline=None)
@given(start=instants, seconds=st.integers(min_value=0, max_value=40 * HOUR))
def test_adding_then_measuring_gives_back_the_target(start: datetime, seconds: int) -> None:
    for calendar in (SAIGON, BERLIN, TWENTY_FOUR_SEVEN):
        due = add_business_time(calendar, start, seconds)
        assert due >= start
        assert business_seconds_between(calendar, start, due) == pytest.approx(seconds, abs=1e-6)


@settings(max_examples=150, deadline=None)
@given(a=instants, b=instants, c=instants)
def test_open_time_is_additive(a: datetime, b: datetime, c: datetime) -> None:
    a, b, c = sorted((a, b, c))
    whole = business_seconds_between(SAIGON, a, c)
    parts = business_seconds_between(SAIGON, a, b) + business_seconds_between(SAIGON, b, c)
    assert whole == pytest.approx(parts, abs=1e-6)
