"""API shapes for calls agents log by hand; requests forbid unknown fields."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from cexdesk.api.schemas import Id, StrictModel


class CallLog(StrictModel):
    direction: Literal["inbound", "outbound"]
    # The number the call was with; linked to the customer when nobody else has it.
    phone: (
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=6, max_length=32)] | None
    ) = None
    summary: Annotated[
        str, StringConstraints(strip_whitespace=True, min_length=1, max_length=20_000)
    ]
    duration_seconds: int = Field(ge=0, le=86_400)
    ticket_id: Id | None = None  # add a note here; without it a phone ticket is opened


class CallLogged(BaseModel):
    ticket_id: int
    message_id: int
    created_ticket: bool
