"""Customer routes for staff: find, show (with identities and recent tickets), edit, link."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents.flows import actor_for
from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.api.schemas import NO_NUL, PathId
from cexdesk.core.auth import Perm
from cexdesk.core.errors import Conflict, NotFound
from cexdesk.customers import flows, service
from cexdesk.customers.models import Customer, CustomerIdentity
from cexdesk.customers.schemas import (
    CustomerDetail,
    CustomerMerge,
    CustomerOut,
    CustomerPage,
    CustomerPatch,
    IdentityCreate,
    IdentityOut,
    RecentTicket,
    TimelineItem,
    TimelinePage,
)
from cexdesk.tickets import service as ticket_service

router = APIRouter(tags=["customers"])

RECENT_TICKETS = 10


def customer_out(customer: Customer) -> CustomerOut:
    return CustomerOut(
        id=customer.id,
        exchange_uid=customer.exchange_uid,
        display_name=customer.display_name,
        language=customer.language,
        region=customer.region,
        vip_tier=customer.vip_tier,
        kyc_state=customer.kyc_state,
        created_at=customer.created_at,
        updated_at=customer.updated_at,
    )


def identity_out(identity: CustomerIdentity) -> IdentityOut:
    return IdentityOut(
        id=identity.id,
        channel=identity.channel,
        address=identity.address,
        verified=identity.verified,
        created_at=identity.created_at,
    )


@router.get("/customers", response_model=CustomerPage)
async def list_customers(
    principal: CurrentStaff,
    session: ReadSession,
    q: Annotated[str | None, Query(min_length=1, max_length=200, pattern=NO_NUL)] = None,
    email: Annotated[str | None, Query(min_length=3, max_length=320, pattern=NO_NUL)] = None,
    exchange_uid: Annotated[str | None, Query(min_length=1, max_length=64, pattern=NO_NUL)] = None,
    cursor: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    limit: Annotated[int, Query(ge=1, le=ticket_service.MAX_PAGE)] = 25,
) -> CustomerPage:
    """Customers newest first; filter by exact email or exchange uid, or ``q``."""
    principal.require(Perm.CUSTOMERS_READ)
    rows, next_id = await service.list_customers(
        session,
        q=q,
        email=email,
        exchange_uid=exchange_uid,
        before_id=ticket_service.decode_cursor(cursor),
        limit=limit,
    )
    return CustomerPage(
        items=[customer_out(c) for c in rows],
        next_cursor=None if next_id is None else ticket_service.encode_cursor(next_id),
    )


async def _detail(session: AsyncSession, customer: Customer) -> CustomerDetail:
    identities = await service.identities_of(session, customer.id)
    tickets, _ = await ticket_service.list_tickets(
        session,
        ticket_service.TicketFilters(requester_id=customer.id),
        before_id=None,
        limit=RECENT_TICKETS,
    )
    return CustomerDetail(
        **customer_out(customer).model_dump(),
        identities=[identity_out(i) for i in identities],
        recent_tickets=[
            RecentTicket(
                id=t.id, subject=t.subject, status=t.status, channel=t.channel,
                created_at=t.created_at,
            )
            for t in tickets
        ],
    )  # fmt: skip


@router.get("/customers/{customer_id}", response_model=CustomerDetail)
async def show_customer(
    customer_id: PathId, principal: CurrentStaff, session: ReadSession
) -> CustomerDetail:
    """One customer with their identities on every channel and latest tickets."""
    principal.require(Perm.CUSTOMERS_READ)
    customer = await service.get_customer(session, customer_id)
    if customer is None:
        raise NotFound("customer", customer_id)
    return await _detail(session, customer)


@router.patch("/customers/{customer_id}", response_model=CustomerDetail)
async def update_customer(
    customer_id: PathId, body: CustomerPatch, principal: CurrentStaff, session: DbSession
) -> CustomerDetail:
    """Correct a customer's name, language, region, VIP tier or KYC state (audited)."""
    principal.require(Perm.CUSTOMERS_WRITE)
    customer = await service.get_customer(session, customer_id)
    if customer is None:
        raise NotFound("customer", customer_id)
    await flows.update_customer(
        session, customer, body.model_dump(exclude_unset=True), actor=actor_for(principal)
    )
    return await _detail(session, customer)


@router.post("/customers/{customer_id}/identities", status_code=201, response_model=IdentityOut)
async def link_identity(
    customer_id: PathId, body: IdentityCreate, principal: CurrentStaff, session: DbSession
) -> IdentityOut:
    """Record the customer's address on a channel (email, Telegram, X, phone)."""
    principal.require(Perm.CUSTOMERS_WRITE)
    customer = await service.get_customer(session, customer_id)
    if customer is None:
        raise NotFound("customer", customer_id)
    identity = await flows.link_identity(
        session,
        customer,
        body.channel,
        body.address,
        verified=body.verified,
        actor=actor_for(principal),
    )
    return identity_out(identity)


@router.get("/customers/{customer_id}/timeline", response_model=TimelinePage)
async def customer_timeline(
    customer_id: PathId,
    principal: CurrentStaff,
    session: ReadSession,
    cursor: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    limit: Annotated[int, Query(ge=1, le=ticket_service.MAX_PAGE)] = 50,
) -> TimelinePage:
    """Everything the customer said and was told on every channel, newest first (staff)."""
    principal.require(Perm.CUSTOMERS_READ)
    principal.require(Perm.TICKETS_READ_ALL)
    if await service.get_customer(session, customer_id) is None:
        raise NotFound("customer", customer_id)
    rows, next_id = await service.timeline(
        session,
        customer_id,
        include_internal=principal.can(Perm.TICKETS_READ_INTERNAL),
        before_id=ticket_service.decode_cursor(cursor),
        limit=limit,
    )
    return TimelinePage(
        items=[
            TimelineItem(
                message_id=row.id, ticket_id=row.ticket_id, ticket_subject=row.subject,
                channel=row.channel, author_type=row.author_type, author_id=row.author_id,
                internal=row.internal, created_at=row.created_at,
                excerpt=row.excerpt[: service.TIMELINE_EXCERPT],
                truncated=len(row.excerpt) > service.TIMELINE_EXCERPT,
            )
            for row in rows
        ],
        next_cursor=None if next_id is None else ticket_service.encode_cursor(next_id),
    )  # fmt: skip


@router.post("/customers/{customer_id}/merge", response_model=CustomerDetail)
async def merge_customer(
    customer_id: PathId, body: CustomerMerge, principal: CurrentStaff, session: DbSession
) -> CustomerDetail:
    """An agent found that two records are one person: move the other's tickets and
    identities here (audited). Only a customer without an exchange account can be folded in.
    """
    principal.require(Perm.CUSTOMERS_WRITE)
    target = await service.get_customer(session, customer_id)
    if target is None:
        raise NotFound("customer", customer_id)
    source = await service.get_customer(session, body.source_id)
    if source is None:
        raise NotFound("customer", body.source_id)
    if source.exchange_uid is not None and source.id != target.id:
        raise Conflict(f"customer {source.id} has an exchange account; it cannot be merged away")
    await flows.merge_customers(
        session, source, target, actor=actor_for(principal), reason="merged by staff"
    )
    return await _detail(session, target)
