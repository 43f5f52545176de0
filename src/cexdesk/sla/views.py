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
    result = []
    for instance in await service.instances_for_ticket(session, ticket.id):
        state = await service.state_of(session, instance)
        running = state.status.value in ("active", "paused")
        result.append(
            MetricOut(
                id=instance.id,
                metric=instance.metric,
                cycle=instance.cycle,
                policy=instance.policy_name,
                status=instance.status,
                target_seconds=instance.target_seconds,
                business_hours=instance.business_hours,
                breached=instance.breached,
                activated_at=instance.activated_at,
                due_at=instance.due_at,
                fulfilled_at=instance.fulfilled_at,
                breached_at=instance.breached_at,
                remaining_seconds=(
                    state.remaining_seconds(service.instance_calendar(instance), now)
                    if running
                    else None
                ),
            )
        )
    return result


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
