"""SLA policies: ordered, first match wins; each names its metrics, targets and pauses. Pure.

The default policy encodes the seeds: a chat is picked up by a human within 20 s,
an email or ticket gets its first reply within 1 h, any first reply within 10 min.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from cexdesk.sla.calendar import TWENTY_FOUR_SEVEN, Calendar


class Metric(StrEnum):
    CHAT_PICKUP = "chat_pickup"
    FIRST_REPLY = "first_reply"
    NEXT_REPLY = "next_reply"
    PERIODIC_UPDATE = "periodic_update"
    RESOLUTION = "resolution"


@dataclass(frozen=True)
class Target:
    metric: Metric
    seconds: float
    business_hours: bool = False  # measured on the policy's calendar, else calendar time
    # Fraction of the target at which a near-breach warning fires (0 disables).
    warn_at: float = 0.8


@dataclass(frozen=True)
class Conditions:
    """All given conditions must hold; an empty set matches everything."""

    channels: frozenset[str] = frozenset()
    priorities: frozenset[str] = frozenset()
    min_vip_tier: int | None = None
    categories: frozenset[str] = frozenset()
    team_ids: frozenset[int] = frozenset()

    def match(self, facts: TicketFacts) -> bool:
        return (
            (not self.channels or facts.channel in self.channels)
            and (not self.priorities or facts.priority in self.priorities)
            and (self.min_vip_tier is None or facts.vip_tier >= self.min_vip_tier)
            and (not self.categories or facts.category in self.categories)
            and (not self.team_ids or facts.team_id in self.team_ids)
        )


@dataclass(frozen=True)
class TicketFacts:
    channel: str
    priority: str
    vip_tier: int = 0
    category: str | None = None
    team_id: int | None = None


DEFAULT_PAUSE_STATUSES = frozenset({"pending", "solved", "closed"})


@dataclass(frozen=True)
class Policy:
    name: str
    conditions: Conditions
    targets: tuple[Target, ...]
    calendar: Calendar = TWENTY_FOUR_SEVEN
    # Metrics stop counting while the ticket waits on the customer or is done.
    pause_statuses: frozenset[str] = DEFAULT_PAUSE_STATUSES
    breach_actions: tuple[str, ...] = ("notify",)  # notify | raise_priority | reassign | escalate
    warn_actions: tuple[str, ...] = ("notify",)
    targets_by_metric: dict[Metric, Target] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "targets_by_metric", {t.metric: t for t in self.targets})

    def target(self, metric: Metric) -> Target | None:
        return self.targets_by_metric.get(metric)


MINUTE = 60.0
HOUR = 3600.0

DEFAULT_POLICIES: tuple[Policy, ...] = (
    Policy(
        "Security emergencies",
        Conditions(priorities=frozenset({"urgent"})),
        (
            Target(Metric.CHAT_PICKUP, 20),
            Target(Metric.FIRST_REPLY, 5 * MINUTE),
            Target(Metric.NEXT_REPLY, 15 * MINUTE),
            Target(Metric.PERIODIC_UPDATE, HOUR),
            Target(Metric.RESOLUTION, 24 * HOUR),
        ),
        breach_actions=("notify", "escalate"),
    ),
    Policy(
        "Live chat",
        Conditions(channels=frozenset({"chat"})),
        (
            Target(Metric.CHAT_PICKUP, 20),
            Target(Metric.FIRST_REPLY, 10 * MINUTE),
            Target(Metric.NEXT_REPLY, 5 * MINUTE),
        ),
        breach_actions=("notify", "reassign"),
    ),
    Policy(
        "Email, form and social",
        Conditions(),
        (
            Target(Metric.FIRST_REPLY, HOUR),
            Target(Metric.NEXT_REPLY, 4 * HOUR),
            Target(Metric.PERIODIC_UPDATE, 24 * HOUR),
            Target(Metric.RESOLUTION, 72 * HOUR),
        ),
        breach_actions=("notify", "raise_priority"),
    ),
)


def select_policy(policies: Sequence[Policy], facts: TicketFacts) -> Policy | None:
    """The first policy whose conditions hold."""
    for policy in policies:
        if policy.conditions.match(facts):
            return policy
    return None
