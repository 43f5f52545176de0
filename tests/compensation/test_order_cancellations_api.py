"""Agent powers through the HTTP API: cancelling the requester's open orders from a ticket."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import pytest

from cexdesk.compensation import order_cancellations
from cexdesk.compensation.order_cancellations import CancelLimit
from cexdesk.core.auth import Role
from cexdesk.core.clock import FakeClock
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import Order, OrderSide, OrderStatus
from tests.personas import Desk, Person


class Book:
    """Alice's orders at the simulated exchange (and one of Bob's)."""

    def __init__(self, desk: Desk) -> None:
        clock = desk.ctx.clock
        assert isinstance(clock, FakeClock)
        self.exchange = SimulatedExchange(clock, seed=11)
        traffic = TrafficGenerator(self.exchange, clock, seed=11)
        traffic.user("uid-alice", language="vi")
        traffic.user("uid-bob")
        use_back_office(desk.ctx.services, self.exchange)
        ex = self.exchange
        ex.set_balance("uid-alice", "USDT", Decimal(10_000))
        ex.set_balance("uid-alice", "ETH", Decimal(2))
        self.btc = ex.place_order(
            "uid-alice", "BTC", "USDT", OrderSide.BUY, Decimal("0.01"), price=Decimal(90_000)
        )  # 900 USD
        self.eth = ex.place_order(
            "uid-alice", "ETH", "USDT", OrderSide.SELL, Decimal(2), price=Decimal(4_000)
        )  # 8,000 USD
        xrp = ex.place_order(
            "uid-alice", "XRP", "USDT", OrderSide.BUY, Decimal(1000), price=Decimal(2)
        )
        self.xrp = ex.fill_order(xrp.id, Decimal(400))  # 600 left: 1,200 USD
        ton = ex.place_order(
            "uid-alice", "TON", "USDT", OrderSide.BUY, Decimal(100), price=Decimal(5)
        )
        self.filled = ex.fill_order(ton.id)
        ex.set_balance("uid-bob", "USDT", Decimal(1_000))
        self.bobs = ex.place_order("uid-bob", "BTC", "USDT", OrderSide.BUY, Decimal("0.01"),
                                   price=Decimal(80_000))  # fmt: skip

    async def order(self, order: Order) -> Order:
        return await self.exchange.get_order(order.id)


@pytest.fixture
def book(desk: Desk) -> Book:
    return Book(desk)


async def alices_ticket(desk: Desk) -> tuple[Person, int]:
    alice = await desk.customer("alice", lang="vi")
    opened = await alice.post("/api/v1/tickets", json={
        "subject": "Cancel my orders", "body": "I cannot cancel my orders in the app"})  # fmt: skip
    assert opened.status_code == 201, opened.text
    return alice, int(opened.json()["id"])


async def ask(agent: Person, ticket_id: int, *orders: Order, status: int = 201) -> Any:
    response = await agent.post(
        f"/api/v1/tickets/{ticket_id}/order-cancellations",
        json={"order_ids": [o.id for o in orders], "reason": "app cannot cancel"},
    )
    assert response.status_code == status, response.text
    return response.json()


async def audited(auditor: Person, what: str) -> list[Any]:
    found = await auditor.get(
        "/api/v1/admin/audit", params={"action": f"order_cancellation.{what}"}
    )
    return list(found.json()["items"])


async def test_within_the_limits_the_orders_are_cancelled_at_once_audited_and_told(
    desk: Desk, book: Book
) -> None:
    alice, ticket_id = await alices_ticket(desk)
    tom, seth = await desk.staff("tom"), await desk.staff("seth")
    shown = (await tom.get(f"/api/v1/tickets/{ticket_id}/orders")).json()
    assert shown["exchange_uid"] == "uid-alice"
    by_id = {o["id"]: o for o in shown["items"]}
    assert set(by_id) == {book.btc.id, book.eth.id, book.xrp.id}  # open ones only, hers only
    assert by_id[book.xrp.id]["remaining"] == "600" and by_id[book.xrp.id]["usd_value"] == "1200"

    asked = await ask(tom, ticket_id, book.btc, book.xrp)
    assert (asked["status"], asked["usd_value"], asked["orders"]) == ("approved", "2100", 2)
    assert (asked["limit_usd"], asked["limit_orders"]) == ("5000", 3)
    assert [i["status"] for i in asked["items"]] == ["pending", "pending"]
    assert (await book.order(book.btc)).status is OrderStatus.OPEN  # the outbox cancels
    listed = (await tom.get(f"/api/v1/tickets/{ticket_id}/orders")).json()["items"]
    assert {o["id"]: o["cancellation_id"] for o in listed}[book.btc.id] == asked["id"]
    await desk.settle()

    done = (await tom.get(f"/api/v1/order-cancellations/{asked['id']}")).json()
    assert done["status"] == "executed" and done["executed_at"]
    assert [(i["status"], i["released_asset"], i["released_amount"]) for i in done["items"]] == [
        ("cancelled", "USDT", "900"), ("cancelled", "USDT", "1200")]  # fmt: skip
    assert (await book.order(book.btc)).status is OrderStatus.CANCELLED
    assert (await book.order(book.xrp)).filled == Decimal(400)
    # All her USDT is free again but for what the filled TON and the filled XRP part cost.
    assert await book.exchange.balance("uid-alice", "USDT") == Decimal(10_000) - 500 - 800
    assert (await book.order(book.eth)).status is OrderStatus.OPEN

    assert len(await audited(seth, "executed")) == 1
    requested = await audited(seth, "requested")
    assert requested[0]["data"]["orders"] == [book.btc.id, book.xrp.id]
    staff_view = (await tom.get(f"/api/v1/tickets/{ticket_id}/messages")).json()["items"]
    notes = [m["body"] for m in staff_view if m["internal"]]
    assert any(f"Order cancellation #{asked['id']}" in n and "within the limit" in n for n in notes)
    assert any(f"{book.btc.id} cancelled" in n for n in notes)
    # Alice is told in Vietnamese, on her ticket, which orders went.
    told = [m["body"] for m in (await alice.get(f"/api/v1/tickets/{ticket_id}/messages")).json()[
        "items"] if m["author_type"] == "agent"]  # fmt: skip
    assert len(told) == 1 and "Chúng tôi đã hủy" in told[0]
    assert book.btc.id in told[0] and book.xrp.id in told[0] and book.eth.id not in told[0]
    assert f"OC-{asked['id']}" in told[0]
    assert not any("Order cancellation" in m for m in told)


async def test_above_the_limits_a_second_person_approves_and_it_runs_once(
    desk: Desk, book: Book
) -> None:
    desk.ctx.services[order_cancellations.LIMITS_KEY] = {
        **order_cancellations.DEFAULT_LIMITS,
        Role.SECURITY: CancelLimit(Decimal(5_000), 10),
    }
    _, ticket_id = await alices_ticket(desk)
    tom, seth, sam = [await desk.staff(name) for name in ("tom", "seth", "sam")]
    asked = await ask(tom, ticket_id, book.eth)  # 8,000 USD: above tom's 5,000
    assert (asked["status"], asked["usd_value"]) == ("pending_approval", "8000")
    await desk.settle()
    assert (await book.order(book.eth)).status is OrderStatus.OPEN
    url = f"/api/v1/order-cancellations/{asked['id']}"
    assert (await tom.post(f"{url}/approve", json={})).status_code == 403  # no money:move
    over = await seth.post(f"{url}/approve", json={})
    assert over.status_code == 403 and over.json()["type"].endswith("/over_limit")
    approvals = await asyncio.gather(
        *(sam.post(f"{url}/approve", json={"note": "customer verified"}) for _ in range(10))
    )
    assert {r.status_code for r in approvals} == {200}
    assert {r.json()["status"] for r in approvals} == {"approved"}
    assert (await seth.post(f"{url}/reject", json={})).status_code == 409
    await desk.settle()
    await desk.settle()
    done = (await sam.get(url)).json()
    assert (done["status"], done["approved_by"]) == ("executed", sam.id)
    assert await book.exchange.balance("uid-alice", "ETH") == Decimal(2)  # released once
    assert book.exchange.locked("uid-alice", "ETH") == 0
    assert len(await audited(seth, "approved")) == 1
    queue = await sam.get("/api/v1/order-cancellations", params={"status": "pending_approval"})
    assert queue.json()["items"] == []


async def test_a_retried_execution_cancels_nothing_twice(desk: Desk, book: Book) -> None:
    _, ticket_id = await alices_ticket(desk)
    tom = await desk.staff("tom")
    asked = await ask(tom, ticket_id, book.btc)

    class Crash(Exception):
        pass

    async def execute_and_crash() -> None:
        async with desk.ctx.db.transaction() as session:
            await order_cancellations.execute(session, book.exchange, asked["id"])
            raise Crash  # the exchange cancelled; the desk's record of it did not commit

    with pytest.raises(Crash):
        await execute_and_crash()
    assert (await book.order(book.btc)).status is OrderStatus.CANCELLED
    balance = await book.exchange.balance("uid-alice", "USDT")
    await desk.settle()  # the outbox runs it again, with the same keys
    done = (await tom.get(f"/api/v1/order-cancellations/{asked['id']}")).json()
    assert done["status"] == "executed" and done["items"][0]["released_amount"] == "900"
    assert await book.exchange.balance("uid-alice", "USDT") == balance
    async with desk.ctx.db.transaction() as session:  # a redelivery finds it done
        assert await order_cancellations.execute(session, book.exchange, asked["id"]) is None


async def test_self_approval_and_a_rejection(desk: Desk, book: Book) -> None:
    desk.ctx.services[order_cancellations.LIMITS_KEY] = {
        Role.SUPERVISOR: CancelLimit(Decimal(0), 0),
        Role.SECURITY: CancelLimit(Decimal(10**6), 1),
    }
    _, ticket_id = await alices_ticket(desk)
    sam, seth = await desk.staff("sam"), await desk.staff("seth")
    asked = await ask(sam, ticket_id, book.btc)
    assert asked["status"] == "pending_approval"
    url = f"/api/v1/order-cancellations/{asked['id']}"
    mine = await sam.post(f"{url}/approve", json={})
    assert mine.status_code == 403 and mine.json()["type"].endswith("/self_approval")
    two = await ask(sam, ticket_id, book.eth, book.xrp)
    over = await seth.post(f"/api/v1/order-cancellations/{two['id']}/approve", json={})
    assert over.status_code == 403 and "your own limit" in over.json()["detail"]  # 2 > 1 order
    rejected = await seth.post(f"{url}/reject", json={"note": "customer changed their mind"})
    assert rejected.json()["status"] == "rejected"
    await desk.settle()
    assert (await book.order(book.btc)).status is OrderStatus.OPEN
    assert (await seth.post(f"{url}/reject", json={})).json()["status"] == "rejected"  # replay


async def test_orders_that_cannot_be_cancelled_are_refused_clearly(desk: Desk, book: Book) -> None:
    alice, ticket_id = await alices_ticket(desk)
    tom = await desk.staff("tom")
    filled = await ask(tom, ticket_id, book.filled, status=409)
    assert filled["type"].endswith("/order_not_open") and "already filled" in filled["detail"]
    bobs = await ask(tom, ticket_id, book.bobs, status=422)
    assert bobs["type"].endswith("/not_requesters_order")
    unknown = await tom.post(f"/api/v1/tickets/{ticket_id}/order-cancellations",
                             json={"order_ids": ["o-999999"], "reason": "gone"})  # fmt: skip
    assert unknown.status_code == 404 and unknown.json()["type"].endswith("/unknown_order")
    assert (await ask(tom, ticket_id, status=422))["errors"][0]["field"] == "order_ids"
    nothing_cancelled = await tom.get(
        "/api/v1/order-cancellations", params={"ticket_id": ticket_id}
    )
    assert nothing_cancelled.json()["items"] == []
    refused = await alice.post(f"/api/v1/tickets/{ticket_id}/order-cancellations",
                               json={"order_ids": [book.btc.id], "reason": "for me"})  # fmt: skip
    assert refused.status_code == 403

    # Asked twice while the first waits: refused. Filled before it runs: that order fails.
    both = await ask(tom, ticket_id, book.btc, book.eth, status=201)
    assert both["status"] == "pending_approval"
    again = await ask(tom, ticket_id, book.btc, status=409)
    assert f"order cancellation #{both['id']}" in again["detail"]
    book.exchange.fill_order(book.eth.id)
    sam = await desk.staff("sam")
    assert (await sam.post(f"/api/v1/order-cancellations/{both['id']}/approve", json={})).is_success
    await desk.settle()
    done = (await sam.get(f"/api/v1/order-cancellations/{both['id']}")).json()
    assert done["status"] == "partly_executed"
    assert [i["status"] for i in done["items"]] == ["cancelled", "failed"]
    assert "already filled" in done["items"][1]["error"] and book.eth.id in done["error"]
    told = [m["body"] for m in (await alice.get(f"/api/v1/tickets/{ticket_id}/messages")).json()[
        "items"] if m["author_type"] == "agent"]  # fmt: skip
    assert len(told) == 1 and book.btc.id in told[0] and book.eth.id not in told[0]
