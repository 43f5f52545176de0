"""The supervisors' watch list fills itself before a customer has to ask for a manager."""

from __future__ import annotations

from cexdesk.core.clock import FakeClock
from tests.personas import Desk, Person


async def watch(person: Person, **params: str) -> list[dict[str, object]]:
    response = await person.get("/api/v1/watchlist", params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["items"])


async def test_flags_breaches_and_repeat_contacts_reach_the_watch_list(desk: Desk) -> None:
    alice = await desk.customer("alice")
    sam = await desk.staff("sam")
    first = await alice.post(
        "/api/v1/tickets", json={"subject": "Deposit", "body": "My deposit is not credited"}
    )
    await desk.settle()
    assert await watch(sam) == []
    again = await alice.post(
        "/api/v1/tickets",
        json={"subject": "Deposit again", "body": "Deposit still not credited, I want a manager"},
    )
    again_id = again.json()["id"]
    await desk.settle()
    reasons = {(i["ticket_id"], i["reason"]) for i in await watch(sam)}
    assert reasons == {(again_id, "repeat_contact"), (again_id, "manager_request")}
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    clock.advance(50 * 60)  # 80 % of the one-hour first reply for both tickets
    await desk.settle()
    near = {i["ticket_id"] for i in await watch(sam, reason="near_breach")}
    assert near == {first.json()["id"], again_id}
    [item] = await watch(sam, reason="manager_request")
    cleared = await sam.post(f"/api/v1/watchlist/{item['id']}/clear")
    assert cleared.status_code == 200
    assert await watch(sam, reason="manager_request") == []


async def test_only_supervisors_see_the_watch_list(desk: Desk) -> None:
    tom = await desk.staff("tom")
    alice = await desk.customer("alice")
    assert (await tom.get("/api/v1/watchlist")).status_code == 403
    assert (await alice.get("/api/v1/watchlist")).status_code == 403
    sam = await desk.staff("sam")
    assert (await sam.post("/api/v1/watchlist/999/clear")).status_code == 404
