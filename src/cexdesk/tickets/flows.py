"""Ticket use cases: the only code that changes tickets and records their events.

Statuses follow Zendesk: new → open when an agent answers; a customer reply reopens
pending, on-hold and solved tickets; solved tickets close by automation (``jobs``) after
``AUTO_CLOSE_AFTER``; a reply to a closed ticket opens a follow-up linked to it.
Nothing here commits: the caller's transaction (the request, a handler) owns that.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents.models import Agent, Team
from cexdesk.core import audit, outbox, timers
from cexdesk.core.auth import Principal
from cexdesk.core.errors import (
    Conflict,
    Invalid,
    NotFound,
    PayloadTooLarge,
    UnsupportedMediaType,
)
from cexdesk.customers.flows import LANGUAGES, normalise_language
from cexdesk.customers.models import Customer
from cexdesk.intake import pipeline
from cexdesk.intake.events import MessageFlagged
from cexdesk.intake.redaction import redact, secret_warning
from cexdesk.tickets import macros, service
from cexdesk.tickets.events import (
    MessageAdded,
    TicketAssigned,
    TicketCreated,
    TicketLinked,
    TicketStatusChanged,
    TicketUpdated,
)
from cexdesk.tickets.models import Attachment, Macro, Message, Ticket, TicketLink, TicketTag
from cexdesk.tickets.storage import AttachmentStorage, sanitise_filename, sniff

STATUSES = ("new", "open", "pending", "on_hold", "solved", "closed")
PRIORITIES = ("low", "normal", "high", "urgent")
# "internal": tickets staff open among themselves (tier-2 escalations); never shown to customers.
CHANNELS = ("web", "chat", "email", "telegram", "x", "phone", "api", "internal")
AUTO_CLOSE_AFTER = timedelta(days=4)
AUTO_CLOSE_TIMER = "tickets.auto_close"
# A customer's reply reopens these; "new" stays new until an agent has answered.
REOPENED_BY_CUSTOMER = frozenset({"pending", "on_hold", "solved"})
MAX_TAGS = 50


@dataclass(frozen=True)
class Author:
    """Who wrote a message or made a change."""

    type: str  # customer | agent | system | bot
    id: int | None = None

    @classmethod
    def of(cls, principal: Principal) -> Author:
        return cls("customer" if principal.is_customer else "agent", principal.id)

    @property
    def is_agent(self) -> bool:
        return self.type == "agent"

    @property
    def actor(self) -> audit.Actor:
        return audit.Actor(self.type, None if self.id is None else str(self.id))


SYSTEM = Author("system")


@dataclass
class Created:
    ticket: Ticket
    message: Message | None
    tags: list[str] = field(default_factory=list)
    created: bool = True  # False when an idempotent retry found the first ticket


@dataclass
class Replied:
    ticket: Ticket
    message: Message
    follow_up_of: int | None = None  # the reply opened a follow-up of this closed ticket
    merged_from: int | None = None  # the reply went to the ticket this one was merged into


# Built once: the create path is hot, and a statement with bound parameters is cached.
_INSERT_TICKET: Any = insert(Ticket).returning(Ticket)
_INSERT_TICKET_ONCE: dict[str, Any] = {
    name: dialect_insert(Ticket)
    .on_conflict_do_nothing(index_elements=["requester_id", "idempotency_key"])
    .returning(Ticket)
    for name, dialect_insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}
_INSERT_MESSAGE: Any = insert(Message).returning(Message)


def auto_close_key(ticket_id: int) -> str:
    return f"ticket:{ticket_id}:auto_close"


def check_tags(tags: Sequence[str], field_name: str = "tags") -> list[str]:
    """Tags are lower-case words without spaces; duplicates collapse."""
    cleaned: list[str] = []
    for tag in tags:
        value = tag.strip().lower()
        if not value or any(c.isspace() or c in ",\"'<>" for c in value) or len(value) > 60:
            raise Invalid(field_name, f"{tag!r} is not a tag (one word, at most 60 characters)")
        if value not in cleaned:
            cleaned.append(value)
    return cleaned


def check_language(language: str) -> str:
    """One of the 15 languages; common spellings (zh-CN, pt, EN) map onto them."""
    code = normalise_language(language, default="")
    if code not in LANGUAGES:
        raise Invalid("language", f"must be one of {', '.join(LANGUAGES)}")
    return code


async def check_assignee(session: AsyncSession, assignee_id: int | None) -> None:
    if assignee_id is None:
        return
    active = await session.execute(select(Agent.active).where(Agent.id == assignee_id))
    if active.scalar_one_or_none() is not True:
        raise Invalid("assignee_id", f"no active agent {assignee_id}")


async def check_team(session: AsyncSession, team_id: int | None) -> None:
    if team_id is None:
        return
    if (await session.execute(select(Team.id).where(Team.id == team_id))).first() is None:
        raise Invalid("team_id", f"no team {team_id}")


async def create_ticket(
    session: AsyncSession,
    requester: int | Customer,
    subject: str,
    body: str,
    channel: str,
    *,
    author: Author | None = None,
    priority: str | None = None,
    category: str | None = None,
    subcategory: str | None = None,
    language: str | None = None,
    tags: Sequence[str] = (),
    assignee_id: int | None = None,
    team_id: int | None = None,
    status: str = "new",
    idempotency_key: str | None = None,
    external_id: str | None = None,
) -> Created:
    """Open a ticket with its first message; a known idempotency key returns the first one.

    Kept to a handful of statements: it is the hottest write path.
    """
    if channel not in CHANNELS:
        raise Invalid("channel", f"must be one of {', '.join(CHANNELS)}")
    if priority is not None and priority not in PRIORITIES:
        raise Invalid("priority", f"must be one of {', '.join(PRIORITIES)}")
    if status not in {"new", "open", "pending", "on_hold"}:
        raise Invalid("status", "a new ticket is new, open, pending or on_hold")
    service.check_category(category, subcategory)
    clean_tags = check_tags(tags)
    requester_id = requester if isinstance(requester, int) else requester.id
    if isinstance(requester, Customer):
        profile_language, vip_tier = requester.language, requester.vip_tier
    else:
        found = (
            await session.execute(
                select(Customer.language, Customer.vip_tier).where(Customer.id == requester_id)
            )
        ).one_or_none()
        if found is None:
            raise Invalid("requester_id", f"no customer {requester_id}")
        profile_language, vip_tier = found.language, found.vip_tier
    # Intake: secrets masked before anything is stored, then language and taxonomy.
    examined = pipeline.examine(
        body, subject=subject, profile_language=profile_language, vip_tier=vip_tier
    )
    subject, body = examined.subject or subject, examined.body
    author = author or Author("customer", requester_id)
    if language is None:
        # The customer's own words say which language they want; a ticket staff open on
        # someone's behalf (a phone call written up in English) keeps their profile's.
        detected = examined.language.language if examined.language else None
        language = detected if author.type == "customer" and detected else profile_language
    language = check_language(language)
    found_class = examined.classification
    if category is None and found_class.category is not None:
        category, subcategory = found_class.category, found_class.subcategory
        service.check_category(category, subcategory)
    if priority is None:
        priority = found_class.priority
    now = outbox.session_clock(session).now()
    values: dict[str, Any] = {
        "subject": subject,
        "status": status,
        "priority": priority or "normal",
        "category": category,
        "subcategory": subcategory,
        "channel": channel,
        "language": language,
        "requester_id": requester_id,
        "assignee_id": assignee_id,
        "team_id": team_id,
        "is_complaint": found_class.complaint,
        "created_at": now,
        "updated_at": now,
        "solved_at": None,
        "closed_at": None,
        "idempotency_key": idempotency_key,
    }
    if idempotency_key is not None:
        # ON CONFLICT DO NOTHING: a concurrent retry waits for the first and finds it.
        dialect = session.get_bind().dialect.name
        statement = _INSERT_TICKET_ONCE["postgresql" if dialect == "postgresql" else "sqlite"]
    else:
        statement = _INSERT_TICKET
    ticket = (await session.scalars(statement, values)).one_or_none()
    if ticket is None:
        assert idempotency_key is not None
        existing = await service.ticket_by_idempotency_key(session, requester_id, idempotency_key)
        if existing is None:  # pragma: no cover - the conflicting row vanished
            raise Conflict("a ticket with this Idempotency-Key is being created; retry")
        found_tags = await service.tags_for(session, [existing.id])
        return Created(existing, None, found_tags[existing.id], created=False)
    message = await _insert_message(
        session, ticket, author, body, internal=False, external_id=external_id, now=now
    )
    if clean_tags:
        await session.execute(
            insert(TicketTag), [{"ticket_id": ticket.id, "tag": t} for t in clean_tags]
        )
    await outbox.record(
        session,
        TicketCreated(
            ticket_id=ticket.id,
            requester_id=requester_id,
            channel=channel,
            priority=ticket.priority,
            language=language,
            team_id=team_id,
        ),
    )
    await _record_message(session, ticket, message)
    if author.type == "customer":
        # Staff writing a ticket up (a call, an escalation) set its priority themselves.
        await _after_intake(session, ticket, message, examined)
    if assignee_id is not None:
        await outbox.record(
            session,
            TicketAssigned(
                ticket_id=ticket.id,
                assignee_id=assignee_id,
                team_id=team_id,
                previous_assignee_id=None,
            ),
        )
    return Created(ticket, message, clean_tags)


async def _insert_message(
    session: AsyncSession,
    ticket: Ticket,
    author: Author,
    body: str,
    *,
    internal: bool,
    external_id: str | None = None,
    now: Any = None,
) -> Message:
    now = now or outbox.session_clock(session).now()
    values = {
        "ticket_id": ticket.id,
        "author_type": author.type,
        "author_id": author.id,
        "internal": internal,
        "body": body,
        "body_html": None,
        "channel": ticket.channel,
        "external_id": external_id,
        "created_at": now,
    }
    message: Message = (await session.scalars(_INSERT_MESSAGE, values)).one()
    return message


async def _record_message(session: AsyncSession, ticket: Ticket, message: Message) -> None:
    await outbox.record(
        session,
        MessageAdded(
            ticket_id=ticket.id,
            message_id=message.id,
            author_type=message.author_type,
            author_id=message.author_id,
            internal=message.internal,
            requester_id=ticket.requester_id,
        ),
    )


async def _after_intake(
    session: AsyncSession, ticket: Ticket, message: Message, examined: pipeline.Examined
) -> None:
    """Act on what intake found in a customer's message: warn, escalate, flag."""
    if examined.secrets:
        warning = secret_warning(ticket.language)
        notice = await _insert_message(session, ticket, SYSTEM, warning, internal=False)
        await _record_message(session, ticket, notice)
    found = examined.classification
    if found.emergency and ticket.priority != "urgent":
        # Suspected compromise outranks everything, whatever the ticket said before.
        ticket.priority = "urgent"
        if ticket.category != "security":
            ticket.category, ticket.subcategory = found.category, found.subcategory
        await outbox.record(
            session,
            TicketUpdated(ticket_id=ticket.id, requester_id=ticket.requester_id,
                          fields=["priority", "category"]),
        )  # fmt: skip
    if found.complaint and not ticket.is_complaint:
        ticket.is_complaint = True
    if examined.flags:
        await outbox.record(
            session,
            MessageFlagged(ticket.id, message.id, ticket.requester_id, examined.flags,
                           ticket.category, ticket.priority),
        )  # fmt: skip


