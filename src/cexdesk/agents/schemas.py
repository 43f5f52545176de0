"""API shapes for agents and teams; requests forbid unknown fields, strings are bounded."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from cexdesk.api.schemas import Id, StrictModel
from cexdesk.core.auth import Role

Presence = Literal["online", "away", "busy", "offline"]
TeamKind = Literal["tier1", "tier2", "expert", "vip", "security", "qa", "supervisors"]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Skill = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=40)]


class AgentCreate(StrictModel):
    email: Annotated[str, StringConstraints(strip_whitespace=True, min_length=3, max_length=320)]
    display_name: Name
    role: Role
    password: Annotated[str, StringConstraints(min_length=10, max_length=200)]
    tier: int = Field(default=1, ge=1, le=3)
    languages: list[Skill] = Field(default_factory=lambda: ["en"], min_length=1, max_length=15)
    categories: list[Skill] = Field(default_factory=list, max_length=20)
    is_vip: bool = False
    chat_capacity: int = Field(default=3, ge=0, le=20)
    ticket_capacity: int = Field(default=10, ge=0, le=200)


class AgentPatch(StrictModel):
    display_name: Name | None = None
    role: Role | None = None
    tier: int | None = Field(default=None, ge=1, le=3)
    languages: list[Skill] | None = Field(default=None, min_length=1, max_length=15)
    categories: list[Skill] | None = Field(default=None, max_length=20)
    is_vip: bool | None = None
    chat_capacity: int | None = Field(default=None, ge=0, le=20)
    ticket_capacity: int | None = Field(default=None, ge=0, le=200)
    presence: Presence | None = None
    active: bool | None = None


class AgentOut(BaseModel):
    id: int
    email: str
    display_name: str
    role: str
    tier: int
    languages: list[str]
    categories: list[str]
    is_vip: bool
    presence: str
    chat_capacity: int
    ticket_capacity: int
    active: bool
    totp_enrolled: bool
    team_ids: list[int]
    created_at: datetime
    updated_at: datetime


class AgentCreated(AgentOut):
    # Shown once: the authenticator enrolment for roles that must use TOTP.
    totp_uri: str | None


class AgentPage(BaseModel):
    items: list[AgentOut]
    next_cursor: str | None


class TeamCreate(StrictModel):
    slug: Annotated[
        str,
        StringConstraints(
            strip_whitespace=True, min_length=2, max_length=64, pattern=r"^[a-z0-9][a-z0-9-]*$"
        ),
    ]
    name: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
    kind: TeamKind = "tier1"
    description: Annotated[str, StringConstraints(max_length=500)] = ""


class TeamMemberAdd(StrictModel):
    agent_id: Id


class TeamOut(BaseModel):
    id: int
    slug: str
    name: str
    kind: str
    description: str
    member_ids: list[int]
    created_at: datetime
