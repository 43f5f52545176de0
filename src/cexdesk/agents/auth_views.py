"""Sign-in and sign-out, CSRF, TOTP enrolment, password change and integration tokens."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status
from pydantic import BaseModel, Field

from cexdesk.agents import flows, service
from cexdesk.agents.models import Agent, ApiToken
from cexdesk.agents.throttle import client_address, login_throttle
from cexdesk.api.deps import (
    Ctx,
    CurrentPrincipal,
    DbSession,
    ReadSession,
    bearer_token,
    clear_session_cookie,
    set_session_cookie,
)
from cexdesk.api.schemas import StrictModel
from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import Forbidden, Unauthorized, problem
from cexdesk.core.security import csrf_token_for

router = APIRouter(tags=["auth"])


class LoginIn(StrictModel):
    email: str = Field(min_length=3, max_length=320)
    password: str = Field(min_length=1, max_length=1024)
    totp: str | None = Field(default=None, max_length=16)


class AgentOut(BaseModel):
    id: int
    email: str
    display_name: str
    role: str
    tier: int
    languages: list[str]
    categories: list[str]
    is_vip: bool
    totp_enrolled: bool

    @classmethod
    def of(cls, agent: Agent) -> AgentOut:
        return cls(
            id=agent.id,
            email=agent.email,
            display_name=agent.display_name,
            role=agent.role,
            tier=agent.tier,
            languages=list(agent.languages),
            categories=list(agent.categories),
            is_vip=agent.is_vip,
            totp_enrolled=agent.totp_secret is not None,
        )


class LoginOut(BaseModel):
    token: str
    csrf_token: str
    expires_at: datetime
    agent: AgentOut


@router.post(
    "/auth/login",
    response_model=LoginOut,
    responses={401: {"description": "wrong credentials"}, 429: {"description": "too many"}},
)
async def login(
    body: LoginIn, request: Request, response: Response, session: DbSession, context: Ctx
) -> LoginOut | Response:
    """Sign in with email, password and (where the role needs it) a TOTP code."""
    throttle = login_throttle(context)
    key = (body.email.strip().lower(), client_address(request))
    wait = throttle.retry_after(key)
    if wait is not None:
        return problem(
            429,
            "Too many requests",
            f"too many failed sign-ins for this account from your address; retry in {wait} s",
            code="rate_limited",
            instance=request.url.path,
            headers={"Retry-After": str(wait)},
        )
    ttl = timedelta(hours=context.settings.session_ttl_hours)
    try:
        signed = await flows.sign_in(
            session,
            body.email,
            body.password,
            body.totp,
            ttl=ttl,
            user_agent=request.headers.get("user-agent"),
        )
    except Unauthorized as refused:
        throttle.failed(key)
        # Returned rather than raised so the request's transaction still commits the
        # agent.sign_in_failed entry the flow appended to the audit log.
        return problem(
            401,
            refused.title,
            refused.detail,
            code=refused.code,
            instance=request.url.path,
            headers={"WWW-Authenticate": "Bearer"},
        )
    throttle.succeeded(key)
    set_session_cookie(response, signed.token, ttl, secure=context.settings.cookie_secure)
    return LoginOut(
        token=signed.token,
        csrf_token=csrf_token_for(signed.token, context.settings.secret_key),
        expires_at=context.clock.now() + ttl,
        agent=AgentOut.of(signed.agent),
    )


def _session_token(request: Request, principal: Principal) -> str:
    """The caller's own sign-in session token; integration tokens and end users have none."""
    token, _ = bearer_token(request)
    if principal.kind != "agent" or not token or not token.startswith(service.SESSION_PREFIX):
        raise Forbidden("this needs a signed-in agent session, not an API or exchange token")
    return token


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
async def logout(
    request: Request, principal: CurrentPrincipal, session: DbSession, context: Ctx
) -> Response:
    """Revoke the current session and clear its cookie."""
    await flows.sign_out(session, _session_token(request, principal))
    response = Response(status_code=status.HTTP_204_NO_CONTENT)
    clear_session_cookie(response, secure=context.settings.cookie_secure)
    return response


class CsrfOut(BaseModel):
    csrf_token: str
    header: str = "X-CSRF-Token"


@router.get("/auth/csrf")
async def csrf(request: Request, principal: CurrentPrincipal, context: Ctx) -> CsrfOut:
    """The CSRF token a cookie-signed-in page sends back with every unsafe request."""
    token = _session_token(request, principal)
    return CsrfOut(csrf_token=csrf_token_for(token, context.settings.secret_key))


class TotpEnrolmentOut(BaseModel):
    secret: str
    otpauth_uri: str
    replaces_existing: bool
    confirmed: bool = False


