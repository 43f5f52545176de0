"""A new exchange user's first requests arriving together make one customer, no 500."""

from __future__ import annotations

import asyncio

from sqlalchemy import func, select

from cexdesk.customers.models import Customer
from tests.personas import Desk


async def test_simultaneous_first_requests_make_one_customer(desk: Desk) -> None:
    token = desk.exchange_token("uid-newcomer", name="Newcomer", lang="tr")
    clients = [desk.client({"Authorization": f"Bearer {token}"}) for _ in range(8)]
    responses = await asyncio.gather(*(c.get("/api/v1/me") for c in clients))
    assert [r.status_code for r in responses] == [200] * 8
    assert len({r.json()["id"] for r in responses}) == 1
    async with desk.ctx.db.reading() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(Customer)
            .where(Customer.exchange_uid == "uid-newcomer")
        )
    assert count == 1
