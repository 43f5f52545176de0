"""SLA queries; never commits."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
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
