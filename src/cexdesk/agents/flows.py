"""Agent use cases: onboarding, teams, sign-in, API tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
from dataclasses import dataclass
from datetime import timedelta

import pyotp
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents import service
from cexdesk.agents.events import AgentAvailabilityChanged
from cexdesk.agents.models import Agent, AgentSession, ApiToken, Team, TeamMember
from cexdesk.core import audit
from cexdesk.core.auth import ROLE_PERMISSIONS, Perm, Principal, Role, totp_required
from cexdesk.core.errors import Conflict, Forbidden, Invalid, NotFound, Unauthorized
from cexdesk.core.outbox import record, session_clock
from cexdesk.core.security import (
    DUMMY_PASSWORD_HASH,
    hash_password,
    new_token,
    new_totp_secret,
    token_hash,
    totp_step,
    verify_password,
    verify_totp,
)

MIN_PASSWORD_LENGTH = 10


@dataclass(frozen=True)
class NewAgent:
    email: str
    display_name: str
    role: Role
    password: str
    tier: int = 1
    languages: tuple[str, ...] = ("en",)
    categories: tuple[str, ...] = ()
    is_vip: bool = False
    chat_capacity: int = 3
    ticket_capacity: int = 10
    totp_secret: str | None = None


async def create_agent(session: AsyncSession, new: NewAgent, *, actor: audit.Actor) -> Agent:
    """Create an agent; roles that need TOTP get a secret now (shown once to the admin)."""
    email = new.email.strip().lower()
    if "@" not in email:
        raise Invalid("email", "is not an email address")
    if len(new.password) < MIN_PASSWORD_LENGTH:
        raise Invalid("password", f"must be at least {MIN_PASSWORD_LENGTH} characters")
    if await service.agent_by_email(session, email) is not None:
        raise Conflict(f"an agent with the email {email} already exists")
    now = session_clock(session).now()
    secret = new.totp_secret or (new_totp_secret() if totp_required(new.role) else None)
    agent = Agent(
        email=email,
        display_name=new.display_name,
        role=new.role.value,
        tier=new.tier,
        password_hash=hash_password(new.password),
        totp_secret=secret,
        languages=list(new.languages),
        categories=list(new.categories),
        is_vip=new.is_vip,
        presence="offline",
        chat_capacity=new.chat_capacity,
        ticket_capacity=new.ticket_capacity,
        active=True,
        created_at=now,
        updated_at=now,
    )
    session.add(agent)
    await session.flush()
    await audit.append(
        session,
        actor,
        "agent.created",
        subject_type="agent",
        subject_id=agent.id,
        data={"email": email, "role": new.role.value},
    )
    return agent


async def create_team(
    session: AsyncSession, slug: str, name: str, kind: str = "tier1", description: str = ""
) -> Team:
    existing = (await session.execute(select(Team).where(Team.slug == slug))).scalar_one_or_none()
    if existing is not None:
        raise Conflict(f"a team with the slug {slug} already exists")
    team = Team(
        slug=slug,
        name=name,
        kind=kind,
        description=description,
        created_at=session_clock(session).now(),
    )
    session.add(team)
    await session.flush()
    return team


async def add_to_team(session: AsyncSession, team_id: int, agent_id: int) -> None:
    if await session.get(TeamMember, (team_id, agent_id)) is None:
        session.add(TeamMember(team_id=team_id, agent_id=agent_id))
        await session.flush()


@dataclass(frozen=True)
class SignedIn:
    token: str
    agent: Agent
    principal: Principal


async def sign_in(
    session: AsyncSession,
    email: str,
    password: str,
    totp_code: str | None,
    *,
    ttl: timedelta,
    user_agent: str | None = None,
) -> SignedIn:
    """Password (argon2id) then TOTP where the agent has one; returns a new session token."""
    now = session_clock(session).now()
    agent = await service.agent_by_email(session, email)
    if agent is None or not agent.active:
        verify_password(DUMMY_PASSWORD_HASH, password)
        raise Unauthorized("wrong email or password")
    if not verify_password(agent.password_hash, password):
        await audit.append(
            session, audit.Actor("agent", str(agent.id)), "agent.sign_in_failed",
            subject_type="agent", subject_id=agent.id, data={"reason": "password"},
        )  # fmt: skip
        raise Unauthorized("wrong email or password")
    if agent.totp_secret:
        if not totp_code:
            raise Unauthorized("a TOTP code is required for this account")
        step = totp_step(agent.totp_secret, totp_code, now)
        if step is None or (agent.totp_last_step is not None and step <= agent.totp_last_step):
            await audit.append(
                session, audit.Actor("agent", str(agent.id)), "agent.sign_in_failed",
                subject_type="agent", subject_id=agent.id, data={"reason": "totp"},
            )  # fmt: skip
            raise Unauthorized("the TOTP code is wrong, expired or already used")
        agent.totp_last_step = step
    elif totp_required(Role(agent.role)):
        raise Unauthorized("this role requires TOTP; ask an admin to enrol you")
    token = new_token(service.SESSION_PREFIX)
    session.add(
        AgentSession(
            token_hash=token_hash(token),
            agent_id=agent.id,
            created_at=now,
            expires_at=now + ttl,
            revoked_at=None,
            user_agent=(user_agent or "")[:300] or None,
        )
    )
    await audit.append(
        session, audit.Actor("agent", str(agent.id)), "agent.signed_in",
        subject_type="agent", subject_id=agent.id,
    )  # fmt: skip
    principal = Principal("agent", agent.id, Role(agent.role), agent.display_name)
    return SignedIn(token=token, agent=agent, principal=principal)


async def sign_out(session: AsyncSession, token: str) -> None:
    """Revoke a session token; signing out twice is harmless."""
    row = await service.session_by_token(session, token)
    if row is None or row.revoked_at is not None:
        return
    await service.revoke_session(session, token, now=session_clock(session).now())
    await audit.append(
        session, audit.Actor("agent", str(row.agent_id)), "agent.signed_out",
        subject_type="agent", subject_id=row.agent_id,
    )  # fmt: skip


async def create_api_token(
    session: AsyncSession,
    owner: Agent,
    name: str,
    scopes: list[str],
    *,
    actor: audit.Actor,
    ttl: timedelta | None = None,
) -> tuple[str, ApiToken]:
    """Issue a scoped integration token; the plain token is returned once, never stored."""
    now = session_clock(session).now()
    token = new_token(service.API_TOKEN_PREFIX)
    row = ApiToken(
        name=name,
        token_hash=token_hash(token),
        agent_id=owner.id,
        scopes=sorted(set(scopes)),
        created_at=now,
        expires_at=now + ttl if ttl else None,
        revoked_at=None,
        last_used_at=None,
        extra={},
    )
    session.add(row)
    await session.flush()
    await audit.append(
        session, actor, "api_token.created", subject_type="api_token", subject_id=row.id,
        data={"owner": owner.id, "name": name, "scopes": row.scopes},
    )  # fmt: skip
    return token, row


def actor_for(principal: Principal) -> audit.Actor:
    """The audit actor for a request's caller."""
    return audit.Actor(principal.kind, str(principal.id))


