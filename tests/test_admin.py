"""Admin routes: dead letters and dead timers (list, page, replay), and who may use them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import select

from cexdesk.core import outbox, timers
from cexdesk.core.auth import Role
from cexdesk.core.events import Event, HandlerContext, event_type
from cexdesk.core.models import AuditEntry, EventDelivery, Timer
from cexdesk.core.settings import Settings
from tests.personas import STAFF, Desk
from tests.test_auth import assert_problem, bearer, make_agent


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # Two attempts make a delivery dead quickly; back-off of a second keeps the clock simple.
    return settings.model_copy(update={"outbox_max_attempts": 2, "outbox_backoff_seconds": 1.0})


@event_type("test.admin_probe")
@dataclass(frozen=True)
class Probe(Event):
    n: int


@dataclass
class Flaky:
    """A handler (for events and timers alike) that fails until it is told to recover."""

    failing: bool = True
    handled: int = 0

    async def on_event(self, event: Probe, context: HandlerContext) -> None:
        await self._run()

    async def on_timer(self, payload: dict[str, object], context: HandlerContext) -> None:
        await self._run()

    async def _run(self) -> None:
        if self.failing:
            raise RuntimeError("the downstream system is down")
        self.handled += 1


async def exhaust_attempts(desk: Desk) -> None:
    """Run the background work through every attempt and its back-off."""
    for _ in range(desk.ctx.settings.outbox_max_attempts):
        await desk.settle()
        desk.ctx.clock.advance(seconds=5)


async def dead_letters(desk: Desk, flaky: Flaky, count: int) -> list[int]:
    desk.ctx.subscriptions.subscribe(Probe, "test.admin_flaky", flaky.on_event)
    for n in range(count):
        async with desk.ctx.db.transaction() as session:
            await outbox.record(session, Probe(n=n))
    await exhaust_attempts(desk)
    async with desk.ctx.db.reading() as session:
        ids = await session.execute(
            select(EventDelivery.id)
            .where(EventDelivery.status == "dead")
            .order_by(EventDelivery.id)
        )
        return list(ids.scalars())


async def test_dead_letters_are_listed_newest_first_and_paged(desk: Desk) -> None:
    ada = await desk.staff("ada")
    dead = await dead_letters(desk, Flaky(), 3)
    assert len(dead) == 3
    first = (await ada.get("/api/v1/admin/dead-letters", params={"limit": 2})).json()
    assert [item["id"] for item in first["items"]] == [dead[2], dead[1]]
    item = first["items"][0]
    assert item["event_type"] == "test.admin_probe" and item["handler"] == "test.admin_flaky"
    assert item["attempts"] == 2 and "downstream system is down" in item["last_error"]
    assert item["payload"] == {"n": 2}
    rest = (
        await ada.get(
            "/api/v1/admin/dead-letters", params={"limit": 2, "before_id": first["next_before_id"]}
        )
    ).json()
    assert [item["id"] for item in rest["items"]] == [dead[0]]
    assert rest["next_before_id"] is None


async def test_replaying_a_dead_letter_runs_it_again_and_is_audited(desk: Desk) -> None:
    ada = await desk.staff("ada")
    flaky = Flaky()
    [delivery_id] = await dead_letters(desk, flaky, 1)
    flaky.failing = False
    replayed = await ada.post(f"/api/v1/admin/dead-letters/{delivery_id}/replay")
    assert replayed.json() == {"id": delivery_id, "status": "pending"}
    await desk.settle()
    assert flaky.handled == 1
    assert (await ada.get("/api/v1/admin/dead-letters")).json()["items"] == []
    async with desk.ctx.db.reading() as session:
        delivery = await session.get(EventDelivery, delivery_id)
        assert delivery is not None and delivery.status == "done"
        entry = (
            await session.execute(
                select(AuditEntry).where(AuditEntry.action == "outbox.delivery_replayed")
            )
        ).scalar_one()
        assert (entry.actor_type, entry.actor_id) == ("agent", str(ada.id))
        assert entry.subject_id == str(delivery_id)
    # It is no longer dead, so a second replay finds nothing to replay.
    again = await ada.post(f"/api/v1/admin/dead-letters/{delivery_id}/replay")
    assert_problem(again, 404)


async def dead_timers(desk: Desk, flaky: Flaky, keys: list[str]) -> list[int]:
    desk.ctx.timer_kinds.register("test.admin_flaky", flaky.on_timer)
    async with desk.ctx.db.transaction() as session:
        for key in keys:
            await timers.schedule(
                session, "test.admin_flaky", key, desk.ctx.clock.now(), {"key": key}
            )
    await exhaust_attempts(desk)
    async with desk.ctx.db.reading() as session:
        ids = await session.execute(
            select(Timer.id).where(Timer.status == "dead").order_by(Timer.id)
        )
        return list(ids.scalars())


async def test_dead_timers_are_listed_and_replayed(desk: Desk) -> None:
    ada = await desk.staff("ada")
    flaky = Flaky()
    dead = await dead_timers(desk, flaky, ["probe:1", "probe:2"])
    assert len(dead) == 2
    page = (await ada.get("/api/v1/admin/dead-timers", params={"limit": 1})).json()
    assert [item["id"] for item in page["items"]] == [dead[1]]
    assert page["items"][0]["key"] == "probe:2" and page["items"][0]["kind"] == "test.admin_flaky"
    assert page["items"][0]["attempts"] == 2 and page["next_before_id"] == dead[1]
    flaky.failing = False
    desk.ctx.clock.advance(hours=1)
    assert (await ada.post(f"/api/v1/admin/dead-timers/{dead[0]}/replay")).status_code == 200
    await desk.settle()
    assert flaky.handled == 1  # only the replayed one ran
    left = (await ada.get("/api/v1/admin/dead-timers")).json()["items"]
    assert [item["id"] for item in left] == [dead[1]]
    async with desk.ctx.db.reading() as session:
        timer = await session.get(Timer, dead[0])
        assert timer is not None and timer.status == "done"
        assert timer.done_at is not None and timer.done_at >= desk.ctx.clock.now() - timedelta(
            seconds=1
        )
        actions = list(await session.scalars(select(AuditEntry.action)))
    assert "timer.replayed" in actions
    assert_problem(await ada.post(f"/api/v1/admin/dead-timers/{dead[0]}/replay"), 404)
    assert_problem(await ada.post("/api/v1/admin/dead-timers/424242/replay"), 404)


# --- who may use the admin routes -------------------------------------------------------

ADMIN_ONLY = {Role.ADMIN}
AUDITORS = {Role.SECURITY, Role.SUPERVISOR, Role.ADMIN}

# (method, path, roles allowed); a spec written out rather than derived from the code.
MATRIX: list[tuple[str, str, set[Role]]] = [
    ("GET", "/api/v1/admin/dead-letters", ADMIN_ONLY),
    ("GET", "/api/v1/admin/dead-timers", ADMIN_ONLY),
    ("POST", "/api/v1/admin/dead-letters/424242/replay", ADMIN_ONLY),
    ("POST", "/api/v1/admin/dead-timers/424242/replay", ADMIN_ONLY),
    ("GET", "/api/v1/admin/audit", AUDITORS),
    ("GET", "/api/v1/admin/audit/verify", AUDITORS),
    ("GET", "/api/v1/tokens", ADMIN_ONLY),
]


async def client_for(desk: Desk, role: Role) -> httpx.AsyncClient:
    if role is Role.CUSTOMER:
        return (await desk.customer("alice")).client
    named = [name for name, (staff_role, _, _) in STAFF.items() if staff_role is role]
    if named:
        return (await desk.staff(named[0])).client
    return await bearer(desk, await make_agent(desk, role.value, role))


@pytest.mark.parametrize("role", list(Role))
async def test_permission_matrix(desk: Desk, role: Role) -> None:
    client = await client_for(desk, role)
    for method, path, allowed in MATRIX:
        response = await client.request(method, path)
        if role not in allowed:
            assert_problem(response, 403)
        elif method == "POST":
            assert_problem(response, 404)  # allowed in, and nothing is dead with that id
        else:
            assert response.status_code == 200, (role, path, response.text)


async def test_admin_routes_need_a_signed_in_caller(desk: Desk) -> None:
    anonymous = desk.anonymous()
    garbage = desk.client({"Authorization": "Bearer cxs_not-a-session"})
    for method, path, _ in MATRIX:
        assert_problem(await anonymous.request(method, path), 401)
        assert_problem(await garbage.request(method, path), 401)
