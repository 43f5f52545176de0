"""Ticket routes: thin, every ticket loaded through ``access``, every change through ``flows``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Header, Query, Response, UploadFile
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.api.deps import Ctx, CurrentPrincipal, DbSession, ReadSession
from cexdesk.api.schemas import NO_NUL, PathId, QueryId
from cexdesk.core.auth import Principal
from cexdesk.core.errors import Forbidden, Invalid
from cexdesk.routing import flows as routing_flows
from cexdesk.tickets import access, flows, service
from cexdesk.tickets.models import Attachment, Message, Ticket, TicketLink
from cexdesk.tickets.schemas import (
    AttachmentOut,
    Channel,
    CustomerTicketOut,
    LinkCreate,
    LinkOut,
    MergeRequest,
    MessageOut,
    MessagePage,
    NoteCreate,
    Priority,
    ReplyCreate,
    ReplyResult,
    Status,
    TicketCreate,
    TicketDetail,
    TicketOut,
    TicketPage,
    TicketPatch,
)
from cexdesk.tickets.storage import AttachmentStorage, download_response, read_upload

router = APIRouter(tags=["tickets"])

Limit = Annotated[int, Query(ge=1, le=service.MAX_PAGE)]
Cursor = Annotated[str | None, Query(max_length=200, pattern=NO_NUL)]


def customer_status_filter(status: str | None) -> str | tuple[str, ...] | None:
    """Customers see on-hold as open, so they filter that way too."""
    if status == "open":
        return ("open", "on_hold")
    if status == "on_hold":
        return ()
    return status


def ticket_out(
    ticket: Ticket, tags: list[str], principal: Principal
) -> TicketOut | CustomerTicketOut:
    if not access.sees_internal(principal):
        # Requesters see on-hold as open: waiting on a third party is our business.
        status = "open" if ticket.status == "on_hold" else ticket.status
        return CustomerTicketOut(
            id=ticket.id,
            subject=ticket.subject,
            status=status,
            channel=ticket.channel,
            language=ticket.language,
            created_at=ticket.created_at,
            updated_at=ticket.updated_at,
        )
    return TicketOut(
        id=ticket.id,
        subject=ticket.subject,
        status=ticket.status,
        channel=ticket.channel,
        language=ticket.language,
        created_at=ticket.created_at,
        updated_at=ticket.updated_at,
        priority=ticket.priority,
        category=ticket.category,
        subcategory=ticket.subcategory,
        requester_id=ticket.requester_id,
        assignee_id=ticket.assignee_id,
        team_id=ticket.team_id,
        is_complaint=ticket.is_complaint,
        tags=tags,
        solved_at=ticket.solved_at,
        closed_at=ticket.closed_at,
    )


def message_out(message: Message) -> MessageOut:
    return MessageOut(
        id=message.id,
        author_type=message.author_type,
        author_id=message.author_id,
        internal=message.internal,
        body=message.body,
        channel=message.channel,
        created_at=message.created_at,
    )


def attachment_out(attachment: Attachment) -> AttachmentOut:
    return AttachmentOut(
        id=attachment.id,
        ticket_id=attachment.ticket_id,
        message_id=attachment.message_id,
        filename=attachment.filename,
        content_type=attachment.content_type,
        size=attachment.size,
        sha256=attachment.sha256,
        created_at=attachment.created_at,
        url=f"/api/v1/attachments/{attachment.id}",
    )


def link_out(link: TicketLink) -> LinkOut:
    return LinkOut(
        kind=link.kind, source_id=link.source_id, target_id=link.target_id,
        created_at=link.created_at,
    )  # fmt: skip


async def _one_out(
    session: AsyncSession, ticket: Ticket, principal: Principal
) -> TicketOut | CustomerTicketOut:
    tags = await service.tags_for(session, [ticket.id]) if access.sees_internal(principal) else {}
    return ticket_out(ticket, tags.get(ticket.id, []), principal)


@router.post(
    "/tickets",
    status_code=201,
    response_model=TicketOut | CustomerTicketOut,
    responses={200: {"description": "A retry with a known Idempotency-Key: the first ticket"}},
)
async def create_ticket(
    body: TicketCreate,
    principal: CurrentPrincipal,
    session: DbSession,
    response: Response,
    idempotency_key: Annotated[
        str | None, Header(alias="Idempotency-Key", min_length=1, max_length=100)
    ] = None,
) -> TicketOut | CustomerTicketOut:
    """Open a ticket: customers for themselves, staff on behalf of ``requester_id``."""
    if principal.is_customer:
        if body.requester_id not in (None, principal.id):
            raise Invalid("requester_id", "customers open tickets for themselves")
        staff_only = ("priority", "assignee_id", "team_id", "status", "tags")
        for name in staff_only:
            if name in body.model_fields_set:
                raise Invalid(name, "only staff set this")
        requester_id = principal.id
        author = flows.Author.of(principal)
    else:
        access.check_staff_write(principal)
        if body.requester_id is None:
            raise Invalid("requester_id", "staff must say whom the ticket is for")
        access.check_assignment(principal, None, body.assignee_id)
        await flows.requester_exists(session, body.requester_id)
        await flows.check_assignee(session, body.assignee_id)
        await flows.check_team(session, body.team_id)
        requester_id = body.requester_id
        author = flows.Author.of(principal)
    created = await flows.create_ticket(
        session,
        requester_id,
        body.subject,
        body.body,
        body.channel or ("api" if principal.kind == "integration" else "web"),
        author=author,
        priority=body.priority,
        category=body.category,
        subcategory=body.subcategory,
        language=body.language,
        tags=body.tags,
        assignee_id=body.assignee_id,
        team_id=body.team_id,
        status=body.status or "new",
        idempotency_key=idempotency_key,
    )
    if not created.created:
        response.status_code = 200
    response.headers["Location"] = f"/api/v1/tickets/{created.ticket.id}"
    return ticket_out(created.ticket, created.tags, principal)


async def _page(
    session: AsyncSession,
    principal: Principal,
    filters: service.TicketFilters,
    cursor: str | None,
    limit: int,
) -> TicketPage:
    before = service.decode_cursor(cursor)
    tickets, next_id = await service.list_tickets(session, filters, before_id=before, limit=limit)
    internal = access.sees_internal(principal)
    tags = await service.tags_for(session, [t.id for t in tickets]) if internal else {}
    return TicketPage(
        items=[ticket_out(t, tags.get(t.id, []), principal) for t in tickets],
        next_cursor=None if next_id is None else service.encode_cursor(next_id),
    )


@router.get("/tickets", response_model=TicketPage)
async def list_tickets(
    principal: CurrentPrincipal,
    session: ReadSession,
    status: Status | None = None,
    assignee_id: QueryId = None,
    team_id: QueryId = None,
    requester_id: QueryId = None,
    priority: Priority | None = None,
    tag: Annotated[str | None, Query(min_length=1, max_length=60, pattern=NO_NUL)] = None,
    channel: Channel | None = None,
    category: Annotated[str | None, Query(min_length=1, max_length=60, pattern=NO_NUL)] = None,
    cursor: Cursor = None,
    limit: Limit = 25,
) -> TicketPage:
    """Tickets newest first; customers get their own, whatever they filter on."""
    if principal.is_customer:
        if requester_id not in (None, principal.id):
            return TicketPage(items=[], next_cursor=None)
        requester_id = principal.id
        # Internal fields are not filters a customer may probe.
        assignee_id = team_id = None
        priority = None
        tag = category = None
    else:
        access.check_read_all(principal)
    filters = service.TicketFilters(
        status=customer_status_filter(status) if principal.is_customer else status,
        assignee_id=assignee_id,
        team_id=team_id,
        requester_id=requester_id,
        priority=priority,
        tag=tag.strip().lower() if tag else None,
        channel=channel,
        category=category,
        hide_staff_only=principal.is_customer,
    )
    return await _page(session, principal, filters, cursor, limit)


@router.get("/me/tickets", response_model=TicketPage)
async def my_tickets(
    principal: CurrentPrincipal,
    session: ReadSession,
    status: Status | None = None,
    cursor: Cursor = None,
    limit: Limit = 25,
) -> TicketPage:
    """The signed-in customer's own tickets."""
    if not principal.is_customer:
        raise Forbidden("this is the signed-in customer's list; staff use /tickets")
    filters = service.TicketFilters(
        requester_id=principal.id, status=customer_status_filter(status), hide_staff_only=True
    )
    return await _page(session, principal, filters, cursor, limit)


