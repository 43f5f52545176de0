"""Customer 360: one timeline across channels, and identities linked by the exchange's word."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from cexdesk.channels import inbound
from cexdesk.core.models import AuditEntry
from cexdesk.customers.models import Customer, CustomerIdentity
from tests.personas import Desk


async def by_email(desk: Desk, sender: str, text: str, message_id: str) -> tuple[int, int]:
    """An email-like message through the one inbound function: (ticket id, customer id)."""
    message = inbound.InboundMessage(
        channel="email", sender=sender, text=text, subject=text[:40], external_id=message_id,
        verified_sender=False,
    )  # fmt: skip
    async with desk.ctx.db.transaction() as session:
        received = await inbound.receive(session, message)
        return received.ticket.id, received.ticket.requester_id


async def timeline(desk: Desk, who: Any, customer_id: int, **params: Any) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    cursor = None
    while True:
        query = {**params, **({"cursor": cursor} if cursor else {})}
        page = await who.get(f"/api/v1/customers/{customer_id}/timeline", params=query)
        assert page.status_code == 200, page.text
        items.extend(page.json()["items"])
        cursor = page.json()["next_cursor"]
        if cursor is None:
            return items


async def test_one_timeline_across_channels(desk: Desk) -> None:
    alice = await desk.customer("alice", email="alice@example.com")
    tom = await desk.staff("tom")
    body = {"subject": "Deposit missing", "body": "My USDT deposit is missing"}
    web = await alice.post("/api/v1/tickets", json=body)
    assert web.status_code == 201, web.text
    web_id = web.json()["id"]
    desk.ctx.clock.advance(60)  # type: ignore[attr-defined]
    email_id, requester = await by_email(desk, "Alice@Example.com", "Withdrawal " + "x" * 400,
                                         "<m1@example.com>")  # fmt: skip
    assert requester == alice.id  # the exchange vouched for the address at sign-in
    desk.ctx.clock.advance(60)  # type: ignore[attr-defined]
    reply = await tom.post(f"/api/v1/tickets/{web_id}/replies", json={"body": "Looking into it"})
    assert reply.status_code == 201, reply.text
    call = await tom.post(
        f"/api/v1/customers/{alice.id}/calls",
        json={
            "direction": "outbound",
            "duration_seconds": 61,
            "summary": "Called about the deposit",
        },
    )
    phone_id = call.json()["ticket_id"]
    note = await tom.post(f"/api/v1/tickets/{web_id}/notes", json={"body": "Checked the chain"})
    assert note.status_code == 201, note.text
    # Someone else's ticket never shows.
    bob = await desk.customer("bob")
    await bob.post("/api/v1/tickets", json={"subject": "Other", "body": "not alice's"})

    items = await timeline(desk, tom, alice.id, limit=2)
    assert [(i["ticket_id"], i["channel"], i["author_type"], i["internal"]) for i in items] == [
        (web_id, "web", "agent", True),
        (phone_id, "phone", "agent", False),
        (web_id, "web", "agent", False),
        (email_id, "email", "customer", False),
        (web_id, "web", "customer", False),
    ]
    ids = [i["message_id"] for i in items]
    assert ids == sorted(ids, reverse=True) and len(set(ids)) == len(ids)
    assert items[-1]["excerpt"] == "My USDT deposit is missing"
    assert items[-1]["ticket_subject"] == "Deposit missing"
    assert items[3]["truncated"] is True
    assert len(items[3]["excerpt"]) == 280
    assert items[1]["excerpt"] == "Outbound call, 1:01\n\nCalled about the deposit"
    assert items == await timeline(desk, tom, alice.id)  # one page or many, the same
    quinn = await desk.staff("quinn")
    assert len(await timeline(desk, quinn, alice.id)) == 5
    assert (await alice.get(f"/api/v1/customers/{alice.id}/timeline")).status_code == 403
    assert (await tom.get("/api/v1/customers/999999/timeline")).status_code == 404
    bad = await tom.get(f"/api/v1/customers/{alice.id}/timeline", params={"cursor": "nope"})
    assert bad.status_code == 422


async def identities(desk: Desk, customer_id: int) -> set[tuple[str, str, bool]]:
    async with desk.ctx.db.reading() as session:
        rows = await session.execute(
            select(CustomerIdentity.channel, CustomerIdentity.address, CustomerIdentity.verified)
            .where(CustomerIdentity.customer_id == customer_id)
        )  # fmt: skip
        return {(c, a, v) for c, a, v in rows.all()}


async def audit_data(desk: Desk, action: str) -> list[Any]:
    async with desk.ctx.db.reading() as session:
        rows = await session.execute(select(AuditEntry.data).where(AuditEntry.action == action))
        return list(rows.scalars())


async def test_exchange_email_claim_links_and_merges_an_email_only_customer(desk: Desk) -> None:
    tom = await desk.staff("tom")
    earlier, carol_by_mail = await by_email(desk, "carol@example.com", "Is my KYC done?", "<c1@x>")
    later, same = await by_email(desk, "carol@example.com", "Card payment failed", "<c2@x>")
    assert same == carol_by_mail
    carol = await desk.customer("carol", email="Carol@Example.COM")
    assert carol.id != carol_by_mail
    mine = (await carol.get("/api/v1/me/tickets")).json()["items"]
    assert {t["id"] for t in mine} >= {earlier, later}
    assert ("email", "carol@example.com", True) in await identities(desk, carol.id)
    assert await identities(desk, carol_by_mail) == set()
    merged = await audit_data(desk, "customer.merged")
    assert len(merged) == 1
    assert merged[0]["from"] == carol_by_mail
    assert sorted(merged[0]["tickets"]) == sorted([earlier, later])
    # Her next email lands on her exchange account, in her conversation history.
    _, requester = await by_email(desk, "carol@example.com", "Any news?", "<c3@x>")
    assert requester == carol.id
    assert {i["ticket_id"] for i in await timeline(desk, tom, carol.id)} >= {earlier, later}


async def test_exchange_email_claim_links_a_verified_identity(desk: Desk) -> None:
    dave = await desk.customer("dave")
    assert {c for c, _, _ in await identities(desk, dave.id)} == {"exchange"}
    # Later the exchange's token carries the email: linked on that sign-in, verified.
    client = desk.client(
        {"Authorization": "Bearer " + desk.exchange_token("uid-dave", name="Dave",
                                                          email="dave@example.com")}
    )  # fmt: skip
    assert (await client.get("/api/v1/me")).json()["id"] == dave.id
    assert ("email", "dave@example.com", True) in await identities(desk, dave.id)
    assert len(await audit_data(desk, "customer.identity_linked")) == 1
    # Another exchange account claiming the same address takes nothing from dave.
    erin = desk.client(
        {"Authorization": "Bearer " + desk.exchange_token("uid-erin2", email="dave@example.com")}
    )
    erin_id = (await erin.get("/api/v1/me")).json()["id"]
    assert {c for c, _, _ in await identities(desk, erin_id)} == {"exchange"}
    assert ("email", "dave@example.com", True) in await identities(desk, dave.id)
    assert await audit_data(desk, "customer.merged") == []
    async with desk.ctx.db.reading() as session:
        assert (await session.get(Customer, erin_id)) is not None


async def test_staff_merge_a_channel_only_customer_by_hand(desk: Desk) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    sam = await desk.staff("sam")
    tom = await desk.staff("tom")
    message = inbound.InboundMessage(
        channel="telegram", sender="@alice_tg", text="hi, it's alice", external_id="tg:1"
    )
    async with desk.ctx.db.transaction() as session:
        received = await inbound.receive(session, message)
        stranger, ticket_id = received.ticket.requester_id, received.ticket.id
    url = f"/api/v1/customers/{alice.id}/merge"
    assert (await tom.post(url, json={"source_id": stranger})).status_code == 403
    assert (await sam.post(url, json={"source_id": bob.id})).status_code == 409
    assert (await sam.post(url, json={"source_id": alice.id})).status_code == 422
    merged = await sam.post(url, json={"source_id": stranger})
    assert merged.status_code == 200, merged.text
    detail = merged.json()
    assert ("telegram", "@alice_tg".removeprefix("@")) in {
        (i["channel"], i["address"]) for i in detail["identities"]
    }
    assert ticket_id in {t["id"] for t in detail["recent_tickets"]}
    assert (await audit_data(desk, "customer.merged"))[0]["reason"] == "merged by staff"
