"""Stolen-funds investigations through the API: timeline, traced addresses, tasks, clock."""

from __future__ import annotations

from cexdesk.core.clock import FakeClock
from tests.personas import Desk


async def test_an_investigation_keeps_the_user_informed_on_a_clock(desk: Desk) -> None:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    alice = await desk.customer("alice")
    asked = await alice.post(
        "/api/v1/tickets", json={"subject": "Stolen", "body": "My USDT was stolen, help"}
    )
    seth = await desk.staff("seth")
    tom = await desk.staff("tom")
    opened = await seth.post(
        "/api/v1/risk/investigations",
        json={
            "exchange_uid": "uid-alice",
            "summary": "48,000 USDT drained after a phishing login",
            "update_every_hours": 2,
            "ticket_id": asked.json()["id"],
        },
    )
    assert opened.status_code == 201, opened.text
    case = opened.json()
    url = f"/api/v1/risk/investigations/{case['id']}"
    assert (await tom.get(url)).status_code == 403  # the security team's work

    traced = await seth.post(
        f"{url}/entries",
        json={"kind": "traced_address", "text": "first hop", "chain": "TRON",
              "address": "TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW"},
    )  # fmt: skip
    assert traced.status_code == 200
    typo = await seth.post(
        f"{url}/entries",
        json={"kind": "traced_address", "text": "typo", "chain": "TRON",
              "address": "TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMX"},
    )  # fmt: skip
    assert typo.status_code == 422
    task = await seth.post(
        f"{url}/entries",
        json={"kind": "task", "text": "freeze request to the receiving exchange", "team": "legal"},
    )
    task_id = task.json()["timeline"][-1]["id"]
    done = await seth.post(f"{url}/tasks/{task_id}/done")
    assert done.json()["timeline"][-1]["done_at"] is not None

    # Nobody writes for two hours: the timeline says an update is due.
    clock.advance(hours=3)
    await desk.settle()
    kinds = [entry["kind"] for entry in (await seth.get(url)).json()["timeline"]]
    assert kinds == ["opened", "traced_address", "task", "update_overdue"]

    updated = await seth.post(
        f"{url}/updates", json={"text": "We traced the funds to two addresses; legal is on it."}
    )
    assert updated.json()["next_update_due"] > updated.json()["last_update_at"]
    seth_view = await seth.get(f"/api/v1/tickets/{asked.json()['id']}")
    bodies = [m["body"] for m in seth_view.json()["messages"]]
    assert "We traced the funds to two addresses; legal is on it." in bodies

    closed = await seth.post(f"{url}/close", json={"note": "funds frozen at the receiver"})
    assert closed.json()["status"] == "closed"
    clock.advance(hours=5)  # (staff sessions last 12 h of the fake clock)
    await desk.settle()
    kinds = [entry["kind"] for entry in (await seth.get(url)).json()["timeline"]]
    assert kinds[-2:] == ["update_sent", "closed"]  # the clock stopped with the case
    late = await seth.post(f"{url}/entries", json={"kind": "note", "text": "late"})
    assert late.status_code == 409
