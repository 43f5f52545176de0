"""The transactional outbox: delivery after commit, retries, dead letters, leases, races."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass, field

import httpx
import pytest
from sqlalchemy import select, text

from cexdesk.app import AppContext, build_context, create_app
from cexdesk.core import outbox
from cexdesk.core.clock import FakeClock
from cexdesk.core.errors import NotFound
from cexdesk.core.events import Event, Handler, HandlerContext, Subscriptions, event_type
from cexdesk.core.models import EventDelivery, OutboxEvent
from cexdesk.core.outbox import Dispatcher
from cexdesk.core.settings import Settings
from cexdesk.tickets import events as ticket_events
from cexdesk.wiring import build_subscriptions
from tests.personas import Desk


@event_type("test.pinged")
@dataclass(frozen=True)
class Pinged(Event):
    n: int
    tags: list[str] = field(default_factory=list)


@dataclass
class Recorder:
    """Test handlers: each writes an effect row in its own transaction, some fail on cue."""

    calls: list[tuple[str, int, int]] = field(default_factory=list)
    failures_left: dict[str, int] = field(default_factory=dict)

    def handler(self, name: str) -> Handler:
        async def handle(event: Pinged, context: HandlerContext) -> None:
            assert isinstance(event, Pinged)
            self.calls.append((name, event.n, context.attempt))
            await context.session.execute(
                text("INSERT INTO test_effects (event_id, handler, n) VALUES (:e, :h, :n)"),
                {"e": context.event_id, "h": name, "n": event.n},
            )
            # Yield so concurrent dispatchers really interleave.
            await asyncio.sleep(0)
            if self.failures_left.get(name, 0) > 0:
                self.failures_left[name] -= 1
                raise RuntimeError(f"{name} fails on cue")

        return handle


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


async def _outbox_context(
    settings: Settings, clock: FakeClock, recorder: Recorder, *, isolated: bool
) -> AppContext:
    subscriptions = Subscriptions()
    for name in ("test.first", "test.second"):
        subscriptions.subscribe(Pinged, name, recorder.handler(name), isolated=isolated)
    settings = settings.model_copy(
        update={
            "outbox_max_attempts": 3,
            "outbox_backoff_seconds": 10.0,
            "outbox_lease_seconds": 30,
        }
    )
    context = build_context(settings, clock=clock, subscriptions=subscriptions)
    await context.start(background=False)
    async with context.db.transaction() as session:
        await session.execute(
            text("CREATE TABLE test_effects (event_id BIGINT, handler VARCHAR(40), n INTEGER)")
        )
    return context


@pytest.fixture(params=["batched", "isolated"])
async def octx(
    request: pytest.FixtureRequest, settings: Settings, clock: FakeClock, recorder: Recorder
) -> AsyncIterator[AppContext]:
    """Both ways a handler can run: many to a transaction, or alone under a lease."""
    context = await _outbox_context(settings, clock, recorder, isolated=request.param == "isolated")
    try:
        yield context
    finally:
        await context.stop()


@pytest.fixture
async def leased(
    settings: Settings, clock: FakeClock, recorder: Recorder
) -> AsyncIterator[AppContext]:
    context = await _outbox_context(settings, clock, recorder, isolated=True)
    try:
        yield context
    finally:
        await context.stop()


async def ping(context: AppContext, *numbers: int) -> list[int]:
    async with context.db.transaction() as session:
        return [await outbox.record(session, Pinged(n, ["x"])) for n in numbers]


async def effects(context: AppContext) -> list[tuple[int, str, int]]:
    async with context.db.reading() as session:
        rows = await session.execute(
            text("SELECT event_id, handler, n FROM test_effects ORDER BY event_id, handler")
        )
        return [(int(r[0]), str(r[1]), int(r[2])) for r in rows]


async def deliveries(context: AppContext) -> list[EventDelivery]:
    async with context.db.reading() as session:
        rows = list((await session.scalars(select(EventDelivery).order_by(EventDelivery.id))).all())
        session.expunge_all()  # keep them readable after the read session rolls back
        return rows


def second_dispatcher(context: AppContext) -> Dispatcher:
    """Another worker on the same database, as a second process would have."""
    first = context.runner.dispatcher
    return Dispatcher(
        context.db,
        context.subscriptions,
        context.clock,
        context.hub,
        services=context.services,
        max_attempts=first.max_attempts,
        backoff_seconds=first.backoff_seconds,
        lease_seconds=first.lease.total_seconds(),
    )


async def test_event_reaches_each_subscribed_handler_once(
    octx: AppContext, recorder: Recorder
) -> None:
    [event_id] = await ping(octx, 7)
    assert await octx.runner.drain() == 2
    assert sorted(recorder.calls) == [("test.first", 7, 1), ("test.second", 7, 1)]
    assert await effects(octx) == [(event_id, "test.first", 7), (event_id, "test.second", 7)]
    assert {(d.handler, d.status, d.attempts) for d in await deliveries(octx)} == {
        ("test.first", "done", 1),
        ("test.second", "done", 1),
    }
    # Nothing left: running again delivers nothing.
    assert await octx.runner.drain() == 0


async def test_payload_round_trips_through_json(octx: AppContext, recorder: Recorder) -> None:
    async with octx.db.transaction() as session:
        with pytest.raises(TypeError):
            await outbox.record(session, Pinged(1, [object()]))  # type: ignore[list-item]
        await session.rollback()
    assert await deliveries(octx) == []


async def test_handler_failing_once_is_retried_after_backoff_and_takes_effect_once(
    octx: AppContext, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.failures_left["test.first"] = 1
    [event_id] = await ping(octx, 1)
    await octx.runner.drain()
    # The failed attempt rolled back its effect; the other handler was not held up.
    assert await effects(octx) == [(event_id, "test.second", 1)]
    failed = next(d for d in await deliveries(octx) if d.handler == "test.first")
    assert (failed.status, failed.attempts) == ("pending", 1)
    assert failed.last_error is not None and "fails on cue" in failed.last_error
    assert failed.next_attempt_at == clock.now() + outbox.backoff(10.0, 1)

    clock.advance(9)
    assert await octx.runner.drain() == 0  # not due yet
    clock.advance(1)
    assert await octx.runner.drain() == 1
    assert await effects(octx) == [(event_id, "test.first", 1), (event_id, "test.second", 1)]
    done = next(d for d in await deliveries(octx) if d.handler == "test.first")
    assert (done.status, done.attempts, done.last_error) == ("done", 2, None)
    assert [c for c in recorder.calls if c[0] == "test.first"] == [
        ("test.first", 1, 1),
        ("test.first", 1, 2),
    ]


async def test_backoff_doubles_and_is_capped() -> None:
    assert [outbox.backoff(2, n).total_seconds() for n in (1, 2, 3, 4)] == [2, 4, 8, 16]
    assert outbox.backoff(2, 40).total_seconds() == outbox.MAX_BACKOFF_SECONDS


async def test_dead_after_max_attempts_listed_and_replayed(
    octx: AppContext, clock: FakeClock, recorder: Recorder
) -> None:
    recorder.failures_left["test.first"] = 3
    [event_id] = await ping(octx, 5)
    for _ in range(3):
        await octx.runner.drain()
        clock.advance(3600)
    async with octx.db.reading() as session:
        dead = await outbox.list_dead(session)
        assert await outbox.pending_count(session) == 0
    assert len(dead) == 1
    assert (dead[0].event_id, dead[0].event_type, dead[0].handler, dead[0].attempts) == (
        event_id,
        "test.pinged",
        "test.first",
        3,
    )
    assert dead[0].payload == {"n": 5, "tags": ["x"]}
    assert await effects(octx) == [(event_id, "test.second", 5)]

    # An admin replays it once the cause is fixed (here: the handler stops failing).
    async with octx.db.transaction() as session:
        await outbox.replay_dead(session, dead[0].id)
    assert await octx.runner.drain() == 1
    assert await effects(octx) == [(event_id, "test.first", 5), (event_id, "test.second", 5)]
    async with octx.db.reading() as session:
        assert await outbox.list_dead(session) == []
        with pytest.raises(NotFound):
            await outbox.replay_dead(session, dead[0].id)


async def test_events_of_a_rolled_back_transaction_never_run(
    octx: AppContext, recorder: Recorder
) -> None:
    async def use_case() -> None:
        async with octx.db.transaction() as session:
            await outbox.record(session, Pinged(9))
            raise RuntimeError("use case failed")

    with pytest.raises(RuntimeError, match="use case failed"):
        await use_case()
    assert await octx.runner.drain() == 0
    assert recorder.calls == []
    assert await deliveries(octx) == []


async def test_expired_lease_lets_another_worker_take_over(
    leased: AppContext, clock: FakeClock, recorder: Recorder
) -> None:
    octx = leased
    [event_id] = await ping(octx, 3)
    crashed = octx.runner.dispatcher
    claimed = await crashed.claim(10)
    assert len(claimed) == 2
    # The worker "dies" holding its leases: nobody else may take them yet...
    survivor = second_dispatcher(octx)
    assert await survivor.run_once() == 0
    clock.advance(31)
    # ...until they run out.
    assert await survivor.run_once() == 2
    assert len(await effects(octx)) == 2
    # If the first worker was only slow, not dead, it finds the work taken and does nothing.
    assert [await crashed.deliver(d) for d in claimed] == [False, False]
    assert await effects(octx) == [(event_id, "test.first", 3), (event_id, "test.second", 3)]
    assert all(d.locked_by == survivor.worker_id for d in await deliveries(octx))


async def test_concurrent_dispatchers_never_deliver_twice(
    octx: AppContext, recorder: Recorder
) -> None:
    if octx.db.dialect != "postgresql":
        pytest.skip("concurrent workers share one database only on PostgreSQL")
    numbers = list(range(120))
    await ping(octx, *numbers)
    workers = [octx.runner.dispatcher, second_dispatcher(octx), second_dispatcher(octx)]
    handled: dict[str, int] = {}

    async def work(dispatcher: Dispatcher) -> None:
        while True:
            # Small batches so the workers keep racing for the same rows.
            done = await dispatcher.run_once(limit=5)
            handled[dispatcher.worker_id] = handled.get(dispatcher.worker_id, 0) + done
            if done == 0:
                return

    await asyncio.gather(*(work(w) for w in workers))
    rows = await effects(octx)
    assert len(rows) == 2 * len(numbers)
    assert len(set(rows)) == len(rows)
    assert sum(handled.values()) == 2 * len(numbers)
    assert len(recorder.calls) == 2 * len(numbers)
    assert {d.status for d in await deliveries(octx)} == {"done"}


async def test_api_story_each_event_handled_once_in_effect_though_handler_fails_once(
    settings: Settings, clock: FakeClock
) -> None:
    """The foundation's story through the API, with a flaky handler on every ticket event:
    a customer opens a ticket, an agent replies, the customer answers and it reopens."""
    failed_once: set[int] = set()

    async def flaky(event: Event, context: HandlerContext) -> None:
        await context.session.execute(
            text("INSERT INTO test_effects (event_id, handler, n) VALUES (:e, 'flaky', 0)"),
            {"e": context.event_id},
        )
        if context.event_id not in failed_once:
            failed_once.add(context.event_id)
            raise RuntimeError("first attempt fails")

    subscriptions = build_subscriptions()
    for event_cls in (
        ticket_events.TicketCreated,
        ticket_events.MessageAdded,
        ticket_events.TicketStatusChanged,
        ticket_events.TicketAssigned,
    ):
        subscriptions.subscribe(event_cls, "test.flaky", flaky)
    context = build_context(settings, clock=clock, subscriptions=subscriptions)
    await context.start(background=False)
    async with context.db.transaction() as session:
        await session.execute(
            text("CREATE TABLE test_effects (event_id BIGINT, handler VARCHAR(40), n INTEGER)")
        )
    desk = Desk(context, httpx.ASGITransport(app=create_app(context, manage_lifecycle=False)))
    try:
        alice = await desk.customer("alice")
        tom = await desk.staff("tom")

        async def settle() -> None:
            await desk.settle()  # first attempts fail...
            clock.advance(settings.outbox_backoff_seconds)
            await desk.settle()  # ...and the retries succeed

        opened = await alice.post("/api/v1/tickets", json={"subject": "KYC", "body": "Stuck"})
        assert opened.status_code == 201
        ticket_id = opened.json()["id"]
        await settle()
        reply = await tom.post(
            f"/api/v1/tickets/{ticket_id}/replies",
            json={"body": "Please upload the back of your ID.", "status": "pending"},
        )
        assert reply.status_code == 201
        await settle()
        seen = (await alice.get(f"/api/v1/tickets/{ticket_id}/messages")).json()["items"]
        assert [m["author_type"] for m in seen] == ["customer", "agent"]
        answer = await alice.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": "Done"})
        assert answer.status_code == 201
        await settle()
        shown = (await alice.get(f"/api/v1/tickets/{ticket_id}")).json()
        assert shown["ticket"]["status"] == "open"

        async with context.db.reading() as session:
            recorded = list(
                (
                    await session.execute(
                        select(OutboxEvent.id, OutboxEvent.type).order_by(OutboxEvent.id)
                    )
                ).all()
            )
        types = [t for _, t in recorded]
        assert types.count("ticket.message_added") == 3
        assert "ticket.status_changed" in types
        flaky_events = {i for i, t in recorded if "test.flaky" in subscriptions.handler_names(t)}
        effect_rows = [row for row in await effects(context) if row[1] == "flaky"]
        # Exactly one surviving effect per event: the failed first attempts rolled back.
        assert sorted(e for e, _, _ in effect_rows) == sorted(flaky_events)
        assert failed_once == flaky_events
        flaky_deliveries = [d for d in await deliveries(context) if d.handler == "test.flaky"]
        assert {(d.status, d.attempts) for d in flaky_deliveries} == {("done", 2)}
    finally:
        await desk.close()
        await context.stop()


async def test_a_failing_batched_handler_rolls_back_only_its_own_work(
    settings: Settings, clock: FakeClock, recorder: Recorder
) -> None:
    context = await _outbox_context(settings, clock, recorder, isolated=False)
    try:
        recorder.failures_left["test.second"] = 1
        [first, second] = await ping(context, 1, 2)
        assert await context.runner.dispatcher.run_batch() == 4
        # test.second wrote its row and then failed: only that row is gone.
        assert await effects(context) == [
            (first, "test.first", 1),
            (second, "test.first", 2),
            (second, "test.second", 2),
        ]
        failed = [d for d in await deliveries(context) if d.status == "pending"]
        assert [(d.event_id, d.handler, d.attempts) for d in failed] == [(first, "test.second", 1)]
        assert failed[0].last_error is not None
    finally:
        await context.stop()


async def test_a_crashed_batch_leaves_its_work_to_others(
    settings: Settings, clock: FakeClock, recorder: Recorder
) -> None:
    """A worker that dies mid-batch aborts its transaction; nothing it did stays behind."""
    context = await _outbox_context(settings, clock, recorder, isolated=False)
    try:
        if context.db.dialect != "postgresql":
            pytest.skip("a second worker shares the database only on PostgreSQL")
        await ping(context, 5)
        other = second_dispatcher(context)
        async with context.db.write_sessions() as session:
            # The dying worker: it has locked the rows and run a handler's write...
            await session.execute(select(EventDelivery).with_for_update(skip_locked=True))
            await session.execute(text("INSERT INTO test_effects VALUES (0, 'ghost', 0)"))
            assert await other.run_batch() == 0  # ...so the others skip its rows
            await session.rollback()  # and then it dies
        assert await other.run_batch() == 2
        assert [row[1] for row in await effects(context)] == ["test.first", "test.second"]
    finally:
        await context.stop()


async def test_only_if_keeps_unneeded_deliveries_from_being_written(
    settings: Settings, clock: FakeClock, recorder: Recorder
) -> None:
    subscriptions = Subscriptions()
    subscriptions.subscribe(Pinged, "test.first", recorder.handler("test.first"))
    subscriptions.subscribe(
        Pinged, "test.second", recorder.handler("test.second"), only_if=lambda e: e.n > 10
    )
    context = build_context(settings, clock=clock, subscriptions=subscriptions)
    await context.start(background=False)
    try:
        async with context.db.transaction() as session:
            await session.execute(
                text("CREATE TABLE test_effects (event_id BIGINT, handler VARCHAR(40), n INTEGER)")
            )
        await ping(context, 5, 50)
        assert await context.runner.drain() == 3
        assert sorted((name, n) for name, n, _ in recorder.calls) == [
            ("test.first", 5),
            ("test.first", 50),
            ("test.second", 50),
        ]
        assert len(await deliveries(context)) == 3
    finally:
        await context.stop()
