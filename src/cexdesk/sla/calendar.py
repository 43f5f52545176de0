"""Business-hour calendars: weekly blocks in a time zone, minus holidays. Pure.

Targets such as "first reply within 1 business hour" are measured only inside the
calendar's open blocks; a calendar with no blocks at all is 24x7.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

MINUTES_PER_DAY = 24 * 60
# Far enough for any real target (a year of weekends and holidays) and still bounded.
SEARCH_DAYS = 800


@dataclass(frozen=True)
class Block:
    """An open interval of one weekday in minutes after local midnight, [start, end)."""

    weekday: int  # Monday = 0
    start_minute: int
    end_minute: int

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6:
            raise ValueError("weekday must be 0 (Monday) to 6 (Sunday)")
        if not 0 <= self.start_minute < self.end_minute <= MINUTES_PER_DAY:
            raise ValueError("a block needs 0 <= start < end <= 1440 minutes")


@dataclass(frozen=True)
class Calendar:
    timezone: str = "UTC"
    blocks: tuple[Block, ...] = ()
    holidays: frozenset[date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        try:
            ZoneInfo(self.timezone)
        except (KeyError, ValueError) as error:
            raise ValueError(f"unknown time zone {self.timezone!r}") from error
        by_day: dict[int, list[Block]] = {}
        for block in self.blocks:
            by_day.setdefault(block.weekday, []).append(block)
        for day_blocks in by_day.values():
            ordered = sorted(day_blocks, key=lambda b: b.start_minute)
            for earlier, later in itertools.pairwise(ordered):
                if later.start_minute < earlier.end_minute:
                    raise ValueError("blocks of one day overlap")

    @property
    def always_open(self) -> bool:
        return not self.blocks

    @classmethod
    def weekly(
        cls,
        timezone: str,
        hours: dict[int, list[tuple[str, str]]],
        holidays: frozenset[date] = frozenset(),
    ) -> Calendar:
        """Build from {weekday: [("09:00", "12:30"), ("13:30", "18:00")]}; "24:00" ends a day."""
        blocks = tuple(
            Block(day, _minutes(start), _minutes(end))
            for day, spans in sorted(hours.items())
            for start, end in spans
        )
        return cls(timezone, blocks, holidays)


TWENTY_FOUR_SEVEN = Calendar()


def _minutes(text: str) -> int:
    hours, _, minutes = text.partition(":")
    value = int(hours) * 60 + int(minutes or 0)
    if not 0 <= value <= MINUTES_PER_DAY:
        raise ValueError(f"{text!r} is not a time of day")
    return value


def _local_instant(day: date, minute: int, zone: ZoneInfo) -> datetime:
    """Local wall-clock time on ``day`` as a UTC instant (so DST days keep real lengths)."""
    wall = datetime.combine(day, time(0)) + timedelta(minutes=minute)
    return wall.replace(tzinfo=zone).astimezone(UTC)


def _open_intervals(calendar: Calendar, day: date) -> list[tuple[datetime, datetime]]:
    """The calendar's open intervals on one local day, as UTC instants."""
    if day in calendar.holidays:
        return []
    zone = ZoneInfo(calendar.timezone)
    spans = sorted(
        (b for b in calendar.blocks if b.weekday == day.weekday()), key=lambda b: b.start_minute
    )
    return [
        (_local_instant(day, b.start_minute, zone), _local_instant(day, b.end_minute, zone))
        for b in spans
    ]


def _require_aware(moment: datetime) -> None:
    if moment.tzinfo is None:
        raise ValueError("calendar arithmetic needs aware datetimes")


def add_business_time(calendar: Calendar, start: datetime, seconds: float) -> datetime:
    """The instant at which ``seconds`` of open time have passed since ``start``."""
    _require_aware(start)
    if seconds < 0:
        raise ValueError("seconds must not be negative")
    if calendar.always_open:
        return start + timedelta(seconds=seconds)
    remaining = timedelta(seconds=seconds)
    zone = ZoneInfo(calendar.timezone)
    day = start.astimezone(zone).date() - timedelta(days=1)
    for _ in range(SEARCH_DAYS):
        for opens, closes in _open_intervals(calendar, day):
            begin = max(opens, start)
            if begin >= closes:
                continue
            available = closes - begin
            if remaining <= available:
                return begin + remaining
            remaining -= available
        day += timedelta(days=1)
    raise ValueError("the calendar has no open time within the search horizon")


def business_seconds_between(calendar: Calendar, start: datetime, end: datetime) -> float:
    """Open time between two instants (0 if end is not after start)."""
    _require_aware(start)
    _require_aware(end)
    if end <= start:
        return 0.0
    if calendar.always_open:
        return (end - start).total_seconds()
    zone = ZoneInfo(calendar.timezone)
    day = start.astimezone(zone).date() - timedelta(days=1)
    last = end.astimezone(zone).date() + timedelta(days=1)
    total = timedelta()
    while day <= last:
        for opens, closes in _open_intervals(calendar, day):
            begin, finish = max(opens, start), min(closes, end)
            if finish > begin:
                total += finish - begin
        day += timedelta(days=1)
    return total.total_seconds()


def is_open(calendar: Calendar, moment: datetime) -> bool:
    _require_aware(moment)
    if calendar.always_open:
        return True
    day = moment.astimezone(ZoneInfo(calendar.timezone)).date()
    return any(
        opens <= moment < closes
        for d in (day - timedelta(days=1), day)
        for opens, closes in _open_intervals(calendar, d)
    )
