"""Ticket queries and the default taxonomy; never commits.

Every list is keyset-paginated on id (newest first) over an index that starts with the
filter columns, and pages fetch their tags in one query, so cost does not grow with the
table.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    column,
    func,
    literal_column,
    or_,
    select,
    table,
    union,
)
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.errors import Invalid
from cexdesk.customers.models import Customer
from cexdesk.tickets import macros
from cexdesk.tickets.models import Attachment, Macro, Message, Ticket, TicketLink, TicketTag

# The default category tree (TAXONOMY.md); sub-categories are slugs of the table's entries.
TAXONOMY: dict[str, tuple[str, ...]] = {
    "account": (
        "login", "2fa-reset", "device-authorisation", "password-reset",
        "email-phone-change", "account-restricted", "close-account",
    ),
    "kyc": ("verification-pending", "verification-failed", "document-update", "face-check-failed"),
    "deposit": (
        "pending-confirmations", "missing-memo", "wrong-network", "unsupported-token",
        "below-minimum", "expired-address", "sent-to-contract",
    ),
    "withdrawal": (
        "pending", "failed", "security-lock", "risk-review-hold",
        "network-maintenance", "wrong-external-address",
    ),
    "p2p": ("seller-not-releasing", "buyer-not-paying", "chargeback", "frozen-bank-account",
            "appeal"),
    "trading": (
        "order-issues", "spot", "margin", "futures", "liquidation",
        "auto-deleveraging", "funding-fees", "trading-bots",
    ),
    "api": ("keys", "permissions", "rate-limits", "errors"),
    "fees": ("trading-fees", "withdrawal-fees", "vip-fee-tiers"),
    "earn-promotions": ("rewards-not-received", "campaign-rules"),
    "security": (
        "suspected-compromise", "unauthorised-withdrawal", "stolen-funds",
        "scam-report", "staff-impersonation",
    ),
    "compliance": ("information-request", "restrictions", "law-enforcement"),
    "product-feedback": ("suggestions", "bugs"),
}  # fmt: skip

MAX_PAGE = 100
# Tickets staff open among themselves (tier-2 escalations): never listed for a customer.
STAFF_ONLY_CHANNELS = ("internal",)
MESSAGES_PAGE = 100


def check_category(category: str | None, subcategory: str | None) -> None:
    """Validate a category pair against the taxonomy; raises Invalid naming the field."""
    if category is None:
        if subcategory is not None:
            raise Invalid("subcategory", "needs a category")
        return
    if category not in TAXONOMY:
        raise Invalid("category", f"unknown category {category!r}")
    if subcategory is not None and subcategory not in TAXONOMY[category]:
        raise Invalid("subcategory", f"{subcategory!r} is not a sub-category of {category}")


def encode_cursor(value: int) -> str:
    return base64.urlsafe_b64encode(f"c1:{value}".encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, field: str = "cursor") -> int | None:
    if cursor is None or cursor == "":
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        prefix, _, number = raw.partition(":")
        value = int(number)
        if prefix != "c1" or value < 0:
            raise ValueError(raw)
    except (ValueError, binascii.Error, UnicodeDecodeError):
        raise Invalid(field, "is not a cursor this API handed out") from None
    return value


@dataclass(frozen=True)
class TicketFilters:
    status: str | tuple[str, ...] | None = None
    assignee_id: int | None = None
    team_id: int | None = None
    requester_id: int | None = None
    priority: str | None = None
    tag: str | None = None
    channel: str | None = None
    category: str | None = None
    # Customers' lists: leave out tickets on staff-only channels.
    hide_staff_only: bool = False


def ticket_query(filters: TicketFilters) -> Select[Ticket]:
    query = select(Ticket)
    if filters.tag is not None:
        # The (tag, ticket_id) index walks newest first; no scan of tickets.
        query = query.join(TicketTag, TicketTag.ticket_id == Ticket.id).where(
            TicketTag.tag == filters.tag
        )
    if isinstance(filters.status, tuple):
        query = query.where(Ticket.status.in_(filters.status))
    elif filters.status is not None:
        query = query.where(Ticket.status == filters.status)
    for attribute, value in (
        (Ticket.assignee_id, filters.assignee_id),
        (Ticket.team_id, filters.team_id),
        (Ticket.requester_id, filters.requester_id),
        (Ticket.priority, filters.priority),
        (Ticket.channel, filters.channel),
        (Ticket.category, filters.category),
    ):
        if value is not None:
            query = query.where(attribute == value)
    if filters.hide_staff_only:
        query = query.where(Ticket.channel.not_in(STAFF_ONLY_CHANNELS))
    return query


async def list_tickets(
    session: AsyncSession, filters: TicketFilters, *, before_id: int | None, limit: int
) -> tuple[list[Ticket], int | None]:
    """A page of tickets newest first and the id to continue before, if any more."""
    query = ticket_query(filters)
    if before_id is not None:
        query = query.where(Ticket.id < before_id)
    rows = list(
        (await session.execute(query.order_by(Ticket.id.desc()).limit(limit + 1))).scalars()
    )
    if len(rows) > limit:
        return rows[:limit], rows[limit - 1].id
    return rows, None


async def tags_for(session: AsyncSession, ticket_ids: Iterable[int]) -> dict[int, list[str]]:
    """Tags of many tickets in one query."""
    ids = list(ticket_ids)
    found: dict[int, list[str]] = {i: [] for i in ids}
    if not ids:
        return found
    rows = await session.execute(
        select(TicketTag.ticket_id, TicketTag.tag)
        .where(TicketTag.ticket_id.in_(ids))
        .order_by(TicketTag.ticket_id, TicketTag.tag)
    )
    for ticket_id, tag in rows:
        found[ticket_id].append(tag)
    return found


async def get_ticket(
    session: AsyncSession, ticket_id: int, *, for_update: bool = False
) -> Ticket | None:
    query = select(Ticket).where(Ticket.id == ticket_id)
    if for_update:
        query = query.with_for_update()
    return (await session.execute(query)).scalar_one_or_none()


async def messages_page(
    session: AsyncSession,
    ticket_id: int,
    *,
    include_internal: bool,
    after_id: int | None = None,
    limit: int = MESSAGES_PAGE,
) -> tuple[list[Message], int | None]:
    """Messages oldest first (conversation order), keyset-paginated on id."""
    query = select(Message).where(Message.ticket_id == ticket_id)
    if not include_internal:
        query = query.where(Message.internal.is_(False))
    if after_id is not None:
        query = query.where(Message.id > after_id)
    rows = list((await session.execute(query.order_by(Message.id).limit(limit + 1))).scalars())
    if len(rows) > limit:
        return rows[:limit], rows[limit - 1].id
    return rows, None


async def attachments_of(session: AsyncSession, ticket_id: int) -> list[Attachment]:
    query = select(Attachment).where(Attachment.ticket_id == ticket_id).order_by(Attachment.id)
    return list((await session.execute(query.limit(500))).scalars())


async def public_message_ids(session: AsyncSession, message_ids: Sequence[int]) -> set[int]:
    if not message_ids:
        return set()
    rows = await session.execute(
        select(Message.id).where(Message.id.in_(message_ids), Message.internal.is_(False))
    )
    return set(rows.scalars())


async def links_of(session: AsyncSession, ticket_id: int) -> list[TicketLink]:
    query = (
        select(TicketLink)
        .where((TicketLink.source_id == ticket_id) | (TicketLink.target_id == ticket_id))
        .order_by(TicketLink.id)
        .limit(200)
    )
    return list((await session.execute(query)).scalars())


async def link_exists(session: AsyncSession, kind: str, source_id: int, target_id: int) -> bool:
    found = await session.execute(
        select(TicketLink.id).where(
            TicketLink.kind == kind,
            TicketLink.source_id == source_id,
            TicketLink.target_id == target_id,
        )
    )
    return found.first() is not None


async def ticket_by_idempotency_key(
    session: AsyncSession, requester_id: int, key: str
) -> Ticket | None:
    query = select(Ticket).where(Ticket.requester_id == requester_id, Ticket.idempotency_key == key)
    return (await session.execute(query)).scalar_one_or_none()


MAX_SEARCH_TERMS = 8


def search_terms(q: str) -> list[str]:
    """Split a query into terms (whitespace-separated, quotes dropped), at most a few."""
    terms = [t for t in q.replace('"', " ").split() if t]
    if not terms:
        raise Invalid("q", "give at least one word to search for")
    if len(terms) > MAX_SEARCH_TERMS:
        raise Invalid("q", f"at most {MAX_SEARCH_TERMS} words")
    return terms


def _like(term: str) -> str:
    escaped = term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _matching_ids_sqlite(term: str, include_internal: bool) -> Select[Any]:
    """Tickets whose subject or a message contains ``term`` (FTS5 trigram index)."""
    fts = table("ticket_search_fts", column("ticket_id"), column("internal"), column("body"))
    query = select(fts.c.ticket_id)
    if len(term) >= 3:
        phrase = '"' + term.replace('"', '""') + '"'
        query = query.where(literal_column("ticket_search_fts").op("MATCH")(phrase))
    else:
        # Trigrams need 3+ characters; shorter terms (two-character Chinese words) scan.
        query = query.where(fts.c.body.like(_like(term), escape="\\"))
    if not include_internal:
        query = query.where(fts.c.internal == 0)
    return query


def _matching_ids_postgres(term: str, include_internal: bool) -> Select[Any]:
    """The same on PostgreSQL: ILIKE served by the pg_trgm GIN indexes."""
    pattern = _like(term)
    subjects = select(Ticket.id.label("ticket_id")).where(
        Ticket.subject.ilike(pattern, escape="\\")
    )
    bodies = select(Message.ticket_id.label("ticket_id")).where(
        Message.body.ilike(pattern, escape="\\")
    )
    if not include_internal:
        bodies = bodies.where(Message.internal.is_(False))
    return select(union(subjects, bodies).subquery().c.ticket_id)


def _contains_postgres(term: str, include_internal: bool) -> ColumnElement[bool]:
    """Does this ticket (correlated) contain ``term``? Checked row by row, no index."""
    pattern = _like(term)
    in_messages = select(Message.id).where(
        Message.ticket_id == Ticket.id, Message.body.ilike(pattern, escape="\\")
    )
    if not include_internal:
        in_messages = in_messages.where(Message.internal.is_(False))
    return or_(Ticket.subject.ilike(pattern, escape="\\"), in_messages.exists())


# On PostgreSQL the newest tickets are first checked one by one: a common word then costs
# a short walk instead of collecting every ticket that contains it from the index.
SEARCH_WALK = 2000


async def search_tickets(
    session: AsyncSession,
    q: str,
    *,
    requester_id: int | None,
    include_internal: bool,
    before_id: int | None,
    limit: int,
    walk: int = SEARCH_WALK,
    hide_staff_only: bool = False,
) -> tuple[list[Ticket], int | None]:
    """Tickets containing every word of ``q``, newest first, keyset-paginated."""
    terms = search_terms(q)
    base = select(Ticket).order_by(Ticket.id.desc())
    if requester_id is not None:
        base = base.where(Ticket.requester_id == requester_id)
    if hide_staff_only:
        base = base.where(Ticket.channel.not_in(STAFF_ONLY_CHANNELS))
    if before_id is not None:
        base = base.where(Ticket.id < before_id)
    rows: list[Ticket] = []
    floor: int | None = None
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres and requester_id is None:
        top = before_id
        if top is None:
            newest = (await session.execute(select(func.max(Ticket.id)))).scalar_one_or_none()
            top = (newest or 0) + 1
        floor = max(top - walk, 0)
        recent = base.where(
            Ticket.id >= floor, *[_contains_postgres(t, include_internal) for t in terms]
        )
        rows = list((await session.execute(recent.limit(limit + 1))).scalars())
    if len(rows) <= limit and floor != 0:
        matching = _matching_ids_postgres if postgres else _matching_ids_sqlite
        # Every word must occur somewhere in the ticket: its subject or any visible message.
        query = base.where(*[Ticket.id.in_(matching(t, include_internal)) for t in terms])
        if floor is not None:
            query = query.where(Ticket.id < floor)
        more = await session.execute(query.limit(limit + 1 - len(rows)))
        rows.extend(more.scalars())
    if len(rows) > limit:
        return rows[:limit], rows[limit - 1].id
    return rows, None


async def list_macros(session: AsyncSession, *, active_only: bool = True) -> list[Macro]:
    query = select(Macro).order_by(Macro.name)
    if active_only:
        query = query.where(Macro.active.is_(True))
    return list((await session.execute(query.limit(500))).scalars())


async def get_macro(session: AsyncSession, macro_id: int) -> Macro | None:
    return await session.get(Macro, macro_id)


async def macro_by_name(session: AsyncSession, name: str) -> Macro | None:
    return (await session.execute(select(Macro).where(Macro.name == name))).scalar_one_or_none()


async def macro_reply(session: AsyncSession, macro: Macro, ticket: Ticket, agent_name: str) -> str:
    """The macro's text in the ticket's language with this ticket's placeholders filled."""
    customer = await session.get(Customer, ticket.requester_id)
    values = {
        "customer_name": customer.display_name if customer else "",
        "agent_name": agent_name,
        "ticket_id": str(ticket.id),
        "subject": ticket.subject,
    }
    return macros.fill(macros.text_for(macro.texts, ticket.language), values)
