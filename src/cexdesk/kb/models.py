from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId, JsonValue


class Article(Base):
    """One help topic; its text lives in one translation per language."""

    __tablename__ = "kb_articles"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    category: Mapped[str] = mapped_column(String(40))
    subcategory: Mapped[str | None] = mapped_column(String(60))
    tags: Mapped[list[str]] = mapped_column(JsonValue, default=list)
    related: Mapped[list[str]] = mapped_column(JsonValue, default=list)
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class ArticleTranslation(Base):
    """An article in one language: the published text and, being edited, a draft."""

    __tablename__ = "kb_translations"
    __table_args__ = (UniqueConstraint("article_id", "language", name="uq_kb_translation"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("kb_articles.id"), index=True)
    language: Mapped[str] = mapped_column(String(16))
    # What readers see; None until the first publish.
    title: Mapped[str | None] = mapped_column(String(300))
    body: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(default=0)  # the published version, 0 = never
    draft_title: Mapped[str | None] = mapped_column(String(300))
    draft_body: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class ArticleRevision(Base):
    """Every published version, kept: what readers were told, and when."""

    __tablename__ = "kb_revisions"
    __table_args__ = (UniqueConstraint("translation_id", "version", name="uq_kb_revision"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    translation_id: Mapped[int] = mapped_column(ForeignKey("kb_translations.id"), index=True)
    version: Mapped[int]
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    published_by: Mapped[str] = mapped_column(String(80))
    published_at: Mapped[datetime]


class ArticleVote(Base):
    """'Was this helpful?' — one answer per reader per article and language."""

    __tablename__ = "kb_votes"
    __table_args__ = (
        UniqueConstraint("article_id", "language", "voter", name="uq_kb_vote"),
        Index("ix_kb_votes_article", "article_id", "language"),
    )

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("kb_articles.id"))
    language: Mapped[str] = mapped_column(String(16))
    voter: Mapped[str] = mapped_column(String(80))  # customer:<id> or an anonymous cookie id
    helpful: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime]
