"""Bot routes: its figures for supervisors (sessions, containment, handoffs, knowledge
gaps, article helpfulness)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Query

from cexdesk.api.deps import CurrentStaff, ReadSession
from cexdesk.bot import analytics
from cexdesk.core.auth import Perm

router = APIRouter(tags=["bot"])


def period(session: Any, days: int) -> tuple[datetime, datetime, datetime]:
    now: datetime = session.info["clock"].now()
    return now - timedelta(days=days), now + timedelta(seconds=1), now


def figures_out(figures: analytics.BotFigures) -> dict[str, Any]:
    return {
        "since": figures.since.isoformat(),
        "until": figures.until.isoformat(),
        "sessions": figures.sessions,
        "active": figures.active,
        "contained": figures.contained,
        "contained_pending": figures.contained_pending,
        "reopened": figures.reopened,
        "handed_off": figures.handed_off,
        "containment": figures.containment,
        "median_seconds": figures.median_seconds,
        "handoff_reasons": figures.handoff_reasons,
        "turns": figures.turns,
        "median_latency_ms": figures.median_latency_ms,
        "knowledge_gaps": [
            {"example": g.example, "language": g.language, "count": g.count,
             "words": list(g.words), "questions": list(g.questions)}
            for g in figures.gaps
        ],
        "articles": [
            {"slug": a.slug, "served": a.served, "helpful": a.helpful,
             "not_helpful": a.not_helpful, "helpful_share": a.helpful_share}
            for a in figures.articles
        ],
    }  # fmt: skip


@router.get("/bot/figures")
async def bot_figures(
    session: ReadSession,
    staff: CurrentStaff,
    days: Annotated[int, Query(ge=1, le=366)] = 7,
) -> dict[str, Any]:
    """The bot over the last ``days`` days (supervisors)."""
    staff.require(Perm.TICKETS_ASSIGN_OTHERS)
    since, until, now = period(session, days)
    return figures_out(await analytics.figures(session, since, until, now))
