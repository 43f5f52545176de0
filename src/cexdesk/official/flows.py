"""Keeping the registry of official channels: every change is audited."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import audit, outbox
from cexdesk.core.errors import Conflict, Invalid, NotFound
from cexdesk.official import service
from cexdesk.official.check import Kind, Unreadable, normalise, read
from cexdesk.official.models import OfficialChannel


def _check_shape(kind: Kind, value: str) -> str:
    """The entry must read as what it claims to be (a phone entry is a phone number)."""
    try:
        readings = {c.kind for c in read(value)}
    except Unreadable as error:
        raise Invalid("value", str(error)) from None
    if kind is Kind.DOMAIN and "@" not in value:
        readings.add(Kind.DOMAIN)  # "example.com" reads as a domain whichever way
    if kind not in readings:
        raise Invalid("value", f"does not read as a {kind.value}")
    return normalise(kind, value)


async def add_channel(
    session: AsyncSession, agent_id: int, kind: Kind, value: str, label: str
) -> OfficialChannel:
    normalised = _check_shape(kind, value)
    if await service.channel_of(session, kind, normalised) is not None:
        raise Conflict(f"{kind.value} {normalised} is already in the registry")
    now = outbox.session_clock(session).now()
    channel = OfficialChannel(
        kind=kind.value, value=normalised, label=label, active=True,
        created_by=agent_id, created_at=now, updated_at=now,
    )  # fmt: skip
    session.add(channel)
    await session.flush()
    await audit.append(
        session, audit.Actor("agent", str(agent_id)), "official.channel_added",
        subject_type="official_channel", subject_id=channel.id,
        data={"kind": kind.value, "value": normalised, "label": label},
    )  # fmt: skip
    return channel


async def set_active(
    session: AsyncSession, agent_id: int, channel_id: int, active: bool
) -> OfficialChannel:
    channel = await session.get(OfficialChannel, channel_id)
    if channel is None:
        raise NotFound("official channel", channel_id)
    if channel.active == active:
        return channel
    channel.active = active
    channel.updated_at = outbox.session_clock(session).now()
    await audit.append(
        session, audit.Actor("agent", str(agent_id)),
        "official.channel_" + ("activated" if active else "retired"),
        subject_type="official_channel", subject_id=channel.id,
        data={"kind": channel.kind, "value": channel.value},
    )  # fmt: skip
    return channel
