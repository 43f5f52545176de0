"""Agent powers asked for from a ticket: the rules fund adjustments and order
cancellations share.

A power is asked for on a ticket, for the ticket's requester. Within the requester's
role limit it is approved at once; above it a second person with ``money:move`` whose
own limit covers it approves or rejects (never the one who asked; an admin always may),
and replaying the same decision changes nothing. The approval records the power's
event, and the outbox carries it out with the keys fixed when it was asked for. Every
step is audited and noted on the ticket, for staff only.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.compensation.models import AgentPower
from cexdesk.core import audit, outbox
from cexdesk.core.auth import Perm, Principal, Role
from cexdesk.core.errors import Conflict, Forbidden, Invalid, NotFound
from cexdesk.core.events import Event
from cexdesk.customers.models import Customer
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.models import Ticket

P = TypeVar("P", bound=AgentPower)
L = TypeVar("L")


class SelfApproval(Forbidden):
    title = "Someone else must decide"
    code = "self_approval"


class OverLimit(Forbidden):
    title = "Above your limit"
    code = "over_limit"


@dataclass(frozen=True)
class PowerKind(Generic[P, L]):
    """One kind of power: its table, how the audit and the notes name it, what an
    approval records, and its per-role limits (``L``: a USD figure, or several)."""

    model: type[P]
    action: str  # the audit actions' prefix: "adjustment" → "adjustment.requested"
    subject_type: str  # the audit entries' subject
    title: str  # how the ticket's notes name it: "Fund adjustment"
    approved: Callable[[P], Event]  # the event that lets the outbox carry it out
    covered: Callable[[P, L], bool]  # whether a limit covers this power
    limits_key: str  # a desk's own limits: context.services[limits_key] = {Role: L}
    default_limits: Mapping[Role, L]
    no_limit: L  # for a role not listed: it needs approval always

    def limits(self, services: Mapping[str, Any]) -> Mapping[Role, L]:
        """The desk's own limits if it set them, else the defaults."""
        found: Mapping[Role, L] | None = services.get(self.limits_key)
        return self.default_limits if found is None else found

    def limit_of(self, limits: Mapping[Role, L], role: Role) -> L:
        return limits.get(role, self.no_limit)


async def requester_uid(session: AsyncSession, ticket: Ticket) -> str:
    """The exchange user id of the ticket's requester: powers act on nobody else."""
    customer = await session.get(Customer, ticket.requester_id)
    if customer is None or customer.exchange_uid is None:
        raise Invalid("ticket_id", "the ticket's requester is not a known exchange user")
    return customer.exchange_uid


async def note(
    session: AsyncSession, ticket: Ticket, author: ticket_flows.Author, text: str
) -> None:
    """An internal note on the ticket, unless it is closed (the audit log has it anyway)."""
    if ticket.status != "closed":
        await ticket_flows.add_note(session, ticket, author, text)


async def for_update(session: AsyncSession, kind: PowerKind[P, L], power_id: int) -> P:
    found = (
        await session.execute(select(kind.model).where(kind.model.id == power_id).with_for_update())
    ).scalar_one_or_none()
    if found is None:
        raise NotFound(kind.subject_type.replace("_", " "), power_id)
    return found


async def asked(
    session: AsyncSession,
    kind: PowerKind[P, L],
    power: P,
    ticket: Ticket,
    staff: Principal,
    limits: Mapping[Role, L],
    what: str,
    limit: str,
    data: dict[str, Any],
) -> P:
    """Record a power just asked for: approved at once within the requester's limit
    (``limit`` as the note says it), else waiting for a second person. ``what`` says
    what it does, for the ticket's note; ``data`` goes into the audit entry."""
    within = kind.covered(power, kind.limit_of(limits, staff.role))
    now = outbox.session_clock(session).now()
    power.status = "approved" if within else "pending_approval"
    power.requested_by, power.requested_at = staff.id, now
    power.approved_by, power.approved_at = (staff.id, now) if within else (None, None)
    session.add(power)
    await session.flush()
    await audit.append(
        session, audit.Actor("agent", str(staff.id)), f"{kind.action}.requested",
        subject_type=kind.subject_type, subject_id=power.id,
        data={"ticket_id": ticket.id, "exchange_uid": power.exchange_uid,
              "reason": power.reason, "within_limit": within, **data},
    )  # fmt: skip
    text = f"{kind.title} #{power.id}: {what} ({power.reason})" + (
        ", within the limit; executing."
        if within
        else f" is above the requester's limit of {limit} and waits for a second approver."
    )
    await note(session, ticket, ticket_flows.Author("agent", staff.id), text)
    if within:
        await outbox.record(session, kind.approved(power))
    return power


async def decide(
    session: AsyncSession,
    kind: PowerKind[P, L],
    power_id: int,
    staff: Principal,
    approve: bool,
    decision_note: str,
    limits: Mapping[Role, L],
) -> P:
    """A second person approves or rejects (replaying the same decision changes nothing)."""
    staff.require(Perm.MONEY_MOVE)
    power = await for_update(session, kind, power_id)
    wanted = "approved" if approve else "rejected"
    if power.status != "pending_approval":
        decided_by_them = power.approved_by == staff.id
        if decided_by_them and (power.status == "rejected") != approve:
            return power
        raise Conflict(f"the {kind.title.lower()} is already {power.status}")
    if staff.id == power.requested_by:
        raise SelfApproval("someone other than the requester must decide")
    covered = kind.covered(power, kind.limit_of(limits, staff.role))
    if approve and staff.role != Role.ADMIN and not covered:
        raise OverLimit("this is above your own limit too: ask someone whose limit covers it")
    power.status = wanted
    power.approved_by, power.approved_at = staff.id, outbox.session_clock(session).now()
    power.decision_note = decision_note or None
    await audit.append(
        session, audit.Actor("agent", str(staff.id)), f"{kind.action}.{wanted}",
        subject_type=kind.subject_type, subject_id=power.id, data={"note": decision_note},
    )  # fmt: skip
    ticket = await session.get(Ticket, power.ticket_id)
    assert ticket is not None
    await note(
        session, ticket, ticket_flows.Author("agent", staff.id),
        f"{kind.title} #{power.id} {wanted}" + (f": {decision_note}" if decision_note else "."),
    )  # fmt: skip
    if approve:
        await outbox.record(session, kind.approved(power))
    return power


async def carried_out(
    session: AsyncSession, kind: PowerKind[P, L], power: P, outcome: str, data: dict[str, Any]
) -> Ticket:
    """Audit how the execution ended (``power.status`` says) and note it on the ticket."""
    if power.status != "failed":
        power.executed_at = outbox.session_clock(session).now()
    await audit.append(
        session, audit.Actor("system", "compensation"), f"{kind.action}.{power.status}",
        subject_type=kind.subject_type, subject_id=power.id, data={"error": power.error, **data},
    )  # fmt: skip
    ticket = await ticket_service.get_ticket(session, power.ticket_id, for_update=True)
    assert ticket is not None
    await note(session, ticket, ticket_flows.SYSTEM, f"{kind.title} #{power.id}: {outcome}")
    return ticket
