"""SLA use cases: start, pause, resume and fulfil clocks; fire warnings and breaches.

Every change appends a metric event and re-derives the instance's state from all its
events (``metrics.replay``), so the stored columns never drift from the history. A
ticket's clocks and their events are loaded once per use case (``Clocks``) and kept in
memory while it runs. A running clock has one timer row, armed for its near-breach
warning and then for its breach; it is re-armed on every change and cancelled when the
clock stops.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import audit, outbox, timers
from cexdesk.core.errors import Invalid
from cexdesk.core.memo import TtlCache
from cexdesk.customers.models import Customer
from cexdesk.sla import service
from cexdesk.sla.calendar import add_business_time
from cexdesk.sla.events import SlaBreached, SlaNearBreach
from cexdesk.sla.metrics import MetricEvent, MetricEventKind, MetricStatus, replay
from cexdesk.sla.models import SlaMetricEvent, SlaMetricInstance, SlaPolicyRow
from cexdesk.sla.policies import DEFAULT_POLICIES, Metric, Policy, TicketFacts, select_policy
from cexdesk.sla.serialise import calendar_to_json, policy_to_json
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets.models import Ticket

CHECK_TIMER = "sla.check"
RECURRING = frozenset({Metric.NEXT_REPLY, Metric.PERIODIC_UPDATE})
POLICY_CACHE = "sla_policies"
# Other processes see an edited policy list within this many seconds.
POLICY_CACHE_SECONDS = 5.0


def check_key(instance_id: int) -> str:
    return f"sla:{instance_id}"


def _policy_cache(session: AsyncSession) -> TtlCache[str, list[Policy]]:
    caches: dict[str, object] = session.info["caches"]
    cache = caches.setdefault(POLICY_CACHE, TtlCache[str, list[Policy]](1, POLICY_CACHE_SECONDS))
    assert isinstance(cache, TtlCache)
    return cache


async def ensure_default_policies(session: AsyncSession) -> list[Policy]:
    """The active policies; an empty table is seeded with the defaults from the seeds."""
    cache = _policy_cache(session)
    cached = cache.get("active")
    if cached is not None:
        return cached
    found = await service.policies(session)
    if not found:
        exists = (await session.execute(select(SlaPolicyRow.id).limit(1))).first()
        if exists is None:
            now = outbox.session_clock(session).now()
            for position, policy in enumerate(DEFAULT_POLICIES):
                session.add(
                    SlaPolicyRow(position=position, name=policy.name, active=True,
                                 definition=policy_to_json(policy), updated_at=now)
                )  # fmt: skip
            await session.flush()
            found = list(DEFAULT_POLICIES)
        # else an admin switched every policy off: no clocks at all
    cache.put("active", found)
    return found


async def ticket_facts(session: AsyncSession, ticket: Ticket) -> TicketFacts:
    vip = (
        await session.execute(select(Customer.vip_tier).where(Customer.id == ticket.requester_id))
    ).scalar_one_or_none()
    return TicketFacts(
        channel=ticket.channel,
        priority=ticket.priority,
        vip_tier=vip or 0,
        category=ticket.category,
        team_id=ticket.team_id,
    )


async def policy_for(session: AsyncSession, ticket: Ticket) -> Policy | None:
    return select_policy(
        await ensure_default_policies(session), await ticket_facts(session, ticket)
    )


class Clocks:
    """One ticket's SLA clocks and their histories, for the length of one use case."""

    def __init__(
        self,
        session: AsyncSession,
        ticket: Ticket,
        policy: Policy | None,
        instances: list[SlaMetricInstance],
        events: dict[int, list[MetricEvent]],
    ) -> None:
        self.session = session
        self.ticket = ticket
        self.policy = policy
        self.instances = instances
        self.events = events

    @classmethod
    async def load(cls, session: AsyncSession, ticket: Ticket) -> Clocks:
        policy = await policy_for(session, ticket)
        instances = await service.instances_for_ticket(session, ticket.id)
        events: dict[int, list[MetricEvent]] = {i.id: [] for i in instances}
        if instances:
            rows = await session.execute(
                select(SlaMetricEvent.instance_id, SlaMetricEvent.kind, SlaMetricEvent.at)
                .where(SlaMetricEvent.instance_id.in_(list(events)))
                .order_by(SlaMetricEvent.id)
            )
            for instance_id, kind, at in rows:
                events[instance_id].append(MetricEvent(MetricEventKind(kind), at))
        return cls(session, ticket, policy, instances, events)

    def of(self, metric: Metric) -> list[SlaMetricInstance]:
        return [i for i in self.instances if i.metric == metric.value]

    def warn_fraction(self, metric: str) -> float:
        target = self.policy.target(Metric(metric)) if self.policy else None
        return target.warn_at if target else 0.0

    async def _append(
        self, instance: SlaMetricInstance, kind: MetricEventKind, at: datetime
    ) -> None:
        self.session.add(SlaMetricEvent(instance_id=instance.id, kind=kind.value, at=at))
        self.events[instance.id].append(MetricEvent(kind, at))
        await self._refresh(instance)

    async def _refresh(self, instance: SlaMetricInstance) -> None:
        """Re-derive the stored state from the events and re-arm or cancel the timer."""
        calendar = service.instance_calendar(instance)
        state = replay(self.events[instance.id], calendar, instance.target_seconds)
        instance.status = state.status.value
        instance.elapsed_seconds = state.elapsed_seconds
        instance.running_since = state.running_since
        instance.due_at = state.due_at
        instance.fulfilled_at = state.fulfilled_at
        instance.breached = state.breached
        key = check_key(instance.id)
        if state.status is not MetricStatus.ACTIVE or state.due_at is None or instance.breached:
            await timers.cancel(self.session, key)
            return
        check_at = state.due_at
        warn = self.warn_fraction(instance.metric)
        if not instance.warned and 0 < warn < 1 and state.running_since is not None:
            remaining_to_warn = instance.target_seconds * warn - state.elapsed_seconds
            check_at = add_business_time(calendar, state.running_since, max(remaining_to_warn, 0))
        await timers.schedule(
            self.session, CHECK_TIMER, key, check_at, {"instance_id": instance.id}
        )

    async def start(self, metric: Metric, at: datetime) -> SlaMetricInstance | None:
        """Activate a metric unless one runs; recurring metrics get a new cycle."""
        target = self.policy.target(metric) if self.policy else None
        if self.policy is None or target is None:
            return None
        existing = self.of(metric)
        if any(i.status in ("active", "paused") for i in existing):
            return None
        if existing and metric not in RECURRING:
            return None  # first reply, pickup and resolution happen once per ticket
        instance = SlaMetricInstance(
            ticket_id=self.ticket.id,
            metric=metric.value,
            cycle=len(existing) + 1,
            policy_name=self.policy.name,
            target_seconds=target.seconds,
            business_hours=target.business_hours,
            calendar=calendar_to_json(self.policy.calendar),
            status="active",
            breached=False,
            warned=False,
            elapsed_seconds=0.0,
            activated_at=at,
            running_since=at,
            due_at=None,
            fulfilled_at=None,
            breached_at=None,
        )
        self.session.add(instance)
        await self.session.flush()  # the id names the timer
        self.instances.append(instance)
        self.events[instance.id] = []
        self.session.add(SlaMetricEvent(instance_id=instance.id, kind="activated", at=at))
        self.events[instance.id].append(MetricEvent(MetricEventKind.ACTIVATED, at))
        if self.ticket.status in self.policy.pause_statuses:
            await self._append(instance, MetricEventKind.PAUSED, at)
        else:
            await self._refresh(instance)
        return instance

    async def change(
        self,
        kind: MetricEventKind,
        at: datetime,
        *,
        from_status: str,
        metrics: frozenset[str] | None = None,
    ) -> list[SlaMetricInstance]:
        changed = []
        for instance in self.instances:
            if instance.status not in ("active", "paused"):
                continue
            if metrics is not None and instance.metric not in metrics:
                continue
            if from_status != "any" and instance.status != from_status:
                continue
            await self._append(instance, kind, at)
            changed.append(instance)
        return changed

    async def fulfil(self, metrics: frozenset[str], at: datetime) -> list[SlaMetricInstance]:
        return await self.change(MetricEventKind.FULFILLED, at, from_status="any", metrics=metrics)

    async def on_status_change(self, old: str, new: str, at: datetime) -> None:
        """Pause in the policy's pause statuses, resume on leaving them, finish on close."""
        if self.policy is None:
            return
        pauses = self.policy.pause_statuses
        if new == "closed":
            await self.fulfil(frozenset(m.value for m in Metric), at)
        elif new in pauses and old not in pauses:
            await self.change(MetricEventKind.PAUSED, at, from_status="active")
        elif old in pauses and new not in pauses:
            await self.change(MetricEventKind.RESUMED, at, from_status="paused")


