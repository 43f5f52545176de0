"""The life of a ticket through the API: open, answer, reopen, solve, close, follow up."""

from __future__ import annotations

from sqlalchemy import func, select

from cexdesk.core.clock import FakeClock
from cexdesk.core.models import AuditEntry, OutboxEvent
from cexdesk.tickets.models import TicketLink
from tests.personas import Desk
from tests.ticket_helpers import refresh_sign_ins


async def later(desk: Desk, **delta: float) -> None:
    """Let time pass: run what fell due, and sign everyone in again (tokens expire)."""
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    clock.advance(**delta)
    await desk.settle()
    await refresh_sign_ins(desk)


async def test_customer_opens_agent_replies_customer_answers_and_it_reopens(desk: Desk) -> None:
    alice = await desk.customer("alice", lang="vi")
    tom = await desk.staff("tom")

    created = await alice.post(
        "/api/v1/tickets",
        json={
            "subject": "Nạp tiền chưa về",
            "body": "Tôi đã gửi 100 USDT qua mạng TRC20 một giờ trước mà chưa thấy số dư",
        },
    )
    assert created.status_code == 201, created.text
    ticket = created.json()
    assert ticket["status"] == "new"
    assert ticket["language"] == "vi"
    assert "assignee_id" not in ticket  # customers never see internal fields
    ticket_id = ticket["id"]

    answer = await tom.post(
        f"/api/v1/tickets/{ticket_id}/replies",
        json={"body": "Please send us the transaction hash.", "status": "pending"},
    )
    assert answer.status_code == 201, answer.text
    assert answer.json()["ticket"]["status"] == "pending"
    assert answer.json()["ticket"]["assignee_id"] == tom.id
    note = await tom.post(
        f"/api/v1/tickets/{ticket_id}/notes", json={"body": "Looks like a wrong-network deposit"}
    )
    assert note.status_code == 201

    seen = (await alice.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert seen["ticket"]["status"] == "pending"
    bodies = [m["body"] for m in seen["messages"]]
    assert bodies == [
        "Tôi đã gửi 100 USDT qua mạng TRC20 một giờ trước mà chưa thấy số dư",
        "Please send us the transaction hash.",
    ]

    again = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": "It is 0xabc123"}
    )
    assert again.status_code == 201, again.text
    assert again.json()["ticket"]["status"] == "open"

    staff_view = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert staff_view["ticket"]["status"] == "open"
    assert [m["internal"] for m in staff_view["messages"]] == [False, False, True, False]

    await desk.settle()
    async with desk.ctx.db.reading() as session:
        types = list(
            (await session.execute(select(OutboxEvent.type).order_by(OutboxEvent.id))).scalars()
        )
        audits = (
            await session.execute(
                select(func.count()).where(AuditEntry.action == "ticket.status_changed")
            )
        ).scalar_one()
    assert types.count("ticket.created") == 1
    assert types.count("ticket.message_added") == 4
    assert types.count("ticket.status_changed") == 2  # new → pending, pending → open
    assert audits == 1  # only the agent's change is audited


async def test_solved_ticket_closes_by_timer_and_a_reply_opens_a_follow_up(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    ticket_id = (
        await alice.post("/api/v1/tickets", json={"subject": "2FA reset", "body": "Lost phone"})
    ).json()["id"]
    solved = await tom.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": "Done, reset.", "status": "solved"}
    )
    assert solved.json()["ticket"]["status"] == "solved"

    await later(desk, days=3)
    assert (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["ticket"]["status"] == "solved"
    await later(desk, days=1, seconds=1)
    closed = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["ticket"]
    assert closed["status"] == "closed" and closed["closed_at"] is not None

    refused = await tom.patch(f"/api/v1/tickets/{ticket_id}", json={"status": "open"})
    assert refused.status_code == 409

    reply = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": "It happened again"}
    )
    assert reply.status_code == 201, reply.text
    result = reply.json()
    assert result["follow_up_of"] == ticket_id
    follow_up_id = result["ticket"]["id"]
    assert follow_up_id != ticket_id
    shown = (await alice.get(f"/api/v1/tickets/{follow_up_id}")).json()
    assert shown["links"][0]["kind"] == "follow_up"
    assert shown["links"][0]["source_id"] == ticket_id
    async with desk.ctx.db.reading() as session:
        links = (
            await session.execute(
                select(TicketLink.kind, TicketLink.source_id, TicketLink.target_id)
            )
        ).all()
    assert [tuple(x) for x in links] == [("follow_up", ticket_id, follow_up_id)]


async def test_reopening_a_solved_ticket_cancels_auto_close(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    ticket_id = (
        await alice.post("/api/v1/tickets", json={"subject": "Fees", "body": "Why so high?"})
    ).json()["id"]
    await tom.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": "VIP tiers.", "status": "solved"}
    )
    await later(desk, days=2)
    reopened = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": "Still unclear"}
    )
    assert reopened.json()["ticket"]["status"] == "open"
    await later(desk, days=10)
    assert (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["ticket"]["status"] == "open"


async def test_solving_an_unassigned_ticket_assigns_the_solver(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    ticket_id = (
        await alice.post("/api/v1/tickets", json={"subject": "KYC", "body": "Pending for days"})
    ).json()["id"]
    solved = await tom.patch(f"/api/v1/tickets/{ticket_id}", json={"status": "solved"})
    assert solved.status_code == 200, solved.text
    assert solved.json()["status"] == "solved" and solved.json()["assignee_id"] == tom.id
    async with desk.ctx.db.reading() as session:
        actions = list(
            (
                await session.execute(
                    select(AuditEntry.action)
                    .where(AuditEntry.subject_type == "ticket")
                    .order_by(AuditEntry.id)
                )
            ).scalars()
        )
    assert actions == ["ticket.assigned", "ticket.status_changed"]


async def test_messages_page_through_a_long_conversation(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    ticket_id = (
        await alice.post("/api/v1/tickets", json={"subject": "Long", "body": "m0"})
    ).json()["id"]
    for i in range(1, 7):
        who = tom if i % 2 else alice
        await who.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": f"m{i}"})
    await tom.post(f"/api/v1/tickets/{ticket_id}/notes", json={"body": "note"})
    for person, expected in ((alice, [f"m{i}" for i in range(7)]),
                             (tom, [f"m{i}" for i in range(7)] + ["note"])):  # fmt: skip
        bodies: list[str] = []
        cursor = None
        while True:
            params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
            page = (await person.get(f"/api/v1/tickets/{ticket_id}/messages", params=params)).json()
            bodies.extend(m["body"] for m in page["items"])
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert bodies == expected
