"""SLA routes: a ticket's clocks, and the ordered policy list."""

from __future__ import annotations

from fastapi import APIRouter

from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.core import audit
from cexdesk.core.auth import Perm
from cexdesk.core.errors import Invalid
from cexdesk.sla import flows, service
from cexdesk.sla.calendar import Block, Calendar
from cexdesk.sla.policies import Conditions, Metric, Policy, Target
from cexdesk.sla.schemas import MetricOut, PoliciesIn, PolicyIn, PolicyOut
from cexdesk.sla.serialise import policy_to_json
from cexdesk.tickets import access

router = APIRouter(tags=["sla"])


@router.get("/tickets/{ticket_id}/sla", response_model=list[MetricOut])
async def ticket_clocks(
    ticket_id: int, session: ReadSession, staff: CurrentStaff
) -> list[MetricOut]:
    """Every SLA clock of a ticket, running or finished, with the time left."""
    ticket = await access.access_ticket_by_id(session, staff, ticket_id)
    now = session.info["clock"].now()
    return [
        MetricOut(
            id=clock.instance.id,
            metric=clock.instance.metric,
            cycle=clock.instance.cycle,
            policy=clock.instance.policy_name,
            status=clock.instance.status,
            target_seconds=clock.instance.target_seconds,
            business_hours=clock.instance.business_hours,
            breached=clock.instance.breached,
            activated_at=clock.instance.activated_at,
            due_at=clock.instance.due_at,
            fulfilled_at=clock.instance.fulfilled_at,
            breached_at=clock.instance.breached_at,
            remaining_seconds=clock.remaining_seconds,
        )
        for clock in await service.clocks_of(session, ticket.id, now)
    ]


@router.get("/sla/policies", response_model=list[PolicyOut])
async def list_policies(session: DbSession, staff: CurrentStaff) -> list[PolicyOut]:
    policies = await flows.ensure_default_policies(session)
    return [
        PolicyOut(position=i, name=p.name, definition=policy_to_json(p))
        for i, p in enumerate(policies)
    ]


def _policy(body: PolicyIn, index: int) -> Policy:
    try:
        calendar = Calendar(
            timezone=body.calendar.timezone,
            blocks=tuple(
                Block(b.weekday, _minutes(b.start), _minutes(b.end)) for b in body.calendar.blocks
            ),
            holidays=frozenset(body.calendar.holidays),
        )
    except ValueError as error:
        raise Invalid(f"policies.{index}.calendar", str(error)) from error
    metrics = [t.metric for t in body.targets]
    if len(set(metrics)) != len(metrics):
        raise Invalid(f"policies.{index}.targets", "each metric at most once")
    return Policy(
        name=body.name,
        conditions=Conditions(
            channels=frozenset(body.conditions.channels),
            priorities=frozenset(body.conditions.priorities),
            min_vip_tier=body.conditions.min_vip_tier,
            categories=frozenset(body.conditions.categories),
            team_ids=frozenset(body.conditions.team_ids),
        ),
        targets=tuple(
            Target(Metric(t.metric), t.seconds, t.business_hours, t.warn_at) for t in body.targets
        ),
        calendar=calendar,
        pause_statuses=frozenset(body.pause_statuses),
        breach_actions=tuple(body.breach_actions),
        warn_actions=tuple(body.warn_actions),
    )


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


@router.put("/sla/policies", response_model=list[PolicyOut])
async def replace_policies(
    body: PoliciesIn, session: DbSession, staff: CurrentStaff
) -> list[PolicyOut]:
    """Replace the ordered policy list (supervisors and admins)."""
    staff.require(Perm.SLA_MANAGE)
    policies = [_policy(p, i) for i, p in enumerate(body.policies)]
    await flows.replace_policies(session, policies, audit.Actor("agent", str(staff.id)))
    return [
        PolicyOut(position=i, name=p.name, definition=policy_to_json(p))
        for i, p in enumerate(policies)
    ]
