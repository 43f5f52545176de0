"""The one inbound path: store the raw payload, then turn it into a conversation message.

Adapters (``channels/<name>/``) do two things only: ``store`` what they received (in the
request that received it, so nothing is lost even if parsing fails) and provide a
parser from those bytes to an ``InboundMessage``. ``process`` then identifies the
customer, finds or opens the conversation and stores the message through the tickets
domain; adapters never touch tickets. A payload that fails is kept with its error and
retried with back-off, then quarantined for an admin, who can replay it.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.channels.events import PayloadReceived, RemoteFilesNoted
from cexdesk.channels.models import InboundPayload
from cexdesk.core import audit, outbox, timers
from cexdesk.core.errors import DomainError, NotFound
from cexdesk.customers import flows as customer_flows
from cexdesk.customers import service as customer_service
from cexdesk.customers.models import Customer, CustomerIdentity
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.models import Message, Ticket
from cexdesk.tickets.storage import AttachmentStorage

RETRY_TIMER = "channels.retry_payload"
SCRUBBED = b""
MAX_ATTEMPTS = 5
# Chat-like channels have no threading headers: a message joins the customer's open
# conversation on that channel if it was active this recently.
CONVERSATION_WINDOW = timedelta(days=3)
THREADLESS = frozenset({"telegram", "x", "phone", "chat"})


@dataclass(frozen=True)
class InboundAttachment:
    filename: str | None
    data: bytes


@dataclass(frozen=True)
class RemoteFile:
    """A file the channel holds until we fetch it (a Telegram file_id): fetched after the
    message is stored, by an isolated handler, so a slow download blocks nothing."""

    ref: str
    filename: str | None


@dataclass(frozen=True)
class InboundMessage:
    """What any channel received, in one shape."""

    channel: str
    sender: str  # the customer's address on the channel: email, telegram id, X id, phone
    text: str
    external_id: str  # the channel's id of this message (de-duplication, threading)
    sender_name: str | None = None
    subject: str | None = None
    html: str | None = None
    thread_refs: tuple[str, ...] = ()  # ids of earlier messages this one answers
    ticket_hint: int | None = None  # a ticket id the channel carried (subject token...)
    verified_sender: bool = False
    attachments: tuple[InboundAttachment, ...] = field(default_factory=tuple)
    remote_files: tuple[RemoteFile, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class AttachmentPolicy:
    """Where inbound attachments are kept and how big one may be."""

    storage: AttachmentStorage
    max_bytes: int


class Ignored(Exception):
    """The payload is well-formed but not for a conversation (auto-reply, bounce, ping)."""


class Unreadable(DomainError):
    """The payload can never be understood; it goes straight to quarantine."""


Parser = Callable[[bytes, str], InboundMessage]


@dataclass(frozen=True)
class Stored:
    payload_id: int
    new: bool


async def store(
    session: AsyncSession,
    channel: str,
    source_key: str,
    raw: bytes,
    content_type: str,
    *,
    queued: bool = True,
) -> Stored:
    """Keep the raw payload (once per source key) and queue it for processing; never commits.

    ``queued=False`` when the caller runs ``process`` on it in this same transaction
    (the chat socket): success or a kept failure with its retry timer is then decided
    before commit, so a queued delivery would only find the work done.
    """
    now = outbox.session_clock(session).now()
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(InboundPayload)
        .values(channel=channel, source_key=source_key[:300], content_type=content_type,
                raw=raw, received_at=now, status="received", attempts=0)
        .on_conflict_do_nothing(index_elements=["channel", "source_key"])
        .returning(InboundPayload.id)
    )  # fmt: skip
    payload_id = (await session.execute(statement)).scalar_one_or_none()
    if payload_id is None:
        existing = await session.execute(
            select(InboundPayload.id).where(
                InboundPayload.channel == channel, InboundPayload.source_key == source_key[:300]
            )
        )
        return Stored(existing.scalar_one(), new=False)
    if queued:
        await outbox.record(session, PayloadReceived(payload_id, channel))
    return Stored(payload_id, new=True)


@dataclass
class Received:
    ticket: Ticket
    message: Message | None
    created: bool
    duplicate: bool = False


async def _customer_for(session: AsyncSession, message: InboundMessage) -> Customer:
    address = customer_flows.normalise_address(message.channel, message.sender)
    customer = await customer_service.customer_by_identity(session, message.channel, address)
    if customer is not None:
        return customer
    now = outbox.session_clock(session).now()
    customer = Customer(
        exchange_uid=None,
        display_name=(message.sender_name or address)[:200],
        language="en",
        region=None,
        vip_tier=0,
        kyc_state="none",
        created_at=now,
        updated_at=now,
    )
    session.add(customer)
    await session.flush()
    session.add(CustomerIdentity(customer_id=customer.id, channel=message.channel,
                                 address=address, verified=message.verified_sender,
                                 created_at=now))  # fmt: skip
    await session.flush()
    return customer


async def _conversation_for(
    session: AsyncSession, customer: Customer, message: InboundMessage
) -> Ticket | None:
    """The ticket this message continues, if any; the sender must be its requester."""
    if message.ticket_hint is not None:
        hinted = await ticket_service.get_ticket(session, message.ticket_hint, for_update=True)
        if hinted is not None and hinted.requester_id == customer.id:
            return hinted
    if message.thread_refs:
        refs = list(message.thread_refs)[-20:]
        row = (
            await session.execute(
                select(Message.ticket_id)
                .join(Ticket, Ticket.id == Message.ticket_id)
                .where(
                    Message.channel == message.channel,
                    Message.external_id.in_(refs),
                    Ticket.requester_id == customer.id,
                )
                .order_by(Message.id.desc())
                .limit(1)
            )
        ).scalar_one_or_none()
        if row is not None:
            return await ticket_service.get_ticket(session, row, for_update=True)
    if message.channel in THREADLESS:
        since = outbox.session_clock(session).now() - CONVERSATION_WINDOW
        row = (
            await session.execute(
                select(Ticket.id)
                .where(
                    Ticket.requester_id == customer.id,
                    Ticket.channel == message.channel,
                    Ticket.status != "closed",
                    Ticket.updated_at >= since,
                )
                .order_by(Ticket.id.desc())
                .limit(1)
            )
        ).scalar_one_or_none()
        if row is not None:
            return await ticket_service.get_ticket(session, row, for_update=True)
    return None


async def receive(
    session: AsyncSession, message: InboundMessage, attachments: AttachmentPolicy | None = None
) -> Received:
    """Identify the customer, find or open the conversation, store the message.

    With an ``AttachmentPolicy`` the message's attachments are stored and bound to it;
    one that is refused (type, size) becomes an internal note instead of a failure.
    """
    received = await _receive(session, message)
    if attachments is not None and message.attachments and not received.duplicate:
        await _store_attachments(session, received, message, attachments)
    if message.remote_files and not received.duplicate and received.message is not None:
        files = [[f.ref, f.filename] for f in message.remote_files]
        await outbox.record(
            session,
            RemoteFilesNoted(received.ticket.id, received.message.id, message.channel, files),
        )
    return received


async def _store_attachments(
    session: AsyncSession, received: Received, message: InboundMessage, policy: AttachmentPolicy
) -> None:
    if received.message is None:
        return
    author = ticket_flows.Author("customer", received.ticket.requester_id)
    skipped: list[str] = []
    for item in message.attachments:
        try:
            async with session.begin_nested():
                stored = await ticket_flows.add_attachment(
                    session, policy.storage, received.ticket, author, item.filename, item.data,
                    max_bytes=policy.max_bytes,
                )  # fmt: skip
                stored.message_id = received.message.id
                await session.flush()
        except DomainError as why:
            skipped.append(f"{item.filename or 'unnamed'} ({len(item.data)} bytes): {why}")
    if skipped:
        note = "Attachments not kept from this message:\n" + "\n".join(skipped)
        await ticket_flows.add_note(session, received.ticket, ticket_flows.SYSTEM, note[:10000])


async def _receive(session: AsyncSession, message: InboundMessage) -> Received:
    duplicate = (
        await session.execute(
            select(Message).where(
                Message.channel == message.channel, Message.external_id == message.external_id
            )
        )
    ).scalar_one_or_none()
    if duplicate is not None:
        ticket = await ticket_service.get_ticket(session, duplicate.ticket_id)
        assert ticket is not None
        return Received(ticket, duplicate, created=False, duplicate=True)
    customer = await _customer_for(session, message)
    author = ticket_flows.Author("customer", customer.id)
    text = message.text.strip() or "(no text)"
    ticket = await _conversation_for(session, customer, message)
    if ticket is None:
        subject = (message.subject or text.splitlines()[0])[:300] or "(no subject)"
        created = await ticket_flows.create_ticket(
            session, customer, subject, text, message.channel, author=author,
            external_id=message.external_id,
        )  # fmt: skip
        return Received(created.ticket, created.message, created=True)
    replied = await ticket_flows.add_reply(
        session, ticket, author, text, external_id=message.external_id
    )
    return Received(replied.ticket, replied.message, created=False)


def _error_text(error: BaseException) -> str:
    return "".join(traceback.format_exception_only(type(error), error)).strip()[:4000]


async def process(
    session: AsyncSession,
    payload_id: int,
    parse: Parser,
    attachments: AttachmentPolicy | None = None,
) -> str:
    """Parse and receive one stored payload; failures are kept on the payload, not raised."""
    payload = await session.get(InboundPayload, payload_id, with_for_update=True)
    if payload is None:
        raise NotFound("inbound payload", payload_id)
    if payload.status in ("processed", "ignored"):
        return payload.status
    now = outbox.session_clock(session).now()
    payload.attempts += 1
    try:
        async with session.begin_nested():
            parsed = parse(payload.raw, payload.content_type)
            received = await receive(session, parsed, attachments)
    except Ignored as why:
        payload.status, payload.error, payload.processed_at = "ignored", str(why)[:4000], now
        payload.raw = SCRUBBED
        return payload.status
    except Unreadable as error:
        payload.status, payload.error = "quarantined", _error_text(error)
        return payload.status
    except Exception as error:
        payload.error = _error_text(error)
        if payload.attempts >= MAX_ATTEMPTS:
            payload.status = "quarantined"
        else:
            payload.status = "failed"
            delay = timedelta(seconds=30 * 2 ** (payload.attempts - 1))
            await timers.schedule(session, RETRY_TIMER, f"inbound:{payload.id}", now + delay,
                                  {"payload_id": payload.id})  # fmt: skip
        return payload.status
    payload.status, payload.error, payload.processed_at = "processed", None, now
    # The raw bytes held the customer's words before redaction (a pasted seed phrase,
    # say); once the message is stored, masked, nothing needs them any more.
    payload.raw = SCRUBBED
    payload.ticket_id = received.ticket.id
    payload.message_id = received.message.id if received.message else None
    return payload.status


async def replay(session: AsyncSession, payload_id: int, actor: audit.Actor) -> InboundPayload:
    """An admin sends a failed or quarantined payload through again (audited); never
    commits."""
    payload = await session.get(InboundPayload, payload_id, with_for_update=True)
    if payload is None:
        raise NotFound("inbound payload", payload_id)
    await audit.append(
        session, actor, "inbound.replayed", subject_type="inbound_payload", subject_id=payload.id
    )
    if payload.status in ("processed",):
        return payload
    payload.status, payload.attempts = "received", 0
    await timers.cancel(session, f"inbound:{payload.id}")
    await outbox.record(session, PayloadReceived(payload.id, payload.channel))
    return payload


async def list_payloads(
    session: AsyncSession,
    *,
    status: str | None = None,
    channel: str | None = None,
    before: int | None = None,
    limit: int = 50,
) -> list[tuple[InboundPayload, int]]:
    """Stored payloads newest first with their raw size (admins: failed, quarantined)."""
    query = (
        select(InboundPayload, func.length(InboundPayload.raw))
        .order_by(InboundPayload.id.desc())
        .limit(limit)
    )
    if status is not None:
        query = query.where(InboundPayload.status == status)
    if channel is not None:
        query = query.where(InboundPayload.channel == channel)
    if before is not None:
        query = query.where(InboundPayload.id < before)
    return [(payload, int(size or 0)) for payload, size in (await session.execute(query)).all()]
