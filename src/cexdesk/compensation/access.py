"""Who may see and act on compensation batches: staff with the customers' permissions."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.compensation.models import CompensationBatch
from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import NotFound


async def access_batch_by_id(
    session: AsyncSession, principal: Principal, batch_id: int
) -> CompensationBatch:
    """The batch, for staff who may read customers' affairs (customers never see one)."""
    principal.require(Perm.CUSTOMERS_READ)
    batch = await session.get(CompensationBatch, batch_id)
    if batch is None:
        raise NotFound("compensation batch", batch_id)
    return batch
