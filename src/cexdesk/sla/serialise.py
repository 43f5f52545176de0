"""Policies and calendars to and from JSON (stored in sla_policies and on each instance)."""

from __future__ import annotations

from datetime import date
from typing import Any

from cexdesk.sla.calendar import Block, Calendar
from cexdesk.sla.policies import Conditions, Metric, Policy, Target


def calendar_to_json(calendar: Calendar) -> dict[str, Any]:
    return {
        "timezone": calendar.timezone,
        "blocks": [[b.weekday, b.start_minute, b.end_minute] for b in calendar.blocks],
        "holidays": sorted(d.isoformat() for d in calendar.holidays),
    }


def calendar_from_json(data: dict[str, Any]) -> Calendar:
    return Calendar(
        timezone=str(data.get("timezone", "UTC")),
        blocks=tuple(Block(int(w), int(s), int(e)) for w, s, e in data.get("blocks", [])),
        holidays=frozenset(date.fromisoformat(d) for d in data.get("holidays", [])),
    )


def policy_to_json(policy: Policy) -> dict[str, Any]:
    c = policy.conditions
    return {
        "conditions": {
            "channels": sorted(c.channels),
            "priorities": sorted(c.priorities),
            "min_vip_tier": c.min_vip_tier,
            "categories": sorted(c.categories),
            "team_ids": sorted(c.team_ids),
        },
        "targets": [
            {
                "metric": t.metric.value,
                "seconds": t.seconds,
                "business_hours": t.business_hours,
                "warn_at": t.warn_at,
            }
            for t in policy.targets
        ],
        "calendar": calendar_to_json(policy.calendar),
        "pause_statuses": sorted(policy.pause_statuses),
        "breach_actions": list(policy.breach_actions),
        "warn_actions": list(policy.warn_actions),
    }


def policy_from_json(name: str, data: dict[str, Any]) -> Policy:
    c = data.get("conditions", {})
    return Policy(
        name=name,
        conditions=Conditions(
            channels=frozenset(c.get("channels", [])),
            priorities=frozenset(c.get("priorities", [])),
            min_vip_tier=c.get("min_vip_tier"),
            categories=frozenset(c.get("categories", [])),
            team_ids=frozenset(int(t) for t in c.get("team_ids", [])),
        ),
        targets=tuple(
            Target(
                Metric(t["metric"]),
                float(t["seconds"]),
                bool(t.get("business_hours", False)),
                float(t.get("warn_at", 0.8)),
            )
            for t in data.get("targets", [])
        ),
        calendar=calendar_from_json(data.get("calendar", {})),
        pause_statuses=frozenset(data.get("pause_statuses", [])),
        breach_actions=tuple(data.get("breach_actions", ["notify"])),
        warn_actions=tuple(data.get("warn_actions", ["notify"])),
    )
