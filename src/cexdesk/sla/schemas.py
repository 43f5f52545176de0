"""SLA API shapes."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from cexdesk.api.schemas import StrictModel

MetricName = Literal["chat_pickup", "first_reply", "next_reply", "periodic_update", "resolution"]


Request = StrictModel


class MetricOut(BaseModel):
    id: int
    metric: str
    cycle: int
    policy: str
    status: str
    target_seconds: float
    business_hours: bool
    breached: bool
    activated_at: datetime
    due_at: datetime | None
    fulfilled_at: datetime | None
    breached_at: datetime | None
    remaining_seconds: float | None


class TargetIn(Request):
    metric: MetricName
    seconds: float = Field(gt=0, le=90 * 86400)
    business_hours: bool = False
    warn_at: float = Field(default=0.8, ge=0, lt=1)


class ConditionsIn(Request):
    channels: list[str] = Field(default_factory=list, max_length=10)
    priorities: list[Literal["low", "normal", "high", "urgent"]] = Field(default_factory=list)
    min_vip_tier: int | None = Field(default=None, ge=0, le=10)
    categories: list[str] = Field(default_factory=list, max_length=20)
    team_ids: list[int] = Field(default_factory=list, max_length=50)


class BlockIn(Request):
    weekday: int = Field(ge=0, le=6)
    start: str = Field(pattern=r"^([01]\d|2[0-4]):[0-5]\d$")
    end: str = Field(pattern=r"^([01]\d|2[0-4]):[0-5]\d$")


class CalendarIn(Request):
    timezone: str = Field(default="UTC", max_length=64)
    blocks: list[BlockIn] = Field(default_factory=list, max_length=70)
    holidays: list[date] = Field(default_factory=list, max_length=400)


Action = Literal["notify", "raise_priority", "reassign", "escalate"]
PauseStatus = Literal["pending", "on_hold", "solved", "closed"]


def _default_pauses() -> list[PauseStatus]:
    return ["pending", "solved", "closed"]


def _notify() -> list[Action]:
    return ["notify"]


class PolicyIn(Request):
    name: str = Field(min_length=1, max_length=120)
    conditions: ConditionsIn = Field(default_factory=ConditionsIn)
    targets: list[TargetIn] = Field(min_length=1, max_length=5)
    calendar: CalendarIn = Field(default_factory=CalendarIn)
    pause_statuses: list[PauseStatus] = Field(default_factory=_default_pauses)
    breach_actions: list[Action] = Field(default_factory=_notify)
    warn_actions: list[Action] = Field(default_factory=_notify)


class PoliciesIn(Request):
    """The whole ordered list: the first whose conditions hold applies."""

    policies: list[PolicyIn] = Field(min_length=1, max_length=50)


class PolicyOut(BaseModel):
    position: int
    name: str
    definition: dict[str, object]
