"""Timers: rows with a due time, re-armed by key, cancelled, fired once, retried, dead."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select, text

from cexdesk.app import AppContext, build_context
from cexdesk.core import timers
from cexdesk.core.clock import FakeClock
from cexdesk.core.events import HandlerContext
from cexdesk.core.models import Timer
from cexdesk.core.settings import Settings
from cexdesk.core.timers import TimerKinds, TimerRunner


@dataclass
class Fired:
    calls: list[dict[str, Any]] = field(default_factory=list)
    failures_left: int = 0


@pytest.fixture
def fired() -> Fired:
    return Fired()


@pytest.fixture(params=["batched", "isolated"])
async def tctx(
    request: pytest.FixtureRequest, settings: Settings, clock: FakeClock, fired: Fired
) -> AsyncIterator[AppContext]:
    """Both ways a timer can fire: many to a transaction, or alone under a lease."""

    async def note(payload: dict[str, Any], context: HandlerContext) -> None:
        fired.calls.append(payload)
        await context.session.execute(
            text("INSERT INTO test_fired (label, at) VALUES (:label, :at)"),
            {"label": payload["label"], "at": context.clock.now().isoformat()},
        )
        if fired.failures_left > 0:
            fired.failures_left -= 1
            raise RuntimeError("timer fails on cue")

    async def repeat(payload: dict[str, Any], context: HandlerContext) -> None:
        """Re-arms its own key, the way an SLA check that is not yet breached does."""
        fired.calls.append(payload)
        if payload["left"] > 0:
            await timers.schedule(
                context.session,
                "test.repeat",
                "repeat:1",
                context.clock.now() + timedelta(minutes=5),
                {"left": payload["left"] - 1},
            )

    kinds = TimerKinds()
    isolated = request.param == "isolated"
    kinds.register("test.note", note, isolated=isolated)
    kinds.register("test.repeat", repeat, isolated=isolated)
    settings = settings.model_copy(
        update={
            "outbox_max_attempts": 2,
            "outbox_backoff_seconds": 30.0,
            "outbox_lease_seconds": 60,
        }
    )
    context = build_context(settings, clock=clock, timer_kinds=kinds)
    await context.start(background=False)
    async with context.db.transaction() as session:
        await session.execute(text("CREATE TABLE test_fired (label VARCHAR(40), at VARCHAR(40))"))
    try:
        yield context
    finally:
        await context.stop()


async def fired_rows(context: AppContext) -> list[str]:
    async with context.db.reading() as session:
        return [str(r[0]) for r in await session.execute(text("SELECT label FROM test_fired"))]


async def timer_row(context: AppContext, key: str) -> Timer:
    async with context.db.reading() as session:
        timer = (await session.scalars(select(Timer).where(Timer.key == key))).one()
        session.expunge(timer)
        return timer


async def test_fires_when_due_and_only_once(
    tctx: AppContext, clock: FakeClock, fired: Fired
) -> None:
    async with tctx.db.transaction() as session:
        await timers.schedule(
            session, "test.note", "note:a", clock.now() + timedelta(minutes=10), {"label": "a"}
        )
    assert await tctx.runner.drain() == 0
    clock.advance(minutes=9, seconds=59)
    assert await tctx.runner.drain() == 0
    clock.advance(seconds=1)
    assert await tctx.runner.drain() == 1
    assert await fired_rows(tctx) == ["a"]
    clock.advance(hours=1)
    assert await tctx.runner.drain() == 0
    timer = await timer_row(tctx, "note:a")
    assert (timer.status, timer.attempts, timer.done_at) == (
        "done",
        1,
        clock.now() - timedelta(hours=1),
    )


async def test_schedule_again_moves_the_timer(tctx: AppContext, clock: FakeClock) -> None:
    start = clock.now()
    async with tctx.db.transaction() as session:
        await timers.schedule(
            session, "test.note", "k", start + timedelta(minutes=1), {"label": "first"}
        )
    async with tctx.db.transaction() as session:
        await timers.schedule(
            session, "test.note", "k", start + timedelta(minutes=3), {"label": "moved"}
        )
        pending = await timers.pending_timer(session, "k")
        assert pending is not None and pending.due_at == start + timedelta(minutes=3)
    clock.advance(minutes=2)
    assert await tctx.runner.drain() == 0
    clock.advance(minutes=1)
    assert await tctx.runner.drain() == 1
    assert await fired_rows(tctx) == ["moved"]
    # A done timer can be armed again under the same key.
    async with tctx.db.transaction() as session:
        await timers.schedule(session, "test.note", "k", clock.now(), {"label": "again"})
    assert await tctx.runner.drain() == 1
    assert await fired_rows(tctx) == ["moved", "again"]


async def test_cancel(tctx: AppContext, clock: FakeClock) -> None:
    async with tctx.db.transaction() as session:
        await timers.schedule(
            session, "test.note", "c", clock.now() + timedelta(minutes=1), {"label": "c"}
        )
    async with tctx.db.transaction() as session:
        assert await timers.cancel(session, "c") is True
        assert await timers.cancel(session, "c") is False
        assert await timers.cancel(session, "never-armed") is False
        assert await timers.pending_timer(session, "c") is None
    clock.advance(minutes=5)
    assert await tctx.runner.drain() == 0
    assert await fired_rows(tctx) == []
    assert (await timer_row(tctx, "c")).status == "cancelled"


async def test_handler_that_rearms_its_own_key_keeps_the_new_timer(
    tctx: AppContext, clock: FakeClock, fired: Fired
) -> None:
    async with tctx.db.transaction() as session:
        await timers.schedule(session, "test.repeat", "repeat:1", clock.now(), {"left": 2})
    assert await tctx.runner.drain() == 1
    timer = await timer_row(tctx, "repeat:1")
    assert (timer.status, timer.payload, timer.attempts) == ("pending", {"left": 1}, 0)
    assert timer.due_at == clock.now() + timedelta(minutes=5)
    for _ in range(2):
        clock.advance(minutes=5)
        assert await tctx.runner.drain() == 1
    assert [c["left"] for c in fired.calls] == [2, 1, 0]
    assert (await timer_row(tctx, "repeat:1")).status == "done"


async def test_failing_timer_backs_off_rolls_back_and_dies(
    tctx: AppContext, clock: FakeClock, fired: Fired
) -> None:
    fired.failures_left = 5
    async with tctx.db.transaction() as session:
        await timers.schedule(session, "test.note", "bad", clock.now(), {"label": "bad"})
    assert await tctx.runner.drain() == 1
    timer = await timer_row(tctx, "bad")
    assert (timer.status, timer.attempts) == ("pending", 1)
    assert timer.due_at == clock.now() + timedelta(seconds=30)
    assert timer.last_error is not None and "fails on cue" in timer.last_error
    assert await fired_rows(tctx) == []  # the failed attempt's effect was rolled back
    clock.advance(29)
    assert await tctx.runner.drain() == 0
    clock.advance(1)
    assert await tctx.runner.drain() == 1
    timer = await timer_row(tctx, "bad")
    assert (timer.status, timer.attempts) == ("dead", 2)
    clock.advance(hours=5)
    assert await tctx.runner.drain() == 0
    assert len(fired.calls) == 2


async def test_failing_once_then_fires_once(
    tctx: AppContext, clock: FakeClock, fired: Fired
) -> None:
    fired.failures_left = 1
    async with tctx.db.transaction() as session:
        await timers.schedule(session, "test.note", "once", clock.now(), {"label": "once"})
    await tctx.runner.drain()
    clock.advance(30)
    await tctx.runner.drain()
    assert await fired_rows(tctx) == ["once"]
    assert (await timer_row(tctx, "once")).status == "done"


async def test_expired_lease_lets_another_worker_fire(tctx: AppContext, clock: FakeClock) -> None:
    async with tctx.db.transaction() as session:
        await timers.schedule(session, "test.note", "lease", clock.now(), {"label": "lease"})
    first = tctx.runner.timers
    other = TimerRunner(
        tctx.db,
        tctx.timer_kinds,
        clock,
        tctx.hub,
        services=tctx.services,
        max_attempts=2,
        backoff_seconds=30,
        lease_seconds=60,
    )
    # The first worker claims and dies; its lease has to run out before anyone fires.
    from cexdesk.core.leases import claim_due

    [claimed] = await claim_due(
        tctx.db,
        Timer,
        Timer.due_at,
        clock=clock,
        lease=first.lease,
        worker_id=first.worker_id,
        limit=5,
    )
    assert await other.run_once() == 0
    clock.advance(61)
    assert await other.run_once() == 1
    if tctx.timer_kinds.isolated:
        assert await first.fire(claimed) is False
    assert await fired_rows(tctx) == ["lease"]
