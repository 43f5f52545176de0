"""Compensation batches through the HTTP API, paid on the simulated exchange."""

from __future__ import annotations

import asyncio
from decimal import Decimal
from typing import Any

import pytest

from cexdesk.compensation import flows
from cexdesk.core.clock import FakeClock
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from tests.personas import Desk, Person

BATCHES = "/api/v1/compensation/batches"


@pytest.fixture
def exchange(desk: Desk) -> SimulatedExchange:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    simulated = SimulatedExchange(clock, seed=5)
    use_back_office(desk.ctx.services, simulated)
    return simulated


async def new_batch(creator: Person, lines: list[dict[str, Any]]) -> dict[str, Any]:
    created = await creator.post(
        BATCHES,
        json={"title": "Futures engine outage", "reason": "orders stuck for 40 minutes",
              "incident_ref": "INC-2026-11-23"},
    )  # fmt: skip
    assert created.status_code == 201, created.text
    added = await creator.post(f"{BATCHES}/{created.json()['id']}/lines", json={"lines": lines})
    assert added.status_code == 200, added.text
    return dict(added.json())


async def approved_batch(desk: Desk, lines: list[dict[str, Any]]) -> dict[str, Any]:
    sam, seth, ada = [await desk.staff(name) for name in ("sam", "seth", "ada")]
    batch = await new_batch(sam, lines)
    for approver in (seth, ada):
        response = await approver.post(
            f"{BATCHES}/{batch['id']}/approve", json={"digest": batch["digest"]}
        )
        assert response.status_code == 200, response.text
    assert response.json()["status"] == "approved"
    return dict(response.json())


async def test_two_others_approve_then_it_pays_reports_and_tells_each_user(
    desk: Desk, exchange: SimulatedExchange
) -> None:
    exchange.add_user("uid-alice", language="en")
    exchange.add_user("uid-bob", language="de")  # not yet a customer of the desk
    alice = await desk.customer("alice", lang="vi")
    complaint = await alice.post(
        "/api/v1/tickets", json={"subject": "Lệnh bị kẹt", "body": "Lệnh của tôi bị kẹt 40 phút"}
    )
    ticket_id = complaint.json()["id"]
    sam, seth, ada, tom = [await desk.staff(name) for name in ("sam", "seth", "ada", "tom")]
    lines = [
        {"exchange_uid": "uid-alice", "asset": "USDT", "amount": "125.50", "ticket_id": ticket_id},
        {"exchange_uid": "uid-bob", "asset": "btc", "amount": "0.0025"},
        {"exchange_uid": "uid-ghost", "asset": "USDT", "amount": "10"},  # unknown to the exchange
    ]
    batch = await new_batch(sam, lines)
    url = f"{BATCHES}/{batch['id']}"
    digest = {"digest": batch["digest"]}
    assert (await tom.post(f"{url}/approve", json=digest)).status_code == 403  # no money:move
    assert (await sam.post(f"{url}/approve", json=digest)).status_code == 403  # the creator
    stale = await seth.post(f"{url}/approve", json={"digest": "0" * 64})
    assert stale.status_code == 409
    first = await seth.post(f"{url}/approve", json=digest)
    assert (first.json()["status"], first.json()["first_approver_id"]) == ("draft", seth.id)
    again = await seth.post(f"{url}/approve", json=digest)  # the same person twice is one
    assert again.json()["status"] == "draft" and again.json()["second_approver_id"] is None
    frozen = await sam.post(f"{url}/lines", json={"lines": [lines[0] | {"exchange_uid": "u9"}]})
    assert frozen.status_code == 409
    assert (await ada.post(f"{url}/run")).status_code == 409  # one approval is not enough
    assert await exchange.balance("uid-alice", "USDT") == 0
    second = await ada.post(f"{url}/approve", json=digest)
    assert second.json()["status"] == "approved"

    ran = await ada.post(f"{url}/run")
    assert ran.status_code == 200 and ran.json()["status"] == "partly_paid"
    assert await exchange.balance("uid-alice", "USDT") == Decimal("125.5")
    assert await exchange.balance("uid-bob", "BTC") == Decimal("0.0025")
    report = (await sam.get(f"{url}/report")).json()
    assert (report["paid"], report["failed"], report["pending"]) == (2, 1, 0)
    assert [f["exchange_uid"] for f in report["failures"]] == ["uid-ghost"]
    assert "UnknownUser" in report["failures"][0]["error"]
    totals = {t["asset"]: (t["requested"], t["paid"]) for t in report["by_asset"]}
    assert totals == {"BTC": ("0.0025", "0.0025"), "USDT": ("135.5", "125.5")}
    btc_price = await exchange.usd_price("BTC")
    usdt_price = await exchange.usd_price("USDT")
    expected = Decimal("125.5") * usdt_price + Decimal("0.0025") * btc_price
    assert Decimal(report["paid_value_usd"]) == expected

    await desk.settle()
    report = (await sam.get(f"{url}/report")).json()
    assert report["notified"] == 2
    # Alice reads it on her own ticket, in Vietnamese.
    messages = (await alice.get(f"/api/v1/tickets/{ticket_id}/messages")).json()["items"]
    assert "ghi có 125.5 USDT" in messages[-1]["body"] and not messages[-1]["internal"]
    # Bob gets a new ticket on the web channel, in German, solved.
    paged = (await sam.get(f"{url}/lines")).json()["items"]
    bob_line = next(line for line in paged if line["exchange_uid"] == "uid-bob")
    bob_ticket = (await sam.get(f"/api/v1/tickets/{bob_line['notice_ticket_id']}")).json()["ticket"]
    assert (bob_ticket["channel"], bob_ticket["status"]) == ("web", "solved")
    assert bob_ticket["subject"] == "Entschädigung Ihrem Konto gutgeschrieben"
    bob = await desk.customer("bob")
    assert [t["id"] for t in (await bob.get("/api/v1/me/tickets")).json()["items"]] == [
        bob_ticket["id"]
    ]

    # The exchange learns of the missing user; the rerun pays only them.
    exchange.add_user("uid-ghost")
    rerun = await ada.post(f"{url}/run")
    assert rerun.json()["status"] == "paid"
    assert await exchange.balance("uid-alice", "USDT") == Decimal("125.5")
    assert await exchange.balance("uid-ghost", "USDT") == Decimal(10)
    paid = await seth.get("/api/v1/admin/audit", params={"action": "compensation.paid"})
    assert len(paid.json()["items"]) == 3
    await desk.settle()
    assert (await sam.get(f"{url}/report")).json()["notified"] == 3