async def check_clock(session: AsyncSession, instance_id: int) -> str:
    """Timer: warn once near the deadline, breach at it; nothing if the clock stopped."""
    instance = await session.get(SlaMetricInstance, instance_id, with_for_update=True)
    if instance is None or instance.status != MetricStatus.ACTIVE.value or instance.breached:
        return "stopped"
    ticket = await session.get(Ticket, instance.ticket_id)
    if ticket is None or instance.due_at is None:
        return "stopped"
    clocks = await Clocks.load(session, ticket)
    instance = next(i for i in clocks.instances if i.id == instance_id)
    due = instance.due_at
    if due is None:
        return "stopped"
    now = outbox.session_clock(session).now()
    policy = clocks.policy
    if due <= now:
        instance.breached_at = now
        await clocks._append(instance, MetricEventKind.BREACHED, now)
        actions = list(policy.breach_actions) if policy else ["notify"]
        await outbox.record(
            session,
            SlaBreached(instance.ticket_id, instance.id, instance.metric, instance.policy_name,
                        actions),
        )  # fmt: skip
        return "breached"
    if not instance.warned:
        instance.warned = True
        actions = list(policy.warn_actions) if policy else ["notify"]
        await outbox.record(
            session,
            SlaNearBreach(instance.ticket_id, instance.id, instance.metric, instance.policy_name,
                          due.isoformat(), actions),
        )  # fmt: skip
        await clocks._refresh(instance)  # now armed for the breach itself
        return "warned"
    await clocks._refresh(instance)
    return "early"


