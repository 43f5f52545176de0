"""The intake pipeline on real conversations: secrets never stored, emergencies jump."""

from __future__ import annotations

import hashlib

from mnemonic import Mnemonic
from sqlalchemy import text

from cexdesk.intake.redaction import SECRET_WARNING
from tests.personas import Desk

SEED = str(Mnemonic("english").to_mnemonic(hashlib.sha256(b"alice's wallet").digest()[:16]))


async def test_a_pasted_seed_phrase_is_never_stored_and_the_customer_is_warned(desk: Desk) -> None:
    alice = await desk.customer("alice", lang="vi")
    tom = await desk.staff("tom")
    created = await alice.post(
        "/api/v1/tickets",
        json={"subject": "Ví bị mất tiền", "body": f"Đây là cụm từ khôi phục của tôi: {SEED}"},
    )
    assert created.status_code == 201, created.text
    ticket_id = created.json()["id"]
    later = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": f"again: {SEED}"}
    )
    assert later.status_code in (200, 201), later.text
    await desk.settle()
    seen = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()
    bodies = [m["body"] for m in seen["messages"]]
    assert "[seed phrase removed]" in bodies[0]
    assert bodies.count(SECRET_WARNING["vi"]) == 2  # the customer is told, in Vietnamese
    async with desk.ctx.db.reading() as session:
        for table, column in (("messages", "body"), ("tickets", "subject"),
                              ("outbox_events", "payload"), ("audit_log", "data")):  # fmt: skip
            rows = await session.execute(text(f"SELECT {column} FROM {table}"))
            assert not any(SEED.split()[3] + " " + SEED.split()[4] in str(r[0]) for r in rows)


async def test_a_hacked_account_is_urgent_and_alerts_security_at_once(desk: Desk) -> None:
    bob = await desk.customer("bob", lang="ru")
    tom = await desk.staff("tom")
    security = desk.ctx.hub.subscribe({"security"})
    created = await bob.post(
        "/api/v1/tickets",
        json={"subject": "Помогите", "body": "Мой аккаунт взломали, неизвестный вывод средств!"},
    )
    ticket_id = created.json()["id"]
    await desk.settle()
    ticket = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["ticket"]
    assert ticket["priority"] == "urgent"
    assert ticket["category"] == "security"
    assert ticket["language"] == "ru"
    alert = security.queue.get_nowait()
    assert alert["ticket_id"] == ticket_id
    assert "security_emergency" in alert["flags"]
    clocks = (await tom.get(f"/api/v1/tickets/{ticket_id}/sla")).json()
    first = next(c for c in clocks if c["metric"] == "first_reply")
    assert first["policy"] == "Security emergencies"
    assert first["target_seconds"] == 300


async def test_a_later_message_can_raise_the_alarm_and_mark_a_complaint(desk: Desk) -> None:
    carol = await desk.customer("carol")
    tom = await desk.staff("tom")
    supervisors = desk.ctx.hub.subscribe({"supervisors"})
    created = await carol.post(
        "/api/v1/tickets", json={"subject": "Fees", "body": "Why is the withdrawal fee so high?"}
    )
    ticket_id = created.json()["id"]
    await desk.settle()
    assert (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["ticket"]["priority"] == "normal"
    angry = await carol.post(
        f"/api/v1/tickets/{ticket_id}/replies",
        json={"body": "This is unacceptable, I want a manager and compensation"},
    )
    assert angry.status_code in (200, 201)
    await desk.settle()
    ticket = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["ticket"]
    assert ticket["is_complaint"]
    flagged = supervisors.queue.get_nowait()
    assert {"complaint", "manager_request"} <= set(flagged["flags"])
    hacked = await carol.post(
        f"/api/v1/tickets/{ticket_id}/replies", json={"body": "Now my account was hacked!!"}
    )
    assert hacked.status_code in (200, 201)
    await desk.settle()
    assert (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["ticket"]["priority"] == "urgent"


async def test_language_comes_from_the_customers_words(desk: Desk) -> None:
    dan = await desk.customer("dan", lang="en")
    created = await dan.post(
        "/api/v1/tickets", json={"subject": "充值", "body": "我的充值还没有到账，请帮我查一下"}
    )
    assert created.json()["language"] == "zh-Hans"
    short = await dan.post("/api/v1/tickets", json={"subject": "hi", "body": "ok"})
    assert short.json()["language"] == "en"
