"""Exchange use cases: taking in the back office's signed event reports."""

from __future__ import annotations

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import outbox
from cexdesk.core.errors import Invalid
from cexdesk.exchange.events import ExchangeEventReceived
from cexdesk.exchange.models import ExchangeEvent
from cexdesk.exchange.schemas import DATA_SHAPES, ExchangeEventIn


async def receive_event(session: AsyncSession, report: ExchangeEventIn) -> bool:
    """Store a report once and tell the handlers; False when it was a re-delivery."""
    try:
        DATA_SHAPES[report.type].model_validate(report.data)
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(["data", *(str(part) for part in first["loc"])])
        raise Invalid(field, first["msg"]) from None
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    row_id = (
        await session.execute(
            insert(ExchangeEvent)
            .values(
                event_id=report.id,
                type=report.type,
                user_id=report.user_id,
                occurred_at=report.occurred_at,
                received_at=outbox.session_clock(session).now(),
                data=report.data,
            )
            .on_conflict_do_nothing(index_elements=["event_id"])
            .returning(ExchangeEvent.id)
        )
    ).scalar_one_or_none()
    if row_id is None:
        return False
    await outbox.record(session, ExchangeEventReceived(row_id, report.type, report.user_id))
    return True


async def event_row(session: AsyncSession, row_id: int) -> ExchangeEvent | None:
    return (
        await session.execute(select(ExchangeEvent).where(ExchangeEvent.id == row_id))
    ).scalar_one_or_none()
