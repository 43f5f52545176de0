"""Official-channel API shapes."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from cexdesk.official.check import Kind


class NewChannel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Kind
    value: str = Field(min_length=3, max_length=320)
    label: str = Field(min_length=2, max_length=200)


class ChannelChange(BaseModel):
    model_config = ConfigDict(extra="forbid")

    active: bool


class ChannelOut(BaseModel):
    id: int
    kind: str
    value: str
    label: str
    active: bool


class ChannelPage(BaseModel):
    items: list[ChannelOut]


class CandidateOut(BaseModel):
    kind: str
    value: str


class CheckResult(BaseModel):
    value: str
    official: bool
    read_as: list[CandidateOut]
    matched: ChannelOut | None
    lookalike_of: ChannelOut | None  # the official channel it imitates
    reason: str
    advice: str
