"""The audit log: append-only, every entry chained to the previous one by SHA-256.

Changing, inserting or deleting a row breaks the chain at that row, which
``verify_chain`` (and ``cexdesk audit verify``) reports.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.models import AuditEntry
from cexdesk.core.outbox import session_clock

GENESIS = "0" * 64
AUDIT_LOCK_ID = 7210002


@dataclass(frozen=True)
class Actor:
    type: str  # agent | customer | system | integration
    id: str | None = None


SYSTEM = Actor("system")


def entry_hash(
    prev_hash: str,
    at: datetime,
    actor_type: str,
    actor_id: str | None,
    action: str,
    subject_type: str | None,
    subject_id: str | None,
    data: dict[str, Any],
) -> str:
    canonical = json.dumps(
        [
            prev_hash,
            at.isoformat(timespec="microseconds"),
            actor_type,
            actor_id,
            action,
            subject_type,
            subject_id,
            data,
        ],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(canonical.encode()).hexdigest()


async def append(
    session: AsyncSession,
    actor: Actor,
    action: str,
    *,
    subject_type: str | None = None,
    subject_id: object = None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Append one entry in the caller's transaction; never commits."""
    if session.get_bind().dialect.name == "postgresql":
        # Serialise appenders so two transactions never chain onto the same tail.
        await session.execute(text(f"SELECT pg_advisory_xact_lock({AUDIT_LOCK_ID})"))
    prev = (
        await session.execute(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1))
    ).scalar_one_or_none() or GENESIS
    at = session_clock(session).now()
    payload = json.loads(json.dumps(data or {}, default=str))
    subject = None if subject_id is None else str(subject_id)
    entry = AuditEntry(
        at=at,
        actor_type=actor.type,
        actor_id=actor.id,
        action=action,
        subject_type=subject_type,
        subject_id=subject,
        data=payload,
        prev_hash=prev,
        hash=entry_hash(prev, at, actor.type, actor.id, action, subject_type, subject, payload),
    )
    session.add(entry)
    await session.flush()
    return entry


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    checked: int
    first_bad_id: int | None = None
    reason: str | None = None


async def verify_chain(session: AsyncSession, batch: int = 5000) -> ChainReport:
    prev = GENESIS
    checked = 0
    last_id = 0
    while True:
        rows = (
            (
                await session.execute(
                    select(AuditEntry)
                    .where(AuditEntry.id > last_id)
                    .order_by(AuditEntry.id)
                    .limit(batch)
                )
            )
            .scalars()
            .all()
        )
        if not rows:
            return ChainReport(ok=True, checked=checked)
        for row in rows:
            if row.prev_hash != prev:
                return ChainReport(False, checked, row.id, "previous hash does not match")
            expected = entry_hash(
                row.prev_hash,
                row.at,
                row.actor_type,
                row.actor_id,
                row.action,
                row.subject_type,
                row.subject_id,
                row.data,
            )
            if expected != row.hash:
                return ChainReport(False, checked, row.id, "content does not match its hash")
            prev = row.hash
            checked += 1
            last_id = row.id


async def list_entries(
    session: AsyncSession,
    *,
    limit: int = 50,
    before_id: int | None = None,
    filters: dict[str, str | None] | None = None,
) -> list[AuditEntry]:
    """Entries newest first; ``filters`` match action, actor_type, actor_id, subject_type
    or subject_id exactly (None means any)."""
    query = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    columns = {
        "action": AuditEntry.action,
        "actor_type": AuditEntry.actor_type,
        "actor_id": AuditEntry.actor_id,
        "subject_type": AuditEntry.subject_type,
        "subject_id": AuditEntry.subject_id,
    }
    for name, value in (filters or {}).items():
        if value is not None:
            query = query.where(columns[name] == value)
    return list((await session.execute(query)).scalars().all())
