"""Stolen-funds investigations: open, trace, task, keep the user informed on a clock, close.

The update clock is a timer per investigation: when an update to the user falls due
and none was sent, the timeline says so and a ``risk.investigation_update_overdue``
event is recorded; sending an update moves the clock on by the interval.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import audit, outbox, timers
from cexdesk.core.errors import Conflict, Invalid, NotFound
from cexdesk.exchange.chains import InvalidAddress, check_address
from cexdesk.risk.events import InvestigationUpdateOverdue
from cexdesk.risk.models import Investigation, InvestigationEntry
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets.models import Ticket

UPDATE_TIMER = "risk.investigation_update"
TEAMS = ("security", "legal")


def timer_key(investigation_id: int) -> str:
    return f"risk-investigation-{investigation_id}"


def _entry(
    investigation: Investigation,
    now: datetime,
    kind: str,
    text: str,
    agent_id: int | None,
    **more: object,
) -> InvestigationEntry:
    return InvestigationEntry(
        investigation_id=investigation.id, at=now, kind=kind, text=text, agent_id=agent_id,
        **more,
    )  # fmt: skip


async def open_investigation(
    session: AsyncSession,
    agent_id: int,
    exchange_uid: str,
    summary: str,
    update_every_hours: int,
    ticket_id: int | None = None,
) -> Investigation:
    now = outbox.session_clock(session).now()
    if ticket_id is not None and await session.get(Ticket, ticket_id) is None:
        raise Invalid("ticket_id", f"no ticket {ticket_id}")
    investigation = Investigation(
        exchange_uid=exchange_uid,
        ticket_id=ticket_id,
        summary=summary,
        status="open",
        opened_at=now,
        opened_by=agent_id,
        update_every_hours=update_every_hours,
        next_update_due=now + timedelta(hours=update_every_hours),
    )
    session.add(investigation)
    await session.flush()
    session.add(_entry(investigation, now, "opened", summary, agent_id))
    await timers.schedule(
        session, UPDATE_TIMER, timer_key(investigation.id), investigation.next_update_due,
        {"investigation_id": investigation.id},
    )  # fmt: skip
    await audit.append(
        session, audit.Actor("agent", str(agent_id)), "risk.investigation_opened",
        subject_type="investigation", subject_id=investigation.id,
        data={"exchange_uid": exchange_uid, "update_every_hours": update_every_hours},
    )  # fmt: skip
    return investigation


async def _open_for_update(session: AsyncSession, investigation_id: int) -> Investigation:
    investigation = (
        await session.execute(
            select(Investigation).where(Investigation.id == investigation_id).with_for_update()
        )
    ).scalar_one_or_none()
    if investigation is None:
        raise NotFound("investigation", investigation_id)
    if investigation.status != "open":
        raise Conflict("the investigation is closed")
    return investigation


async def add_entry(
    session: AsyncSession,
    investigation_id: int,
    agent_id: int,
    kind: str,
    text: str,
    *,
    team: str | None = None,
    chain: str | None = None,
    address: str | None = None,
) -> InvestigationEntry:
    """A note, a traced address (checked on its chain) or a task for security or legal."""
    investigation = await _open_for_update(session, investigation_id)
    if kind == "traced_address":
        if chain is None or address is None:
            raise Invalid("address", "a traced address needs its chain and address")
        try:
            check_address(chain, address)
        except InvalidAddress as error:
            raise Invalid("address", str(error)) from None
    elif kind == "task":
        if team not in TEAMS:
            raise Invalid("team", f"a task is for one of {', '.join(TEAMS)}")
    elif kind != "note":
        raise Invalid("kind", "one of note, traced_address, task")
    now = outbox.session_clock(session).now()
    entry = _entry(
        investigation, now, kind, text, agent_id, team=team, chain=chain, address=address
    )
    session.add(entry)
    await session.flush()
    return entry


async def complete_task(
    session: AsyncSession, investigation_id: int, entry_id: int, agent_id: int
) -> InvestigationEntry:
    await _open_for_update(session, investigation_id)
    entry = await session.get(InvestigationEntry, entry_id)
    if entry is None or entry.investigation_id != investigation_id or entry.kind != "task":
        raise NotFound("task", entry_id)
    if entry.done_at is None:
        entry.done_at = outbox.session_clock(session).now()
        await audit.append(
            session, audit.Actor("agent", str(agent_id)), "risk.investigation_task_done",
            subject_type="investigation", subject_id=investigation_id,
            data={"task": entry.id, "team": entry.team},
        )  # fmt: skip
    return entry


async def send_update(
    session: AsyncSession, investigation_id: int, agent_id: int, text: str
) -> Investigation:
    """Tell the user how it stands (on their conversation, if there is one); resets the clock."""
    investigation = await _open_for_update(session, investigation_id)
    now = outbox.session_clock(session).now()
    if investigation.ticket_id is not None:
        ticket = await session.get(Ticket, investigation.ticket_id, with_for_update=True)
        assert ticket is not None
        await ticket_flows.add_reply(session, ticket, ticket_flows.Author("agent", agent_id), text)
    session.add(_entry(investigation, now, "update_sent", text, agent_id))
    investigation.last_update_at = now
    investigation.next_update_due = now + timedelta(hours=investigation.update_every_hours)
    await timers.schedule(
        session, UPDATE_TIMER, timer_key(investigation.id), investigation.next_update_due,
        {"investigation_id": investigation.id},
    )  # fmt: skip
    return investigation


async def update_due(session: AsyncSession, investigation_id: int) -> None:
    """The timer fired: if no update went out in time, say so (and remind again later)."""
    investigation = await session.get(Investigation, investigation_id)
    if investigation is None or investigation.status != "open":
        return
    now = outbox.session_clock(session).now()
    if investigation.next_update_due > now:
        return  # an update went out meanwhile; its own timer is armed
    session.add(_entry(investigation, now, "update_overdue", "an update to the user is due", None))
    await outbox.record(
        session, InvestigationUpdateOverdue(investigation.id, investigation.exchange_uid)
    )
    # Remind again after another interval if still nobody writes.
    investigation.next_update_due = now + timedelta(hours=investigation.update_every_hours)
    await timers.schedule(
        session, UPDATE_TIMER, timer_key(investigation.id), investigation.next_update_due,
        {"investigation_id": investigation.id},
    )  # fmt: skip


async def close(
    session: AsyncSession, investigation_id: int, agent_id: int, note: str
) -> Investigation:
    investigation = await _open_for_update(session, investigation_id)
    now = outbox.session_clock(session).now()
    investigation.status = "closed"
    investigation.closed_at = now
    investigation.closing_note = note
    session.add(_entry(investigation, now, "closed", note, agent_id))
    await timers.cancel(session, timer_key(investigation.id))
    await audit.append(
        session, audit.Actor("agent", str(agent_id)), "risk.investigation_closed",
        subject_type="investigation", subject_id=investigation.id, data={"note": note},
    )  # fmt: skip
    return investigation


async def timeline(session: AsyncSession, investigation_id: int) -> list[InvestigationEntry]:
    return list(
        (
            await session.execute(
                select(InvestigationEntry)
                .where(InvestigationEntry.investigation_id == investigation_id)
                .order_by(InvestigationEntry.id)
            )
        )
        .scalars()
        .all()
    )