@router.get("/tickets/{ticket_id}", response_model=TicketDetail)
async def show_ticket(
    ticket_id: PathId, principal: CurrentPrincipal, session: ReadSession
) -> TicketDetail:
    """A ticket with its first page of messages, attachment metadata and links."""
    ticket = await access.access_ticket_by_id(session, principal, ticket_id)
    internal = access.sees_internal(principal)
    messages, next_id = await service.messages_page(session, ticket.id, include_internal=internal)
    attachments = await access.visible_attachments(session, principal, ticket.id)
    links = await service.links_of(session, ticket.id)
    if not internal:
        # Escalation children and merges are internal routing; follow-ups are the user's own.
        links = [link for link in links if link.kind == "follow_up"]
    return TicketDetail(
        ticket=await _one_out(session, ticket, principal),
        messages=[message_out(m) for m in messages],
        messages_next_cursor=None if next_id is None else service.encode_cursor(next_id),
        attachments=[attachment_out(a) for a in attachments],
        links=[link_out(link) for link in links],
    )


@router.get("/tickets/{ticket_id}/messages", response_model=MessagePage)
async def list_messages(
    ticket_id: PathId,
    principal: CurrentPrincipal,
    session: ReadSession,
    cursor: Cursor = None,
    limit: Annotated[int, Query(ge=1, le=service.MESSAGES_PAGE)] = service.MESSAGES_PAGE,
) -> MessagePage:
    """Messages oldest first; ``cursor`` continues after the last one seen."""
    ticket = await access.access_ticket_by_id(session, principal, ticket_id)
    messages, next_id = await service.messages_page(
        session,
        ticket.id,
        include_internal=access.sees_internal(principal),
        after_id=service.decode_cursor(cursor),
        limit=limit,
    )
    return MessagePage(
        items=[message_out(m) for m in messages],
        next_cursor=None if next_id is None else service.encode_cursor(next_id),
    )


