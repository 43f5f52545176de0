"""SIGKILL the server while 500 tickets are being created, start it again, and check.

What is shown, on SQLite and (when reachable) PostgreSQL:

* every ticket whose creation returned 201 is in the database, with its first message;
* nothing half-done survived: every recorded event belongs to a ticket that exists, and
  every ticket has its events (the ticket and its events are one transaction);
* after restart the runner delivers everything, including deliveries the dead process
  had leased, and nothing ends dead;
* no event is handled twice in effect: there is exactly one delivery row per (event,
  handler), each ``done`` after exactly one attempt. A handler's effects commit in the
  same transaction that marks its delivery done, and a done delivery is never claimed
  again, so one done row is one application of the effects (test_outbox.py shows this
  with a handler whose effect is counted);
* retrying the requests whose answer was lost, with the same Idempotency-Key, creates
  no second ticket: each customer ends with exactly one.
"""

from __future__ import annotations

import asyncio
import time
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select

from cexdesk.app import build_context
from cexdesk.core.events import from_payload
from cexdesk.core.models import EventDelivery, OutboxEvent
from cexdesk.core.security import sign_exchange_token
from cexdesk.core.settings import DEMO_EXCHANGE_TOKEN_KEY
from cexdesk.customers.models import Customer
from cexdesk.tickets.models import Message, Ticket
from cexdesk.wiring import build_subscriptions
from tests.conftest import PostgresDatabases
from tests.conftest import test_settings as settings_for
from tests.serverproc import ServerProcess

pytestmark = pytest.mark.slow

TICKETS = 500
IN_FLIGHT = 50
KILL_AFTER = 150  # successful creations before the SIGKILL
DRAIN_SECONDS = 90.0  # only a failing run waits this long; a loaded machine needs the room
# Short leases, so deliveries the killed process had claimed come back within the test.
SERVER_ENV = {"CEXDESK_OUTBOX_LEASE_SECONDS": "2", "CEXDESK_RUNNER_POLL_SECONDS": "0.2"}


@pytest.fixture(params=["sqlite", "postgres"])
async def crash_db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'crash.db'}"
        return
    postgres: PostgresDatabases = request.getfixturevalue("postgres")
    name = await postgres.fresh()
    try:
        yield postgres.url_for(name)
    finally:
        await postgres.drop(name)


def customer_token(uid: str) -> str:
    now = int(time.time())
    return sign_exchange_token(
        DEMO_EXCHANGE_TOKEN_KEY, {"uid": uid, "iat": now, "exp": now + 600, "name": uid}
    )


