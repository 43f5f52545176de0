"""How the bot does, for the people who improve it; queries only, never commits.

* sessions in a period, and the median time the bot held one;
* containment: sessions the customer ended as solved by the bot whose ticket heard
  nothing more from the customer within 72 hours (``CONTAINMENT_WINDOW``), over the
  sessions that ended; a session solved less than 72 hours ago is counted once its
  window has passed;
* why conversations went to people (handoff reasons);
* knowledge gaps: the questions the bot could not answer (answer kind ``unknown``, or
  the turn that ended in a low-confidence handoff), grouped by the words they share
  (``group_questions``, pure);
* article helpfulness: how often the bot gave each article, and the help centre's "was
  this helpful" votes on it.
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from cexdesk.bot.models import BotSession, BotTurn
from cexdesk.kb.models import Article, ArticleVote
from cexdesk.kb.search import tokens
from cexdesk.tickets.models import Message

CONTAINMENT_WINDOW = timedelta(hours=72)
GAP_KINDS = ("unknown",)
SIMILAR = 0.3  # share of words two questions have in common to be the same gap
MAX_GAP_QUESTIONS = 2000


@dataclass(frozen=True)
class Gap:
    """Unanswered questions that look alike: an article to write or a phrasing to train."""

    example: str
    language: str
    count: int
    words: tuple[str, ...]
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticleUse:
    slug: str
    served: int
    helpful: int
    not_helpful: int

    @property
    def helpful_share(self) -> float | None:
        votes = self.helpful + self.not_helpful
        return self.helpful / votes if votes else None


@dataclass(frozen=True)
class BotFigures:
    since: datetime
    until: datetime
    sessions: int
    active: int
    contained: int  # solved by the bot and not reopened within the window
    contained_pending: int  # solved, window still running
    reopened: int  # solved by the bot, yet the customer came back within the window
    handed_off: int
    median_seconds: float | None
    handoff_reasons: dict[str, int]
    gaps: list[Gap] = field(default_factory=list)
    articles: list[ArticleUse] = field(default_factory=list)
    turns: int = 0
    median_latency_ms: float | None = None

    @property
    def containment(self) -> float | None:
        decided = self.contained + self.reopened + self.handed_off
        return self.contained / decided if decided else None


def group_questions(
    questions: Sequence[tuple[str, str]], limit: int = 20, similar: float = SIMILAR
) -> list[Gap]:
    """(text, language) pairs grouped greedily by the share of words they have in
    common (Jaccard over the search terms), biggest groups first."""
    groups: list[tuple[set[str], list[tuple[str, str]], Counter[str]]] = []
    for text, language in questions:
        words = set(tokens(text))
        if not words:
            continue
        best, best_share = None, 0.0
        for group in groups:
            share = len(words & group[0]) / len(words | group[0])
            if share > best_share:
                best, best_share = group, share
        if best is not None and best_share >= similar:
            best[1].append((text, language))
            best[2].update(words)
        else:
            groups.append((words, [(text, language)], Counter(words)))
    groups.sort(key=lambda g: (-len(g[1]), g[1][0][0]))
    return [
        Gap(
            example=members[0][0],
            language=Counter(lang for _, lang in members).most_common(1)[0][0],
            count=len(members),
            words=tuple(word for word, _ in counts.most_common(5)),
            questions=tuple(text for text, _ in members[:10]),
        )
        for _, members, counts in groups[:limit]
    ]


async def figures(
    session: AsyncSession, since: datetime, until: datetime, now: datetime
) -> BotFigures:
    in_period = and_(BotSession.started_at >= since, BotSession.started_at < until)
    by_status = dict(
        (
            await session.execute(
                select(BotSession.status, func.count()).where(in_period).group_by(BotSession.status)
            )
        ).all()
    )
    first_return = (
        select(func.min(Message.created_at))
        .where(
            Message.ticket_id == BotSession.ticket_id,
            Message.author_type == "customer",
            Message.created_at > BotSession.ended_at,
        )
        .scalar_subquery()
    )
    solved = (
        await session.execute(
            select(BotSession.ended_at, first_return).where(
                in_period, BotSession.status == "contained"
            )
        )
    ).all()
    contained = pending = reopened = 0
    for ended_at, returned_at in solved:
        if ended_at is None:
            continue
        if returned_at is not None and returned_at - ended_at <= CONTAINMENT_WINDOW:
            reopened += 1  # the customer came back about it within the window
        elif returned_at is None and now - ended_at < CONTAINMENT_WINDOW:
            pending += 1
        else:
            contained += 1

    durations = [
        (ended - started).total_seconds()
        for started, ended in (
            await session.execute(
                select(BotSession.started_at, BotSession.ended_at).where(
                    in_period, BotSession.ended_at.is_not(None)
                )
            )
        ).all()
        if ended is not None
    ]
    reasons = dict(
        (
            await session.execute(
                select(BotSession.handoff_reason, func.count())
                .where(in_period, BotSession.status == "handed_off")
                .group_by(BotSession.handoff_reason)
            )
        ).all()
    )
    turn_period = and_(BotTurn.created_at >= since, BotTurn.created_at < until)
    # Unanswered: "I don't know" replies, and the question on which the bot gave up.
    gave_up = and_(BotTurn.answer_kind == "handoff", BotSession.handoff_reason == "low_confidence")
    gap_rows = (
        await session.execute(
            select(BotTurn.question, BotTurn.language)
            .join(BotSession, BotSession.id == BotTurn.session_id)
            .where(
                turn_period,
                or_(BotTurn.answer_kind.in_(GAP_KINDS), gave_up),
                BotTurn.question != "",
            )
            .order_by(BotTurn.id.desc())
            .limit(MAX_GAP_QUESTIONS)
        )
    ).all()
    latencies = list(
        (
            await session.execute(
                select(BotTurn.latency_ms)
                .where(turn_period)
                .order_by(BotTurn.id.desc())
                .limit(5000)
            )
        ).scalars()
    )
    return BotFigures(
        since=since,
        until=until,
        sessions=sum(by_status.values()),
        active=int(by_status.get("active", 0)),
        contained=contained,
        contained_pending=pending,
        reopened=reopened,
        handed_off=int(by_status.get("handed_off", 0)),
        median_seconds=statistics.median(durations) if durations else None,
        handoff_reasons={str(k): int(v) for k, v in reasons.items()},
        gaps=group_questions([(q, lang) for q, lang in gap_rows]),
        articles=await _articles(session, turn_period),
        turns=len(latencies),
        median_latency_ms=statistics.median(latencies) if latencies else None,
    )


async def _articles(session: AsyncSession, turn_period: ColumnElement[bool]) -> list[ArticleUse]:
    served = dict(
        (
            await session.execute(
                select(BotTurn.article_slug, func.count())
                .where(turn_period, BotTurn.article_slug.is_not(None))
                .group_by(BotTurn.article_slug)
            )
        ).all()
    )
    if not served:
        return []
    votes: dict[str, list[int]] = {}
    rows = await session.execute(
        select(Article.slug, ArticleVote.helpful, func.count())
        .join(ArticleVote, ArticleVote.article_id == Article.id)
        .where(Article.slug.in_(list(served)))
        .group_by(Article.slug, ArticleVote.helpful)
    )
    for slug, helpful, count in rows.all():
        votes.setdefault(slug, [0, 0])[0 if helpful else 1] += int(count)
    uses = [
        ArticleUse(slug, int(count), *votes.get(slug, [0, 0]))
        for slug, count in served.items()
        if slug is not None
    ]
    return sorted(uses, key=lambda u: (-u.served, u.slug))