async def _live_agent(session: AsyncSession, agent_id: int) -> Agent:
    agent = await service.get_agent(session, agent_id)
    if agent is None or not agent.active:
        raise Unauthorized("this account no longer exists or is disabled")
    return agent


async def change_password(
    session: AsyncSession, agent_id: int, current: str, new: str, *, keep_token: str
) -> int:
    """Check the current password, store the new one and revoke the agent's other sessions.

    Returns how many other sessions were revoked.
    """
    agent = await _live_agent(session, agent_id)
    if not verify_password(agent.password_hash, current):
        raise Invalid("current_password", "does not match your password")
    if len(new) < MIN_PASSWORD_LENGTH:
        raise Invalid("new_password", f"must be at least {MIN_PASSWORD_LENGTH} characters")
    if new == current:
        raise Invalid("new_password", "must differ from the current password")
    now = session_clock(session).now()
    agent.password_hash = hash_password(new)
    agent.updated_at = now
    revoked = await service.revoke_agent_sessions(session, agent.id, now=now, keep_token=keep_token)
    await audit.append(
        session, audit.Actor("agent", str(agent.id)), "agent.password_changed",
        subject_type="agent", subject_id=agent.id, data={"sessions_revoked": revoked},
    )  # fmt: skip
    return revoked


TOTP_ISSUER = "cexdesk"