@router.post("/tickets/{ticket_id}/replies", status_code=201, response_model=ReplyResult)
async def reply(
    ticket_id: PathId, body: ReplyCreate, principal: CurrentPrincipal, session: DbSession
) -> ReplyResult:
    """A public reply; on a closed ticket it opens a follow-up (201 either way)."""
    ticket = await access.access_ticket_by_id(session, principal, ticket_id, write=True)
    if principal.is_customer and body.status is not None:
        raise Invalid("status", "only agents set the status with a reply")
    replied = await flows.add_reply(
        session,
        ticket,
        flows.Author.of(principal),
        body.body,
        status=body.status,
        attachment_ids=body.attachment_ids,
    )
    return ReplyResult(
        message=message_out(replied.message),
        ticket=await _one_out(session, replied.ticket, principal),
        follow_up_of=replied.follow_up_of,
        merged_from=replied.merged_from,
    )


@router.post("/tickets/{ticket_id}/notes", status_code=201, response_model=MessageOut)
async def note(
    ticket_id: PathId, body: NoteCreate, principal: CurrentPrincipal, session: DbSession
) -> MessageOut:
    """An internal note, never shown to the customer."""
    ticket = await access.access_ticket_by_id(session, principal, ticket_id, write=True)
    access.check_staff_write(principal)
    message = await flows.add_note(
        session, ticket, flows.Author.of(principal), body.body, attachment_ids=body.attachment_ids
    )
    return message_out(message)


