"""The public official-channel check, and the registry security keeps."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, status

from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.core.auth import Perm
from cexdesk.core.errors import Invalid
from cexdesk.official import flows, service
from cexdesk.official.check import Entry, Kind, Unreadable, verdict
from cexdesk.official.models import OfficialChannel
from cexdesk.official.schemas import (
    CandidateOut,
    ChannelChange,
    ChannelOut,
    ChannelPage,
    CheckResult,
    NewChannel,
)

router = APIRouter(tags=["official channels"])

ADVICE_OFFICIAL = (
    "This is an official channel. Even so, support never asks for your password, "
    "2FA codes, seed phrase or private keys."
)
ADVICE_NOT_OFFICIAL = (
    "This is not an official channel. Do not send it money, codes or personal data; "
    "contact support through the app or the help centre."
)


def _channel(row: OfficialChannel) -> ChannelOut:
    return ChannelOut(id=row.id, kind=row.kind, value=row.value, label=row.label, active=row.active)


def _entry(entry: Entry | None) -> ChannelOut | None:
    if entry is None:
        return None
    return ChannelOut(
        id=entry.id, kind=entry.kind.value, value=entry.value, label=entry.label, active=True
    )


@router.get("/official-check", response_model=CheckResult)
async def official_check(
    session: ReadSession,
    value: Annotated[str, Query(min_length=1, max_length=500)],
    kind: Annotated[Kind | None, Query()] = None,
) -> CheckResult:
    """Is this e-mail address, phone number, Telegram or X account, or link ours? Public."""
    registry = await service.registry(session)
    try:
        found = verdict(value, registry, kind)
    except Unreadable as error:
        raise Invalid("value", str(error)) from None
    return CheckResult(
        value=value,
        official=found.official,
        read_as=[CandidateOut(kind=c.kind.value, value=c.value) for c in found.candidates],
        matched=_entry(found.matched),
        lookalike_of=_entry(found.lookalike_of),
        reason=found.reason,
        advice=ADVICE_OFFICIAL if found.official else ADVICE_NOT_OFFICIAL,
    )


@router.get("/official-channels", response_model=ChannelPage)
async def list_channels(session: ReadSession) -> ChannelPage:
    """The active official channels, for anyone to see."""
    rows = await service.list_channels(session, active_only=True)
    return ChannelPage(items=[_channel(row) for row in rows])


@router.post("/official-channels", response_model=ChannelOut, status_code=status.HTTP_201_CREATED)
async def add_channel(body: NewChannel, session: DbSession, staff: CurrentStaff) -> ChannelOut:
    """Add an official channel (the security team keeps the registry; audited)."""
    staff.require(Perm.SECURITY_CASES)
    return _channel(await flows.add_channel(session, staff.id, body.kind, body.value, body.label))


@router.patch("/official-channels/{channel_id}", response_model=ChannelOut)
async def change_channel(
    channel_id: int, body: ChannelChange, session: DbSession, staff: CurrentStaff
) -> ChannelOut:
    """Retire a channel (or bring it back): retired ones no longer count as official."""
    staff.require(Perm.SECURITY_CASES)
    return _channel(await flows.set_active(session, staff.id, channel_id, body.active))
