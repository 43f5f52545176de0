"""The bot in front of a channel: it answers customer turns while it holds the
conversation, hands it to people (routing, SLA clocks, a transcript note for the agent)
and ends it as contained when the customer says it solved their question.

Two steps for a customer's message. ``take`` runs inside the transaction that stored it,
so the ticket is held before routing and the SLA clocks see it: their handlers skip a
ticket the bot fronted and react to ``BotHandedOff`` instead. ``answer`` runs after that
commit: it reads the turn, asks the back office with no transaction open (at most
``LOOKUP_TIMEOUT``; a back office that fails or does not answer in time makes the bot
say it cannot check now and hand over), then stores the reply, the turn and any handoff
in a short transaction of its own. A turn is answered once per message id; turns left
unanswered by a crash are answered at start (``PendingTurns``). Buttons (``press``) need
no back office and run in their caller's transaction. Records events and audit entries;
only ``answer``, ``reply_to`` and ``PendingTurns`` open transactions.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.bot import dialogue, lookups, runtime, service
from cexdesk.bot.dialogue import (
    ArticleRef,
    BotReply,
    BotState,
    Facts,
    Handoff,
    Lookup,
    Understanding,
)
from cexdesk.bot.events import BotHandedOff, BotSessionEnded
from cexdesk.bot.models import BotSession, BotTurn
from cexdesk.bot.texts import bot_text
from cexdesk.core import audit, outbox
from cexdesk.core.db import Database
from cexdesk.customers.models import Customer
from cexdesk.exchange.protocol import ExchangeError
from cexdesk.exchange.service import ExchangeNotConfigured, back_office
from cexdesk.kb import service as kb_service
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.models import Message, Ticket

log = logging.getLogger(__name__)

BOT = ticket_flows.Author("bot")
SEARCH_LIMIT = 3
TRANSCRIPT_TURNS = 30
SECURITY_CATEGORY = ("security", "suspected-compromise")
AGENT_TOOK_OVER = "agent_took_over"
REASON_UNAVAILABLE = "exchange_unavailable"
# Seconds the back office has for one turn's lookups; ``services[LOOKUP_TIMEOUT_KEY]``
# overrides it.
LOOKUP_TIMEOUT = 8.0
LOOKUP_TIMEOUT_KEY = "bot.lookup_timeout"


def _now(session: AsyncSession) -> datetime:
    return outbox.session_clock(session).now()


def _settings(services: dict[str, Any]) -> Any:
    return services["settings"]


def fronts(services: dict[str, Any], channel: str) -> bool:
    """Whether the bot answers first on this channel (``settings.bot_channels``)."""
    return channel in _settings(services).bot_channels


def _url(services: dict[str, Any], path: str) -> str:
    base = (_settings(services).public_url or "").rstrip("/")
    return f"{base}{path}"


def article_url(services: dict[str, Any], language: str, slug: str) -> str:
    return _url(services, f"/help/{language}/articles/{slug}")


async def ready(services: dict[str, Any], channel: str) -> None:
    """Have the intent engine loaded when the bot fronts ``channel`` (call it before
    opening the transaction a message is stored in: loading or training takes seconds)."""
    if fronts(services, channel):
        await runtime.intent_model(services)


# --- entry points -------------------------------------------------------------------


async def take(
    session: AsyncSession, services: dict[str, Any], ticket_id: int, message_id: int
) -> bool:
    """In the transaction that stores a customer's message: the bot keeps (or now takes)
    the conversation, so routing never sees it unheld. True when the message is owed a
    turn: ``answer`` it after the commit."""
    if not _settings(services).bot_channels:
        return False  # the bot fronts no channel: not a query more on the message's path
    ticket = await ticket_service.get_ticket(session, ticket_id, for_update=True)
    if ticket is None or not fronts(services, ticket.channel):
        return False
    message = await session.get(Message, message_id)
    if message is None or message.author_type != "customer":
        return False
    return await _holding(session, ticket, message_id) is not None


@dataclass(frozen=True)
class Answered:
    turn_id: int
    reply_message_id: int | None  # the bot's public reply, if it wrote one


@dataclass(frozen=True)
class _Prepared:
    session_id: int
    understanding: Understanding
    needed: tuple[Lookup, ...]
    uid: str | None
    now: datetime


@dataclass(frozen=True)
class _Fetched:
    needed: tuple[Lookup, ...]
    facts: Facts | None  # None: the back office failed or did not answer in time


async def answer(
    db: Database,
    services: dict[str, Any],
    ticket_id: int,
    message_id: int,
    *,
    wants_human: bool = False,
) -> Answered | None:
    """The bot's turn on a stored customer message, after that message's commit.

    Reads the turn (a read session), asks the back office with no transaction open,
    then writes in a short transaction. None when there is nothing to do: the message
    was answered already (idempotent by message id), the bot no longer holds the
    conversation, or it is not a customer's. ``wants_human``: the customer pressed
    "talk to a human" before writing; the turn only hands the conversation over.
    """
    started = time.perf_counter()
    button = dialogue.BUTTON_HUMAN if wants_human else None
    model = await runtime.intent_model(services)
    async with db.reading() as session:
        prepared = await _prepare(session, services, model, ticket_id, message_id, button)
    if prepared is None:
        return None
    fetched = await _fetch(db, services, prepared)
    async with db.transaction() as session:
        ticket = await ticket_service.get_ticket(session, ticket_id, for_update=True)
        bot_session = await service.active_session(session, ticket_id, for_update=True)
        if ticket is None or bot_session is None or bot_session.id != prepared.session_id:
            return None
        if ticket.assignee_id is not None:
            await agent_took_over(session, ticket.id)
            return None
        message = await session.get(Message, message_id)
        if message is None or await _answered(session, ticket_id, message_id):
            return None
        turn = await _turn(
            session, services, bot_session, ticket, message, button,
            understanding=prepared.understanding, fetched=fetched, started=started,
        )  # fmt: skip
        answered = Answered(turn.id, turn.reply_message_id)
    return answered


async def reply_to(
    db: Database,
    services: dict[str, Any],
    ticket_id: int,
    message_id: int,
    *,
    wants_human: bool = False,
) -> Answered | None:
    """``answer``; a bot failing on the turn hands the conversation to people."""
    try:
        return await answer(db, services, ticket_id, message_id, wants_human=wants_human)
    except Exception:
        log.exception("bot failed on ticket %s", ticket_id)
        async with db.transaction() as session:
            await give_up(session, ticket_id)
        return None


async def pending(db: Database) -> list[tuple[int, int]]:
    """(ticket id, message id) of the customer messages the bot holds and has not
    answered (a crash between a message's commit and its turn), oldest first."""
    async with db.reading() as session:
        held = list(
            (
                await session.execute(
                    select(BotSession.ticket_id).where(BotSession.status == "active")
                )
            ).scalars()
        )
        found: list[tuple[int, int]] = []
        for ticket_id in held:
            last = await _last_answered(session, ticket_id)
            rows = await session.execute(
                select(Message.id)
                .where(
                    Message.ticket_id == ticket_id,
                    Message.author_type == "customer",
                    Message.internal.is_(False),
                    Message.id > last,
                )
                .order_by(Message.id)
            )
            found.extend((ticket_id, message_id) for message_id in rows.scalars())
    return sorted(found, key=lambda pair: pair[1])


class PendingTurns:
    """At start: answers the turns a crash left owed (``pending``), one at a time; a
    listener (``channels.chat.listeners``)."""

    def __init__(self, db: Database, services: dict[str, Any]) -> None:
        self.db = db
        self.services = services
        self.task: asyncio.Task[int] | None = None

    async def start(self) -> None:
        self.task = asyncio.create_task(self.run(), name="bot-pending-turns")

    async def run(self) -> int:
        """Answers every pending turn; how many were answered."""
        done = 0
        for ticket_id, message_id in await pending(self.db):
            if await reply_to(self.db, self.services, ticket_id, message_id) is not None:
                done += 1
        if done:
            log.info("bot: answered %s turns left pending", done)
        return done

    async def stop(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task


async def press(
    session: AsyncSession, services: dict[str, Any], customer_id: int, button: str
) -> BotTurn | None:
    """A button in the chat: "talk to a human", "this solved it", "not solved".

    Acts on the customer's conversation the bot holds; None when there is none.
    """
    if button not in dialogue.BUTTONS:
        raise ValueError(f"unknown button {button!r}")
    held = (
        await session.execute(
            select(BotSession.ticket_id)
            .where(BotSession.customer_id == customer_id, BotSession.status == "active")
            .order_by(BotSession.id.desc())
            .limit(1)
        )
    ).scalar_one_or_none()
    if held is None:
        return None
    ticket = await ticket_service.get_ticket(session, held, for_update=True)
    bot_session = await service.active_session(session, held, for_update=True)
    if ticket is None or bot_session is None:
        return None
    if ticket.assignee_id is not None:
        await agent_took_over(session, ticket.id)
        return None
    return await _turn(session, services, bot_session, ticket, None, button)


async def agent_took_over(session: AsyncSession, ticket_id: int) -> bool:
    """An agent took a conversation the bot held (a supervisor's take-over, a reply):
    the bot lets go; people's clocks start (``BotHandedOff``). True if it held it."""
    bot_session = await service.active_session(session, ticket_id, for_update=True)
    if bot_session is None:
        return False
    await _end(session, bot_session, "handed_off", reason=AGENT_TOOK_OVER)
    await outbox.record(
        session,
        BotHandedOff(bot_session.id, ticket_id, AGENT_TOOK_OVER, False, needs_routing=False),
    )
    return True


async def give_up(session: AsyncSession, ticket_id: int) -> None:
    """The bot failed on a turn: people take the conversation rather than nobody."""
    bot_session = await service.active_session(session, ticket_id, for_update=True)
    ticket = await ticket_service.get_ticket(session, ticket_id, for_update=True)
    if bot_session is None or ticket is None:
        return
    handoff = Handoff("bot_error", intent=bot_session.last_intent)
    understanding = Understanding(text="", language=bot_session.language)
    await _hand_off(session, bot_session, ticket, handoff, understanding)


# --- holding a conversation ---------------------------------------------------------


async def _holding(session: AsyncSession, ticket: Ticket, message_id: int) -> BotSession | None:
    """The session holding the ticket, a new one, or None when people have it."""
    active = await service.active_session(session, ticket.id, for_update=True)
    if active is not None:
        if ticket.assignee_id is not None:
            # An agent answered while the bot held it: people have it now.
            await agent_took_over(session, ticket.id)
            return None
        return active
    if ticket.assignee_id is not None or ticket.status == "closed":
        return None
    last = await service.last_session(session, ticket.id)
    if last is None:
        first = await session.scalar(
            select(Message.id).where(Message.ticket_id == ticket.id).order_by(Message.id).limit(1)
        )
        if first != message_id:
            return None  # a conversation that began before the bot fronted this channel
    elif last.status != "contained":
        return None  # handed off: the bot stays silent
    now = _now(session)
    started = BotSession(
        ticket_id=ticket.id,
        customer_id=ticket.requester_id,
        channel=ticket.channel,
        language=ticket.language,
        status="active",
        state=BotState().to_dict(),
        turns=0,
        handoff_urgent=False,
        started_at=now,
        ended_at=None,
    )
    session.add(started)
    await session.flush()
    return started


async def _answered(session: AsyncSession, ticket_id: int, message_id: int) -> bool:
    """Whether the bot answered this message, or a later one, on this ticket."""
    return await _last_answered(session, ticket_id) >= message_id


async def _last_answered(session: AsyncSession, ticket_id: int) -> int:
    sessions = select(BotSession.id).where(BotSession.ticket_id == ticket_id)
    last = await session.scalar(
        select(func.max(BotTurn.message_id)).where(BotTurn.session_id.in_(sessions))
    )
    return int(last or 0)


def _understand(
    model: Any, ticket: Ticket, bot_session: BotSession, message: Message | None, button: str | None
) -> Understanding:
    language = ticket.language or bot_session.language
    text = message.body if message is not None else ""
    if message is not None and button is None:
        return runtime.understand(model, text, language)
    return Understanding(text=text, language=language, button=button)


def _base_facts(services: dict[str, Any], language: str) -> Facts:
    return Facts(
        claim_url=article_url(services, language, "deposit-recovery-claim"),
        sign_in_url=_url(services, "/help/signin"),
    )


async def _exchange_uid(session: AsyncSession, ticket: Ticket) -> str | None:
    customer = await session.get(Customer, ticket.requester_id)
    return customer.exchange_uid if customer is not None else None


async def _prepare(
    session: AsyncSession,
    services: dict[str, Any],
    model: Any,
    ticket_id: int,
    message_id: int,
    button: str | None,
) -> _Prepared | None:
    """The turn read and what it needs from the back office (a read session)."""
    ticket = await session.get(Ticket, ticket_id)
    bot_session = await service.active_session(session, ticket_id)
    message = await session.get(Message, message_id)
    if ticket is None or bot_session is None or message is None:
        return None
    if message.author_type != "customer" or await _answered(session, ticket_id, message_id):
        return None
    understanding = _understand(model, ticket, bot_session, message, button)
    uid = await _exchange_uid(session, ticket)
    state = BotState.from_dict(bot_session.state)
    needed = dialogue.lookups_needed(understanding, state, uid is not None) if uid else ()
    return _Prepared(bot_session.id, understanding, needed, uid, _now(session))


async def _fetch(db: Database, services: dict[str, Any], prepared: _Prepared) -> _Fetched:
    """The lookups' answers from the back office, with no transaction open."""
    if not prepared.needed or prepared.uid is None:
        return _Fetched((), None)
    base = _base_facts(services, prepared.understanding.language)
    timeout = float(services.get(LOOKUP_TIMEOUT_KEY, LOOKUP_TIMEOUT))
    try:
        exchange = back_office(services)
        async with asyncio.timeout(timeout):
            facts = await lookups.gather(
                db, exchange, prepared.uid, prepared.needed, prepared.now,
                claim_url=base.claim_url, sign_in_url=base.sign_in_url,
            )  # fmt: skip
    except ExchangeNotConfigured as error:
        # No back office at all: the bot answers from the knowledge base.
        log.warning("bot: no exchange back office for lookups: %s", error)
        return _Fetched(prepared.needed, base)
    except (ExchangeError, TimeoutError, OSError) as error:
        log.warning("bot: exchange lookups failed (%s): %r", prepared.needed, error)
        return _Fetched(prepared.needed, None)
    return _Fetched(prepared.needed, facts)


def _unavailable(
    reply: BotReply, state: BotState, understanding: Understanding
) -> tuple[BotReply, BotState]:
    """The back office could not be asked: the bot says so and people take over."""
    intent = reply.intent or state.last_intent
    handoff = Handoff(REASON_UNAVAILABLE, intent=intent, entities=state.entities)
    text = bot_text("lookup_unavailable", understanding.language)
    reply = BotReply(
        dialogue.HANDOFF, text, intent=intent, confidence=reply.confidence, handoff=handoff
    )
    return reply, replace(state, handed_off=True, offered=(), waiting_for=None)


async def _turn(
    session: AsyncSession,
    services: dict[str, Any],
    bot_session: BotSession,
    ticket: Ticket,
    message: Message | None,
    button: str | None,
    *,
    understanding: Understanding | None = None,
    fetched: _Fetched | None = None,
    started: float | None = None,
) -> BotTurn:
    """One turn, written in ``session``; the back office is never asked here: its
    answers come in ``fetched`` (asked for with ``understanding`` and the state then).
    A state changed since by another turn that needs other lookups gets no facts."""
    started = time.perf_counter() if started is None else started
    state = BotState.from_dict(bot_session.state)
    if understanding is None:
        model = await runtime.intent_model(services)
        understanding = _understand(model, ticket, bot_session, message, button)
    text = message.body if message is not None else ""
    uid = await _exchange_uid(session, ticket)
    signed_in = uid is not None
    lang = understanding.language
    facts = _base_facts(services, lang)
    needed = dialogue.lookups_needed(understanding, state, signed_in) if signed_in else ()
    unavailable = False
    if needed and fetched is not None and fetched.needed == needed:
        if fetched.facts is None:
            unavailable = True
        else:
            facts = fetched.facts
    articles = await _articles(session, services, understanding, state)
    reply, state = dialogue.respond(understanding, state, articles, facts, signed_in)
    if unavailable and reply.handoff is None:
        reply, state = _unavailable(reply, state, understanding)

    reply_message = None
    if reply.text:
        replied = await ticket_flows.add_reply(session, ticket, BOT, reply.text)
        reply_message = replied.message
    now = _now(session)
    turn = BotTurn(
        session_id=bot_session.id,
        ticket_id=ticket.id,
        message_id=message.id if message is not None else None,
        reply_message_id=reply_message.id if reply_message is not None else None,
        question=text[:4000],
        button=button,
        language=lang,
        intent=reply.intent,
        confidence=round(reply.confidence, 4),
        entities={e.kind: e.value for e in understanding.entities},
        answer_kind=reply.kind,
        article_slug=reply.article.slug if reply.article else None,
        latency_ms=round((time.perf_counter() - started) * 1000, 2),
        created_at=now,
    )
    session.add(turn)
    bot_session.state = state.to_dict()
    bot_session.turns += 1
    bot_session.language = lang
    if reply.intent:
        bot_session.last_intent = reply.intent
    await session.flush()
    if reply.handoff is not None:
        await _hand_off(session, bot_session, ticket, reply.handoff, understanding)
    elif reply.contained:
        await _solved(session, bot_session, ticket)
    return turn


async def _articles(
    session: AsyncSession,
    services: dict[str, Any],
    understanding: Understanding,
    state: BotState,
) -> list[ArticleRef]:
    """The intent's article and the knowledge base's best matches, in the customer's
    language (English where a translation is missing)."""
    if understanding.button is not None or state.handed_off:
        return []
    language = understanding.language
    found: list[ArticleRef] = []
    for intent, _ in understanding.intents[:1]:
        slug = dialogue.INTENT_ARTICLES.get(intent)
        shown = await kb_service.article(session, slug, language) if slug else None
        if shown is not None:
            found.append(_ref(services, language, shown, 0.0, by_intent=True))
    if understanding.text.strip():
        hits = await kb_service.search_hits(session, language, understanding.text, SEARCH_LIMIT)
        found.extend(_ref(services, language, shown, score) for shown, score in hits)
    return found


def _ref(
    services: dict[str, Any],
    language: str,
    shown: kb_service.Shown,
    score: float,
    *,
    by_intent: bool = False,
) -> ArticleRef:
    url = article_url(services, language, shown.slug)
    return ArticleRef(shown.slug, shown.title, url, score, by_intent)


# --- endings ------------------------------------------------------------------------


async def _end(
    session: AsyncSession,
    bot_session: BotSession,
    status: str,
    *,
    reason: str | None = None,
    urgent: bool = False,
) -> None:
    bot_session.status = status
    bot_session.ended_at = _now(session)
    bot_session.handoff_reason = reason
    bot_session.handoff_urgent = urgent
    await session.flush()


async def _hand_off(
    session: AsyncSession,
    bot_session: BotSession,
    ticket: Ticket,
    handoff: Handoff,
    understanding: Understanding,
) -> None:
    """People take over: urgent and to the security team for emergencies, the transcript
    as an internal note, then routing and the SLA clocks (``BotHandedOff``)."""
    await _end(session, bot_session, "handed_off", reason=handoff.reason, urgent=handoff.urgent)
    changes: dict[str, Any] = {}
    if handoff.urgent and ticket.priority != "urgent":
        changes["priority"] = "urgent"
    if handoff.reason == dialogue.REASON_SECURITY and ticket.category != "security":
        changes["category"], changes["subcategory"] = SECURITY_CATEGORY
    team_changed = False
    if handoff.team is not None:
        team = await service.team_of_kind(session, handoff.team)
        if team is not None and team.id != ticket.team_id:
            changes["team_id"] = team.id
            team_changed = True
    if changes:
        await ticket_flows.update_ticket(session, ticket, changes, author=BOT)
    note = await transcript(session, bot_session, handoff, understanding)
    await ticket_flows.add_note(session, ticket, ticket_flows.SYSTEM, note)
    await outbox.record(
        session,
        BotHandedOff(
            bot_session.id,
            ticket.id,
            handoff.reason,
            handoff.urgent,
            needs_routing=not team_changed,
        ),
    )
    await audit.append(
        session, BOT.actor, "bot.handed_off", subject_type="ticket", subject_id=ticket.id,
        data={"session_id": bot_session.id, "reason": handoff.reason, "urgent": handoff.urgent,
              "intent": handoff.intent},
    )  # fmt: skip


async def _solved(session: AsyncSession, bot_session: BotSession, ticket: Ticket) -> None:
    """The customer said it solved their question: contained, and the ticket solved."""
    await _end(session, bot_session, "contained")
    if ticket.status not in ("solved", "closed"):
        await ticket_flows.change_status(session, ticket, "solved", author=BOT)
    await outbox.record(session, BotSessionEnded(bot_session.id, ticket.id))
    await audit.append(
        session, BOT.actor, "bot.contained", subject_type="ticket", subject_id=ticket.id,
        data={"session_id": bot_session.id},
    )  # fmt: skip


async def transcript(
    session: AsyncSession,
    bot_session: BotSession,
    handoff: Handoff,
    understanding: Understanding,
) -> str:
    """What the agent reads first: why, the intent, the entities and the conversation."""
    messages = (
        await session.execute(
            select(Message.author_type, Message.body)
            .where(
                Message.ticket_id == bot_session.ticket_id,
                Message.internal.is_(False),
                Message.created_at >= bot_session.started_at,
            )
            .order_by(Message.id.desc())
            .limit(TRANSCRIPT_TURNS * 2)
        )
    ).all()
    turns = await service.turns(session, bot_session.id)
    intent = handoff.intent or bot_session.last_intent
    confidence = next((t.confidence for t in reversed(turns) if t.intent == intent), None)
    lines = [
        f"Bot handoff: {handoff.reason.replace('_', ' ')}"
        + (" — URGENT, security team" if handoff.urgent else ""),
        f"Detected intent: {intent or 'none'}"
        + (f" (confidence {confidence:.2f})" if confidence else ""),
        f"Language: {understanding.language}",
        "Entities: " + (_entities(handoff.entities) or "none"),
        f"Bot turns: {len(turns)}",
        "",
        "Transcript:",
    ]
    for author, body in reversed(messages):
        who = {"customer": "Customer", "bot": "Bot"}.get(author, author.capitalize())
        lines.append(f"{who}: {body}")
    return "\n".join(lines)[:10_000]


def _entities(entities: Any) -> str:
    parts: Sequence[str] = [
        f"{kind}={found.get('value')}"
        + (" (checksum fails)" if found.get("valid") is False else "")
        for kind, found in sorted(dict(entities).items())
    ]
    return ", ".join(parts)