@router.patch("/tickets/{ticket_id}", response_model=TicketOut | CustomerTicketOut)
async def update_ticket(
    ticket_id: PathId, body: TicketPatch, principal: CurrentPrincipal, session: DbSession
) -> TicketOut | CustomerTicketOut:
    """Change status, priority, category, language, tags or assignment (staff)."""
    ticket = await access.access_ticket_by_id(session, principal, ticket_id, write=True)
    access.check_staff_write(principal)
    changes = body.model_dump(exclude_unset=True)
    for name in ("subject", "status", "priority", "language", "is_complaint"):
        if name in changes and changes[name] is None:
            raise Invalid(name, "cannot be null")
    if "assignee_id" in changes:
        access.check_assignment(principal, ticket.assignee_id, changes["assignee_id"])
        new_assignee = changes["assignee_id"]
        if new_assignee is not None and new_assignee != ticket.assignee_id:
            # Nobody goes above capacity, whether routing or a supervisor hands the work.
            await routing_flows.check_capacity(session, new_assignee, ticket.channel)
    await flows.update_ticket(session, ticket, changes, author=flows.Author.of(principal))
    return await _one_out(session, ticket, principal)


@router.post("/tickets/{ticket_id}/links", status_code=201, response_model=LinkOut)
async def link(
    ticket_id: PathId, body: LinkCreate, principal: CurrentPrincipal, session: DbSession
) -> LinkOut:
    """Link an escalation child (``target_id``) to this ticket."""
    access.check_staff_write(principal)
    source, target = await access.access_ticket_pair_for_write(
        session, principal, ticket_id, body.target_id
    )
    created = await flows.link_tickets(
        session, body.kind, source, target, author=flows.Author.of(principal)
    )
    return link_out(created)


@router.post("/tickets/{ticket_id}/merge", response_model=LinkOut)
async def merge(
    ticket_id: PathId, body: MergeRequest, principal: CurrentPrincipal, session: DbSession
) -> LinkOut:
    """Merge this ticket into ``target_id``; this one closes."""
    access.check_staff_write(principal)
    source, target = await access.access_ticket_pair_for_write(
        session, principal, ticket_id, body.target_id
    )
    created = await flows.merge_tickets(session, source, target, author=flows.Author.of(principal))
    return link_out(created)


def _storage(context: Ctx) -> AttachmentStorage:
    return AttachmentStorage(context.settings.attachments_dir)


@router.post("/tickets/{ticket_id}/attachments", status_code=201, response_model=AttachmentOut)
async def upload(
    ticket_id: PathId,
    principal: CurrentPrincipal,
    session: DbSession,
    context: Ctx,
    file: Annotated[UploadFile, File()],
    filename: Annotated[str | None, Form(max_length=255)] = None,
) -> AttachmentOut:
    """Upload a file (multipart ``file``); name it in a reply's ``attachment_ids`` to send it."""
    ticket = await access.access_ticket_by_id(session, principal, ticket_id, write=True)
    limit = context.settings.max_attachment_bytes
    data = await read_upload(file, limit)
    attachment = await flows.add_attachment(
        session,
        _storage(context),
        ticket,
        flows.Author.of(principal),
        filename or file.filename,
        data,
        max_bytes=limit,
    )
    return attachment_out(attachment)


@router.get("/attachments/{attachment_id}")
async def download(
    attachment_id: PathId, principal: CurrentPrincipal, session: ReadSession, context: Ctx
) -> Response:
    """The file, as a download that browsers will not try to render."""
    attachment = await access.access_attachment_by_id(session, principal, attachment_id)
    return await download_response(_storage(context), attachment)


@router.get("/search", response_model=TicketPage)
async def search(
    principal: CurrentPrincipal,
    session: ReadSession,
    q: Annotated[str, Query(min_length=1, max_length=200, pattern=NO_NUL)],
    cursor: Cursor = None,
    limit: Limit = 25,
) -> TicketPage:
    """Tickets whose subject or messages contain every word of ``q`` (any script)."""
    if not principal.is_customer:
        access.check_read_all(principal)
    tickets, next_id = await service.search_tickets(
        session,
        q,
        requester_id=principal.id if principal.is_customer else None,
        include_internal=access.sees_internal(principal),
        before_id=service.decode_cursor(cursor),
        limit=limit,
        hide_staff_only=principal.is_customer,
    )
    internal = access.sees_internal(principal)
    tags = await service.tags_for(session, [t.id for t in tickets]) if internal else {}
    return TicketPage(
        items=[ticket_out(t, tags.get(t.id, []), principal) for t in tickets],
        next_cursor=None if next_id is None else service.encode_cursor(next_id),
    )