async def _bind_attachments(
    session: AsyncSession, ticket: Ticket, message: Message, ids: Sequence[int], author: Author
) -> None:
    """Attach earlier uploads of this ticket to a message; each upload binds once."""
    unique = sorted(set(ids))
    if not unique:
        return
    query = update(Attachment).where(
        Attachment.id.in_(unique),
        Attachment.ticket_id == ticket.id,
        Attachment.message_id.is_(None),
    )
    if not author.is_agent:
        # Customers may only attach what they uploaded themselves.
        query = query.where(
            Attachment.uploaded_by_type == author.type, Attachment.uploaded_by_id == author.id
        )
    result = await session.execute(query.values(message_id=message.id))
    if getattr(result, "rowcount", 0) != len(unique):
        raise Invalid("attachment_ids", "unknown upload, another ticket's, or already attached")


async def _set_status(
    session: AsyncSession, ticket: Ticket, new_status: str, *, author: Author
) -> bool:
    """Move a ticket to a status, arming or cancelling auto-close; True if it changed."""
    old = ticket.status
    if new_status == old:
        return False
    if old == "closed":
        raise Conflict(f"ticket {ticket.id} is closed; reply to open a follow-up")
    if new_status == "closed" and author.type != "system":
        raise Invalid("status", "tickets are closed by automation only; set solved")
    if new_status == "new":
        raise Invalid("status", "a ticket that has left new cannot go back to it")
    now = outbox.session_clock(session).now()
    ticket.status = new_status
    ticket.updated_at = now
    if new_status == "solved":
        ticket.solved_at = now
        await timers.schedule(
            session,
            AUTO_CLOSE_TIMER,
            auto_close_key(ticket.id),
            now + AUTO_CLOSE_AFTER,
            {"ticket_id": ticket.id},
        )
    elif old == "solved":
        ticket.solved_at = None
        await timers.cancel(session, auto_close_key(ticket.id))
    if new_status == "closed":
        ticket.closed_at = now
    await outbox.record(
        session,
        TicketStatusChanged(
            ticket_id=ticket.id,
            requester_id=ticket.requester_id,
            old_status=old,
            new_status=new_status,
        ),
    )
    if author.is_agent:
        await audit.append(
            session,
            author.actor,
            "ticket.status_changed",
            subject_type="ticket",
            subject_id=ticket.id,
            data={"from": old, "to": new_status},
        )
    return True


