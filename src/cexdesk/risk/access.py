"""Who may see and act on security cases."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import NotFound
from cexdesk.risk.models import SecurityCase, WithdrawalScreening


async def access_case_by_id(
    session: AsyncSession, principal: Principal, case_id: int
) -> tuple[SecurityCase, WithdrawalScreening]:
    """The case and its screening, for the security team only."""
    principal.require(Perm.SECURITY_CASES)
    case = await session.get(SecurityCase, case_id)
    if case is None:
        raise NotFound("security case", case_id)
    screening = await session.get(WithdrawalScreening, case.screening_id)
    assert screening is not None
    return case, screening
