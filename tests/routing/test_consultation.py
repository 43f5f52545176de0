"""Tier 2 consults an expert team in a side conversation with its own clock."""

from __future__ import annotations

from tests.personas import Desk
from tests.routing.test_escalation import answered_ticket, escalate, tier2_team


async def test_engineer_asks_legal_and_the_answer_comes_back(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom, erin, ada, sam = [await desk.staff(n) for n in ("tom", "erin", "ada", "sam")]
    await tier2_team(ada, erin)
    legal = await ada.post("/api/v1/teams", json={"slug": "legal", "name": "Legal",
                                                  "kind": "expert"})  # fmt: skip
    assert legal.status_code == 201, legal.text
    parent = await answered_ticket(desk, alice, tom)
    child = (await escalate(tom, parent)).json()["child_ticket_id"]
    await desk.settle()

    asked = await erin.post(
        f"/api/v1/tickets/{child}/consultations",
        json={"question": "May we release funds frozen on a police request from abroad?"},
    )
    assert asked.status_code == 201, asked.text
    side = asked.json()["child_ticket_id"]
    assert asked.json()["team_id"] == legal.json()["id"]
    await desk.settle()
    # The side conversation runs its own clock and stays out of the customer's sight.
    clocks = (await sam.get(f"/api/v1/tickets/{side}/sla")).json()
    assert any(c["metric"] == "first_reply" and c["status"] == "active" for c in clocks)
    assert (await alice.get(f"/api/v1/tickets/{side}")).status_code == 404
    assert (await erin.get(f"/api/v1/tickets/{child}")).json()["ticket"]["status"] != "on_hold"

    answer = "Only with a local court order; ask the user for the case number."
    assert (
        await sam.post(f"/api/v1/tickets/{side}/notes", json={"body": answer})
    ).status_code == 201
    solved = await sam.patch(f"/api/v1/tickets/{side}", json={"status": "solved"})
    assert solved.status_code == 200, solved.text
    await desk.settle()
    notes = [m["body"] for m in (await erin.get(f"/api/v1/tickets/{child}")).json()["messages"]]
    assert any(answer in n for n in notes)

    no_team = await erin.post(
        f"/api/v1/tickets/{child}/consultations", json={"question": "x", "team_id": 999999}
    )
    assert no_team.status_code == 422
    again = await erin.post(f"/api/v1/tickets/{child}/consultations", json={"question": "?"})
    assert again.status_code == 201  # the first one is resolved, a new question is fine
    twice = await erin.post(f"/api/v1/tickets/{child}/consultations", json={"question": "?"})
    assert twice.status_code == 409  # one open question at a time
    assert (await alice.post(f"/api/v1/tickets/{parent}/consultations",
                             json={"question": "hi"})).status_code in (403, 404)  # fmt: skip
