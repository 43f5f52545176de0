"""Channel API shapes."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class PayloadOut(BaseModel):
    id: int
    channel: str
    source_key: str
    content_type: str
    size: int
    received_at: datetime
    status: str
    attempts: int
    error: str | None
    ticket_id: int | None
    message_id: int | None


class PayloadPage(BaseModel):
    items: list[PayloadOut]
    next_cursor: int | None