@router.post("/auth/totp/enrol")
async def totp_enrol(
    request: Request, principal: CurrentPrincipal, session: ReadSession, context: Ctx
) -> TotpEnrolmentOut:
    """A new TOTP secret for the caller, pending until confirmed with a code from it."""
    enrolment = await flows.start_totp_enrolment(
        session,
        principal.id,
        session_token=_session_token(request, principal),
        secret_key=context.settings.secret_key,
    )
    return TotpEnrolmentOut(
        secret=enrolment.secret,
        otpauth_uri=enrolment.otpauth_uri,
        replaces_existing=enrolment.replaces_existing,
    )


class TotpConfirmIn(StrictModel):
    code: str = Field(min_length=1, max_length=16)
    current_code: str | None = Field(default=None, max_length=16)


class TotpConfirmOut(BaseModel):
    confirmed: bool


@router.post("/auth/totp/confirm")
async def totp_confirm(
    body: TotpConfirmIn,
    request: Request,
    principal: CurrentPrincipal,
    session: DbSession,
    context: Ctx,
) -> TotpConfirmOut:
    """Install the pending secret; replacing one also needs a code from the old one."""
    await flows.confirm_totp(
        session,
        principal.id,
        body.code,
        session_token=_session_token(request, principal),
        secret_key=context.settings.secret_key,
        current_code=body.current_code,
    )
    return TotpConfirmOut(confirmed=True)


class PasswordIn(StrictModel):
    current_password: str = Field(min_length=1, max_length=1024)
    new_password: str = Field(min_length=1, max_length=1024)


class PasswordOut(BaseModel):
    other_sessions_revoked: int


@router.post("/auth/password")
async def change_password(
    body: PasswordIn, request: Request, principal: CurrentPrincipal, session: DbSession
) -> PasswordOut:
    """Change the caller's password and sign out every other session of theirs."""
    revoked = await flows.change_password(
        session,
        principal.id,
        body.current_password,
        body.new_password,
        keep_token=_session_token(request, principal),
    )
    return PasswordOut(other_sessions_revoked=revoked)


class TokenIn(StrictModel):
    name: str = Field(min_length=1, max_length=120)
    scopes: list[Perm] = Field(min_length=1, max_length=len(Perm))
    owner_id: int | None = Field(default=None, ge=1)
    expires_in_days: int | None = Field(default=None, ge=1, le=3650)


class TokenOut(BaseModel):
    id: int
    name: str
    owner_id: int
    scopes: list[str]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def of(cls, row: ApiToken) -> TokenOut:
        return cls(
            id=row.id,
            name=row.name,
            owner_id=row.agent_id,
            scopes=list(row.scopes),
            created_at=row.created_at,
            expires_at=row.expires_at,
            revoked_at=row.revoked_at,
        )


class IssuedTokenOut(TokenOut):
    token: str = Field(description="shown once; cexdesk keeps only its hash")


class TokenPage(BaseModel):
    items: list[TokenOut]
    next_before_id: int | None


@router.post("/tokens", status_code=status.HTTP_201_CREATED)
async def create_token(
    body: TokenIn, principal: CurrentPrincipal, session: DbSession
) -> IssuedTokenOut:
    """Issue a scoped token for an integration; the plain token is in this answer only."""
    ttl = timedelta(days=body.expires_in_days) if body.expires_in_days else None
    token, row = await flows.issue_api_token(
        session,
        principal,
        name=body.name,
        scopes=[scope.value for scope in body.scopes],
        owner_id=body.owner_id,
        ttl=ttl,
    )
    return IssuedTokenOut(token=token, **TokenOut.of(row).model_dump())


@router.get("/tokens")
async def list_tokens(
    principal: CurrentPrincipal,
    session: ReadSession,
    owner_id: Annotated[int | None, Query(ge=1)] = None,
    include_revoked: bool = False,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    before_id: Annotated[int | None, Query(ge=1)] = None,
) -> TokenPage:
    """Integration tokens, newest first (never the tokens themselves)."""
    principal.require(Perm.TOKENS_MANAGE)
    rows = await service.list_api_tokens(
        session,
        owner_id=owner_id,
        include_revoked=include_revoked,
        limit=limit,
        before_id=before_id,
    )
    return TokenPage(
        items=[TokenOut.of(row) for row in rows],
        next_before_id=rows[-1].id if len(rows) == limit else None,
    )


@router.delete("/tokens/{token_id}", status_code=status.HTTP_204_NO_CONTENT)
async def revoke_token(token_id: int, principal: CurrentPrincipal, session: DbSession) -> None:
    """Revoke an integration token at once."""
    principal.require(Perm.TOKENS_MANAGE)
    await flows.revoke_api_token(session, token_id, actor=flows.actor_for(principal))
