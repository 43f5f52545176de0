"""Who may listen to the security and supervisor feeds, and to internal tickets."""

from __future__ import annotations

from cexdesk.core.auth import Principal, Role
from cexdesk.realtime.views import may_subscribe
from tests.personas import Desk


async def test_alert_feeds_and_internal_tickets(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    await desk.staff("erin")
    ada = await desk.staff("ada")
    team = await ada.post("/api/v1/teams", json={"slug": "t2", "name": "Tier 2", "kind": "tier2"})
    assert team.status_code == 201, team.text
    ticket = await alice.post("/api/v1/tickets", json={"subject": "KYC", "body": "KYC stuck"})
    ticket_id = ticket.json()["id"]
    escalated = await tom.post(
        f"/api/v1/tickets/{ticket_id}/escalations",
        json={"summary": "KYC provider error", "tried": "resubmitted", "evidence": []},
    )
    assert escalated.status_code == 201, escalated.text
    child = escalated.json()["child_ticket_id"]
    as_alice = Principal("customer", alice.id, Role.CUSTOMER)
    as_tom = Principal("agent", tom.id, Role.AGENT)
    as_seth = Principal("agent", 99, Role.SECURITY)
    as_sam = Principal("agent", 98, Role.SUPERVISOR)
    ctx = desk.ctx
    assert await may_subscribe(ctx, as_alice, f"ticket:{ticket_id}")
    assert not await may_subscribe(ctx, as_alice, f"ticket:{child}")
    assert await may_subscribe(ctx, as_tom, f"ticket:{child}")
    assert await may_subscribe(ctx, as_seth, "security")
    assert not await may_subscribe(ctx, as_tom, "security")
    assert await may_subscribe(ctx, as_sam, "supervisors")
    assert not await may_subscribe(ctx, as_tom, "supervisors")
    assert not await may_subscribe(ctx, as_alice, "supervisors")