async def _assign(
    session: AsyncSession,
    ticket: Ticket,
    assignee_id: int | None,
    team_id: int | None,
    *,
    author: Author,
) -> bool:
    previous = ticket.assignee_id
    if assignee_id == previous and team_id == ticket.team_id:
        return False
    ticket.assignee_id = assignee_id
    ticket.team_id = team_id
    ticket.updated_at = outbox.session_clock(session).now()
    await outbox.record(
        session,
        TicketAssigned(
            ticket_id=ticket.id,
            assignee_id=assignee_id,
            team_id=team_id,
            previous_assignee_id=previous,
        ),
    )
    if author.type != "system":
        await audit.append(
            session,
            author.actor,
            "ticket.assigned",
            subject_type="ticket",
            subject_id=ticket.id,
            data={"assignee_id": assignee_id, "team_id": team_id, "previous": previous},
        )
    return True


async def add_reply(
    session: AsyncSession,
    ticket: Ticket,
    author: Author,
    body: str,
    *,
    status: str | None = None,
    attachment_ids: Sequence[int] = (),
    external_id: str | None = None,
) -> Replied:
    """Add a public reply and move the status as Zendesk would.

    Call with the ticket loaded for writing (``access_ticket_by_id(..., write=True)``).
    """
    if status is not None and not author.is_agent:
        raise Invalid("status", "only agents set the status with a reply")
    examined = pipeline.examine(body, detect_language=False)
    body = examined.body
    if ticket.status == "closed":
        if attachment_ids:
            raise Invalid("attachment_ids", "this ticket is closed; upload to the new one")
        survivor = await _merged_into(session, ticket)
        if survivor is not None:
            # A reply to a merged ticket belongs in the ticket it was merged into.
            replied = await add_reply(
                session, survivor, author, body, status=status, external_id=external_id
            )
            replied.merged_from = ticket.id
            return replied
        return await _follow_up(session, ticket, author, body, status=status)
    message = await _insert_message(session, ticket, author, body, internal=False,
                                    external_id=external_id)  # fmt: skip
    await _bind_attachments(session, ticket, message, attachment_ids, author)
    await _record_message(session, ticket, message)
    if author.type == "customer":
        await _after_intake(session, ticket, message, examined)
    ticket.updated_at = message.created_at
    if author.is_agent:
        if ticket.assignee_id is None:
            await _assign(session, ticket, author.id, ticket.team_id, author=author)
        target = status or ("open" if ticket.status == "new" else None)
        if target is not None:
            await _set_status(session, ticket, target, author=author)
    elif ticket.status in REOPENED_BY_CUSTOMER:
        await _set_status(session, ticket, "open", author=author)
    return Replied(ticket, message)


