"""One customer's chat socket.

Protocol (JSON text frames).

Client → server:

* ``{"type": "message", "client_id": "<uuid>", "text": "..."}``: stored through the
  inbound path on channel ``chat`` (the raw frame first, keyed by customer id and
  ``client_id``, so a resent frame is a no-op) and processed in the same transaction;
  answered after commit with ``{"type": "ack", "client_id", "message_id", "ticket_id",
  "duplicate"}``. A frame that is stored but could not be processed is answered with
  ``{"type": "error", "client_id", "retrying": true}``: it is kept and retried by the
  server; one that was not stored (``"retrying": false``) may be resent as is.
* ``{"type": "typing"}``: forwarded to staff on ``ticket:{id}``, not stored.
* ``{"type": "read", "message_id": N}``: a read receipt, forwarded to staff.
* ``{"type": "resume", "after_message_id": N}``: every public message of the
  customer's chat conversations with id > N, in order, then live messages.
* ``{"type": "ping"}`` → ``{"type": "pong"}``.
* ``{"type": "handoff"}`` ("talk to a human") and ``{"type": "solved"}`` ("this solved
  it"): buttons for the bot (``bot.flows.press``) while it holds the conversation,
  answered with ``{"type": "bot", "button", "done"}``; a handoff pressed before the
  first message hands that message's conversation to people at once.

Server → client:

* ``{"type": "hello", "customer_id", "ticket_id", "last_message_id"}`` on connect:
  the open chat conversation (or null) and its newest public message id.
* ``{"type": "message", "id", "ticket_id", "author_type", "body", "created_at",
  "client_id", "buttons"}``: a public message, agent/bot/system replies and the customer's
  own (with the ``client_id`` it was sent with, for the other tabs); never internal notes.
  ``buttons``: the bot's buttons to show after it, ``["solved"]`` after a real answer
  (``bot.dialogue.SOLVABLE_KINDS``), else empty.
* ``{"type": "agent_joined" | "agent_left", "ticket_id", "agent_name"}``,
  ``{"type": "typing", "ticket_id"}`` (an agent is typing), ``{"type": "notice",
  "ticket_id", "reason": "no_agent", "text", "first_reply_seconds"}``.
* ``{"type": "error", "detail", ...}``.

Delivery: one hub subscription (``customer:{id}``) per socket. A hub message only says
that something changed; the socket then reads the messages after its cursor in one
query, so a dropped or duplicated hub message never makes a gap or a duplicate.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
from collections import deque
from typing import Any

from fastapi import WebSocket, WebSocketDisconnect
from sqlalchemy import func, or_, select
from sqlalchemy.exc import IntegrityError

from cexdesk.app import AppContext
from cexdesk.bot import dialogue
from cexdesk.bot import flows as bot_flows
from cexdesk.bot.models import BotTurn
from cexdesk.channels import inbound
from cexdesk.channels.chat import CHANNEL, parse
from cexdesk.channels.chat.handlers import topic
from cexdesk.channels.models import InboundPayload
from cexdesk.core.auth import Principal
from cexdesk.customers import flows as customer_flows
from cexdesk.customers import service as customer_service
from cexdesk.customers.models import Customer
from cexdesk.tickets.models import Message, Ticket

log = logging.getLogger(__name__)

MAX_FRAME = 16_384
BATCH = 200
TYPING_EVERY = 1.0  # seconds between typing signals forwarded to staff
REMEMBERED = 512  # message ids sent below the cursor (late commits), per socket
BUTTONS = {"handoff": "human", "solved": "solved"}
FORWARDED = {
    "chat.agent_joined": "agent_joined",
    "chat.agent_left": "agent_left",
    "chat.typing": "typing",
    "chat.notice": "notice",
}


class Connection:
    def __init__(self, websocket: WebSocket, context: AppContext, principal: Principal) -> None:
        self.websocket = websocket
        self.context = context
        self.customer_id = principal.id
        self.subscription = context.hub.subscribe({topic(principal.id)})
        self.cursor = 0
        # The client has everything up to here (hello, or its resume): never resent.
        self.floor = 0
        self.ticket_id: int | None = None
        self.sent: deque[int] = deque(maxlen=REMEMBERED)
        self.delivery = asyncio.Lock()  # resume and live delivery never interleave
        self.identity_checked = False
        self.last_typing = 0.0
        self.sending = asyncio.Lock()
        self.wants_human = False  # "talk to a human" pressed before there was a conversation

    async def run(self) -> None:
        try:
            await self._hello()
            sender = asyncio.create_task(self._send_loop(), name="chat-send")
            try:
                await self._receive_loop()
            finally:
                sender.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await sender
        finally:
            self.context.hub.unsubscribe(self.subscription)

    def _conversations(self) -> Any:
        return select(Ticket.id).where(
            Ticket.requester_id == self.customer_id, Ticket.channel == CHANNEL
        )

    async def _hello(self) -> None:
        async with self.context.db.reading() as session:
            self.ticket_id = (
                await session.execute(
                    self._conversations()
                    .where(Ticket.status != "closed")
                    .order_by(Ticket.id.desc())
                    .limit(1)
                )
            ).scalar_one_or_none()
            self.cursor = (
                await session.execute(
                    select(func.max(Message.id)).where(
                        Message.ticket_id.in_(self._conversations()), Message.internal.is_(False)
                    )
                )
            ).scalar_one_or_none() or 0
        self.floor = self.cursor
        await self._send(
            {"type": "hello", "customer_id": self.customer_id, "ticket_id": self.ticket_id,
             "last_message_id": self.cursor}
        )  # fmt: skip

    # -- server → client -------------------------------------------------------------

    async def _send_loop(self) -> None:
        while True:
            event = await self.subscription.get()
            if event.get("internal", True):
                continue  # staff-only: never for a customer
            kind = event.get("type")
            if kind == "ticket.message_added":
                announced = int(event.get("message_id") or 0)
                if announced and announced in self.sent:
                    # Announced twice (right after commit, then by the runner): the
                    # first one already brought it and anything before it.
                    continue
                async with self.delivery:
                    await self._deliver(late=announced)
            elif kind in FORWARDED:
                keep = ("ticket_id", "agent_name", "reason", "text", "first_reply_seconds")
                await self._send(
                    {"type": FORWARDED[kind], **{k: event[k] for k in keep if k in event}}
                )

    async def _deliver(self, late: int = 0) -> None:
        """Send the public chat messages after the cursor, oldest first.

        ``late``: a message id the hub announced; sent even below the cursor if it was
        never sent (a transaction that committed after a later one).
        """
        while True:
            wanted = Message.id > self.cursor
            if self.floor < late <= self.cursor and late not in self.sent:
                wanted = or_(wanted, Message.id == late)
            async with self.context.db.reading() as session:
                rows = (
                    await session.execute(
                        select(Message.id, Message.ticket_id, Message.author_type,
                               Message.body, Message.created_at, Message.external_id,
                               BotTurn.answer_kind)
                        .outerjoin(BotTurn, BotTurn.reply_message_id == Message.id)
                        .where(Message.ticket_id.in_(self._conversations()),
                               Message.internal.is_(False), wanted)
                        .order_by(Message.id)
                        .limit(BATCH)
                    )
                ).all()  # fmt: skip
            late = 0
            for row in rows:
                if row.id in self.sent:
                    continue
                await self._send(self._message(row))
                self.sent.append(row.id)
                self.cursor = max(self.cursor, row.id)
                self.ticket_id = row.ticket_id
            if len(rows) < BATCH:
                return

    def _message(self, row: Any) -> dict[str, Any]:
        prefix = parse.external_id(self.customer_id, "")
        client_id = None
        if row.author_type == "customer" and (row.external_id or "").startswith(prefix):
            client_id = row.external_id[len(prefix) :]
        # The bot's buttons after this message: "solved" only after a real answer.
        buttons = ["solved"] if row.answer_kind in dialogue.SOLVABLE_KINDS else []
        return {"type": "message", "id": row.id, "ticket_id": row.ticket_id,
                "author_type": row.author_type, "body": row.body,
                "created_at": row.created_at.isoformat(), "client_id": client_id,
                "buttons": buttons}  # fmt: skip

    # -- client → server -------------------------------------------------------------

    async def _receive_loop(self) -> None:
        while True:
            try:
                raw = await self.websocket.receive_text()
            except WebSocketDisconnect:
                return
            await self._handle(raw)

    async def _handle(self, raw: str) -> None:
        if len(raw) > MAX_FRAME:
            await self._error("frame too large")
            return
        try:
            frame = json.loads(raw)
        except json.JSONDecodeError:
            frame = None
        if not isinstance(frame, dict):
            await self._error("frames must be JSON objects")
            return
        kind = frame.get("type")
        if kind == "message":
            await self._message_frame(raw, frame)
        elif kind == "typing":
            await self._typing()
        elif kind == "read":
            await self._read(frame.get("message_id"))
        elif kind == "resume":
            after = frame.get("after_message_id", 0)
            if not isinstance(after, int) or isinstance(after, bool) or after < 0:
                await self._error("after_message_id must be a non-negative integer")
                return
            async with self.delivery:
                self.cursor = self.floor = after
                self.sent.clear()
                await self._deliver()
        elif kind == "ping":
            await self._send({"type": "pong"})
        elif kind in BUTTONS:
            await self._button(BUTTONS[kind])
        else:
            await self._error("type must be message, typing, read, resume, ping, handoff or solved")

    async def _button(self, button: str) -> None:
        async with self.context.db.transaction() as session:
            turn = await bot_flows.press(session, self.context.services, self.customer_id, button)
        done = turn is not None
        if not done and button == "human":
            self.wants_human = True  # the next message goes to people straight away
        await self._send({"type": "bot", "button": button, "done": done})

    async def _message_frame(self, raw: str, frame: dict[str, Any]) -> None:
        try:
            client_id, _ = parse.check_message(frame)
        except ValueError as why:
            await self._error(str(why), client_id=frame.get("client_id"), retrying=False)
            return
        source_key = f"{self.customer_id}:{client_id}"
        # The bot's engine, if still loading, is waited for before the writer is taken.
        await bot_flows.ready(self.context.services, CHANNEL)
        owed = False
        try:
            async with self.context.db.transaction() as session:
                if not self.identity_checked:
                    await self._ensure_identity(session)
                stored = await inbound.store(
                    session, CHANNEL, source_key, parse.envelope(self.customer_id, raw),
                    "application/json", queued=False,
                )  # fmt: skip
                await inbound.process(session, stored.payload_id, parse.parse)
                payload = await session.get(InboundPayload, stored.payload_id)
                assert payload is not None
                status, message_id, ticket_id = (
                    payload.status, payload.message_id, payload.ticket_id
                )  # fmt: skip
                if stored.new and status == "processed" and message_id and ticket_id:
                    owed = await self._bot(session, ticket_id, message_id)
        except Exception:
            log.exception("chat message from customer %s not stored", self.customer_id)
            await self._error("not stored; send it again", client_id=client_id, retrying=False)
            return
        self.identity_checked = True
        if status != "processed" or message_id is None:
            await self._error("kept; it will be processed shortly", client_id=client_id,
                              retrying=True)  # fmt: skip
            return
        self.ticket_id = ticket_id
        await self._send(
            {"type": "ack", "client_id": client_id, "message_id": message_id,
             "ticket_id": ticket_id, "duplicate": not stored.new}
        )  # fmt: skip
        if stored.new:
            await self._announce(ticket_id, message_id)
        if owed and ticket_id is not None:
            await self._bot_reply(ticket_id, message_id)

    async def _announce(
        self, ticket_id: int | None, message_id: int, author_type: str = "customer"
    ) -> None:
        """Tell the customer's other sockets (tabs, devices) now, not after the runner.

        The runner's realtime handler still publishes the event for staff and for this
        topic; a socket that already sent the message skips that second announcement.
        Best effort, like every hub message: a lost one is made up by the next.
        """
        try:
            await self.context.hub.publish(
                topic(self.customer_id),
                {"type": "ticket.message_added", "ticket_id": ticket_id,
                 "message_id": message_id, "author_type": author_type, "internal": False},
            )  # fmt: skip
        except Exception:
            log.warning("announcing message %s to its customer failed", message_id, exc_info=True)

    async def _bot(self, session: Any, ticket_id: int, message_id: int) -> bool:
        """In the message's transaction the bot keeps or takes the conversation (routing
        never sees it unheld); True when it owes an answer. A failing bot never loses the
        customer's message (the conversation then goes to people as usual)."""
        try:
            async with session.begin_nested():
                owed = await bot_flows.take(session, self.context.services, ticket_id, message_id)
        except Exception:
            log.exception("bot failed on ticket %s", ticket_id)
            async with session.begin_nested():
                await bot_flows.give_up(session, ticket_id)
            return False
        if not owed:
            self.wants_human = False  # people have the conversation already
        return owed

    async def _bot_reply(self, ticket_id: int, message_id: int) -> None:
        """The bot's turn after the message's commit, in this socket's task so replies
        keep their order; its back-office lookups hold no transaction."""
        wants_human, self.wants_human = self.wants_human, False
        answered = await bot_flows.reply_to(
            self.context.db, self.context.services, ticket_id, message_id,
            wants_human=wants_human,
        )  # fmt: skip
        if answered is not None and answered.reply_message_id is not None:
            await self._announce(ticket_id, answered.reply_message_id, author_type="bot")

    async def _ensure_identity(self, session: Any) -> None:
        """The customer's ``chat`` identity, so the inbound path finds them by it."""
        address = str(self.customer_id)
        if await customer_service.identity_owner(session, CHANNEL, address) is not None:
            return
        customer = await session.get(Customer, self.customer_id)
        if customer is None:
            raise LookupError(f"customer {self.customer_id} is gone")
        # Two tabs' first messages may race; the loser finds the winner's row.
        with contextlib.suppress(IntegrityError):
            async with session.begin_nested():
                await customer_flows.link_identity(
                    session, customer, CHANNEL, address, verified=True,
                    actor=customer_flows.EXCHANGE,
                )  # fmt: skip

    async def _staff_ticket(self) -> int | None:
        if self.ticket_id is None:
            async with self.context.db.reading() as session:
                self.ticket_id = (
                    await session.execute(
                        self._conversations()
                        .where(Ticket.status != "closed")
                        .order_by(Ticket.id.desc())
                        .limit(1)
                    )
                ).scalar_one_or_none()
        return self.ticket_id

    async def _typing(self) -> None:
        now = time.monotonic()
        if now - self.last_typing < TYPING_EVERY:
            return
        self.last_typing = now
        ticket_id = await self._staff_ticket()
        if ticket_id is not None:
            await self.context.hub.publish(
                f"ticket:{ticket_id}",
                {"type": "chat.customer_typing", "ticket_id": ticket_id,
                 "customer_id": self.customer_id, "internal": True},
            )  # fmt: skip

    async def _read(self, message_id: object) -> None:
        if not isinstance(message_id, int) or isinstance(message_id, bool) or message_id < 1:
            await self._error("message_id must be a positive integer")
            return
        async with self.context.db.reading() as session:
            ticket_id = (
                await session.execute(
                    select(Message.ticket_id).where(
                        Message.id == message_id,
                        Message.internal.is_(False),
                        Message.ticket_id.in_(self._conversations()),
                    )
                )
            ).scalar_one_or_none()
        if ticket_id is None:
            await self._error("no such message in your chat")
            return
        await self.context.hub.publish(
            f"ticket:{ticket_id}",
            {"type": "chat.read", "ticket_id": ticket_id, "message_id": message_id,
             "customer_id": self.customer_id, "internal": True},
        )  # fmt: skip

    async def _send(self, frame: dict[str, Any]) -> None:
        async with self.sending:  # the send loop and the receive loop both answer
            await self.websocket.send_json(frame)

    async def _error(self, detail: str, **extra: Any) -> None:
        await self._send({"type": "error", "detail": detail, **extra})
