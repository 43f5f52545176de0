"""Customers through the API: staff find, show, correct and link identities."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from cexdesk.core.models import AuditEntry
from tests.personas import Desk


async def audit_count(desk: Desk, action: str) -> int:
    async with desk.ctx.db.reading() as session:
        query = select(func.count()).where(AuditEntry.action == action)
        return int((await session.execute(query)).scalar_one())


async def test_staff_find_and_show_customers(desk: Desk) -> None:
    alice = await desk.customer("alice", lang="vi", vip=2)
    bob = await desk.customer("bob")
    tom = await desk.staff("tom")
    await alice.post("/api/v1/tickets", json={"subject": "Hi", "body": "question"})

    everyone = (await tom.get("/api/v1/customers")).json()
    assert [c["id"] for c in everyone["items"]] == [bob.id, alice.id]
    assert everyone["next_cursor"] is None
    first = (await tom.get("/api/v1/customers?limit=1")).json()
    rest = (await tom.get(f"/api/v1/customers?limit=1&cursor={first['next_cursor']}")).json()
    assert [c["id"] for c in first["items"] + rest["items"]] == [bob.id, alice.id]

    by_uid = (await tom.get("/api/v1/customers?exchange_uid=uid-alice")).json()["items"]
    assert [c["id"] for c in by_uid] == [alice.id]
    by_name = (await tom.get("/api/v1/customers?q=lic")).json()["items"]
    assert [c["id"] for c in by_name] == [alice.id]

    shown = (await tom.get(f"/api/v1/customers/{alice.id}")).json()
    assert shown["language"] == "vi" and shown["vip_tier"] == 2
    assert [(i["channel"], i["address"]) for i in shown["identities"]] == [
        ("exchange", "uid-alice")
    ]
    assert [t["subject"] for t in shown["recent_tickets"]] == ["Hi"]
    assert (await tom.get("/api/v1/customers/99999")).status_code == 404

    # Customers are not staff.
    assert (await alice.get("/api/v1/customers")).status_code == 403
    assert (await alice.get(f"/api/v1/customers/{alice.id}")).status_code == 403


async def test_edit_and_link_identities_needs_customers_write(desk: Desk) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    tom = await desk.staff("tom")  # tier 1: reads customers, cannot change them
    erin = await desk.staff("erin")  # tier 2: may

    refused = await tom.patch(f"/api/v1/customers/{alice.id}", json={"vip_tier": 3})
    assert refused.status_code == 403
    changed = await erin.patch(
        f"/api/v1/customers/{alice.id}", json={"vip_tier": 3, "language": "zh-CN"}
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["vip_tier"] == 3 and changed.json()["language"] == "zh-Hans"
    assert await audit_count(desk, "customer.updated") == 1

    linked = await erin.post(
        f"/api/v1/customers/{alice.id}/identities",
        json={"channel": "email", "address": "  Alice@Example.COM "},
    )
    assert linked.status_code == 201, linked.text
    assert linked.json()["address"] == "alice@example.com"
    handle = await erin.post(
        f"/api/v1/customers/{alice.id}/identities", json={"channel": "x", "address": "@AliceTrades"}
    )
    assert handle.json()["address"] == "alicetrades"
    phone = await erin.post(
        f"/api/v1/customers/{alice.id}/identities",
        json={"channel": "phone", "address": "+84 (90) 123-4567"},
    )
    assert phone.json()["address"] == "+84901234567"

    found = (await tom.get("/api/v1/customers?email=ALICE@example.com")).json()["items"]
    assert [c["id"] for c in found] == [alice.id]
    assert [
        c["id"] for c in (await tom.get("/api/v1/customers?q=alicetrades")).json()["items"]
    ] == [alice.id]

    taken = await erin.post(
        f"/api/v1/customers/{bob.id}/identities",
        json={"channel": "email", "address": "alice@example.com"},
    )
    assert taken.status_code == 409
    assert (
        await tom.post(
            f"/api/v1/customers/{alice.id}/identities",
            json={"channel": "email", "address": "a2@example.com"},
        )
    ).status_code == 403
    assert await audit_count(desk, "customer.identity_linked") == 3


async def test_bad_customer_input(desk: Desk) -> None:
    alice = await desk.customer("alice")
    erin = await desk.staff("erin")
    cases: list[tuple[str, str, dict[str, Any] | None, int, str]] = [
        ("patch", f"/api/v1/customers/{alice.id}", {"vip_tier": -1}, 422, "vip_tier"),
        ("patch", f"/api/v1/customers/{alice.id}", {"vip_tier": "gold"}, 422, "vip_tier"),
        ("patch", f"/api/v1/customers/{alice.id}", {"language": "klingon"}, 422, "language"),
        ("patch", f"/api/v1/customers/{alice.id}", {"kyc_state": "maybe"}, 422, "kyc_state"),
        ("patch", f"/api/v1/customers/{alice.id}", {"display_name": None}, 422, "display_name"),
        ("patch", f"/api/v1/customers/{alice.id}", {"nickname": "al"}, 422, "nickname"),
        ("post", f"/api/v1/customers/{alice.id}/identities",
         {"channel": "email", "address": "not-an-email"}, 422, "address"),
        ("post", f"/api/v1/customers/{alice.id}/identities",
         {"channel": "fax", "address": "123"}, 422, "channel"),
        ("post", f"/api/v1/customers/{alice.id}/identities",
         {"channel": "phone", "address": "12"}, 422, "address"),
        ("patch", f"/api/v1/customers/{alice.id}", {"display_name": "A\x00"}, 422,
         "display_name"),
        ("get", "/api/v1/customers?q=%00", None, 422, "q"),
        ("get", "/api/v1/customers/99999999999999999999", None, 422, "customer_id"),
    ]  # fmt: skip
    for method, url, body, status, field in cases:
        kw = {} if body is None else {"json": body}
        response = await getattr(erin.client, method)(url, **kw)
        assert response.status_code == status, (body, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert field in [e["field"] for e in response.json()["errors"]], response.text
    shown = (await erin.get(f"/api/v1/customers/{alice.id}")).json()
    assert shown["vip_tier"] == 0 and shown["language"] == "en"
    assert len(shown["identities"]) == 1
