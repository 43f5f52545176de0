"""API shapes for tickets; requests forbid unknown fields, strings are bounded."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from cexdesk.api.schemas import Id, StrictModel

Status = Literal["new", "open", "pending", "on_hold", "solved", "closed"]
SettableStatus = Literal["new", "open", "pending", "on_hold", "solved"]
Priority = Literal["low", "normal", "high", "urgent"]
Channel = Literal["web", "chat", "email", "telegram", "x", "phone", "api"]
LinkKind = Literal["escalation", "merge", "follow_up"]

Tag = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Subject = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
Body = Annotated[str, StringConstraints(min_length=1, max_length=65_536)]
Slug = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=60)]
Language = Annotated[str, StringConstraints(strip_whitespace=True, min_length=2, max_length=16)]
IdempotencyKey = Annotated[str, StringConstraints(min_length=1, max_length=100)]


class Request(StrictModel):
    pass


class TicketCreate(Request):
    subject: Subject
    body: Body
    channel: Channel | None = None
    # Staff open tickets on behalf of a customer; customers always open their own.
    requester_id: Id | None = None
    priority: Priority | None = None
    category: Slug | None = None
    subcategory: Slug | None = None
    language: Language | None = None
    tags: list[Tag] = Field(default_factory=list, max_length=20)
    assignee_id: Id | None = None
    team_id: Id | None = None
    status: Literal["new", "open", "pending", "on_hold"] | None = None


class ReplyCreate(Request):
    body: Body
    # An agent may set the status in the same call (Zendesk's "submit as").
    status: SettableStatus | None = None
    attachment_ids: list[Id] = Field(default_factory=list, max_length=10)


class NoteCreate(Request):
    body: Body
    attachment_ids: list[Id] = Field(default_factory=list, max_length=10)


class TicketPatch(Request):
    subject: Subject | None = None
    status: SettableStatus | None = None
    priority: Priority | None = None
    category: Slug | None = None
    subcategory: Slug | None = None
    language: Language | None = None
    assignee_id: Id | None = None
    team_id: Id | None = None
    is_complaint: bool | None = None
    add_tags: list[Tag] = Field(default_factory=list, max_length=20)
    remove_tags: list[Tag] = Field(default_factory=list, max_length=20)


class LinkCreate(Request):
    kind: Literal["escalation"] = "escalation"
    target_id: Id


class MergeRequest(Request):
    target_id: Id


class MessageOut(BaseModel):
    id: int
    author_type: str
    author_id: int | None
    internal: bool
    body: str
    channel: str
    created_at: datetime


class AttachmentOut(BaseModel):
    id: int
    ticket_id: int | None
    message_id: int | None
    filename: str
    content_type: str
    size: int
    sha256: str
    created_at: datetime
    url: str


class LinkOut(BaseModel):
    kind: str
    source_id: int
    target_id: int
    created_at: datetime


class CustomerTicketOut(BaseModel):
    """What the requester sees: no internal fields."""

    id: int
    subject: str
    status: str
    channel: str
    language: str
    created_at: datetime
    updated_at: datetime


class TicketOut(CustomerTicketOut):
    priority: str
    category: str | None
    subcategory: str | None
    requester_id: int
    assignee_id: int | None
    team_id: int | None
    is_complaint: bool
    tags: list[str]
    solved_at: datetime | None
    closed_at: datetime | None


class TicketDetail(BaseModel):
    ticket: TicketOut | CustomerTicketOut
    messages: list[MessageOut]
    messages_next_cursor: str | None
    attachments: list[AttachmentOut]
    links: list[LinkOut]


class TicketPage(BaseModel):
    items: list[TicketOut | CustomerTicketOut]
    next_cursor: str | None


class MessagePage(BaseModel):
    items: list[MessageOut]
    next_cursor: str | None


class ReplyResult(BaseModel):
    """The message added and the ticket it landed on (a follow-up if the first was closed)."""

    message: MessageOut
    ticket: TicketOut | CustomerTicketOut
    follow_up_of: int | None = None
    merged_from: int | None = None