class Load:
    """Creates tickets, one customer each, and remembers what the server answered."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.created: dict[int, int] = {}  # request number -> ticket id answered with 201
        self.failed: set[int] = set()
        self.enough = asyncio.Event()

    async def create(self, client: httpx.AsyncClient, n: int) -> httpx.Response:
        return await client.post(
            f"{self.base_url}/api/v1/tickets",
            json={"subject": f"Withdrawal {n} stuck", "body": f"Request {n}: pending for 2 h."},
            headers={
                "Authorization": f"Bearer {customer_token(f'crash-{n}')}",
                "Idempotency-Key": f"crash-{n}",
            },
        )

    async def run(self, numbers: list[int]) -> None:
        gate = asyncio.Semaphore(IN_FLIGHT)
        limits = httpx.Limits(max_connections=IN_FLIGHT, max_keepalive_connections=IN_FLIGHT)
        async with httpx.AsyncClient(timeout=20, limits=limits) as client:

            async def one(n: int) -> None:
                async with gate:
                    try:
                        response = await self.create(client, n)
                    except httpx.TransportError:
                        self.failed.add(n)
                        return
                if response.status_code == 201:
                    self.created[n] = response.json()["id"]
                    if len(self.created) >= KILL_AFTER:
                        self.enough.set()
                else:
                    self.failed.add(n)

            await asyncio.gather(*(one(n) for n in numbers))


async def test_sigkill_while_creating_tickets_loses_nothing_and_doubles_nothing(
    crash_db: str, tmp_path: Path
) -> None:
    server = ServerProcess(
        "crash", database_url=crash_db, data_dir=tmp_path / "var", env=SERVER_ENV
    )
    await asyncio.to_thread(server.start)
    try:
        load = Load(server.base_url)
        running = asyncio.create_task(load.run(list(range(TICKETS))))
        await asyncio.wait_for(load.enough.wait(), timeout=30)
        server.kill()
        await asyncio.wait_for(running, timeout=30)
        answered = dict(load.created)
        assert len(answered) >= KILL_AFTER
        assert load.failed, "the kill came too late to interrupt anything"

        await asyncio.to_thread(server.start)
        # The client retries what it got no answer for; the key makes it safe.
        retry = Load(server.base_url)
        async with httpx.AsyncClient(timeout=20) as client:
            for n in sorted(load.failed):
                response = await retry.create(client, n)
                assert response.status_code in (200, 201), response.text
                answered.setdefault(n, response.json()["id"])
        assert len(answered) == TICKETS

        await check_database(crash_db, tmp_path, load.created, answered)
    finally:
        server.kill()


async def check_database(
    url: str, tmp_path: Path, created: dict[int, int], answered: dict[int, int]
) -> None:
    context = build_context(settings_for(url, tmp_path / "checker"))
    subscriptions = build_subscriptions()
    try:
        deadline = time.monotonic() + DRAIN_SECONDS
        while True:
            async with context.db.reading() as session:
                statuses = Counter((await session.scalars(select(EventDelivery.status))).all())
            if statuses["pending"] == 0 or time.monotonic() > deadline:
                break
            await asyncio.sleep(0.25)
        assert statuses["pending"] == 0, f"the runner did not drain: {statuses}"
        assert statuses["dead"] == 0

        async with context.db.reading() as session:
            rows = (await session.execute(select(Ticket.id, Ticket.requester_id))).all()
            tickets: dict[int, int] = {ticket_id: requester for ticket_id, requester in rows}
            uids = dict((await session.execute(select(Customer.id, Customer.exchange_uid))).all())
            first_messages = Counter((await session.scalars(select(Message.ticket_id))).all())
            events = (
                await session.execute(select(OutboxEvent.id, OutboxEvent.type, OutboxEvent.payload))
            ).all()
            deliveries = (
                await session.execute(
                    select(
                        EventDelivery.id,
                        EventDelivery.event_id,
                        EventDelivery.handler,
                        EventDelivery.status,
                        EventDelivery.attempts,
                        EventDelivery.done_at,
                    )
                )
            ).all()

        # Every 201 is there, as are tickets committed just before their answer was lost.
        for n, ticket_id in created.items():
            assert ticket_id in tickets, f"ticket {ticket_id} answered 201 but is gone"
            assert uids[tickets[ticket_id]] == f"crash-{n}"
        assert set(answered.values()) == set(tickets)
        # One ticket per customer: the retries created no duplicates.
        assert len(tickets) == TICKETS
        assert Counter(tickets.values()).most_common(1)[0][1] == 1
        assert all(first_messages[t] == 1 for t in tickets)

        # Events and tickets committed together: no orphan events, no ticket without its.
        by_type: dict[str, set[int]] = {}
        for event in events:
            ticket_id = event.payload["ticket_id"]
            assert ticket_id in tickets, f"event {event.id} of a ticket that never committed"
            by_type.setdefault(event.type, set()).add(ticket_id)
        assert by_type["ticket.created"] == set(tickets)
        assert by_type["ticket.message_added"] == set(tickets)
        assert len(events) == 2 * TICKETS  # one created and one first message each

        # Every event reached every handler subscribed to it, once in effect.
        per_pair = Counter((d.event_id, d.handler) for d in deliveries)
        expected: dict[tuple[int, str], int] = {
            (e.id, name): 1
            for e in events
            for name in subscriptions.handlers_for(from_payload(e.type, e.payload))
        }
        assert expected, "no handler is subscribed to ticket events"
        assert dict(per_pair) == expected
        not_once: list[Any] = [
            (d.id, d.status, d.attempts)
            for d in deliveries
            if (d.status, d.attempts) != ("done", 1)
        ]
        assert not_once == []
        assert all(d.done_at is not None for d in deliveries)
    finally:
        await context.db.dispose()
