"""Agents and teams for admins: list, show, create, update; members of teams.

Sign-in, tokens and TOTP enrolment live in ``auth_views``.
"""

from __future__ import annotations

from typing import Annotated

import pyotp
from fastapi import APIRouter, Query
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.agents import flows, service
from cexdesk.agents.models import Agent, Team
from cexdesk.agents.schemas import (
    AgentCreate,
    AgentCreated,
    AgentOut,
    AgentPage,
    AgentPatch,
    Presence,
    TeamCreate,
    TeamMemberAdd,
    TeamOut,
)
from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.api.schemas import NO_NUL, PathId, QueryId
from cexdesk.core.auth import Perm, Role
from cexdesk.core.errors import Forbidden, NotFound
from cexdesk.tickets.service import decode_cursor, encode_cursor

router = APIRouter(tags=["agents"])


def agent_out(agent: Agent, team_ids: list[int]) -> AgentOut:
    return AgentOut(
        id=agent.id,
        email=agent.email,
        display_name=agent.display_name,
        role=agent.role,
        tier=agent.tier,
        languages=list(agent.languages),
        categories=list(agent.categories),
        is_vip=agent.is_vip,
        presence=agent.presence,
        chat_capacity=agent.chat_capacity,
        ticket_capacity=agent.ticket_capacity,
        active=agent.active,
        totp_enrolled=agent.totp_secret is not None,
        team_ids=team_ids,
        created_at=agent.created_at,
        updated_at=agent.updated_at,
    )


def team_out(team: Team, member_ids: list[int]) -> TeamOut:
    return TeamOut(
        id=team.id,
        slug=team.slug,
        name=team.name,
        kind=team.kind,
        description=team.description,
        member_ids=member_ids,
        created_at=team.created_at,
    )


async def _agent_out(session: AsyncSession, agent: Agent) -> AgentOut:
    teams = await service.team_ids_of(session, [agent.id])
    return agent_out(agent, teams[agent.id])


@router.get("/agents", response_model=AgentPage)
async def list_agents(
    principal: CurrentStaff,
    session: ReadSession,
    role: Role | None = None,
    team_id: QueryId = None,
    presence: Presence | None = None,
    active: bool | None = None,
    cursor: Annotated[str | None, Query(max_length=200, pattern=NO_NUL)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> AgentPage:
    """Agents newest first, filtered by role, team, presence or active."""
    principal.require(Perm.AGENTS_READ)
    agents, next_id = await service.list_agents(
        session,
        role=None if role is None else role.value,
        team_id=team_id,
        presence=presence,
        active=active,
        before_id=decode_cursor(cursor),
        limit=limit,
    )
    teams = await service.team_ids_of(session, [a.id for a in agents])
    return AgentPage(
        items=[agent_out(a, teams[a.id]) for a in agents],
        next_cursor=None if next_id is None else encode_cursor(next_id),
    )


@router.get("/agents/{agent_id}", response_model=AgentOut)
async def show_agent(agent_id: PathId, principal: CurrentStaff, session: ReadSession) -> AgentOut:
    if agent_id != principal.id:
        principal.require(Perm.AGENTS_READ)
    agent = await service.get_agent(session, agent_id)
    if agent is None:
        raise NotFound("agent", agent_id)
    return await _agent_out(session, agent)


@router.post("/agents", status_code=201, response_model=AgentCreated)
async def create_agent(
    body: AgentCreate, principal: CurrentStaff, session: DbSession
) -> AgentCreated:
    """Onboard an agent; roles that need TOTP get a secret, shown here once as a URI."""
    principal.require(Perm.AGENTS_MANAGE)
    if not flows.may_grant(principal, body.role):
        raise Forbidden(f"your role ({principal.role}) cannot create a {body.role}")
    flows.check_skills(body.languages, body.categories)
    agent = await flows.create_agent(
        session,
        flows.NewAgent(
            email=body.email,
            display_name=body.display_name,
            role=body.role,
            password=body.password,
            tier=body.tier,
            languages=tuple(dict.fromkeys(body.languages)),
            categories=tuple(dict.fromkeys(body.categories)),
            is_vip=body.is_vip,
            chat_capacity=body.chat_capacity,
            ticket_capacity=body.ticket_capacity,
        ),
        actor=flows.actor_for(principal),
    )
    uri = None
    if agent.totp_secret:
        uri = pyotp.TOTP(agent.totp_secret).provisioning_uri(
            name=agent.email, issuer_name=flows.TOTP_ISSUER
        )
    return AgentCreated(**agent_out(agent, []).model_dump(), totp_uri=uri)


@router.patch("/agents/{agent_id}", response_model=AgentOut)
async def update_agent(
    agent_id: PathId, body: AgentPatch, principal: CurrentStaff, session: DbSession
) -> AgentOut:
    """Skills, capacity, role, active (admins); an agent may set their own presence."""
    changes = body.model_dump(exclude_unset=True)
    agent = await service.get_agent(session, agent_id)
    if agent is None:
        if not flows.changes_own_presence(principal, agent_id, changes):
            principal.require(Perm.AGENTS_MANAGE)
        raise NotFound("agent", agent_id)
    flows.check_agent_change(principal, agent, changes)
    await flows.update_agent(session, agent, changes, actor=flows.actor_for(principal))
    return await _agent_out(session, agent)


@router.get("/teams", response_model=list[TeamOut])
async def list_teams(principal: CurrentStaff, session: ReadSession) -> list[TeamOut]:
    principal.require(Perm.AGENTS_READ)
    teams = await service.list_teams(session)
    members = await service.member_ids_of(session, [t.id for t in teams])
    return [team_out(t, members[t.id]) for t in teams]


@router.get("/teams/{team_id}", response_model=TeamOut)
async def show_team(team_id: PathId, principal: CurrentStaff, session: ReadSession) -> TeamOut:
    principal.require(Perm.AGENTS_READ)
    team = await service.get_team(session, team_id)
    if team is None:
        raise NotFound("team", team_id)
    members = await service.member_ids_of(session, [team.id])
    return team_out(team, members[team.id])


@router.post("/teams", status_code=201, response_model=TeamOut)
async def create_team(body: TeamCreate, principal: CurrentStaff, session: DbSession) -> TeamOut:
    principal.require(Perm.TEAMS_MANAGE)
    team = await flows.create_team(session, body.slug, body.name, body.kind, body.description)
    return team_out(team, [])


@router.post("/teams/{team_id}/members", status_code=201, response_model=TeamOut)
async def add_member(
    team_id: PathId, body: TeamMemberAdd, principal: CurrentStaff, session: DbSession
) -> TeamOut:
    """Put an agent in a team (adding twice is harmless)."""
    principal.require(Perm.TEAMS_MANAGE)
    team = await service.get_team(session, team_id)
    if team is None:
        raise NotFound("team", team_id)
    if await service.get_agent(session, body.agent_id) is None:
        raise NotFound("agent", body.agent_id)
    await flows.add_to_team(session, team.id, body.agent_id)
    members = await service.member_ids_of(session, [team.id])
    return team_out(team, members[team.id])
