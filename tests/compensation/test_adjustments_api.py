"""Agent powers through the HTTP API: fund adjustments from a ticket, limits, approvals."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import pytest

from cexdesk.compensation import adjustments
from cexdesk.core.auth import Role
from cexdesk.core.clock import FakeClock
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from tests.personas import Desk, Person


@pytest.fixture
def exchange(desk: Desk) -> SimulatedExchange:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    simulated = SimulatedExchange(clock, seed=6)
    simulated.add_user("uid-alice")
    use_back_office(desk.ctx.services, simulated)
    return simulated


async def alices_ticket(desk: Desk) -> tuple[Person, int]:
    alice = await desk.customer("alice")
    opened = await alice.post(
        "/api/v1/tickets", json={"subject": "Fee charged twice", "body": "I paid the fee twice"}
    )
    return alice, int(opened.json()["id"])


async def ask(agent: Person, ticket_id: int, direction: str, amount: str) -> dict[str, Any]:
    response = await agent.post(
        f"/api/v1/tickets/{ticket_id}/adjustments",
        json={"direction": direction, "asset": "usdt", "amount": amount, "reason": "fee refund"},
    )
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_within_the_limit_at_once_above_it_a_second_person_with_the_limit(
    desk: Desk, exchange: SimulatedExchange
) -> None:
    alice, ticket_id = await alices_ticket(desk)
    tom, seth, sam, ada = [await desk.staff(name) for name in ("tom", "seth", "sam", "ada")]
    small = await ask(tom, ticket_id, "credit", "50")
    assert (small["status"], small["limit_usd"], small["usd_value"]) == ("approved", "100", "50")
    assert await exchange.balance("uid-alice", "USDT") == 0  # the outbox moves the money
    await desk.settle()
    done = (await tom.get(f"/api/v1/adjustments/{small['id']}")).json()
    assert done["status"] == "executed" and done["change_id"]
    assert await exchange.balance("uid-alice", "USDT") == 50

    big = await ask(tom, ticket_id, "credit", "500")
    assert big["status"] == "pending_approval"
    url = f"/api/v1/adjustments/{big['id']}"
    assert (await tom.post(f"{url}/approve", json={})).status_code == 403  # no money:move
    approvals = await asyncio.gather(
        *(sam.post(f"{url}/approve", json={"note": "checked"}) for _ in range(20))
    )
    assert {r.json()["status"] for r in approvals} == {"approved"}
    await desk.settle()
    await desk.settle()
    assert await exchange.balance("uid-alice", "USDT") == 550
    assert (await sam.post(f"{url}/reject", json={})).status_code == 409

    huge = await ask(tom, ticket_id, "debit", "9000")
    refused = await seth.post(f"/api/v1/adjustments/{huge['id']}/approve", json={})
    assert refused.status_code == 403 and "your own limit" in refused.text  # 5,000 USD
    assert (await ada.post(f"/api/v1/adjustments/{huge['id']}/approve", json={})).is_success
    await desk.settle()
    failed = (await ada.get(f"/api/v1/adjustments/{huge['id']}")).json()
    assert (failed["status"], failed["error"]) == ("failed", "insufficient balance")
    assert await exchange.balance("uid-alice", "USDT") == 550

    unwanted = await ask(tom, ticket_id, "credit", "200")
    rejected = await sam.post(
        f"/api/v1/adjustments/{unwanted['id']}/reject", json={"note": "already refunded"}
    )
    assert rejected.json()["status"] == "rejected"
    queue = (await sam.get("/api/v1/adjustments", params={"ticket_id": ticket_id})).json()
    assert [a["status"] for a in queue["items"]] == ["rejected", "failed", "executed", "executed"]
    executed = await seth.get("/api/v1/admin/audit", params={"action": "adjustment.executed"})
    assert len(executed.json()["items"]) == 2
    # The trail is on the ticket for staff, never shown to the customer.
    staff_view = (await tom.get(f"/api/v1/tickets/{ticket_id}/messages")).json()["items"]
    assert sum(m["internal"] and "Fund adjustment" in m["body"] for m in staff_view) >= 8
    customer_view = (await alice.get(f"/api/v1/tickets/{ticket_id}/messages")).json()["items"]
    assert not any("Fund adjustment" in m["body"] for m in customer_view)
    assert (await alice.post(f"/api/v1/tickets/{ticket_id}/adjustments", json={
        "direction": "credit", "asset": "USDT", "amount": "1", "reason": "for me"
    })).status_code == 403  # fmt: skip


async def test_limits_are_configured_per_role_and_a_crash_never_pays_twice(
    desk: Desk, exchange: SimulatedExchange
) -> None:
    desk.ctx.services[adjustments.LIMITS_KEY] = {
        **adjustments.DEFAULT_LIMITS,
        Role.AGENT: Decimal(10),
    }
    _, ticket_id = await alices_ticket(desk)
    tom, sam = await desk.staff("tom"), await desk.staff("sam")
    asked = await ask(tom, ticket_id, "credit", "50")
    assert (asked["status"], asked["limit_usd"]) == ("pending_approval", "10")
    approved = await sam.post(f"/api/v1/adjustments/{asked['id']}/approve", json={})
    assert approved.json()["status"] == "approved"

    class Crash(Exception):
        pass

    async def execute_and_crash() -> None:
        async with desk.ctx.db.transaction() as session:
            await adjustments.execute(session, exchange, asked["id"])
            raise Crash  # the money moved, the desk's record of it did not commit

    with pytest.raises(Crash):
        await execute_and_crash()
    assert await exchange.balance("uid-alice", "USDT") == 50
    await desk.settle()  # the outbox executes it again, with the same key
    assert (await sam.get(f"/api/v1/adjustments/{asked['id']}")).json()["status"] == "executed"
    assert await exchange.balance("uid-alice", "USDT") == 50
