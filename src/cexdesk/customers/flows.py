"""Customer use cases."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import audit, outbox
from cexdesk.core.auth import Principal, Role
from cexdesk.core.db import Database
from cexdesk.core.errors import Conflict, Invalid
from cexdesk.core.memo import TtlCache
from cexdesk.core.outbox import session_clock
from cexdesk.core.security import ExchangeIdentity
from cexdesk.customers import service
from cexdesk.customers.models import Customer, CustomerIdentity
from cexdesk.tickets.events import TicketUpdated
from cexdesk.tickets.models import Ticket

LANGUAGES = (
    "en", "zh-Hans", "zh-Hant", "ru", "uk", "vi", "id", "tr",
    "es", "pt-BR", "fr", "de", "it", "pl", "ar",
)  # fmt: skip


def normalise_language(value: str | None, default: str = "en") -> str:
    """Map what clients send (zh-CN, pt, ar-SA, EN) onto the 15 supported languages."""
    if not value:
        return default
    lowered = value.strip().replace("_", "-").lower()
    for code in LANGUAGES:
        if lowered == code.lower():
            return code
    aliases = {"zh-cn": "zh-Hans", "zh-sg": "zh-Hans", "zh": "zh-Hans", "zh-tw": "zh-Hant",
               "zh-hk": "zh-Hant", "pt": "pt-BR", "in": "id"}  # fmt: skip
    if lowered in aliases:
        return aliases[lowered]
    base = lowered.split("-", 1)[0]
    return base if base in LANGUAGES else default


async def sync_exchange_customer(session: AsyncSession, identity: ExchangeIdentity) -> Customer:
    """Find or create the customer the exchange vouches for, refreshing what it says."""
    now = session_clock(session).now()
    customer = await service.customer_by_exchange_uid(session, identity.uid)
    if customer is None:
        customer = Customer(
            exchange_uid=identity.uid,
            display_name=identity.name or f"User {identity.uid}",
            language=normalise_language(identity.language),
            region=identity.region,
            vip_tier=identity.vip_tier or 0,
            kyc_state=identity.kyc_state or "none",
            created_at=now,
            updated_at=now,
        )
        session.add(customer)
        await session.flush()
        session.add(
            CustomerIdentity(
                customer_id=customer.id,
                channel="exchange",
                address=identity.uid,
                verified=True,
                created_at=now,
            )
        )
        await link_exchange_email(session, customer, identity.email)
        return customer
    changed = False
    for attribute, value in (
        ("display_name", identity.name),
        ("language", normalise_language(identity.language) if identity.language else None),
        ("region", identity.region),
        ("vip_tier", identity.vip_tier),
        ("kyc_state", identity.kyc_state),
    ):
        if value is not None and getattr(customer, attribute) != value:
            setattr(customer, attribute, value)
            changed = True
    if changed:
        customer.updated_at = now
    await link_exchange_email(session, customer, identity.email)
    return customer


PRINCIPAL_CACHE = "exchange_principals"
PRINCIPAL_TTL_SECONDS = 60.0


async def principal_for_exchange_identity(db: Database, identity: ExchangeIdentity) -> Principal:
    """Resolve an end user's token to a principal, writing only when something is new.

    Every widget request carries the token, so the answer is remembered for a minute per
    distinct set of claims: a change the exchange makes (VIP tier, KYC) is a new key.
    """
    cache: TtlCache[tuple[object, ...], Principal] = db.caches.setdefault(
        PRINCIPAL_CACHE, TtlCache(20_000, PRINCIPAL_TTL_SECONDS)
    )
    key = (identity.uid, identity.name, identity.language, identity.region,
           identity.vip_tier, identity.kyc_state, identity.email)  # fmt: skip
    cached = cache.get(key)
    if cached is not None:
        return cached
    async with db.reading() as session:
        customer = await service.customer_by_exchange_uid(session, identity.uid)
        if (
            customer is not None
            and _matches(customer, identity)
            and await exchange_email_settled(session, customer, identity.email)
        ):
            principal = Principal("customer", customer.id, Role.CUSTOMER, customer.display_name)
            cache.put(key, principal)
            return principal
    for attempt in range(2):
        try:
            async with db.transaction() as session:
                customer = await sync_exchange_customer(session, identity)
                await session.flush()
                principal = Principal("customer", customer.id, Role.CUSTOMER, customer.display_name)
            break
        except IntegrityError:
            # Two first requests of a new user at once: the other one created the row;
            # the second pass finds it (on PostgreSQL; SQLite has a single writer).
            if attempt:
                raise
    cache.put(key, principal)
    return principal


def _matches(customer: Customer, identity: ExchangeIdentity) -> bool:
    return all(
        value is None or getattr(customer, attribute) == value
        for attribute, value in (
            ("display_name", identity.name),
            ("language", normalise_language(identity.language) if identity.language else None),
            ("region", identity.region),
            ("vip_tier", identity.vip_tier),
            ("kyc_state", identity.kyc_state),
        )
    )


def normalise_address(channel: str, address: str) -> str:
    """One spelling per identity, so the same person is not two customers."""
    value = address.strip()
    if channel == "email":
        value = value.lower()
        local, at, domain = value.partition("@")
        if not at or not local or "." not in domain or any(c.isspace() for c in value):
            raise Invalid("address", "is not an email address")
    elif channel in {"x", "telegram"}:
        value = value.removeprefix("@").lower()
        if not value or any(c.isspace() or c == "/" for c in value):
            raise Invalid("address", f"is not a {channel} handle or id")
    elif channel == "phone":
        digits = "".join(c for c in value if c.isdigit())
        if not 6 <= len(digits) <= 15:
            raise Invalid("address", "is not a phone number")
        value = "+" + digits
    return value


async def update_customer(
    session: AsyncSession, customer: Customer, changes: dict[str, Any], *, actor: audit.Actor
) -> list[str]:
    """Apply a staff PATCH (only the fields sent); audited. Returns what changed."""
    if "language" in changes and changes["language"] is not None:
        language = normalise_language(changes["language"], default="")
        if language not in LANGUAGES:
            raise Invalid("language", f"must be one of {', '.join(LANGUAGES)}")
        changes["language"] = language
    changed: dict[str, Any] = {}
    for name in ("display_name", "language", "region", "vip_tier", "kyc_state"):
        if name not in changes:
            continue
        value = changes[name]
        if value is None and name != "region":
            raise Invalid(name, "cannot be null")
        if getattr(customer, name) != value:
            changed[name] = {"from": getattr(customer, name), "to": value}
            setattr(customer, name, value)
    if changed:
        customer.updated_at = session_clock(session).now()
        await audit.append(
            session, actor, "customer.updated",
            subject_type="customer", subject_id=customer.id, data=changed,
        )  # fmt: skip
    return list(changed)


async def link_identity(
    session: AsyncSession,
    customer: Customer,
    channel: str,
    address: str,
    *,
    verified: bool,
    actor: audit.Actor,
) -> CustomerIdentity:
    """Record that this customer is reachable at ``address`` on ``channel``; audited."""
    address = normalise_address(channel, address)
    owner = await service.identity_owner(session, channel, address)
    if owner is not None:
        if owner == customer.id:
            raise Conflict(f"this customer already has the {channel} identity {address}")
        raise Conflict(f"the {channel} identity {address} belongs to another customer ({owner})")
    identity = CustomerIdentity(
        customer_id=customer.id,
        channel=channel,
        address=address,
        verified=verified,
        created_at=session_clock(session).now(),
    )
    session.add(identity)
    await session.flush()
    await audit.append(
        session, actor, "customer.identity_linked", subject_type="customer",
        subject_id=customer.id, data={"channel": channel, "address": address,
                                      "verified": verified},
    )  # fmt: skip
    return identity


EXCHANGE = audit.Actor("integration", "exchange")


async def merge_customers(
    session: AsyncSession, source: Customer, target: Customer, *, actor: audit.Actor, reason: str
) -> list[int]:
    """Move ``source``'s tickets and identities to ``target``; audited. Returns the tickets.

    ``source`` stays as an empty record (nothing refers to it any more), so audit
    entries and ids handed out earlier still resolve.
    """
    if source.id == target.id:
        raise Invalid("customer", "a customer cannot be merged into itself")
    moved = list(
        (await session.execute(select(Ticket.id).where(Ticket.requester_id == source.id))).scalars()
    )
    # An idempotency key is unique per requester: the target's own use of a key wins.
    await session.execute(
        update(Ticket)
        .where(
            Ticket.requester_id == source.id,
            Ticket.idempotency_key.in_(
                select(Ticket.idempotency_key).where(
                    Ticket.requester_id == target.id, Ticket.idempotency_key.is_not(None)
                )
            ),
        )
        .values(idempotency_key=None)
    )
    await session.execute(
        update(Ticket).where(Ticket.requester_id == source.id).values(requester_id=target.id)
    )
    identities = list(
        (
            await session.execute(
                update(CustomerIdentity)
                .where(CustomerIdentity.customer_id == source.id)
                .values(customer_id=target.id)
                .returning(CustomerIdentity.channel, CustomerIdentity.address)
            )
        ).all()
    )
    now = session_clock(session).now()
    source.updated_at = target.updated_at = now
    for ticket_id in moved:
        await outbox.record(
            session,
            TicketUpdated(ticket_id=ticket_id, requester_id=target.id, fields=["requester"]),
        )
    await audit.append(
        session, actor, "customer.merged", subject_type="customer", subject_id=target.id,
        data={"from": source.id, "tickets": moved, "reason": reason,
              "identities": [f"{channel}:{address}" for channel, address in identities]},
    )  # fmt: skip
    return moved


async def link_exchange_email(session: AsyncSession, customer: Customer, email: str | None) -> None:
    """The exchange vouches for this email: link it, verified, to its signed-in customer.

    An email-only customer (``exchange_uid`` NULL, made by the email channel) who owns the
    address is the same person: they are merged into this one. An address another
    exchange account owns is left alone for a person to sort out.
    """
    if not email:
        return
    try:
        address = normalise_address("email", email)
    except Invalid:
        return
    owner_id = await service.identity_owner(session, "email", address)
    if owner_id is not None and owner_id != customer.id:
        owner = await session.get(Customer, owner_id, with_for_update=True)
        if owner is None or owner.exchange_uid is not None:
            return
        await merge_customers(session, owner, customer, actor=EXCHANGE,
                              reason="exchange token email claim")  # fmt: skip
        owner_id = customer.id
    if owner_id == customer.id:
        await session.execute(
            update(CustomerIdentity)
            .where(CustomerIdentity.channel == "email", CustomerIdentity.address == address)
            .values(verified=True)
        )
        return
    try:
        async with session.begin_nested():
            session.add(CustomerIdentity(customer_id=customer.id, channel="email",
                                         address=address, verified=True,
                                         created_at=session_clock(session).now()))  # fmt: skip
            await session.flush()
    except IntegrityError:
        return  # a concurrent sign-in of the same person linked it first
    await audit.append(
        session, EXCHANGE, "customer.identity_linked", subject_type="customer",
        subject_id=customer.id, data={"channel": "email", "address": address, "verified": True},
    )  # fmt: skip


async def exchange_email_settled(
    session: AsyncSession, customer: Customer, email: str | None
) -> bool:
    """Whether ``link_exchange_email`` would change nothing (read-only; one indexed query)."""
    if not email:
        return True
    try:
        address = normalise_address("email", email)
    except Invalid:
        return True
    found = (
        await session.execute(
            select(Customer.id, Customer.exchange_uid, CustomerIdentity.verified)
            .join(CustomerIdentity, CustomerIdentity.customer_id == Customer.id)
            .where(CustomerIdentity.channel == "email", CustomerIdentity.address == address)
        )
    ).one_or_none()
    if found is None:
        return False
    if found.id == customer.id:
        return bool(found.verified)
    return found.exchange_uid is not None