async def _merged_into(session: AsyncSession, ticket: Ticket) -> Ticket | None:
    """The open ticket a closed one was merged into (following merges), same requester only."""
    current = ticket
    for _ in range(5):
        target_id = (
            await session.execute(
                select(TicketLink.target_id).where(
                    TicketLink.kind == "merge", TicketLink.source_id == current.id
                )
            )
        ).scalar_one_or_none()
        if target_id is None:
            return None
        target = await service.get_ticket(session, target_id, for_update=True)
        if target is None or target.requester_id != ticket.requester_id:
            return None
        if target.status != "closed":
            return target
        current = target
    return None


async def _follow_up(
    session: AsyncSession, closed: Ticket, author: Author, body: str, *, status: str | None
) -> Replied:
    """A reply to a closed ticket opens a new ticket linked to it (follow_up)."""
    tags = (await service.tags_for(session, [closed.id]))[closed.id]
    created = await create_ticket(
        session,
        closed.requester_id,
        closed.subject,
        body,
        closed.channel,
        author=author,
        priority=closed.priority,
        category=closed.category,
        subcategory=closed.subcategory,
        language=closed.language,
        tags=tags,
        team_id=closed.team_id,
        assignee_id=closed.assignee_id,
        status="open" if closed.assignee_id is not None else "new",
    )
    assert created.message is not None
    await _link(session, "follow_up", closed, created.ticket)
    if author.is_agent and status is not None:
        await _set_status(session, created.ticket, status, author=author)
    return Replied(created.ticket, created.message, follow_up_of=closed.id)


