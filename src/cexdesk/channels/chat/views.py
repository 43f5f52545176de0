"""The chat socket (``GET /api/v1/channels/chat/ws``) and agents' typing signal.

The socket takes an exchange token (``?token=`` since browsers cannot set headers on a
websocket, or ``Authorization: Bearer``) or, on a same-origin handshake from the help
centre's own pages, the help-centre cookie. A missing, forged or expired credential is
closed with 4401 right after the handshake (a staff token too: agents use the stream),
so the widget can tell "sign in again" from a network failure.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, WebSocket
from starlette.requests import Request

from cexdesk.api.deps import (
    Ctx,
    CurrentStaff,
    ReadSession,
    help_session_principal,
    resolve_principal,
    same_origin,
)
from cexdesk.api.schemas import PathId
from cexdesk.app import AppContext
from cexdesk.channels.chat import CHANNEL
from cexdesk.channels.chat.connection import Connection
from cexdesk.channels.chat.handlers import topic
from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import DomainError, Forbidden, NotFound
from cexdesk.core.security import EXCHANGE_TOKEN_PREFIX
from cexdesk.tickets import service as ticket_service

router = APIRouter(tags=["channels"])

UNAUTHORIZED = 4401
FORBIDDEN = 4403  # defence in depth: exchange tokens only ever name customers


def _exchange_token(websocket: WebSocket) -> str | None:
    header = websocket.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip()
    return websocket.query_params.get("token")


async def _principal(websocket: WebSocket, context: AppContext) -> Principal | None:
    """The customer an exchange token or, from our own pages, the help-centre cookie names.

    Staff credentials never count here. The cookie only counts on a same-origin
    handshake, so another site cannot open a customer's chat on their behalf.
    """
    token = _exchange_token(websocket)
    if not token:
        if not same_origin(websocket.headers):
            return None
        return await help_session_principal(_http_request(websocket), context)
    if not token.startswith(EXCHANGE_TOKEN_PREFIX + "."):
        return None
    request = _http_request(websocket, [(b"authorization", f"Bearer {token}".encode("latin-1"))])
    try:
        return await resolve_principal(request, context)
    except DomainError:
        return None


def _http_request(
    websocket: WebSocket, headers: list[tuple[bytes, bytes]] | None = None
) -> Request:
    """The handshake as an HTTP GET, for the credential resolvers the API uses."""
    scope_headers = websocket.scope["headers"] if headers is None else headers
    return Request({**websocket.scope, "type": "http", "method": "GET", "headers": scope_headers})


@router.websocket("/channels/chat/ws")
async def chat_socket(websocket: WebSocket) -> None:
    """A signed-in end user's live chat (protocol: ``channels.chat.connection``)."""
    context: AppContext = websocket.app.state.ctx
    principal = await _principal(websocket, context)
    await websocket.accept()
    if principal is None:
        await websocket.close(code=UNAUTHORIZED, reason="sign in through the exchange")
        return
    if not principal.is_customer:
        await websocket.close(code=FORBIDDEN, reason="the chat socket is for customers")
        return
    await Connection(websocket, context, principal).run()


@router.post("/channels/chat/{ticket_id}/typing", status_code=202)
async def agent_typing(
    ticket_id: PathId, staff: CurrentStaff, session: ReadSession, context: Ctx
) -> dict[str, Any]:
    """An agent is typing a reply: the customer's chat shows it (not stored)."""
    if not staff.can(Perm.TICKETS_WRITE):
        raise Forbidden("replying to tickets needs tickets:write")
    ticket = await ticket_service.get_ticket(session, ticket_id)
    if ticket is None or ticket.channel != CHANNEL:
        raise NotFound("chat ticket", ticket_id)
    await context.hub.publish(
        topic(ticket.requester_id),
        {"type": "chat.typing", "ticket_id": ticket.id, "agent_name": staff.display_name,
         "internal": False},
    )  # fmt: skip
    return {"ok": True}
