from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from cexdesk.core.db import Base, BigId


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    # The exchange's user id; None for a sender we only know by an email address or handle.
    exchange_uid: Mapped[str | None] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    language: Mapped[str] = mapped_column(String(16), default="en")
    region: Mapped[str | None] = mapped_column(String(8))
    vip_tier: Mapped[int] = mapped_column(default=0)
    kyc_state: Mapped[str] = mapped_column(String(24), default="none")
    created_at: Mapped[datetime]
    updated_at: Mapped[datetime]


class CustomerIdentity(Base):
    """A customer's address on one channel: email, telegram id, X handle, phone."""

    __tablename__ = "customer_identities"
    __table_args__ = (UniqueConstraint("channel", "address", name="uq_customer_identity"),)

    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    customer_id: Mapped[int] = mapped_column(ForeignKey("customers.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    address: Mapped[str] = mapped_column(String(320))
    verified: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime]
