"""SLA queries; never commits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.sla.calendar import TWENTY_FOUR_SEVEN, Calendar
from cexdesk.sla.metrics import MetricEvent, MetricEventKind, MetricState, replay
from cexdesk.sla.models import SlaMetricEvent, SlaMetricInstance, SlaPolicyRow
from cexdesk.sla.policies import Policy
from cexdesk.sla.serialise import calendar_from_json, policy_from_json


async def policies(session: AsyncSession) -> list[Policy]:
    rows = (
        await session.execute(
            select(SlaPolicyRow)
            .where(SlaPolicyRow.active.is_(True))
            .order_by(SlaPolicyRow.position, SlaPolicyRow.id)
        )
    ).scalars()
    return [policy_from_json(row.name, row.definition) for row in rows]


async def instances_for_ticket(
    session: AsyncSession, ticket_id: int, *, open_only: bool = False
) -> list[SlaMetricInstance]:
    query = select(SlaMetricInstance).where(SlaMetricInstance.ticket_id == ticket_id)
    if open_only:
        query = query.where(SlaMetricInstance.status.in_(("active", "paused")))
    return list((await session.execute(query.order_by(SlaMetricInstance.id))).scalars())


async def events_of(session: AsyncSession, instance_id: int) -> list[MetricEvent]:
    rows = (
        await session.execute(
            select(SlaMetricEvent.kind, SlaMetricEvent.at)
            .where(SlaMetricEvent.instance_id == instance_id)
            .order_by(SlaMetricEvent.id)
        )
    ).all()
    return [MetricEvent(MetricEventKind(kind), at) for kind, at in rows]


def instance_calendar(instance: SlaMetricInstance) -> Calendar:
    return calendar_from_json(instance.calendar) if instance.business_hours else TWENTY_FOUR_SEVEN


async def state_of(session: AsyncSession, instance: SlaMetricInstance) -> MetricState:
    """Rebuild an instance's state from its events (what reports do, too)."""
    return replay(
        await events_of(session, instance.id), instance_calendar(instance), instance.target_seconds
    )


@dataclass(frozen=True)
class Clock:
    """An SLA clock as people read it: the instance and the time left on it now."""

    instance: SlaMetricInstance
    remaining_seconds: float | None  # None once fulfilled or stopped


async def clocks_of(session: AsyncSession, ticket_id: int, now: datetime) -> list[Clock]:
    """Every SLA clock of a ticket, running or finished, with the time left."""
    result = []
    for instance in await instances_for_ticket(session, ticket_id):
        state = await state_of(session, instance)
        running = state.status.value in ("active", "paused")
        remaining = state.remaining_seconds(instance_calendar(instance), now) if running else None
        result.append(Clock(instance, remaining))
    return result


@dataclass
class Attainment:
    """How one clock of one policy did since a moment: met in time, or missed."""

    policy: str
    metric: str
    target_seconds: float
    met: int = 0
    missed: int = 0
    by_hour: list[tuple[int, int]] = field(default_factory=lambda: [(0, 0)] * 24)

    @property
    def busiest_hour(self) -> int:
        """Clocks finished in the day's busiest hour (at least 1): the chart's scale."""
        return max([1, *(met + missed for met, missed in self.by_hour)])

    @property
    def share(self) -> float | None:
        done = self.met + self.missed
        return self.met / done if done else None


async def attainment_since(session: AsyncSession, since: datetime) -> list[Attainment]:
    """Clocks that finished (fulfilled, or breached) since ``since``, per policy and
    metric, with hourly counts for the day's chart; a breached clock counts once, as
    missed, whether or not it was fulfilled later."""
    rows = (
        await session.execute(
            select(
                SlaMetricInstance.policy_name,
                SlaMetricInstance.metric,
                SlaMetricInstance.target_seconds,
                SlaMetricInstance.breached,
                SlaMetricInstance.fulfilled_at,
                SlaMetricInstance.breached_at,
            ).where(
                or_(SlaMetricInstance.fulfilled_at >= since, SlaMetricInstance.breached_at >= since)
            )
        )
    ).all()
    found: dict[tuple[str, str], Attainment] = {}
    for policy, metric, target, breached, fulfilled_at, breached_at in rows:
        entry = found.setdefault((policy, metric), Attainment(policy, metric, target))
        if breached:
            if breached_at is None or breached_at < since:
                continue  # missed on an earlier day; counted there
            entry.missed += 1
            hour = breached_at.hour
            met, missed = entry.by_hour[hour]
            entry.by_hour[hour] = (met, missed + 1)
        elif fulfilled_at is not None:
            entry.met += 1
            hour = fulfilled_at.hour
            met, missed = entry.by_hour[hour]
            entry.by_hour[hour] = (met + 1, missed)
    return sorted(found.values(), key=lambda a: (a.policy, a.metric))