async def add_note(
    session: AsyncSession,
    ticket: Ticket,
    author: Author,
    body: str,
    *,
    attachment_ids: Sequence[int] = (),
) -> Message:
    """An internal note: staff only, never shown to the customer, no status change."""
    if not author.is_agent and author.type != "system":
        raise Invalid("author", "only staff write internal notes")
    if ticket.status == "closed":
        raise Conflict(f"ticket {ticket.id} is closed")
    # An agent quoting a customer's seed phrase in a note must not store it either.
    body = redact(body).text
    message = await _insert_message(session, ticket, author, body, internal=True)
    await _bind_attachments(session, ticket, message, attachment_ids, author)
    await _record_message(session, ticket, message)
    ticket.updated_at = message.created_at
    return message


async def change_status(
    session: AsyncSession, ticket: Ticket, new_status: str, *, author: Author
) -> bool:
    """Set a status by hand (agents) or by automation (``Author('system')`` may close)."""
    if new_status not in STATUSES:
        raise Invalid("status", f"must be one of {', '.join(STATUSES)}")
    return await _set_status(session, ticket, new_status, author=author)


async def update_ticket(
    session: AsyncSession, ticket: Ticket, changes: dict[str, Any], *, author: Author
) -> list[str]:
    """Apply a PATCH: ``changes`` holds only the fields the caller sent. Returns what changed."""
    if ticket.status == "closed":
        raise Conflict(f"ticket {ticket.id} is closed and can no longer change")
    changed: list[str] = []
    category = changes.get("category", ticket.category)
    subcategory = changes.get("subcategory", ticket.subcategory)
    if "category" in changes and "subcategory" not in changes and category != ticket.category:
        subcategory = None  # a new category invalidates the old sub-category
    if "category" in changes or "subcategory" in changes:
        service.check_category(category, subcategory)
    if "language" in changes and changes["language"] is not None:
        changes = {**changes, "language": check_language(changes["language"])}
    for name, value in (
        ("subject", changes.get("subject")),
        ("priority", changes.get("priority")),
        ("language", changes.get("language")),
        ("is_complaint", changes.get("is_complaint")),
    ):
        if value is not None and getattr(ticket, name) != value:
            setattr(ticket, name, value)
            changed.append(name)
    if (category, subcategory) != (ticket.category, ticket.subcategory):
        ticket.category, ticket.subcategory = category, subcategory
        changed.append("category")
    add = check_tags(changes.get("add_tags") or [], "add_tags")
    remove = check_tags(changes.get("remove_tags") or [], "remove_tags")
    if (add or remove) and await _change_tags(session, ticket.id, add, remove):
        changed.append("tags")
    if changed:
        ticket.updated_at = outbox.session_clock(session).now()
        await outbox.record(
            session,
            TicketUpdated(ticket_id=ticket.id, requester_id=ticket.requester_id, fields=changed),
        )
    if "assignee_id" in changes or "team_id" in changes:
        assignee_id = changes.get("assignee_id", ticket.assignee_id)
        team_id = changes.get("team_id", ticket.team_id)
        if assignee_id != ticket.assignee_id:
            await check_assignee(session, assignee_id)
        if team_id != ticket.team_id:
            await check_team(session, team_id)
        if await _assign(session, ticket, assignee_id, team_id, author=author):
            changed.append("assignment")
    if changes.get("status") == "solved" and ticket.assignee_id is None and author.is_agent:
        # As in Zendesk, a solved ticket has an assignee: whoever solved it.
        await _assign(session, ticket, author.id, ticket.team_id, author=author)
        changed.append("assignment")
    if changes.get("status") is not None and await change_status(
        session, ticket, changes["status"], author=author
    ):
        changed.append("status")
    return changed


