"""Tickets through the API: who sees what, listing, pagination, search, bad input."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy import func, select

from cexdesk.core.models import OutboxEvent
from cexdesk.tickets import service
from cexdesk.tickets.models import Message, Ticket
from tests.personas import Desk, Person


async def open_ticket(
    person: Person, subject: str = "Help", body: str = "Please help", **kw: Any
) -> int:
    response = await person.post("/api/v1/tickets", json={"subject": subject, "body": body, **kw})
    assert response.status_code == 201, response.text
    ticket_id: int = response.json()["id"]
    return ticket_id


async def counts(desk: Desk) -> tuple[int, int, int]:
    async with desk.ctx.db.reading() as session:
        tickets = (await session.execute(select(func.count()).select_from(Ticket))).scalar_one()
        messages = (await session.execute(select(func.count()).select_from(Message))).scalar_one()
        events = (await session.execute(select(func.count()).select_from(OutboxEvent))).scalar_one()
    return tickets, messages, events


async def test_customers_see_only_their_own_tickets_and_never_notes(desk: Desk) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    tom = await desk.staff("tom")
    ticket_id = await open_ticket(alice, "Withdrawal stuck", "My BTC withdrawal is pending")
    await tom.post(f"/api/v1/tickets/{ticket_id}/notes", json={"body": "risk hold, do not say"})

    for url in (f"/api/v1/tickets/{ticket_id}", f"/api/v1/tickets/{ticket_id}/messages"):
        hidden = await bob.get(url)
        assert hidden.status_code == 404
        assert hidden.headers["content-type"] == "application/problem+json"
    refused = await bob.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": "hi"})
    assert refused.status_code == 404
    assert (await bob.get("/api/v1/tickets")).json()["items"] == []
    assert (await bob.get(f"/api/v1/tickets?requester_id={alice.id}")).json()["items"] == []
    assert (await bob.get("/api/v1/search?q=withdrawal")).json()["items"] == []

    mine = (await alice.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert [m["body"] for m in mine["messages"]] == ["My BTC withdrawal is pending"]
    assert "tags" not in mine["ticket"] and "priority" not in mine["ticket"]
    messages = (await alice.get(f"/api/v1/tickets/{ticket_id}/messages")).json()["items"]
    assert all(not m["internal"] for m in messages)
    assert (await alice.get("/api/v1/search?q=risk")).json()["items"] == []
    assert [t["id"] for t in (await alice.get("/api/v1/me/tickets")).json()["items"]] == [ticket_id]
    assert (await tom.get("/api/v1/me/tickets")).status_code == 403

    note = await alice.post(f"/api/v1/tickets/{ticket_id}/notes", json={"body": "sneaky"})
    assert note.status_code == 403
    patch = await alice.patch(f"/api/v1/tickets/{ticket_id}", json={"priority": "urgent"})
    assert patch.status_code == 403
    status = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": "x", "status": "solved"}
    )
    assert status.status_code == 422


async def test_staff_create_on_behalf_update_tags_and_filter(desk: Desk) -> None:
    alice = await desk.customer("alice", lang="ru")
    tom = await desk.staff("tom")
    sam = await desk.staff("sam")
    created = await tom.post(
        "/api/v1/tickets",
        json={
            "subject": "Called about P2P",
            "body": "Seller did not release",
            "requester_id": alice.id,
            "channel": "phone",
            "category": "p2p",
            "subcategory": "seller-not-releasing",
            "tags": ["P2P", "callback"],
            "priority": "high",
        },
    )
    assert created.status_code == 201, created.text
    ticket = created.json()
    assert ticket["language"] == "ru" and ticket["tags"] == ["p2p", "callback"]
    other = await open_ticket(alice, "Another", "question", language="zh-CN")
    assert (await tom.get(f"/api/v1/tickets/{other}")).json()["ticket"]["language"] == "zh-Hans"

    changed = await tom.patch(
        f"/api/v1/tickets/{ticket['id']}",
        json={"add_tags": ["vip"], "remove_tags": ["callback"], "status": "on_hold"},
    )
    assert changed.status_code == 200, changed.text
    assert changed.json()["tags"] == ["p2p", "vip"] and changed.json()["status"] == "on_hold"
    # A customer sees on-hold as open, and filters that way.
    assert (await alice.get(f"/api/v1/tickets/{ticket['id']}")).json()["ticket"]["status"] == "open"
    mine_open = (await alice.get("/api/v1/me/tickets?status=open")).json()["items"]
    assert [t["id"] for t in mine_open] == [ticket["id"]]
    assert (await alice.get("/api/v1/tickets?status=on_hold")).json()["items"] == []
    assert (await alice.get("/api/v1/tickets?status=open")).json()["items"] == mine_open

    # Giving a ticket to someone else is a lead's call.
    assert (
        await tom.patch(f"/api/v1/tickets/{other}", json={"assignee_id": sam.id})
    ).status_code == 403
    assert (
        await tom.patch(f"/api/v1/tickets/{other}", json={"assignee_id": tom.id})
    ).status_code == 200
    assert (
        await sam.patch(f"/api/v1/tickets/{other}", json={"assignee_id": sam.id})
    ).status_code == 200

    async def ids(query: str) -> list[int]:
        response = await tom.get(f"/api/v1/tickets?{query}")
        assert response.status_code == 200, response.text
        return [t["id"] for t in response.json()["items"]]

    assert await ids("tag=vip") == [ticket["id"]]
    assert await ids("tag=callback") == []
    assert await ids("status=on_hold") == [ticket["id"]]
    assert await ids("category=p2p") == [ticket["id"]]
    assert await ids("channel=phone") == [ticket["id"]]
    assert await ids("priority=high") == [ticket["id"]]
    assert await ids(f"assignee_id={sam.id}") == [other]
    assert await ids(f"requester_id={alice.id}") == [other, ticket["id"]]

    bad_category = await tom.patch(f"/api/v1/tickets/{other}", json={"category": "lottery"})
    assert bad_category.status_code == 422
    assert bad_category.json()["errors"][0]["field"] == "category"
    bad_sub = await tom.patch(
        f"/api/v1/tickets/{other}", json={"category": "kyc", "subcategory": "futures"}
    )
    assert bad_sub.json()["errors"][0]["field"] == "subcategory"
    closing = await tom.patch(f"/api/v1/tickets/{other}", json={"status": "closed"})
    assert closing.status_code == 422
    back_to_new = await tom.patch(f"/api/v1/tickets/{ticket['id']}", json={"status": "new"})
    assert back_to_new.status_code == 422


async def test_pagination_walks_every_ticket_once_newest_first(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    made = [await open_ticket(alice, f"Ticket {i}") for i in range(23)]
    seen: list[int] = []
    cursor: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 5}
        if cursor:
            params["cursor"] = cursor
        page = (await tom.get("/api/v1/tickets", params=params)).json()
        pages += 1
        seen.extend(t["id"] for t in page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == sorted(made, reverse=True)
    assert pages == 5
    bad = await tom.get("/api/v1/tickets?cursor=not-a-cursor")
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "cursor"
    assert (await tom.get("/api/v1/tickets?limit=101")).status_code == 422
    # Customers walk their own list the same way.
    first = (await alice.get("/api/v1/me/tickets?limit=20")).json()
    rest = (await alice.get(f"/api/v1/me/tickets?cursor={first['next_cursor']}")).json()
    assert [t["id"] for t in first["items"] + rest["items"]] == sorted(made, reverse=True)


async def test_search_subject_and_messages_in_any_script(desk: Desk) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    tom = await desk.staff("tom")
    quinn = await desk.staff("quinn")
    a = await open_ticket(alice, "USDT deposit missing", "Sent on the wrong network")
    b = await open_ticket(bob, "提现一直在处理中", "我的提现还没有到账")
    c = await open_ticket(bob, "Login problem", "Authenticator app lost")
    await tom.post(f"/api/v1/tickets/{c}/notes", json={"body": "suspected phishing victim"})

    async def found(person: Person, q: str) -> list[int]:
        response = await person.get("/api/v1/search", params={"q": q})
        assert response.status_code == 200, response.text
        return [t["id"] for t in response.json()["items"]]

    assert await found(tom, "usdt") == [a]
    assert await found(tom, "wrong NETWORK") == [a]
    assert await found(tom, "network usdt") == [a]  # every word, any order
    assert await found(tom, "提现") == [b]
    assert await found(tom, "到账") == [b]
    assert await found(tom, "phishing") == [c]
    assert await found(quinn, "phishing") == [c]
    assert await found(bob, "phishing") == []  # notes are not searchable by customers
    assert await found(bob, "authenticator") == [c]
    assert await found(alice, "authenticator") == []
    assert await found(tom, "100%_") == []
    assert (await tom.get("/api/v1/search?q=")).status_code == 422

    paged = (await tom.get("/api/v1/search", params={"q": "o", "limit": 1})).json()
    assert len(paged["items"]) == 1 and paged["next_cursor"]


async def test_bad_input_gets_problem_json_and_changes_nothing(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    sam = await desk.staff("sam")
    ticket_id = await open_ticket(alice)
    before = await counts(desk)

    cases: list[tuple[Person, str, str, dict[str, Any], int, str | None]] = [
        (alice, "post", "/api/v1/tickets",
         {"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, None),
        (alice, "post", "/api/v1/tickets", {"content": b"subject=x"}, 422, "body"),
        (alice, "post", "/api/v1/tickets", {"json": {"subject": 5, "body": "x"}}, 422, "subject"),
        (alice, "post", "/api/v1/tickets", {"json": {"subject": "x"}}, 422, "body"),
        (alice, "post", "/api/v1/tickets",
         {"json": {"subject": "x", "body": "y", "colour": "red"}}, 422, "colour"),
        (alice, "post", "/api/v1/tickets",
         {"json": {"subject": "x" * 301, "body": "y"}}, 422, "subject"),
        (alice, "post", "/api/v1/tickets",
         {"json": {"subject": "x", "body": "y", "priority": "urgent"}}, 422, "priority"),
        (alice, "post", "/api/v1/tickets",
         {"json": {"subject": "x", "body": "y", "language": "xx"}}, 422, "language"),
        (alice, "post", "/api/v1/tickets",
         {"json": {"subject": "x", "body": "y", "channel": "pigeon"}}, 422, "channel"),
        (alice, "post", "/api/v1/tickets",
         {"content": b'{"subject":"x","body":"' + b"y" * 1_100_000 + b'"}',
          "headers": {"content-type": "application/json"}}, 413, None),
        (tom, "post", "/api/v1/tickets", {"json": {"subject": "x", "body": "y"}}, 422,
         "requester_id"),
        (tom, "post", "/api/v1/tickets",
         {"json": {"subject": "x", "body": "y", "requester_id": 99999}}, 404, None),
        (alice, "post", f"/api/v1/tickets/{ticket_id}/replies", {"json": {"body": ""}}, 422,
         "body"),
        (alice, "post", f"/api/v1/tickets/{ticket_id}/replies",
         {"json": {"body": "x", "attachment_ids": [12345]}}, 422, "attachment_ids"),
        (tom, "patch", f"/api/v1/tickets/{ticket_id}", {"json": {"status": "done"}}, 422,
         "status"),
        (sam, "patch", f"/api/v1/tickets/{ticket_id}", {"json": {"assignee_id": 4242}}, 422,
         "assignee_id"),
        (tom, "patch", f"/api/v1/tickets/{ticket_id}", {"json": {"status": None}}, 422, "status"),
        (tom, "get", "/api/v1/tickets/abc", {}, 422, "ticket_id"),
        (tom, "get", "/api/v1/tickets/424242", {}, 404, None),
        (tom, "get", "/api/v1/tickets?status=sleeping", {}, 422, "status"),
        (tom, "get", "/api/v1/tickets/99999999999999999999", {}, 422, "ticket_id"),
        (tom, "get", "/api/v1/tickets?assignee_id=99999999999999999999", {}, 422, "assignee_id"),
        (tom, "get", "/api/v1/attachments/99999999999999999999", {}, 422, "attachment_id"),
        (tom, "post", "/api/v1/tickets",
         {"json": {"subject": "x", "body": "y", "requester_id": 2**64}}, 422, "requester_id"),
        (alice, "post", "/api/v1/tickets", {"json": {"subject": "x", "body": "a\x00b"}}, 422,
         "body"),
        (alice, "post", f"/api/v1/tickets/{ticket_id}/replies", {"json": {"body": "\x00"}}, 422,
         "body"),
        (tom, "patch", f"/api/v1/tickets/{ticket_id}", {"json": {"add_tags": ["a\x00"]}}, 422,
         "add_tags"),
        (tom, "get", "/api/v1/search?q=a%00b", {}, 422, "q"),
        (tom, "get", "/api/v1/tickets?tag=a%00b", {}, 422, "tag"),
    ]  # fmt: skip
    for person, method, url, kw, status, field in cases:
        response = await getattr(person.client, method)(url, **kw)
        assert response.status_code == status, (url, kw.get("json"), response.text)
        assert response.headers["content-type"] == "application/problem+json"
        if field is not None:
            assert field in [e["field"] for e in response.json()["errors"]], response.text
    anonymous = await desk.anonymous().post("/api/v1/tickets", json={"subject": "x", "body": "y"})
    assert anonymous.status_code == 401
    assert await counts(desk) == before


async def test_idempotency_key_returns_the_first_ticket(desk: Desk) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    headers = {"Idempotency-Key": "form-submit-1"}
    first = await alice.post(
        "/api/v1/tickets", json={"subject": "Once", "body": "only once"}, headers=headers
    )
    assert first.status_code == 201
    before = await counts(desk)
    again = await alice.post(
        "/api/v1/tickets", json={"subject": "Once", "body": "only once"}, headers=headers
    )
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    assert await counts(desk) == before
    # Keys are per requester.
    other = await bob.post(
        "/api/v1/tickets", json={"subject": "Once", "body": "only once"}, headers=headers
    )
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]


async def test_merge_and_escalation_links(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    erin = await desk.staff("erin")
    first = await open_ticket(alice, "Withdrawal", "pending for a day")
    duplicate = await open_ticket(alice, "Withdrawal again", "still pending")
    merged = await tom.post(f"/api/v1/tickets/{duplicate}/merge", json={"target_id": first})
    assert merged.status_code == 200, merged.text
    source = (await tom.get(f"/api/v1/tickets/{duplicate}")).json()
    assert source["ticket"]["status"] == "closed"
    assert source["links"][0]["kind"] == "merge"
    target = (await tom.get(f"/api/v1/tickets/{first}")).json()
    assert any("was merged" in m["body"] and m["internal"] for m in target["messages"])
    again = await tom.post(f"/api/v1/tickets/{duplicate}/merge", json={"target_id": first})
    assert again.status_code == 409
    # The customer answering on the merged ticket lands in the surviving one.
    answer = await alice.post(f"/api/v1/tickets/{duplicate}/replies", json={"body": "any news?"})
    assert answer.status_code == 201, answer.text
    assert answer.json()["ticket"]["id"] == first and answer.json()["merged_from"] == duplicate
    assert answer.json()["follow_up_of"] is None

    child = await open_ticket(erin, "Chain check", "Please trace the tx", requester_id=alice.id)
    linked = await tom.post(
        f"/api/v1/tickets/{first}/links", json={"kind": "escalation", "target_id": child}
    )
    assert linked.status_code == 201, linked.text
    twice = await tom.post(f"/api/v1/tickets/{first}/links", json={"target_id": child})
    assert twice.status_code == 409
    kinds = {link["kind"] for link in (await tom.get(f"/api/v1/tickets/{first}")).json()["links"]}
    assert kinds == {"merge", "escalation"}
    # Routing links are internal.
    assert (await alice.get(f"/api/v1/tickets/{first}")).json()["links"] == []


async def test_concurrent_retries_with_one_key_make_one_ticket(desk: Desk) -> None:
    alice = await desk.customer("alice")
    headers = {"Idempotency-Key": "double-click"}
    body = {"subject": "Twice", "body": "clicked twice"}
    responses = await asyncio.gather(
        *[alice.post("/api/v1/tickets", json=body, headers=headers) for _ in range(4)]
    )
    assert sorted(r.status_code for r in responses) == [200, 200, 200, 201]
    assert len({r.json()["id"] for r in responses}) == 1
    assert (await counts(desk))[0] == 1


async def test_openapi_document_lists_the_ticket_routes(desk: Desk) -> None:
    document = (await desk.anonymous().get("/api/v1/openapi.json")).json()
    for path in (
        "/api/v1/tickets",
        "/api/v1/tickets/{ticket_id}/replies",
        "/api/v1/search",
        "/api/v1/customers/{customer_id}",
        "/api/v1/agents",
        "/api/v1/teams",
        "/api/v1/tickets/{ticket_id}/attachments",
        "/api/v1/attachments/{attachment_id}",
    ):
        assert path in document["paths"], path  # fmt: skip


async def test_search_pages_agree_across_the_walked_window_and_the_index(desk: Desk) -> None:
    alice = await desk.customer("alice")
    made = [
        await open_ticket(alice, f"Case {i}", "wallet " + ("frozen" if i % 3 == 0 else "ok"))
        for i in range(12)
    ]
    expected = sorted((t for i, t in enumerate(made) if i % 3 == 0), reverse=True)
    for walk in (1, 4, 5000):  # PostgreSQL checks the newest `walk` tickets one by one
        found: list[int] = []
        before: int | None = None
        while True:
            async with desk.ctx.db.reading() as session:
                rows, before = await service.search_tickets(
                    session, "Frozen wallet", requester_id=None, include_internal=True,
                    before_id=before, limit=2, walk=walk,
                )  # fmt: skip
                found.extend(t.id for t in rows)
            if before is None:
                break
        assert found == expected, walk
