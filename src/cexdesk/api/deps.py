"""FastAPI dependencies as Annotated aliases, so a route's signature reads like a sentence.

A write request is one transaction: ``DbSession`` commits after the route returns and
before the response is sent (scope="function"), so a 201 means the rows are durable.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator, Mapping
from datetime import timedelta
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import Depends, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.app import AppContext
from cexdesk.core.auth import Principal, Role
from cexdesk.core.clock import Clock
from cexdesk.core.errors import Forbidden, Unauthorized
from cexdesk.core.security import (
    EXCHANGE_TOKEN_PREFIX,
    csrf_token_for,
    verify_exchange_token,
    verify_help_session,
)

SESSION_COOKIE = "cexdesk_session"
# The help centre's end-user session (core.security.sign_help_session); separate from
# the staff cookie so that neither side's pages ever act with the other's credentials.
HELP_SESSION_COOKIE = "cexdesk_help"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def set_session_cookie(response: Response, token: str, ttl: timedelta, *, secure: bool) -> None:
    """The staff session cookie: script cannot read it, other sites' forms do not send it."""
    response.set_cookie(
        SESSION_COOKIE,
        token,
        max_age=int(ttl.total_seconds()),
        path="/",
        secure=secure,
        httponly=True,
        samesite="lax",
    )


def clear_session_cookie(response: Response, *, secure: bool) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", secure=secure, httponly=True, samesite="lax")


def get_context(request: Request) -> AppContext:
    context: AppContext = request.app.state.ctx
    return context


Ctx = Annotated[AppContext, Depends(get_context)]


def get_clock(context: Ctx) -> Clock:
    return context.clock


ClockDep = Annotated[Clock, Depends(get_clock)]


async def write_session(context: Ctx) -> AsyncIterator[AsyncSession]:
    async with context.db.transaction() as session:
        yield session


async def read_session(context: Ctx) -> AsyncIterator[AsyncSession]:
    async with context.db.reading() as session:
        yield session


DbSession = Annotated[AsyncSession, Depends(write_session, scope="function")]
ReadSession = Annotated[AsyncSession, Depends(read_session, scope="function")]


def bearer_token(request: Request) -> tuple[str | None, bool]:
    """The presented credential and whether it came from the session cookie."""
    header = request.headers.get("authorization", "")
    if header[:7].lower() == "bearer ":
        return header[7:].strip(), False
    exchange = request.headers.get("x-exchange-token")
    if exchange:
        return exchange.strip(), False
    cookie = request.cookies.get(SESSION_COOKIE)
    if cookie:
        return cookie, True
    return None, False


async def resolve_principal(request: Request, context: AppContext) -> Principal | None:
    from cexdesk.agents import service as agents_service
    from cexdesk.customers import flows as customer_flows

    token, via_cookie = bearer_token(request)
    if not token:
        return None
    now = context.clock.now()
    if token.startswith(EXCHANGE_TOKEN_PREFIX + "."):
        identity = verify_exchange_token(
            context.settings.exchange_token_key,
            token,
            now=now,
            max_age=context.settings.exchange_token_max_age_seconds,
        )
        return await customer_flows.principal_for_exchange_identity(context.db, identity)
    async with context.db.reading() as session:
        principal = await agents_service.principal_for_token(session, token, now=now)
    if principal is None:
        raise Unauthorized("the session or token is unknown, expired or revoked")
    if via_cookie:
        principal = Principal(
            principal.kind,
            principal.id,
            principal.role,
            principal.display_name,
            principal.scopes,
            via_cookie=True,
        )
        if request.method not in SAFE_METHODS:
            expected = csrf_token_for(token, context.settings.secret_key)
            given = request.headers.get(CSRF_HEADER, "")
            if not hmac.compare_digest(given.encode(), expected.encode()):
                raise Forbidden("missing or wrong CSRF token (send the X-CSRF-Token header)")
    return principal


def same_origin(headers: Mapping[str, str]) -> bool:
    """Browsers send Origin on websocket handshakes and non-GET requests; another site's
    page must not ride on a cookie (cross-site request forgery, websocket hijacking)."""
    origin = headers.get("origin")
    if origin is None:
        return True  # not a browser
    host = headers.get("host", "")
    return urlsplit(origin).netloc.lower() == host.lower()


async def help_session_principal(request: Request, context: AppContext) -> Principal | None:
    """The end user a help-centre cookie names (pages and the chat socket), or None.

    Callers that change state check the CSRF header or the Origin themselves.
    """
    from cexdesk.customers.models import Customer

    value = request.cookies.get(HELP_SESSION_COOKIE)
    if not value:
        return None
    customer_id = verify_help_session(context.settings.secret_key, value, now=context.clock.now())
    if customer_id is None:
        return None
    async with context.db.reading() as session:
        customer = await session.get(Customer, customer_id)
        if customer is None:
            return None
        return Principal(
            "customer", customer.id, Role.CUSTOMER, customer.display_name, via_cookie=True
        )


async def optional_principal(request: Request, context: Ctx) -> Principal | None:
    return await resolve_principal(request, context)


async def current_principal(request: Request, context: Ctx) -> Principal:
    principal = await resolve_principal(request, context)
    if principal is None:
        raise Unauthorized("sign in, or send a bearer token")
    return principal


async def current_staff(principal: Annotated[Principal, Depends(current_principal)]) -> Principal:
    if principal.role is Role.CUSTOMER:
        raise Forbidden("this endpoint is for support staff")
    return principal


MaybePrincipal = Annotated[Principal | None, Depends(optional_principal)]
CurrentPrincipal = Annotated[Principal, Depends(current_principal)]
CurrentStaff = Annotated[Principal, Depends(current_staff)]
