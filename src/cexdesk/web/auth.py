"""Who is looking at a page: a signed-in agent (console) or end user (help centre).

Pages authenticate exactly like the API (``api.deps``): the console reads the staff
session cookie, and its htmx requests carry the CSRF header the API checks on every
cookie write. The help centre reads its own cookie (``HELP_SESSION_COOKIE``); its
writes check the same-origin headers and the help CSRF token.
"""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, FastAPI, Request
from fastapi.responses import RedirectResponse, Response

from cexdesk.api.deps import (
    HELP_SESSION_COOKIE,
    SAFE_METHODS,
    SESSION_COOKIE,
    Ctx,
    help_session_principal,
    resolve_principal,
    same_origin,
)
from cexdesk.core.auth import Principal
from cexdesk.core.errors import DomainError, Forbidden, Unauthorized
from cexdesk.core.security import csrf_token_for

HELP_CSRF_HEADER = "x-help-csrf"


class SignInNeeded(Exception):
    """Raised by a page dependency; answered with a redirect to the sign-in page."""

    def __init__(self, location: str) -> None:
        super().__init__(location)
        self.location = location


def _redirect(request: Request, location: str) -> Response:
    if request.headers.get("hx-request") == "true":
        # htmx follows HX-Redirect with a full page load; a 3xx it would follow silently.
        return Response(status_code=200, headers={"HX-Redirect": location})
    return RedirectResponse(location, status_code=303)


def install(app: FastAPI) -> None:
    async def sign_in_needed(request: Request, error: Exception) -> Response:
        assert isinstance(error, SignInNeeded)
        return _redirect(request, error.location)

    app.add_exception_handler(SignInNeeded, sign_in_needed)


async def console_agent(request: Request, context: Ctx) -> Principal:
    """The signed-in agent, from the session cookie only; else off to the sign-in page."""
    if request.headers.get("authorization"):
        raise Forbidden("console pages use the session cookie, not a bearer token")
    target = quote(request.url.path, safe="/")
    try:
        principal = await resolve_principal(request, context)
    except Forbidden:
        raise  # a write without the CSRF token: refuse it, don't send to sign in
    except DomainError:
        principal = None
    if principal is None or principal.kind != "agent" or not principal.via_cookie:
        raise SignInNeeded(f"/console/login?next={target}")
    return principal


ConsoleAgent = Annotated[Principal, Depends(console_agent)]


def console_csrf(request: Request, context: Ctx) -> str:
    """The CSRF token htmx sends back on every console write (``X-CSRF-Token``)."""
    token = request.cookies.get(SESSION_COOKIE, "")
    return csrf_token_for(token, context.settings.secret_key)


def help_csrf(request: Request, context: Ctx) -> str:
    token = request.cookies.get(HELP_SESSION_COOKIE, "")
    return csrf_token_for("help:" + token, context.settings.secret_key)


async def help_customer(request: Request, context: Ctx) -> Principal | None:
    """The signed-in end user, or None; writes must be same-origin and carry the token."""
    principal = await help_session_principal(request, context)
    if principal is not None and request.method not in SAFE_METHODS:
        given = request.headers.get(HELP_CSRF_HEADER, "")
        if not same_origin(request.headers) or not hmac.compare_digest(
            given.encode(), help_csrf(request, context).encode()
        ):
            raise Forbidden("missing or wrong CSRF token on a help-centre form")
    return principal


HelpCustomer = Annotated[Principal | None, Depends(help_customer)]


async def chat_customer(request: Request, context: Ctx) -> Principal:
    """An end user uploading to their chat: the exchange's token (the embedded widget)
    or the help-centre cookie with its CSRF token (the help centre's own chat page)."""
    if request.headers.get("authorization"):
        try:
            principal = await resolve_principal(request, context)
        except DomainError:
            principal = None
    else:
        principal = await help_customer(request, context)
    if principal is None or not principal.is_customer:
        raise Unauthorized("sign in at the exchange first")
    return principal


ChatCustomer = Annotated[Principal, Depends(chat_customer)]
