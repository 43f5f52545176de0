"""Routing routes: an agent's chat offers, accept and decline; escalations to tier 2."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.api.schemas import PathId
from cexdesk.core.auth import Perm
from cexdesk.core.errors import Forbidden
from cexdesk.routing import escalation, flows
from cexdesk.routing import service as routing_service
from cexdesk.routing.models import Escalation
from cexdesk.routing.schemas import (
    AcceptedOut,
    ConsultationCreate,
    EscalationCreate,
    EscalationCreated,
    EscalationOut,
    EvidenceOut,
    OfferOut,
    PulledOut,
    QueueItemOut,
)
from cexdesk.tickets import access

router = APIRouter(tags=["routing"])


def _agent_id(staff: CurrentStaff) -> int:
    if staff.kind != "agent":
        raise Forbidden("offers are answered by a signed-in agent")
    return staff.id


@router.get("/routing/offers", response_model=list[OfferOut])
async def my_offers(session: ReadSession, staff: CurrentStaff) -> list[OfferOut]:
    """Chats offered to me right now, with the time left to accept."""
    now = session.info["clock"].now()
    offers = await routing_service.pending_offers(session, staff.id, now)
    return [
        OfferOut(
            id=o.id,
            ticket_id=o.ticket_id,
            agent_id=o.agent_id,
            status=o.status,
            offered_at=o.offered_at,
            expires_at=o.expires_at,
            seconds_left=(o.expires_at - now).total_seconds(),
        )
        for o in offers
    ]


@router.post("/routing/offers/{offer_id}/accept", response_model=AcceptedOut)
async def accept(offer_id: int, session: DbSession, staff: CurrentStaff) -> AcceptedOut:
    ticket = await flows.accept_offer(session, offer_id, _agent_id(staff))
    return AcceptedOut(offer_id=offer_id, ticket_id=ticket.id, assignee_id=ticket.assignee_id)


@router.post("/routing/offers/{offer_id}/decline")
async def decline(offer_id: int, session: DbSession, staff: CurrentStaff) -> dict[str, str]:
    outcome = await flows.decline_offer(session, offer_id, _agent_id(staff))
    return {"status": "declined", "next": outcome}


def escalation_out(row: Escalation) -> EscalationOut:
    return EscalationOut(
        id=row.id,
        parent_ticket_id=row.parent_id,
        child_ticket_id=row.child_id,
        from_agent_id=row.from_agent_id,
        summary=row.summary,
        tried=row.tried,
        evidence=[EvidenceOut(kind=e["kind"], value=e["value"]) for e in row.evidence],
        status="open" if row.resolved_at is None else "resolved",
        created_at=row.created_at,
        resolved_at=row.resolved_at,
        resolution=row.resolution,
    )


@router.post("/tickets/{ticket_id}/escalations", status_code=201, response_model=EscalationCreated)
async def escalate(
    ticket_id: PathId, body: EscalationCreate, session: DbSession, staff: CurrentStaff
) -> EscalationCreated:
    """Hand this ticket to tier 2 with a handover; it waits on hold until resolved."""
    parent = await access.access_ticket_by_id(session, staff, ticket_id, write=True)
    done = await escalation.escalate(
        session,
        parent,
        staff.id,
        body.summary,
        body.tried,
        [escalation.Evidence(e.kind, e.value) for e in body.evidence],
        team_id=body.team_id,
    )
    return EscalationCreated(
        escalation_id=done.escalation.id,
        child_ticket_id=done.child.id,
        team_id=done.child.team_id,
    )


@router.post(
    "/tickets/{ticket_id}/consultations", status_code=201, response_model=EscalationCreated
)
async def consult(
    ticket_id: PathId, body: ConsultationCreate, session: DbSession, staff: CurrentStaff
) -> EscalationCreated:
    """Ask an expert team (product, tech, legal) in a side conversation with its own clock."""
    ticket = await access.access_ticket_by_id(session, staff, ticket_id, write=True)
    done = await escalation.consult(session, ticket, staff.id, body.question, body.team_id)
    return EscalationCreated(
        escalation_id=done.escalation.id,
        child_ticket_id=done.child.id,
        team_id=done.child.team_id,
    )


@router.get("/tickets/{ticket_id}/escalations", response_model=list[EscalationOut])
async def list_escalations(
    ticket_id: PathId, session: ReadSession, staff: CurrentStaff
) -> list[EscalationOut]:
    """Escalations this ticket made, or the one it carries as a tier-2 child."""
    ticket = await access.access_ticket_by_id(session, staff, ticket_id)
    return [escalation_out(row) for row in await escalation.escalations_of(session, ticket.id)]


@router.post("/routing/next", response_model=PulledOut)
async def pull_next(session: DbSession, staff: CurrentStaff) -> PulledOut:
    """Give me the next ticket I can take (emails, forms, social; chats are offered)."""
    ticket = await flows.pull_next(session, _agent_id(staff))
    return PulledOut(ticket_id=ticket.id if ticket else None)


@router.get("/routing/queue", response_model=list[QueueItemOut])
async def queue(
    session: ReadSession,
    staff: CurrentStaff,
    team_id: Annotated[int | None, Query(ge=1)] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
) -> list[QueueItemOut]:
    """Waiting, unassigned work in the order routing will place it (supervisors)."""
    staff.require(Perm.TICKETS_ASSIGN_OTHERS)
    now = session.info["clock"].now()
    rows = await routing_service.waiting_tickets(session, team_id=team_id, language=language)
    return [
        QueueItemOut(
            ticket_id=t.id, subject=t.subject, channel=t.channel, priority=t.priority,
            language=t.language, team_id=t.team_id, category=t.category,
            waiting_seconds=(now - t.created_at).total_seconds(),
        )
        for t in rows
    ]  # fmt: skip
