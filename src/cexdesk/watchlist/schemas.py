"""Watch-list API shapes."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel


class WatchItemOut(BaseModel):
    id: int
    ticket_id: int
    reason: str
    detail: str
    raised_at: datetime
    raised_count: int
    subject: str
    priority: str
    status: str
    language: str
    assignee_id: int | None


class WatchPage(BaseModel):
    items: list[WatchItemOut]
    next_cursor: int | None