async def _change_tags(
    session: AsyncSession, ticket_id: int, add: list[str], remove: list[str]
) -> bool:
    current = set((await service.tags_for(session, [ticket_id]))[ticket_id])
    to_add = [t for t in add if t not in current and t not in remove]
    to_remove = [t for t in remove if t in current]
    if len(current) + len(to_add) - len(to_remove) > MAX_TAGS:
        raise Invalid("add_tags", f"a ticket carries at most {MAX_TAGS} tags")
    if to_add:
        await session.execute(
            insert(TicketTag), [{"ticket_id": ticket_id, "tag": t} for t in to_add]
        )
    if to_remove:
        await session.execute(
            delete(TicketTag).where(TicketTag.ticket_id == ticket_id, TicketTag.tag.in_(to_remove))
        )
    return bool(to_add or to_remove)


async def _link(session: AsyncSession, kind: str, source: Ticket, target: Ticket) -> TicketLink:
    now = outbox.session_clock(session).now()
    link = TicketLink(kind=kind, source_id=source.id, target_id=target.id, created_at=now)
    session.add(link)
    await session.flush()
    await outbox.record(session, TicketLinked(kind=kind, source_id=source.id, target_id=target.id))
    return link


async def link_tickets(
    session: AsyncSession, kind: str, source: Ticket, target: Ticket, *, author: Author
) -> TicketLink:
    """Link two tickets by hand (escalation: the source is the parent of the target)."""
    if kind != "escalation":
        raise Invalid("kind", "only escalation links are made by hand; merge has its own call")
    if source.id == target.id:
        raise Invalid("target_id", "a ticket cannot be linked to itself")
    if await service.link_exists(session, kind, source.id, target.id):
        raise Conflict(f"ticket {source.id} is already linked to {target.id} ({kind})")
    return await _link(session, kind, source, target)


async def merge_tickets(
    session: AsyncSession, source: Ticket, target: Ticket, *, author: Author
) -> TicketLink:
    """Merge ``source`` into ``target``: the source closes, both get a note, audit records it.

    Call with both tickets loaded for writing.
    """
    if source.id == target.id:
        raise Invalid("target_id", "a ticket cannot be merged into itself")
    if source.status == "closed":
        raise Conflict(f"ticket {source.id} is closed and cannot be merged")
    if target.status == "closed":
        raise Conflict(f"ticket {target.id} is closed; merge into an open ticket")
    link = await _link(session, "merge", source, target)
    await add_note(session, target, author, f"Ticket #{source.id} ({source.subject}) was merged "
                   "into this ticket.")  # fmt: skip
    await add_note(session, source, author, f"Merged into ticket #{target.id}.")
    await _set_status(session, source, "closed", author=SYSTEM)
    await timers.cancel(session, auto_close_key(source.id))
    await audit.append(
        session,
        author.actor,
        "ticket.merged",
        subject_type="ticket",
        subject_id=source.id,
        data={"into": target.id},
    )
    return link