async def test_replaying_the_same_payout_request_1000_times_concurrently_moves_money_once(
    desk: Desk, exchange: SimulatedExchange
) -> None:
    users = [exchange.add_user(f"uid-u{n}").user_id for n in range(3)]
    batch = await approved_batch(
        desk, [{"exchange_uid": uid, "asset": "USDT", "amount": "107122"} for uid in users]
    )
    ada = await desk.staff("ada")
    responses = await asyncio.gather(
        *(ada.post(f"{BATCHES}/{batch['id']}/run") for _ in range(1000))
    )
    assert {r.status_code for r in responses} == {200}
    assert {r.json()["status"] for r in responses} == {"paid"}
    for uid in users:
        assert await exchange.balance(uid, "USDT") == Decimal(107122)
    seth = await desk.staff("seth")
    paid = await seth.get(
        "/api/v1/admin/audit", params={"action": "compensation.paid", "limit": 100}
    )
    assert len(paid.json()["items"]) == 3
    # Another batch for the same users is another payout: its keys are its own.
    other = await approved_batch(desk, [{"exchange_uid": users[0], "asset": "USDT", "amount": "1"}])
    await ada.post(f"{BATCHES}/{other['id']}/run")
    assert await exchange.balance(users[0], "USDT") == Decimal(107123)


async def test_a_crash_between_the_credit_and_the_commit_never_pays_twice(
    desk: Desk, exchange: SimulatedExchange
) -> None:
    exchange.add_user("uid-carol")
    batch = await approved_batch(
        desk, [{"exchange_uid": "uid-carol", "asset": "ETH", "amount": "1.5"}]
    )
    ada = await desk.staff("ada")

    class Crash(Exception):
        pass

    async def run_and_crash() -> None:
        async with desk.ctx.db.transaction() as session:
            await flows.run(session, exchange, batch["id"], ada.id)
            raise Crash  # the process dies before the commit: the desk forgets the run

    with pytest.raises(Crash):
        await run_and_crash()
    assert await exchange.balance("uid-carol", "ETH") == Decimal("1.5")
    report = (await ada.get(f"{BATCHES}/{batch['id']}/report")).json()
    assert (report["paid"], report["pending"]) == (0, 1)
    rerun = await ada.post(f"{BATCHES}/{batch['id']}/run")
    assert rerun.json()["status"] == "paid"
    assert await exchange.balance("uid-carol", "ETH") == Decimal("1.5")


async def test_lines_from_a_csv_file_and_clear_errors(
    desk: Desk, exchange: SimulatedExchange
) -> None:
    erin, sam = await desk.staff("erin"), await desk.staff("sam")
    created = await erin.post(BATCHES, json={"title": "Fee overcharge", "reason": "wrong tier"})
    url = f"{BATCHES}/{created.json()['id']}"
    csv_file = "exchange_uid,asset,amount\nuid-a,USDT,12.5\n\nuid-b,usdc,3\n"
    uploaded = await erin.post(
        f"{url}/lines.csv", content=csv_file, headers={"Content-Type": "text/csv"}
    )
    assert uploaded.status_code == 200, uploaded.text
    assert uploaded.json()["lines"] == 2
    bad = [
        ("uid,asset,amount\nuid-c,USDT,1\n", "exchange_uid"),
        ("exchange_uid,asset,amount\nuid-c,USDT,-1\n", "row 2"),
        ("exchange_uid,asset,amount\nuid-c,USDT,1\nuid-c,USDT,2\n", "uid-c"),
        ("exchange_uid,asset,amount\nuid-a,USDT,1\n", "already in this batch"),
        ("exchange_uid,asset,amount,ticket_id\nuid-d,USDT,1,999\n", "not a ticket of"),
    ]
    for body, expected in bad:
        response = await erin.post(f"{url}/lines.csv", content=body)
        assert response.status_code == 422, (body, response.text)
        assert expected in response.text
    assert (await erin.get(url)).json()["lines"] == 2  # nothing half-added
    assert (await erin.post(f"{url}/approve", json={"digest": "0" * 64})).status_code == 403
    listed = (await sam.get(BATCHES, params={"status": "draft"})).json()["items"]
    assert [(b["id"], b["lines"]) for b in listed] == [(created.json()["id"], 2)]
    alice = await desk.customer("alice")
    assert (await alice.get(url)).status_code == 403
    assert (await alice.post(BATCHES, json={"title": "x" * 5, "reason": "abc"})).status_code == 403
