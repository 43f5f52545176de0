"""Knowledge-base use cases: drafts, publishing (a revision per version), votes, loading
the shipped articles. Audited; never commits."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import audit
from cexdesk.core.errors import Invalid, NotFound
from cexdesk.core.outbox import session_clock
from cexdesk.customers.flows import LANGUAGES
from cexdesk.kb import service
from cexdesk.kb.content import ArticleFile
from cexdesk.kb.models import Article, ArticleRevision, ArticleTranslation, ArticleVote
from cexdesk.tickets import service as ticket_service


def _forget_index(session: AsyncSession) -> None:
    caches = session.info.get("caches")
    if isinstance(caches, dict):
        caches.pop(service.INDEX_CACHE, None)


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise Invalid("language", f"must be one of {', '.join(LANGUAGES)}")


async def save_article(
    session: AsyncSession,
    slug: str,
    category: str,
    subcategory: str | None,
    tags: Sequence[str],
    related: Sequence[str] = (),
) -> Article:
    """Create an article (no text yet) or change its place in the taxonomy."""
    ticket_service.check_category(category, subcategory)
    now = session_clock(session).now()
    article = await service.article_by_slug(session, slug)
    if article is None:
        article = Article(slug=slug, created_at=now)
        session.add(article)
    article.category, article.subcategory = category, subcategory
    article.tags, article.related, article.updated_at = list(tags), list(related), now
    await session.flush()
    return article


async def save_draft(
    session: AsyncSession, article: Article, language: str, title: str, body: str
) -> ArticleTranslation:
    """Write the draft of one translation; readers keep seeing the published text."""
    _check_language(language)
    if not title.strip() or not body.strip():
        raise Invalid("draft", "a translation needs a title and a body")
    now = session_clock(session).now()
    translation = await service.translation(session, article.id, language)
    if translation is None:
        translation = ArticleTranslation(article_id=article.id, language=language, version=0)
        session.add(translation)
    translation.draft_title, translation.draft_body = title.strip(), body.strip()
    translation.updated_at = now
    await session.flush()
    return translation


async def publish(
    session: AsyncSession, translation: ArticleTranslation, actor: audit.Actor
) -> ArticleTranslation:
    """Make the draft what readers see, as a new version kept in the revisions."""
    if translation.draft_title is None or translation.draft_body is None:
        raise Invalid("draft", "nothing to publish: write a draft first")
    now = session_clock(session).now()
    translation.version += 1
    translation.title, translation.body = translation.draft_title, translation.draft_body
    translation.draft_title = translation.draft_body = None
    translation.published_at = translation.updated_at = now
    session.add(
        ArticleRevision(
            translation_id=translation.id, version=translation.version, title=translation.title,
            body=translation.body, published_by=f"{actor.type}:{actor.id or ''}",
            published_at=now,
        )
    )  # fmt: skip
    await audit.append(
        session, actor, "kb.published", subject_type="kb_translation",
        subject_id=translation.id,
        data={"language": translation.language, "version": translation.version},
    )  # fmt: skip
    _forget_index(session)
    await session.flush()
    return translation


async def vote(
    session: AsyncSession, slug: str, language: str, voter: str, helpful: bool
) -> ArticleVote:
    """One answer per reader, article and language; answering again changes it."""
    article = await service.article_by_slug(session, slug)
    if article is None:
        raise NotFound("article", slug)
    _check_language(language)
    existing = await service.vote_of(session, article.id, language, voter)
    now = session_clock(session).now()
    if existing is None:
        existing = ArticleVote(article_id=article.id, language=language, voter=voter,
                               helpful=helpful, created_at=now)  # fmt: skip
        session.add(existing)
    existing.helpful = helpful
    await session.flush()
    return existing


async def load_content(
    session: AsyncSession, articles: Sequence[ArticleFile], actor: audit.Actor
) -> int:
    """Bring the shipped articles in: new texts are published, unchanged ones left alone,
    so loading twice publishes nothing twice. Returns how many texts were published."""
    published = 0
    for item in articles:
        article = await save_article(
            session, item.slug, item.category, item.subcategory, item.tags, item.related
        )
        for language, (title, body) in sorted(item.texts.items()):
            current = await service.translation(session, article.id, language)
            if current is not None and (current.title, current.body) == (title, body):
                continue
            translation = await save_draft(session, article, language, title, body)
            await publish(session, translation, actor)
            published += 1
    return published