async def close_if_still_solved(session: AsyncSession, ticket_id: int) -> bool:
    """The auto-close timer: close a ticket that is still solved and has waited long enough."""
    ticket = await service.get_ticket(session, ticket_id, for_update=True)
    if ticket is None or ticket.status != "solved" or ticket.solved_at is None:
        return False
    if ticket.solved_at + AUTO_CLOSE_AFTER > outbox.session_clock(session).now():
        return False
    return await _set_status(session, ticket, "closed", author=SYSTEM)


async def requester_exists(session: AsyncSession, customer_id: int) -> None:
    found = await session.execute(select(Customer.id).where(Customer.id == customer_id))
    if found.first() is None:
        raise NotFound("customer", customer_id)


async def add_attachment(
    session: AsyncSession,
    storage: AttachmentStorage,
    ticket: Ticket,
    author: Author,
    filename: str | None,
    data: bytes,
    *,
    max_bytes: int,
) -> Attachment:
    """Store an upload for a ticket; it joins a message when a reply or note names it."""
    if ticket.status == "closed":
        raise Conflict(f"ticket {ticket.id} is closed")
    if not data:
        raise Invalid("file", "is empty")
    if len(data) > max_bytes:
        raise PayloadTooLarge(f"the file exceeds the limit of {max_bytes} bytes")
    clean_name = sanitise_filename(filename)
    content_type = sniff(data, clean_name)
    if content_type is None:
        raise UnsupportedMediaType(
            "the file is not an allowed type (png, jpeg, gif, webp, pdf, zip, plain text, csv)"
        )
    stored = await storage.put(data)
    attachment = Attachment(
        ticket_id=ticket.id,
        message_id=None,
        filename=clean_name,
        content_type=content_type,
        size=stored.size,
        sha256=stored.sha256,
        storage_key=stored.key,
        uploaded_by_type=author.type,
        uploaded_by_id=author.id,
        created_at=outbox.session_clock(session).now(),
    )
    session.add(attachment)
    await session.flush()
    return attachment


def _check_macro_texts(texts: dict[str, str]) -> dict[str, str]:
    if not texts or not any(t.strip() for t in texts.values()):
        raise Invalid("texts", "give the macro a text in at least one language")
    cleaned = {}
    for language, text in texts.items():
        check_language(language)
        unknown = macros.unknown_placeholders(text)
        if unknown:
            known = ", ".join("{" + p + "}" for p in macros.PLACEHOLDERS)
            raise Invalid("texts", f"{language}: unknown placeholder {{{unknown[0]}}}; use {known}")
        cleaned[language] = text
    return cleaned


async def save_macro(
    session: AsyncSession,
    *,
    author: Author,
    name: str,
    texts: dict[str, str],
    category: str | None = None,
    set_status: str | None = None,
    active: bool = True,
    macro: Macro | None = None,
) -> Macro:
    """Create a macro, or change ``macro``; audited either way."""
    if set_status is not None and set_status not in {"open", "pending", "on_hold", "solved"}:
        raise Invalid("set_status", "must be open, pending, on_hold or solved")
    if category is not None:
        service.check_category(category, None)
    texts = _check_macro_texts(texts)
    now = outbox.session_clock(session).now()
    clash = await service.macro_by_name(session, name)
    if clash is not None and (macro is None or clash.id != macro.id):
        raise Conflict(f"a macro named {name!r} already exists")
    if macro is None:
        macro = Macro(name=name, created_at=now)
        session.add(macro)
    macro.name, macro.texts, macro.category = name, texts, category
    macro.set_status, macro.active, macro.updated_at = set_status, active, now
    await session.flush()
    await audit.append(
        session, author.actor, "macro.saved", subject_type="macro", subject_id=macro.id,
        data={"name": name, "languages": sorted(texts)},
    )  # fmt: skip
    return macro


async def attach_to_message(
    session: AsyncSession,
    storage: AttachmentStorage,
    ticket: Ticket,
    message: Message,
    author: Author,
    uploads: Sequence[tuple[str | None, bytes]],
    *,
    max_bytes: int,
) -> list[Attachment]:
    """Store files and bind them to a message just written (a form's first message)."""
    stored = []
    for filename, data in uploads:
        attachment = await add_attachment(
            session, storage, ticket, author, filename, data, max_bytes=max_bytes
        )
        await _bind_attachments(session, ticket, message, [attachment.id], author)
        stored.append(attachment)
    return stored
