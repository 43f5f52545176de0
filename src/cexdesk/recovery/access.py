"""Who may see a recovery claim: the customer who filed it, and staff."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import NotFound
from cexdesk.recovery.models import RecoveryClaim


async def access_claim_by_id(
    session: AsyncSession, principal: Principal, claim_id: int
) -> RecoveryClaim:
    """The claim if the caller filed it or is staff who may read customers' affairs."""
    claim = await session.get(RecoveryClaim, claim_id)
    if claim is None:
        raise NotFound("claim", claim_id)
    if principal.is_customer:
        if claim.customer_id != principal.id:
            raise NotFound("claim", claim_id)
    else:
        principal.require(Perm.CUSTOMERS_READ)
    return claim
