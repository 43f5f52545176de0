"""Tiered escalation: tier 1 hands a ticket to tier 2 with a written handover, and tier 2
consults product / tech / legal experts in side conversations of their own.

The handover becomes a child ticket on the internal channel (never shown to the
customer) on a tier-2 team, linked to the parent, and the parent waits on hold. When
the child is solved its resolution flows back: a note on the parent, which opens again
so tier 1 answers the customer. Like ``flows``, this module records events and never
commits.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents.models import Team
from cexdesk.core import outbox
from cexdesk.core.errors import Conflict, Invalid
from cexdesk.intake.redaction import redact
from cexdesk.routing.events import Escalated, EscalationResolved
from cexdesk.routing.models import Escalation
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.models import Message, Ticket

INTERNAL_CHANNEL = "internal"
ESCALATION_TEAM_KIND = "tier2"
EXPERT_TEAM_KIND = "expert"
SUBJECT_PREFIX = "[Tier 2] "
EXPERT_PREFIX = "[Expert] "
SUBJECT_MAX = 300  # tickets.subject
# Statuses in which a ticket can no longer be handed on: it is finished.
FINISHED = frozenset({"solved", "closed"})
# What a resolved escalation does to its parent: waiting on tier 2 ends, work resumes.
REOPENS_PARENT = frozenset({"new", "pending", "on_hold"})


@dataclass(frozen=True)
class Evidence:
    """One piece of evidence in a handover: a transaction hash, an address, a log line."""

    kind: str
    value: str


@dataclass
class EscalationResult:
    escalation: Escalation
    child: Ticket


def handover_text(parent: Ticket, summary: str, tried: str, evidence: Sequence[Evidence]) -> str:
    """The child ticket's first message: what tier 2 needs to start without asking."""
    lines = [
        f"Escalated from ticket #{parent.id}: {parent.subject}",
        "",
        "Summary:",
        summary,
        "",
        "What was tried:",
        tried,
    ]
    if evidence:
        lines += ["", "Evidence:"]
        lines += [f"- {item.kind}: {item.value}" for item in evidence]
    return "\n".join(lines)


# Queries (kept beside the flow: nothing else in routing reads escalations).


async def open_escalation(session: AsyncSession, parent_id: int) -> Escalation | None:
    """The parent's escalation still waiting on tier 2, if any."""
    query = select(Escalation).where(
        Escalation.parent_id == parent_id, Escalation.resolved_at.is_(None)
    )
    return (await session.execute(query.limit(1))).scalar_one_or_none()


