"""Agent queries; never commits."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents.models import Agent, AgentSession, ApiToken, Team, TeamMember
from cexdesk.core.auth import Principal, Role
from cexdesk.core.security import token_hash

SESSION_PREFIX = "cxs"
API_TOKEN_PREFIX = "cxd"  # noqa: S105


async def principal_for_token(
    session: AsyncSession, token: str, *, now: datetime
) -> Principal | None:
    """The agent behind a session or API token, or None if unknown, expired or revoked."""
    digest = token_hash(token)
    if token.startswith(SESSION_PREFIX + "_"):
        row = (
            await session.execute(
                select(Agent.id, Agent.role, Agent.display_name)
                .join(AgentSession, AgentSession.agent_id == Agent.id)
                .where(
                    AgentSession.token_hash == digest,
                    AgentSession.revoked_at.is_(None),
                    AgentSession.expires_at > now,
                    Agent.active.is_(True),
                )
            )
        ).one_or_none()
        if row is None:
            return None
        return Principal("agent", row.id, Role(row.role), row.display_name)
    if token.startswith(API_TOKEN_PREFIX + "_"):
        found = (
            await session.execute(
                select(
                    Agent.id, Agent.role, Agent.display_name, ApiToken.scopes, ApiToken.expires_at
                )
                .join(ApiToken, ApiToken.agent_id == Agent.id)
                .where(
                    ApiToken.token_hash == digest,
                    ApiToken.revoked_at.is_(None),
                    Agent.active.is_(True),
                )
            )
        ).one_or_none()
        if found is None or (found.expires_at is not None and found.expires_at <= now):
            return None
        return Principal(
            "integration", found.id, Role(found.role), found.display_name, frozenset(found.scopes)
        )
    return None


async def get_agent(session: AsyncSession, agent_id: int) -> Agent | None:
    return await session.get(Agent, agent_id)


async def agent_by_email(session: AsyncSession, email: str) -> Agent | None:
    return (
        await session.execute(select(Agent).where(Agent.email == email.strip().lower()))
    ).scalar_one_or_none()


async def revoke_session(session: AsyncSession, token: str, *, now: datetime) -> None:
    await session.execute(
        update(AgentSession)
        .where(AgentSession.token_hash == token_hash(token), AgentSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )


async def session_by_token(session: AsyncSession, token: str) -> AgentSession | None:
    return (
        await session.execute(
            select(AgentSession).where(AgentSession.token_hash == token_hash(token))
        )
    ).scalar_one_or_none()


async def revoke_agent_sessions(
    session: AsyncSession, agent_id: int, *, now: datetime, keep_token: str | None = None
) -> int:
    """Revoke every live session of an agent except ``keep_token``; returns how many."""
    query = (
        update(AgentSession)
        .where(AgentSession.agent_id == agent_id, AgentSession.revoked_at.is_(None))
        .values(revoked_at=now)
    )
    if keep_token is not None:
        query = query.where(AgentSession.token_hash != token_hash(keep_token))
    result = await session.execute(query)
    return int(getattr(result, "rowcount", 0) or 0)


async def get_api_token(session: AsyncSession, token_id: int) -> ApiToken | None:
    return await session.get(ApiToken, token_id)


async def list_api_tokens(
    session: AsyncSession,
    *,
    owner_id: int | None = None,
    include_revoked: bool = False,
    limit: int = 100,
    before_id: int | None = None,
) -> list[ApiToken]:
    """Newest first, keyset-paginated by id."""
    query = select(ApiToken).order_by(ApiToken.id.desc()).limit(limit)
    if owner_id is not None:
        query = query.where(ApiToken.agent_id == owner_id)
    if not include_revoked:
        query = query.where(ApiToken.revoked_at.is_(None))
    if before_id is not None:
        query = query.where(ApiToken.id < before_id)
    return list((await session.execute(query)).scalars().all())


async def list_agents(
    session: AsyncSession,
    *,
    role: str | None = None,
    team_id: int | None = None,
    presence: str | None = None,
    active: bool | None = None,
    before_id: int | None = None,
    limit: int = 50,
) -> tuple[list[Agent], int | None]:
    """Agents newest first, keyset-paginated on id; returns the page and the next id."""
    query = select(Agent)
    if role is not None:
        query = query.where(Agent.role == role)
    if presence is not None:
        query = query.where(Agent.presence == presence)
    if active is not None:
        query = query.where(Agent.active.is_(active))
    if team_id is not None:
        query = query.where(
            Agent.id.in_(select(TeamMember.agent_id).where(TeamMember.team_id == team_id))
        )
    if before_id is not None:
        query = query.where(Agent.id < before_id)
    rows = list((await session.execute(query.order_by(Agent.id.desc()).limit(limit + 1))).scalars())
    if len(rows) > limit:
        return rows[:limit], rows[limit - 1].id
    return rows, None


async def team_ids_of(session: AsyncSession, agent_ids: list[int]) -> dict[int, list[int]]:
    """The teams of many agents in one query."""
    found: dict[int, list[int]] = {i: [] for i in agent_ids}
    if agent_ids:
        rows = await session.execute(
            select(TeamMember.agent_id, TeamMember.team_id)
            .where(TeamMember.agent_id.in_(agent_ids))
            .order_by(TeamMember.team_id)
        )
        for agent_id, team_id in rows:
            found[agent_id].append(team_id)
    return found


async def get_team(session: AsyncSession, team_id: int) -> Team | None:
    return await session.get(Team, team_id)


async def list_teams(session: AsyncSession) -> list[Team]:
    return list((await session.execute(select(Team).order_by(Team.id).limit(1000))).scalars())


async def member_ids_of(session: AsyncSession, team_ids: list[int]) -> dict[int, list[int]]:
    """The members of many teams in one query."""
    found: dict[int, list[int]] = {i: [] for i in team_ids}
    if team_ids:
        rows = await session.execute(
            select(TeamMember.team_id, TeamMember.agent_id)
            .where(TeamMember.team_id.in_(team_ids))
            .order_by(TeamMember.agent_id)
        )
        for team_id, agent_id in rows:
            found[team_id].append(agent_id)
    return found


async def names_of(session: AsyncSession, agent_ids: Iterable[int]) -> dict[int, str]:
    """Display names of many agents in one query."""
    ids = set(agent_ids)
    if not ids:
        return {}
    rows = await session.execute(select(Agent.id, Agent.display_name).where(Agent.id.in_(ids)))
    return {agent_id: name for agent_id, name in rows.all()}
