"""The websocket stream: ``GET /api/v1/stream``.

Credentials are the HTTP ones: an ``Authorization: Bearer`` header, a ``?token=`` query
parameter (browsers cannot set headers on a websocket), or the session cookie. The
client sends ``{"subscribe": [topics]}`` / ``{"unsubscribe": [topics]}`` and receives
JSON messages ``{"topic", "type", ...}``. Customers get their own ``customer:{id}``
feed on connect and may add tickets they requested; staff get ``agent:{id}`` and may
add ``agents``, ``team:{id}``, ``ticket:{id}``, ``customer:{id}``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging

from fastapi import APIRouter, WebSocket, WebSocketDisconnect
from sqlalchemy import select
from starlette.requests import Request

from cexdesk.api.deps import resolve_principal, same_origin
from cexdesk.app import AppContext
from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import DomainError
from cexdesk.core.realtime import Subscription
from cexdesk.tickets.models import Ticket

log = logging.getLogger(__name__)

router = APIRouter(tags=["realtime"])

MAX_TOPICS = 200
MAX_CLIENT_MESSAGE = 16_384
POLICY_VIOLATION = 1008


def own_topic(principal: Principal) -> str:
    return f"customer:{principal.id}" if principal.is_customer else f"agent:{principal.id}"


def _http_view(websocket: WebSocket) -> Request:
    """The handshake as an HTTP GET, so the stream authenticates exactly like the API.

    A ``?token=`` becomes the bearer header a browser could not send. GET needs no CSRF
    token; cookie sessions are checked against the Origin header instead (below).
    """
    headers = [(k, v) for k, v in websocket.scope["headers"] if k != b"authorization"]
    token = websocket.query_params.get("token")
    authorization = websocket.headers.get("authorization")
    if authorization:
        headers.append((b"authorization", authorization.encode("latin-1")))
    elif token:
        headers.append((b"authorization", f"Bearer {token}".encode("latin-1")))
    return Request({**websocket.scope, "type": "http", "method": "GET", "headers": headers})


async def authenticate(websocket: WebSocket, context: AppContext) -> Principal | None:
    try:
        principal = await resolve_principal(_http_view(websocket), context)
    except DomainError:
        return None
    if principal is not None and principal.via_cookie and not same_origin(websocket.headers):
        return None
    return principal


async def may_subscribe(context: AppContext, principal: Principal, topic: str) -> bool:
    """The one place that decides who may listen to what."""
    if topic == "agents":
        return principal.is_staff and principal.can(Perm.TICKETS_READ_ALL)
    if topic == "security":  # security emergencies, the moment intake sees one
        return principal.is_staff and principal.can(Perm.SECURITY_CASES)
    if topic == "supervisors":  # the watch list, live
        return principal.is_staff and principal.can(Perm.TICKETS_ASSIGN_OTHERS)
    kind, _, raw_id = topic.partition(":")
    if not raw_id.isdigit() or raw_id.startswith("0") or len(raw_id) > 18:
        return False
    ident = int(raw_id)
    if kind == "customer":
        if principal.is_customer:
            return ident == principal.id
        return principal.can(Perm.CUSTOMERS_READ)
    if kind == "ticket":
        async with context.db.reading() as session:
            row = (
                await session.execute(
                    select(Ticket.requester_id, Ticket.channel).where(Ticket.id == ident)
                )
            ).one_or_none()
        if row is None:
            return False
        if principal.is_customer:
            # Internal tickets (tier-2 escalations) are staff business, even their existence.
            return bool(row.requester_id == principal.id and row.channel != "internal")
        return principal.can(Perm.TICKETS_READ_ALL)
    if principal.is_customer:
        return False
    if kind == "team":
        return principal.can(Perm.TICKETS_READ_ALL)
    if kind == "agent":
        return ident == principal.id or principal.can(Perm.AGENTS_MANAGE)
    return False


class Connection:
    """One websocket: the client's topic requests in, hub messages out."""

    def __init__(self, websocket: WebSocket, context: AppContext, principal: Principal) -> None:
        self.websocket = websocket
        self.context = context
        self.principal = principal
        self.subscription: Subscription = context.hub.subscribe({own_topic(principal)})

    async def run(self) -> None:
        await self.websocket.send_json(
            {
                "type": "hello",
                "principal": {
                    "kind": self.principal.kind,
                    "id": self.principal.id,
                    "role": self.principal.role.value,
                },
                "topics": sorted(self.subscription.topics),
            }
        )
        sender = asyncio.create_task(self._send_loop(), name="stream-send")
        try:
            await self._receive_loop()
        finally:
            sender.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await sender
            self.context.hub.unsubscribe(self.subscription)

    async def _send_loop(self) -> None:
        while True:
            message = await self.subscription.get()
            # Second line of defence: staff-only messages never reach a customer.
            if self.principal.is_customer and message.get("internal", True):
                continue
            await self.websocket.send_json(message)

    async def _receive_loop(self) -> None:
        while True:
            try:
                raw = await self.websocket.receive_text()
            except WebSocketDisconnect:
                return
            await self._handle(raw)

    async def _handle(self, raw: str) -> None:
        if len(raw) > MAX_CLIENT_MESSAGE:
            await self._error("message too large")
            return
        try:
            request = json.loads(raw)
        except json.JSONDecodeError:
            await self._error("messages must be JSON objects")
            return
        if request == {"ping": True} or request == {"type": "ping"}:
            await self.websocket.send_json({"type": "pong"})
            return
        if (
            not isinstance(request, dict)
            or not request
            or set(request) - {"subscribe", "unsubscribe"}
        ):
            await self._error('send {"subscribe": [topics]} or {"unsubscribe": [topics]}')
            return
        wanted: list[str] = []
        for field in ("subscribe", "unsubscribe"):
            topics = request.get(field, [])
            if not isinstance(topics, list) or not all(isinstance(t, str) for t in topics):
                await self._error(f"{field} must be a list of topic strings")
                return
            if field == "subscribe":
                wanted = topics
        dropped = set(request.get("unsubscribe", []))
        accepted: list[str] = []
        refused: list[str] = []
        for topic in dict.fromkeys(wanted):
            if await may_subscribe(self.context, self.principal, topic):
                accepted.append(topic)
            else:
                refused.append(topic)
        topics = (self.subscription.topics - dropped) | set(accepted)
        if len(topics) > MAX_TOPICS:
            await self._error(f"at most {MAX_TOPICS} topics per connection")
            return
        self.context.hub.retopic(self.subscription, topics)
        await self.websocket.send_json(
            {"type": "subscribed", "topics": sorted(topics), "refused": refused}
        )

    async def _error(self, detail: str) -> None:
        await self.websocket.send_json({"type": "error", "detail": detail})


@router.websocket("/stream")
async def stream(websocket: WebSocket) -> None:
    """Live events for the topics the caller may see."""
    context: AppContext = websocket.app.state.ctx
    principal = await authenticate(websocket, context)
    if principal is None:
        # Before accept this is an HTTP 403 on the handshake: no stream without credentials.
        await websocket.close(code=POLICY_VIOLATION)
        return
    await websocket.accept()
    await Connection(websocket, context, principal).run()
