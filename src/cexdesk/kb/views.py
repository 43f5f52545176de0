"""Knowledge-base routes: public reading and search, votes, editing for supervisors."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from cexdesk.agents.flows import actor_for
from cexdesk.api.deps import CurrentPrincipal, CurrentStaff, DbSession, ReadSession
from cexdesk.api.schemas import StrictModel
from cexdesk.core.auth import Perm
from cexdesk.core.errors import NotFound
from cexdesk.kb import flows, render, service

router = APIRouter(tags=["knowledge base"])

Slug = Annotated[str, Field(min_length=1, max_length=120, pattern=r"^[a-z0-9][a-z0-9-]*$")]
Lang = Annotated[str, Query(max_length=16)]


class ArticleOut(BaseModel):
    slug: str
    category: str
    subcategory: str | None
    language: str
    title: str
    version: int
    html: str | None = None
    helpful: int = 0
    not_helpful: int = 0


def _out(shown: service.Shown, *, body: bool = False) -> ArticleOut:
    return ArticleOut(
        slug=shown.slug, category=shown.category,
        subcategory=shown.subcategory, language=shown.language, title=shown.title,
        version=shown.version, html=render.to_html(shown.body) if body else None,
    )  # fmt: skip


@router.get("/kb/articles", response_model=list[ArticleOut])
async def list_articles(
    session: ReadSession,
    lang: Lang = "en",
    q: Annotated[str | None, Query(max_length=500)] = None,
) -> list[ArticleOut]:
    """Published articles in ``lang`` (English where a translation is missing); with
    ``q``, the best matches for a question instead."""
    if q:
        return [_out(s) for s in await service.search_articles(session, lang, q, limit=10)]
    return [_out(s) for s in await service.published_articles(session, lang)]


@router.get("/kb/articles/{slug}", response_model=ArticleOut)
async def show_article(slug: str, session: ReadSession, lang: Lang = "en") -> ArticleOut:
    shown = await service.article(session, slug, lang)
    if shown is None:
        raise NotFound("article", slug)
    out = _out(shown, body=True)
    out.helpful, out.not_helpful = await service.votes(session, shown.article_id)
    return out


class VoteIn(StrictModel):
    language: str = Field(max_length=16)
    helpful: bool


@router.post("/kb/articles/{slug}/votes", status_code=204)
async def vote(slug: str, body: VoteIn, principal: CurrentPrincipal, session: DbSession) -> None:
    """Was this helpful? One answer per signed-in reader (changing it is allowed)."""
    await flows.vote(session, slug, body.language, f"{principal.kind}:{principal.id}", body.helpful)


class DraftIn(StrictModel):
    category: str = Field(max_length=40)
    subcategory: str | None = Field(default=None, max_length=60)
    tags: list[Annotated[str, Field(max_length=40)]] = Field(default_factory=list, max_length=20)
    title: str = Field(min_length=1, max_length=300)
    body: str = Field(min_length=1, max_length=50_000)
    publish: bool = False


@router.put("/kb/articles/{slug}/translations/{language}", response_model=ArticleOut)
async def save_translation(
    slug: Slug, language: str, body: DraftIn, staff: CurrentStaff, session: DbSession
) -> ArticleOut:
    """Write a translation's draft (and, with ``publish``, publish it as a new version)."""
    staff.require(Perm.KB_MANAGE)
    article = await flows.save_article(session, slug, body.category, body.subcategory, body.tags)
    translation = await flows.save_draft(session, article, language, body.title, body.body)
    if body.publish:
        await flows.publish(session, translation, actor_for(staff))
    title = translation.title or translation.draft_title or body.title
    return ArticleOut(slug=slug, category=article.category, subcategory=article.subcategory,
                      language=language, title=title, version=translation.version)  # fmt: skip
