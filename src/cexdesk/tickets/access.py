"""Who may see and change a ticket: the only way views load one.

Customers see only tickets they requested, and someone else's ticket is a 404, never a
403, so ids cannot be probed. Tickets on a staff-only channel (``internal``: tier-2
escalations) are staff business, a 404 for their requester too. Staff are checked
against their role's permissions.
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import Forbidden, Invalid, NotFound
from cexdesk.tickets import service
from cexdesk.tickets.models import Attachment, Ticket


def check_read_all(principal: Principal) -> None:
    """Staff listing or searching across requesters."""
    principal.require(Perm.TICKETS_READ_ALL)


def sees_internal(principal: Principal) -> bool:
    """Internal notes and fields (assignee, tags, priority...) are for staff only."""
    return principal.is_staff and principal.can(Perm.TICKETS_READ_INTERNAL)


async def access_ticket_by_id(
    session: AsyncSession, principal: Principal, ticket_id: int, *, write: bool = False
) -> Ticket:
    """Load a ticket the principal may see (and, with ``write``, change; the row is locked)."""
    ticket = await service.get_ticket(session, ticket_id, for_update=write)
    if principal.is_customer:
        if (
            ticket is None
            or ticket.requester_id != principal.id
            or ticket.channel in service.STAFF_ONLY_CHANNELS
        ):
            raise NotFound("ticket", ticket_id)
        return ticket
    principal.require(Perm.TICKETS_WRITE if write else Perm.TICKETS_READ_ALL)
    if ticket is None:
        raise NotFound("ticket", ticket_id)
    return ticket


def check_staff_write(principal: Principal) -> None:
    """Notes, updates, links and merges are staff work."""
    if principal.is_customer:
        raise Forbidden("only support staff can do this")
    principal.require(Perm.TICKETS_WRITE)


def check_assignment(
    principal: Principal, current_assignee_id: int | None, new_assignee_id: int | None
) -> None:
    """Anyone who works tickets may take one or let go of their own; the rest is a lead's."""
    if new_assignee_id == current_assignee_id:
        return
    mine_or_nobodys = current_assignee_id in (None, principal.id)
    if mine_or_nobodys and new_assignee_id in (None, principal.id):
        return
    principal.require(Perm.TICKETS_ASSIGN_OTHERS)


def attachment_visible(
    principal: Principal,
    *,
    uploaded_by_type: str,
    uploaded_by_id: int | None,
    on_public_message: bool,
) -> bool:
    """A customer sees files on public replies and their own uploads, nothing else."""
    if sees_internal(principal):
        return True
    if on_public_message:
        return True
    kind = "customer" if principal.is_customer else "agent"
    return uploaded_by_type == kind and uploaded_by_id == principal.id


async def access_ticket_pair_for_write(
    session: AsyncSession, principal: Principal, first_id: int, second_id: int
) -> tuple[Ticket, Ticket]:
    """Load two tickets for writing (links, merges), locking the lower id first so that
    two such calls cannot deadlock."""
    if first_id == second_id:
        raise Invalid("target_id", "must be another ticket")
    low, high = sorted((first_id, second_id))
    by_id = {
        low: await access_ticket_by_id(session, principal, low, write=True),
        high: await access_ticket_by_id(session, principal, high, write=True),
    }
    return by_id[first_id], by_id[second_id]


async def access_attachment_by_id(
    session: AsyncSession, principal: Principal, attachment_id: int
) -> Attachment:
    """An attachment the principal may download: on a ticket they may read and, for a
    customer, their own upload or one on a public message. Anything else is not found."""
    attachment = await session.get(Attachment, attachment_id)
    if attachment is None or attachment.ticket_id is None:
        raise NotFound("attachment", attachment_id)
    try:
        await access_ticket_by_id(session, principal, attachment.ticket_id)
    except NotFound:
        raise NotFound("attachment", attachment_id) from None
    public = await service.public_message_ids(
        session, [] if attachment.message_id is None else [attachment.message_id]
    )
    if not attachment_visible(
        principal,
        uploaded_by_type=attachment.uploaded_by_type,
        uploaded_by_id=attachment.uploaded_by_id,
        on_public_message=attachment.message_id in public,
    ):
        raise NotFound("attachment", attachment_id)
    return attachment


async def visible_attachments(
    session: AsyncSession, principal: Principal, ticket_id: int
) -> list[Attachment]:
    """A ticket's attachments this principal may see (call after loading the ticket)."""
    attachments = await service.attachments_of(session, ticket_id)
    if sees_internal(principal):
        return attachments
    public = await service.public_message_ids(
        session, [a.message_id for a in attachments if a.message_id is not None]
    )
    return [
        a
        for a in attachments
        if attachment_visible(
            principal,
            uploaded_by_type=a.uploaded_by_type,
            uploaded_by_id=a.uploaded_by_id,
            on_public_message=a.message_id in public,
        )
    ]
