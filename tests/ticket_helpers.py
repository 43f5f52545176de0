"""Helpers shared by the ticket, customer and agent API tests."""

from __future__ import annotations

from datetime import timedelta

from cexdesk.agents import flows as agent_flows
from cexdesk.core.auth import Role
from cexdesk.core.security import totp_now
from tests.personas import PASSWORD, Desk


async def refresh_sign_ins(desk: Desk) -> None:
    """Give every persona a fresh token after the fake clock jumped past their expiry."""
    for person in desk.people.values():
        if person.role is Role.CUSTOMER:
            person.token = desk.exchange_token(f"uid-{person.name}")
        else:
            async with desk.ctx.db.transaction() as session:
                signed = await agent_flows.sign_in(
                    session,
                    f"{person.name}@cexdesk.test",
                    PASSWORD,
                    totp_now(person.extra["totp_secret"], desk.ctx.clock.now()),
                    ttl=timedelta(hours=12),
                )
            person.token = signed.token
        person.client.headers["Authorization"] = f"Bearer {person.token}"
