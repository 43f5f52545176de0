"""Knowledge-base queries and the search index; never commits."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.memo import TtlCache
from cexdesk.kb import render, search
from cexdesk.kb.models import Article, ArticleTranslation, ArticleVote

INDEX_CACHE = "kb.index"
INDEX_TTL_SECONDS = 30.0  # a publish is searchable within this, on every node


@dataclass(frozen=True)
class Shown:
    """An article as a reader gets it: in their language, or the closest we have.

    Plain values, not rows: search results are cached across requests and sessions.
    """

    article_id: int
    slug: str
    category: str
    subcategory: str | None
    tags: tuple[str, ...]
    language: str  # the language of the text shown
    title: str
    body: str
    version: int


def fallbacks(language: str) -> list[str]:
    """The language, its base language, then English."""
    chain = [language, language.split("-")[0], "en"]
    return list(dict.fromkeys(chain))


async def _published(
    session: AsyncSession, slug: str | None = None
) -> list[tuple[Article, ArticleTranslation]]:
    query = (
        select(Article, ArticleTranslation)
        .join(ArticleTranslation, ArticleTranslation.article_id == Article.id)
        .where(ArticleTranslation.version > 0)
        .order_by(Article.slug)
    )
    if slug is not None:
        query = query.where(Article.slug == slug)
    return [(a, t) for a, t in (await session.execute(query)).all()]


def _best(rows: list[tuple[Article, ArticleTranslation]], language: str) -> dict[int, Shown]:
    by_article: dict[int, dict[str, ArticleTranslation]] = {}
    articles: dict[int, Article] = {}
    for article, translation in rows:
        articles[article.id] = article
        by_article.setdefault(article.id, {})[translation.language] = translation
    shown = {}
    for article_id, texts in by_article.items():
        for candidate in fallbacks(language):
            t = texts.get(candidate)
            if t is not None and t.title and t.body is not None:
                a = articles[article_id]
                shown[article_id] = Shown(a.id, a.slug, a.category, a.subcategory,
                                          tuple(a.tags), candidate, t.title, t.body,
                                          t.version)  # fmt: skip
                break
    return shown


async def published_articles(session: AsyncSession, language: str) -> list[Shown]:
    """Every published article, each in the reader's language where it exists."""
    shown = _best(await _published(session), language)
    return sorted(shown.values(), key=lambda s: (s.category, s.title))


async def article(session: AsyncSession, slug: str, language: str) -> Shown | None:
    return next(iter(_best(await _published(session, slug), language).values()), None)


async def search_articles(
    session: AsyncSession, language: str, query: str, limit: int = 5
) -> list[Shown]:
    """Best matches for a question, searched in the reader's language (and English)."""
    return [shown for shown, _ in await search_hits(session, language, query, limit)]


async def search_hits(
    session: AsyncSession, language: str, query: str, limit: int = 5
) -> list[tuple[Shown, float]]:
    """Like ``search_articles``, with each match's BM25 score (the bot weighs them)."""
    caches = session.info.get("caches")
    cache: TtlCache[str, tuple[search.Index, dict[str, Shown]]] | None = None
    if isinstance(caches, dict):
        cache = caches.setdefault(INDEX_CACHE, TtlCache(64, INDEX_TTL_SECONDS))
    built = cache.get(language) if cache is not None else None
    if built is None:
        shown = _best(await _published(session), language)
        by_slug = {s.slug: s for s in shown.values()}
        index = search.Index.of(
            (s.slug, " ".join([s.title, s.title, " ".join(s.tags),
                                       render.plain_text(s.body)]))
            for s in shown.values()
        )  # fmt: skip
        built = (index, by_slug)
        if cache is not None:
            cache.put(language, built)
    index, by_slug = built
    return [(by_slug[hit.key], hit.score) for hit in index.search(query, limit)]


async def votes(session: AsyncSession, article_id: int) -> tuple[int, int]:
    """(helpful, not helpful) across languages."""
    rows = await session.execute(
        select(ArticleVote.helpful, func.count())
        .where(ArticleVote.article_id == article_id)
        .group_by(ArticleVote.helpful)
    )
    counts = dict(rows.all())
    return int(counts.get(True, 0)), int(counts.get(False, 0))


async def article_by_slug(session: AsyncSession, slug: str) -> Article | None:
    return (await session.execute(select(Article).where(Article.slug == slug))).scalar_one_or_none()


async def translation(
    session: AsyncSession, article_id: int, language: str
) -> ArticleTranslation | None:
    return (
        await session.execute(
            select(ArticleTranslation).where(
                ArticleTranslation.article_id == article_id,
                ArticleTranslation.language == language,
            )
        )
    ).scalar_one_or_none()


async def vote_of(
    session: AsyncSession, article_id: int, language: str, voter: str
) -> ArticleVote | None:
    return (
        await session.execute(
            select(ArticleVote).where(
                ArticleVote.article_id == article_id,
                ArticleVote.language == language,
                ArticleVote.voter == voter,
            )
        )
    ).scalar_one_or_none()