async def escalation_by_child(
    session: AsyncSession, child_id: int, *, for_update: bool = False
) -> Escalation | None:
    query = select(Escalation).where(Escalation.child_id == child_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def escalations_of(session: AsyncSession, ticket_id: int) -> list[Escalation]:
    """Escalations a ticket made (as parent) or carries (as child), oldest first."""
    query = (
        select(Escalation)
        .where((Escalation.parent_id == ticket_id) | (Escalation.child_id == ticket_id))
        .order_by(Escalation.id)
        .limit(200)
    )
    return list((await session.execute(query)).scalars())


async def last_staff_message(
    session: AsyncSession, ticket_id: int, *, after_first: bool = False
) -> Message | None:
    """The newest reply or note by an agent; ``after_first`` skips the opening message."""
    query = select(Message).where(Message.ticket_id == ticket_id, Message.author_type == "agent")
    if after_first:
        first = select(func.min(Message.id)).where(Message.ticket_id == ticket_id)
        query = query.where(Message.id > first.scalar_subquery())
    return (await session.execute(query.order_by(Message.id.desc()).limit(1))).scalar_one_or_none()


async def _escalation_team(
    session: AsyncSession, team_id: int | None, kind: str = ESCALATION_TEAM_KIND
) -> Team:
    """The team asked for (it must be of ``kind``), or the first team of that kind."""
    if team_id is not None:
        team = await session.get(Team, team_id)
        if team is None:
            raise Invalid("team_id", f"no team {team_id}")
        if team.kind != kind:
            raise Invalid("team_id", f"team {team_id} is not a {kind} team ({team.kind})")
        return team
    first = (
        await session.execute(select(Team).where(Team.kind == kind).order_by(Team.id).limit(1))
    ).scalar_one_or_none()
    if first is None:
        raise Invalid("team_id", f"there is no {kind} team to hand this to; create one first")
    return first


async def check_escalable(session: AsyncSession, parent: Ticket, *, consult: bool = False) -> None:
    """Refuse a finished ticket, an internal ticket (tier 2 consults from those instead),
    or one already waiting on a hand-over."""
    if parent.status in FINISHED:
        raise Conflict(f"ticket {parent.id} is {parent.status}; reopen it before escalating")
    if parent.channel == INTERNAL_CHANNEL and not consult:
        raise Conflict(f"ticket {parent.id} is itself an internal ticket; consult from it instead")
    if await open_escalation(session, parent.id) is not None:
        raise Conflict(f"ticket {parent.id} already has an open escalation")


async def escalate(
    session: AsyncSession,
    parent_ticket: Ticket,
    from_agent_id: int,
    summary: str,
    tried: str,
    evidence: Sequence[Evidence],
    team_id: int | None = None,
) -> EscalationResult:
    """Hand a ticket to tier 2: child ticket, link, parent on hold, note, handover row.

    Call with the parent loaded for writing (the row lock makes a second escalation wait
    and then see the first).
    """
    await check_escalable(session, parent_ticket)
    team = await _escalation_team(session, team_id)
    agent = ticket_flows.Author("agent", from_agent_id)
    # Secrets pasted into a handover are masked like anywhere else, in the row too.
    clean_summary = redact(summary).text
    clean_tried = redact(tried).text
    clean_evidence = [Evidence(e.kind, redact(e.value).text) for e in evidence]
    subject = (SUBJECT_PREFIX + parent_ticket.subject)[:SUBJECT_MAX]
    created = await ticket_flows.create_ticket(
        session,
        parent_ticket.requester_id,
        subject,
        handover_text(parent_ticket, clean_summary, clean_tried, clean_evidence),
        INTERNAL_CHANNEL,
        author=agent,
        priority=parent_ticket.priority,
        category=parent_ticket.category,
        subcategory=parent_ticket.subcategory,
        language=parent_ticket.language,
        team_id=team.id,
    )
    child = created.ticket
    await ticket_flows.link_tickets(session, "escalation", parent_ticket, child, author=agent)
    await ticket_flows.change_status(session, parent_ticket, "on_hold", author=agent)
    await ticket_flows.add_note(
        session,
        parent_ticket,
        agent,
        f"Escalated to {team.name} as ticket #{child.id}; this ticket waits on hold until "
        f"it is resolved.\n\nSummary: {clean_summary}",
    )
    escalation = Escalation(
        parent_id=parent_ticket.id,
        child_id=child.id,
        from_agent_id=from_agent_id,
        summary=clean_summary,
        tried=clean_tried,
        evidence=[{"kind": e.kind, "value": e.value} for e in clean_evidence],
        created_at=outbox.session_clock(session).now(),
        resolved_at=None,
        resolution=None,
    )
    session.add(escalation)
    await session.flush()
    await outbox.record(
        session, Escalated(escalation.id, parent_ticket.id, child.id, from_agent_id)
    )
    return EscalationResult(escalation, child)


async def resolve_from_child(session: AsyncSession, child_id: int) -> Escalation | None:
    """The child ticket was solved (or merged away): carry its resolution back (idempotent).

    Returns the escalation it resolved, or None when there was nothing (left) to do.
    """
    escalation = await escalation_by_child(session, child_id, for_update=True)
    if escalation is None or escalation.resolved_at is not None:
        return None
    child = await ticket_service.get_ticket(session, child_id)
    if child is None or child.status not in FINISHED:
        return None  # reopened before this handler ran; the next solve resolves it
    last = await last_staff_message(session, child_id, after_first=True)
    resolution = last.body if last is not None else ""
    escalation.resolution = resolution
    escalation.resolved_at = outbox.session_clock(session).now()
    # The engineer who solved it speaks for the change; the system if nobody owns it.
    if child.assignee_id is not None:
        author = ticket_flows.Author("agent", child.assignee_id)
    else:
        author = ticket_flows.SYSTEM
    parent = await ticket_service.get_ticket(session, escalation.parent_id, for_update=True)
    if parent is not None and parent.status != "closed":
        # Closed without being solved: merged into another ticket (the note says which).
        verb = "resolved" if child.status == "solved" else "closed"
        note = f"Tier 2 {verb} ticket #{child.id}."
        if resolution:
            note += f"\n\nResolution: {resolution}"
        await ticket_flows.add_note(session, parent, author, note)
        if parent.status in REOPENS_PARENT:
            await ticket_flows.change_status(session, parent, "open", author=author)
    await outbox.record(
        session, EscalationResolved(escalation.id, escalation.parent_id, escalation.child_id)
    )
    return escalation


async def consult(
    session: AsyncSession,
    ticket: Ticket,
    from_agent_id: int,
    question: str,
    team_id: int | None = None,
) -> EscalationResult:
    """Tier 2 asks product, tech or legal: a side conversation with its own SLA clocks.

    The expert's ticket is internal like an escalation's, on an expert team; the asking
    ticket keeps its status (the engineer goes on working) and gets the answer as a note
    when the expert solves theirs (``resolve_from_child``).
    """
    await check_escalable(session, ticket, consult=True)
    team = await _escalation_team(session, team_id, EXPERT_TEAM_KIND)
    agent = ticket_flows.Author("agent", from_agent_id)
    clean_question = redact(question).text
    created = await ticket_flows.create_ticket(
        session,
        ticket.requester_id,
        (EXPERT_PREFIX + ticket.subject.removeprefix(SUBJECT_PREFIX))[:SUBJECT_MAX],
        f"Question from ticket #{ticket.id} ({ticket.subject}):\n\n{clean_question}",
        INTERNAL_CHANNEL,
        author=agent,
        priority=ticket.priority,
        category=ticket.category,
        subcategory=ticket.subcategory,
        language=ticket.language,
        team_id=team.id,
    )
    child = created.ticket
    await ticket_flows.link_tickets(session, "escalation", ticket, child, author=agent)
    await ticket_flows.add_note(
        session, ticket, agent, f"Asked {team.name} as ticket #{child.id}: {clean_question}"
    )
    escalation = Escalation(
        parent_id=ticket.id,
        child_id=child.id,
        from_agent_id=from_agent_id,
        summary=clean_question,
        tried="",
        evidence=[],
        created_at=outbox.session_clock(session).now(),
        resolved_at=None,
        resolution=None,
    )
    session.add(escalation)
    await session.flush()
    await outbox.record(session, Escalated(escalation.id, ticket.id, child.id, from_agent_id))
    return EscalationResult(escalation, child)
