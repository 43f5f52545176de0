"""The registry of the exchange's official support channels."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId


class OfficialChannel(Base):
    """One official address, number, account or domain (``check.normalise`` spelling)."""

    __tablename__ = "official_channels"
    __table_args__ = (UniqueConstraint("kind", "value", name="uq_official_channel"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # check.Kind
    value: Mapped[str] = mapped_column(String(320))
    label: Mapped[str] = mapped_column(String(200))  # what users see: "Support on Telegram"
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("agents.id"))
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]