def pending_totp_secret(agent: Agent, session_token: str, secret_key: str) -> str:
    """The secret an enrolment in progress would install.

    There is no column for a half-finished enrolment, and none is needed: the pending
    secret is derived from the server key, the agent, the signed-in session and the
    secret currently installed. Enrolling twice in one session shows the same secret,
    another session gets another one, and once confirmed the next enrolment differs.
    Nothing is stored until the agent proves, with a code, that the app holds it.
    """
    material = f"totp-enrol:{agent.id}:{token_hash(session_token)}:{agent.totp_secret or ''}"
    digest = hmac.new(secret_key.encode(), material.encode(), hashlib.sha256).digest()
    return base64.b32encode(digest[:20]).decode()  # 160 bits, 32 characters, no padding


@dataclass(frozen=True)
class TotpEnrolment:
    secret: str
    otpauth_uri: str
    replaces_existing: bool


async def start_totp_enrolment(
    session: AsyncSession, agent_id: int, *, session_token: str, secret_key: str
) -> TotpEnrolment:
    """Show the agent a new TOTP secret; nothing changes until ``confirm_totp``."""
    agent = await _live_agent(session, agent_id)
    secret = pending_totp_secret(agent, session_token, secret_key)
    uri = pyotp.TOTP(secret).provisioning_uri(name=agent.email, issuer_name=TOTP_ISSUER)
    return TotpEnrolment(secret, uri, replaces_existing=agent.totp_secret is not None)


async def confirm_totp(
    session: AsyncSession,
    agent_id: int,
    code: str,
    *,
    session_token: str,
    secret_key: str,
    current_code: str | None = None,
) -> None:
    """Install the pending secret once ``code`` proves the authenticator holds it.

    Replacing an installed secret also needs a ``current_code`` from the old one, so a
    stolen session alone cannot move someone's second factor to an attacker's phone.
    """
    agent = await _live_agent(session, agent_id)
    now = session_clock(session).now()
    if agent.totp_secret is not None and not (
        current_code and verify_totp(agent.totp_secret, current_code, now)
    ):
        raise Invalid("current_code", "a valid code from your current authenticator is needed")
    secret = pending_totp_secret(agent, session_token, secret_key)
    if not verify_totp(secret, code, now):
        raise Invalid("code", "does not match the secret shown at enrolment (or has expired)")
    replaced = agent.totp_secret is not None
    agent.totp_secret = secret
    agent.updated_at = now
    await audit.append(
        session, audit.Actor("agent", str(agent.id)), "agent.totp_enrolled",
        subject_type="agent", subject_id=agent.id, data={"replaced": replaced},
    )  # fmt: skip


async def issue_api_token(
    session: AsyncSession,
    issuer: Principal,
    *,
    name: str,
    scopes: list[str],
    owner_id: int | None = None,
    ttl: timedelta | None = None,
) -> tuple[str, ApiToken]:
    """Issue an integration token whose scopes fit both the owner's and the issuer's role."""
    issuer.require(Perm.TOKENS_MANAGE)
    if issuer.kind != "agent":
        # A token that could mint tokens would outlive its own revocation.
        raise Forbidden("API tokens are issued from a signed-in agent session, not by a token")
    owner = await service.get_agent(session, owner_id if owner_id is not None else issuer.id)
    if owner is None or not owner.active:
        raise Invalid("owner_id", "no active agent with this id")
    allowed = ROLE_PERMISSIONS[Role(owner.role)] & ROLE_PERMISSIONS[issuer.role]
    beyond = sorted(set(scopes) - {perm.value for perm in allowed})
    if beyond:
        raise Invalid("scopes", f"exceed the owner's role ({owner.role}): {', '.join(beyond)}")
    if not scopes:
        raise Invalid("scopes", "name at least one permission")
    return await create_api_token(session, owner, name, scopes, actor=actor_for(issuer), ttl=ttl)


