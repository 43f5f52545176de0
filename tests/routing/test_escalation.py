"""Tier 1 escalates to tier 2 with a handover; the resolution flows back to the customer."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cexdesk.core.models import OutboxEvent
from cexdesk.core.realtime import Subscription
from tests.personas import Desk, Person
from tests.routing.test_routing_flows import advance, online, open_ticket, ticket

TX = "0x" + "ab12" * 16
HANDOVER: dict[str, Any] = {
    "summary": "USDT deposit on TRON not credited after 40 confirmations",
    "tried": "Checked the address and memo; the deposit is not in the pending list",
    "evidence": [{"kind": "tx_hash", "value": TX}, {"kind": "network", "value": "TRC20"}],
}


async def tier2_team(ada: Person, *members: Person, slug: str = "tier2") -> int:
    created = await ada.post(
        "/api/v1/teams", json={"slug": slug, "name": f"Engineers {slug}", "kind": "tier2"}
    )
    assert created.status_code == 201, created.text
    team_id = int(created.json()["id"])
    for member in members:
        added = await ada.post(f"/api/v1/teams/{team_id}/members", json={"agent_id": member.id})
        assert added.status_code == 201, added.text
    return team_id


async def answered_ticket(desk: Desk, alice: Person, tom: Person) -> int:
    """Alice asks; tom answers (the ticket is his and open)."""
    parent = await open_ticket(alice, "web", "Deposit not credited", "My USDT never arrived")
    await desk.settle()
    replied = await tom.post(
        f"/api/v1/tickets/{parent}/replies", json={"body": "Let me check that for you."}
    )
    assert replied.status_code == 201, replied.text
    await desk.settle()
    return parent


async def escalate(person: Person, ticket_id: int, **extra: Any) -> Any:
    return await person.post(f"/api/v1/tickets/{ticket_id}/escalations", json=HANDOVER | extra)


async def event_types(desk: Desk) -> list[str]:
    async with desk.ctx.db.reading() as session:
        return list((await session.execute(select(OutboxEvent.type))).scalars())


def drain(subscription: Subscription) -> list[dict[str, Any]]:
    messages = []
    while not subscription.queue.empty():
        messages.append(subscription.queue.get_nowait())
    return messages


async def test_escalation_to_tier2_and_back(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom, erin, ada = await desk.staff("tom"), await desk.staff("erin"), await desk.staff("ada")
    team_id = await tier2_team(ada, erin)
    await online(tom)
    feed = desk.ctx.hub.subscribe({f"customer:{alice.id}"})
    parent = await answered_ticket(desk, alice, tom)
    assert (await ticket(tom, parent))["assignee_id"] == tom.id

    response = await escalate(tom, parent)
    assert response.status_code == 201, response.text
    body = response.json()
    child = body["child_ticket_id"]
    assert body["team_id"] == team_id
    await desk.settle()

    # The parent waits on hold with a note pointing at the child, linked to it.
    shown = (await tom.get(f"/api/v1/tickets/{parent}")).json()
    assert shown["ticket"]["status"] == "on_hold"
    assert any(
        m["internal"] and f"#{child}" in m["body"] and HANDOVER["summary"] in m["body"]
        for m in shown["messages"]
    )
    assert {"kind": "escalation", "source_id": parent, "target_id": child} in [
        {k: link[k] for k in ("kind", "source_id", "target_id")} for link in shown["links"]
    ]
    # The child carries the handover on the tier-2 team, on the internal channel.
    shown_child = (await tom.get(f"/api/v1/tickets/{child}")).json()
    child_ticket = shown_child["ticket"]
    assert child_ticket["subject"] == "[Tier 2] Deposit not credited"
    assert child_ticket["channel"] == "internal"
    assert child_ticket["team_id"] == team_id
    assert child_ticket["requester_id"] == alice.id
    assert child_ticket["assignee_id"] is None  # tom is online but not an engineer on the team
    handover = shown_child["messages"][0]
    assert handover["author_id"] == tom.id
    for text in (HANDOVER["summary"], HANDOVER["tried"], f"tx_hash: {TX}", "network: TRC20"):
        assert text in handover["body"]
    listed = (await tom.get(f"/api/v1/tickets/{parent}/escalations")).json()
    assert [(e["child_ticket_id"], e["status"], e["from_agent_id"]) for e in listed] == [
        (child, "open", tom.id)
    ]
    assert listed[0]["evidence"] == HANDOVER["evidence"]
    assert (await tom.get(f"/api/v1/tickets/{child}/escalations")).json() == listed
    assert "routing.escalated" in await event_types(desk)

    # Alice never learns the child exists; her ticket just reads as open.
    assert (await alice.get(f"/api/v1/tickets/{child}")).status_code == 404
    assert (await alice.get(f"/api/v1/tickets/{child}/messages")).status_code == 404
    reply = await alice.post(f"/api/v1/tickets/{child}/replies", json={"body": "hello?"})
    assert reply.status_code == 404
    for url in ("/api/v1/me/tickets", "/api/v1/tickets", "/api/v1/tickets?status=new"):
        ids = [t["id"] for t in (await alice.get(url)).json()["items"]]
        assert child not in ids, url
        assert parent in ids or "status" in url, url
    found = (await alice.get("/api/v1/search", params={"q": "credited"})).json()["items"]
    assert [t["id"] for t in found] == [parent]
    staff_found = (await tom.get("/api/v1/search", params={"q": "credited"})).json()["items"]
    assert {t["id"] for t in staff_found} == {parent, child}
    mine = (await alice.get(f"/api/v1/tickets/{parent}")).json()
    assert mine["ticket"]["status"] == "open"
    assert mine["links"] == []
    assert all(not m["internal"] for m in mine["messages"])
    seen = drain(feed)
    assert any(m.get("ticket_id") == parent for m in seen)  # the feed works...
    assert [m for m in seen if m.get("ticket_id") == child] == []  # ...and hides the child

    # Erin comes online and the child is hers; tom was never a candidate.
    await online(erin)
    await desk.settle()
    assert (await ticket(erin, child))["assignee_id"] == erin.id
    assert (await ticket(erin, parent))["assignee_id"] == tom.id

    # She answers the customer directly on the parent, then solves the child with a note.
    direct = await erin.post(
        f"/api/v1/tickets/{parent}/replies",
        json={"body": "Our engineers are looking at your deposit."},
    )
    assert direct.status_code == 201, direct.text
    advance(desk, 60)
    resolution = "Deposit found on a wrong-memo sweep; credited manually, tx " + TX
    noted = await erin.post(f"/api/v1/tickets/{child}/notes", json={"body": resolution})
    assert noted.status_code == 201, noted.text
    solved = await erin.patch(f"/api/v1/tickets/{child}", json={"status": "solved"})
    assert solved.status_code == 200, solved.text
    await desk.settle()

    shown = (await tom.get(f"/api/v1/tickets/{parent}")).json()
    assert shown["ticket"]["status"] == "open"
    assert shown["ticket"]["assignee_id"] == tom.id
    assert any(m["internal"] and resolution in m["body"] for m in shown["messages"])
    [done] = (await tom.get(f"/api/v1/tickets/{parent}/escalations")).json()
    assert done["status"] == "resolved"
    assert done["resolution"] == resolution
    assert done["resolved_at"] is not None
    assert (await event_types(desk)).count("routing.escalation_resolved") == 1
    # Alice saw every public reply, and nothing of tier 2's internal work.
    mine = (await alice.get(f"/api/v1/tickets/{parent}")).json()
    assert [m["body"] for m in mine["messages"] if m["author_type"] == "agent"] == [
        "Let me check that for you.",
        "Our engineers are looking at your deposit.",
    ]
    assert [m for m in drain(feed) if m.get("ticket_id") == child] == []
    desk.ctx.hub.unsubscribe(feed)

    # Tier 1 answers the customer; a later re-solve of the child changes nothing.
    final = await tom.post(
        f"/api/v1/tickets/{parent}/replies",
        json={"body": "Your deposit has been credited.", "status": "solved"},
    )
    assert final.status_code == 201, final.text
    reopened = await erin.patch(f"/api/v1/tickets/{child}", json={"status": "open"})
    assert reopened.status_code == 200, reopened.text
    again = await erin.patch(f"/api/v1/tickets/{child}", json={"status": "solved"})
    assert again.status_code == 200, again.text
    await desk.settle()
    assert (await ticket(tom, parent))["status"] == "solved"
    assert (await event_types(desk)).count("routing.escalation_resolved") == 1


async def test_escalation_refusals(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom, erin, ada = await desk.staff("tom"), await desk.staff("erin"), await desk.staff("ada")
    parent = await answered_ticket(desk, alice, tom)

    # No tier-2 team yet: nowhere to escalate to.
    assert (await escalate(tom, parent)).status_code == 422
    team_id = await tier2_team(ada, erin)
    tier1 = await ada.post(
        "/api/v1/teams", json={"slug": "front", "name": "Front", "kind": "tier1"}
    )
    assert (await escalate(tom, parent, team_id=tier1.json()["id"])).status_code == 422
    assert (await escalate(tom, parent, team_id=team_id + 100)).status_code == 422

    # Customers may not escalate (even their own ticket), and strict bodies are enforced.
    assert (await escalate(alice, parent)).status_code == 403
    assert (await alice.get(f"/api/v1/tickets/{parent}/escalations")).status_code == 403
    assert (await escalate(tom, parent, extra="x")).status_code == 422
    assert (await escalate(tom, parent, summary="")).status_code == 422
    assert (await escalate(tom, parent, summary="x" * 4001)).status_code == 422
    too_much = [{"kind": "log", "value": str(n)} for n in range(21)]
    assert (await escalate(tom, parent, evidence=too_much)).status_code == 422
    assert (
        await escalate(tom, parent, evidence=[{"kind": "Bad Kind", "value": "x"}])
    ).status_code == 422
    assert (await escalate(tom, 10**6)).status_code == 404

    first = await escalate(tom, parent, team_id=team_id)
    assert first.status_code == 201, first.text
    child = first.json()["child_ticket_id"]
    # One open escalation per ticket, and the internal child is not escalated again.
    assert (await escalate(tom, parent)).status_code == 409
    assert (await escalate(erin, child)).status_code == 409

    # A solved ticket is finished: nothing to escalate.
    other = await answered_ticket(desk, alice, tom)
    solved = await tom.patch(f"/api/v1/tickets/{other}", json={"status": "solved"})
    assert solved.status_code == 200, solved.text
    assert (await escalate(tom, other)).status_code == 409
    assert (await tom.get(f"/api/v1/tickets/{other}/escalations")).json() == []


async def test_secrets_in_a_handover_are_masked(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom, erin, ada = await desk.staff("tom"), await desk.staff("erin"), await desk.staff("ada")
    await tier2_team(ada, erin)
    parent = await answered_ticket(desk, alice, tom)
    wif = "5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ"
    response = await escalate(tom, parent, tried=f"User pasted their key {wif} in chat")
    assert response.status_code == 201, response.text
    child = response.json()["child_ticket_id"]
    [row] = (await tom.get(f"/api/v1/tickets/{parent}/escalations")).json()
    assert wif not in row["tried"]
    messages = (await tom.get(f"/api/v1/tickets/{child}/messages")).json()["items"]
    assert all(wif not in m["body"] for m in messages)


async def test_child_merged_away_returns_the_parent(desk: Desk) -> None:
    """Two escalations of one problem: merging a child resolves its escalation too."""
    alice = await desk.customer("alice")
    tom, erin, ada = await desk.staff("tom"), await desk.staff("erin"), await desk.staff("ada")
    await tier2_team(ada, erin)
    first, second = await answered_ticket(desk, alice, tom), await answered_ticket(desk, alice, tom)
    kept = (await escalate(tom, first)).json()["child_ticket_id"]
    merged = (await escalate(tom, second)).json()["child_ticket_id"]
    await desk.settle()
    response = await erin.post(f"/api/v1/tickets/{merged}/merge", json={"target_id": kept})
    assert response.status_code == 200, response.text
    await desk.settle()
    shown = (await tom.get(f"/api/v1/tickets/{second}")).json()
    assert shown["ticket"]["status"] == "open"
    assert any(
        m["internal"] and f"Tier 2 closed ticket #{merged}" in m["body"]
        and f"Merged into ticket #{kept}" in m["body"]
        for m in shown["messages"]
    )  # fmt: skip
    assert (await ticket(tom, first))["status"] == "on_hold"
    # The second ticket may be escalated again; the first still waits on its child.
    assert (await escalate(tom, second)).status_code == 201
    assert (await escalate(tom, first)).status_code == 409
