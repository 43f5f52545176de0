"""The audit chain: what appends to it, reading it, and catching edits and deletions."""

from __future__ import annotations

from sqlalchemy import select, text

from cexdesk.core import audit
from cexdesk.core.models import AuditEntry
from tests.personas import Desk, Person
from tests.test_auth import LOGIN, assert_problem, credentials, make_agent


async def entries(desk: Desk) -> list[tuple[int, str, str | None]]:
    async with desk.ctx.db.reading() as session:
        rows = await session.execute(
            select(AuditEntry.id, AuditEntry.action, AuditEntry.subject_id).order_by(AuditEntry.id)
        )
        return [(id_, action, subject) for id_, action, subject in rows]


async def verify(person: Person) -> dict[str, object]:
    response = await person.get("/api/v1/admin/audit/verify")
    assert response.status_code == 200, response.text
    body: dict[str, object] = response.json()
    return body


async def busy_desk(desk: Desk) -> Person:
    """Sign-ins, a refusal, a sign-out and a token: each leaves an entry. Returns seth."""
    nina = await make_agent(desk, "nina")
    client = desk.anonymous()
    await client.post(LOGIN, json=credentials(desk, nina, password="wrong"))
    signed_in = await client.post(LOGIN, json=credentials(desk, nina))
    token = signed_in.json()["token"]
    await desk.client({"Authorization": f"Bearer {token}"}).post("/api/v1/auth/logout")
    ada = await desk.staff("ada")
    await ada.post("/api/v1/tokens", json={"name": "siem", "scopes": ["audit:read"]})
    return await desk.staff("seth")


async def test_identity_actions_append_to_the_chain(desk: Desk) -> None:
    seth = await busy_desk(desk)
    actions = [action for _, action, _ in await entries(desk)]
    for expected in (
        "agent.created",
        "agent.sign_in_failed",
        "agent.signed_in",
        "agent.signed_out",
        "api_token.created",
    ):
        assert expected in actions
    report = await verify(seth)
    assert report == {"ok": True, "checked": len(actions), "first_bad_id": None, "reason": None}
    async with desk.ctx.db.reading() as session:
        assert (await audit.verify_chain(session, batch=3)).ok  # across batch boundaries too


async def test_the_audit_log_reads_newest_first_with_filters_and_pages(desk: Desk) -> None:
    seth = await busy_desk(desk)
    everything = await entries(desk)
    page = (await seth.get("/api/v1/admin/audit", params={"limit": 3})).json()
    assert [item["id"] for item in page["items"]] == [e[0] for e in everything[::-1][:3]]
    assert page["next_before_id"] == page["items"][-1]["id"]
    following = await seth.get(
        "/api/v1/admin/audit", params={"limit": 3, "before_id": page["next_before_id"]}
    )
    assert [item["id"] for item in following.json()["items"]] == [
        e[0] for e in everything[::-1][3:6]
    ]
    failed = (
        await seth.get("/api/v1/admin/audit", params={"action": "agent.sign_in_failed"})
    ).json()
    assert len(failed["items"]) == 1 and failed["next_before_id"] is None
    assert failed["items"][0]["data"] == {"reason": "password"}
    assert failed["items"][0]["actor_type"] == "agent" and failed["items"][0]["hash"]


async def test_an_edited_row_is_reported_by_id(desk: Desk) -> None:
    seth = await busy_desk(desk)
    ids = [id_ for id_, _, _ in await entries(desk)]
    victim = ids[len(ids) // 2]
    async with desk.ctx.db.transaction() as session:
        await session.execute(
            text("UPDATE audit_log SET actor_id = 'mallory' WHERE id = :id"), {"id": victim}
        )
    report = await verify(seth)
    assert report["ok"] is False and report["first_bad_id"] == victim
    assert report["reason"] == "content does not match its hash"


async def test_an_edit_that_recomputes_its_own_hash_breaks_the_next_link(desk: Desk) -> None:
    seth = await busy_desk(desk)
    ids = [id_ for id_, _, _ in await entries(desk)]
    victim = ids[1]
    async with desk.ctx.db.transaction() as session:
        row = await session.get(AuditEntry, victim)
        assert row is not None
        forged = audit.entry_hash(
            row.prev_hash, row.at, row.actor_type, "mallory", row.action,
            row.subject_type, row.subject_id, row.data,
        )  # fmt: skip
        await session.execute(
            text("UPDATE audit_log SET actor_id = 'mallory', hash = :h WHERE id = :id"),
            {"h": forged, "id": victim},
        )
    report = await verify(seth)
    assert report["ok"] is False and report["first_bad_id"] == ids[2]
    assert report["reason"] == "previous hash does not match"


async def test_a_deleted_row_in_the_middle_is_detected(desk: Desk) -> None:
    seth = await busy_desk(desk)
    ids = [id_ for id_, _, _ in await entries(desk)]
    middle = ids[len(ids) // 2]
    async with desk.ctx.db.transaction() as session:
        await session.execute(text("DELETE FROM audit_log WHERE id = :id"), {"id": middle})
    report = await verify(seth)
    # The row after the gap no longer chains onto its predecessor.
    assert report["ok"] is False and report["first_bad_id"] == ids[ids.index(middle) + 1]
    assert report["checked"] == ids.index(middle)


async def test_reading_the_audit_log_needs_audit_read(desk: Desk) -> None:
    tom = await desk.staff("tom")
    assert_problem(await tom.get("/api/v1/admin/audit"), 403)
    assert_problem(await tom.get("/api/v1/admin/audit/verify"), 403)
    alice = await desk.customer("alice")
    assert_problem(await alice.get("/api/v1/admin/audit"), 403)