async def replace_policies(
    session: AsyncSession, policies: list[Policy], actor: audit.Actor
) -> None:
    """Install a new ordered list of policies; running clocks keep the targets they began with."""
    names = [p.name for p in policies]
    if len(set(names)) != len(names):
        raise Invalid("policies", "policy names must be unique")
    now = outbox.session_clock(session).now()
    await session.execute(delete(SlaPolicyRow))
    for position, policy in enumerate(policies):
        session.add(
            SlaPolicyRow(position=position, name=policy.name, active=True,
                         definition=policy_to_json(policy), updated_at=now)
        )  # fmt: skip
    await session.flush()
    _policy_cache(session).clear()
    await audit.append(session, actor, "sla.policies_replaced", subject_type="sla_policies",
                       data={"names": names})  # fmt: skip


PRIORITY_LADDER = ("low", "normal", "high", "urgent")


async def apply_actions(
    session: AsyncSession, ticket_id: int, actions: list[str], why: str
) -> list[str]:
    """Carry out a policy's breach or near-breach actions on the ticket; returns what was done.

    notify is the event itself (the watch list and the realtime feeds react to it);
    raise_priority moves the ticket one step up; reassign hands it back to routing, which
    gives it to whoever is free; escalate raises it to at least high and leaves a note
    for the supervisors.
    """
    ticket = await session.get(Ticket, ticket_id, with_for_update=True)
    if ticket is None or ticket.status in ("solved", "closed"):
        return []
    system = ticket_flows.SYSTEM
    done: list[str] = []
    rank = PRIORITY_LADDER.index(ticket.priority) if ticket.priority in PRIORITY_LADDER else 1
    if "raise_priority" in actions and rank < len(PRIORITY_LADDER) - 1:
        rank += 1
        await ticket_flows.update_ticket(
            session, ticket, {"priority": PRIORITY_LADDER[rank]}, author=system
        )
        done.append("raise_priority")
    if "escalate" in actions:
        if rank < PRIORITY_LADDER.index("high"):
            await ticket_flows.update_ticket(session, ticket, {"priority": "high"}, author=system)
        await ticket_flows.add_note(session, ticket, system, f"Escalated to supervisors: {why}")
        done.append("escalate")
    if "reassign" in actions and ticket.assignee_id is not None:
        await ticket_flows.update_ticket(session, ticket, {"assignee_id": None}, author=system)
        done.append("reassign")
    return done