async def revoke_api_token(session: AsyncSession, token_id: int, *, actor: audit.Actor) -> None:
    """Revoke an integration token; revoking twice is harmless."""
    row = await service.get_api_token(session, token_id)
    if row is None:
        raise NotFound("API token", token_id)
    if row.revoked_at is not None:
        return
    row.revoked_at = session_clock(session).now()
    await audit.append(
        session, actor, "api_token.revoked", subject_type="api_token", subject_id=row.id,
        data={"owner": row.agent_id, "name": row.name},
    )  # fmt: skip


def check_skills(languages: list[str] | None, categories: list[str] | None) -> None:
    """Languages are the 15 supported ones; categories come from the ticket taxonomy."""
    from cexdesk.customers.flows import LANGUAGES
    from cexdesk.tickets.service import TAXONOMY

    for language in languages or []:
        if language not in LANGUAGES:
            raise Invalid("languages", f"{language!r} is not one of {', '.join(LANGUAGES)}")
    for category in categories or []:
        if category not in TAXONOMY:
            raise Invalid("categories", f"{category!r} is not a ticket category")


def may_grant(principal: Principal, role: Role) -> bool:
    """Nobody hands out a role that can do more than their own."""
    return ROLE_PERMISSIONS[role] <= ROLE_PERMISSIONS[principal.role]


def changes_own_presence(principal: Principal, agent_id: int, changes: dict[str, object]) -> bool:
    return principal.kind == "agent" and agent_id == principal.id and set(changes) <= {"presence"}


def check_agent_change(principal: Principal, agent: Agent, changes: dict[str, object]) -> None:
    """Anyone may set their own presence; the rest needs agents:manage, and nobody grants
    or changes a role above their own, or changes their own role or deactivates
    themselves."""
    if changes_own_presence(principal, agent.id, changes):
        return
    principal.require(Perm.AGENTS_MANAGE)
    if not may_grant(principal, Role(agent.role)):
        raise Forbidden(f"your role ({principal.role}) cannot change a {agent.role}")
    new_role = changes.get("role")
    if new_role is not None and not may_grant(principal, Role(str(new_role))):
        raise Forbidden(f"your role ({principal.role}) cannot grant {new_role}")
    if agent.id == principal.id and ("role" in changes or changes.get("active") is False):
        raise Forbidden("you cannot change your own role or deactivate yourself")


AGENT_FIELDS = ("display_name", "role", "tier", "languages", "categories", "is_vip",
                "chat_capacity", "ticket_capacity", "presence", "active")  # fmt: skip


async def update_agent(
    session: AsyncSession, agent: Agent, changes: dict[str, object], *, actor: audit.Actor
) -> list[str]:
    """Apply an admin's (or, for presence, the agent's own) PATCH; returns what changed.

    Everything but a presence change is audited; deactivating revokes the agent's sessions.
    """
    check_skills(changes.get("languages"), changes.get("categories"))  # type: ignore[arg-type]
    now = session_clock(session).now()
    changed: dict[str, object] = {}
    for name in AGENT_FIELDS:
        if name not in changes:
            continue
        value = changes[name]
        if value is None:
            raise Invalid(name, "cannot be null")
        if isinstance(value, Role):
            value = value.value
        if isinstance(value, list):
            value = list(dict.fromkeys(value))
        if getattr(agent, name) != value:
            changed[name] = value
            setattr(agent, name, value)
    if not changed:
        return []
    agent.updated_at = now
    if changed.get("active") is False:
        await service.revoke_agent_sessions(session, agent.id, now=now)
    if {"presence", "active", "chat_capacity", "ticket_capacity", "languages"} & set(changed):
        # Routing listens: an agent coming online or gaining room pulls from the queue.
        await record(session, AgentAvailabilityChanged(agent.id, agent.presence, agent.active))
    if set(changed) - {"presence"}:
        await audit.append(
            session, actor, "agent.updated", subject_type="agent", subject_id=agent.id,
            data={k: v for k, v in changed.items() if k != "presence"},
        )  # fmt: skip
    return list(changed)
