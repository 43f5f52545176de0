"""Console queue benchmark: the team-queue fragment as the waiting queue grows.

    .venv/bin/python bench/console_queue.py                 # SQLite in a temp dir
    .venv/bin/python bench/console_queue.py --postgres postgresql://postgres@127.0.0.1:5432/test

In one process: a fresh database, one agent signed in through the console's sign-in
form (cookie session, as a browser), and the app called through httpx's ASGI transport
(no sockets, so only the server's work is timed). The queue is filled by bulk inserts
to each size in turn; at every size it times ``--reads`` requests of

* the first page of ``GET /console/queue`` (50 rows, the waiting count),
* a deep page (``?after=`` about 90 % down the queue),
* ``GET /api/v1/health`` as the baseline, in the same run, for ratios.

What it shows: a page costs about the same whatever the queue's length, because it is
keyset-paginated and never renders more than 50 rows.
"""

from __future__ import annotations

import argparse
import asyncio
import re
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
from sqlalchemy import insert, text
from sqlalchemy.ext.asyncio import create_async_engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cexdesk.agents import flows as agent_flows  # noqa: E402
from cexdesk.app import build_context, create_app  # noqa: E402
from cexdesk.core import audit  # noqa: E402
from cexdesk.core.auth import Role  # noqa: E402
from cexdesk.core.db import Database  # noqa: E402
from cexdesk.core.settings import Settings  # noqa: E402
from cexdesk.customers.models import Customer  # noqa: E402
from cexdesk.tickets.models import Ticket  # noqa: E402

PASSWORD = "bench-password-long-enough"  # noqa: S105 (a throwaway bench agent)
SIZES = (100, 1_000, 10_000, 50_000)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def timed(client: httpx.AsyncClient, url: str, reads: int) -> list[float]:
    samples = []
    for _ in range(reads):
        started = time.perf_counter()
        response = await client.get(url, headers={"HX-Request": "true"})
        samples.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text[:300]
    return samples


async def fill(db: Database, customer_id: int, start: int, stop: int, now: datetime) -> None:
    """Top the waiting queue up to ``stop`` tickets with bulk inserts (no events)."""
    priorities = ("low", "normal", "high", "urgent")
    async with db.transaction() as session:
        for chunk in range(start, stop, 5_000):
            await session.execute(
                insert(Ticket),
                [
                    {"subject": f"Deposit not credited {n}", "status": "new",
                     "priority": priorities[n % 4], "channel": "email", "language": "en",
                     "requester_id": customer_id, "is_complaint": False,
                     "created_at": now - timedelta(seconds=100_000 - n), "updated_at": now}
                    for n in range(chunk, min(stop, chunk + 5_000))
                ],
            )  # fmt: skip


async def run(database_url: str, data_dir: Path, reads: int) -> None:
    settings = Settings(
        demo=True, database_url=database_url, data_dir=data_dir, cookie_secure=False,
        run_background=False, argon2_memory_kib=1024, argon2_time_cost=1,
    )  # fmt: skip
    context = build_context(settings)
    await context.start(background=False)
    try:
        async with context.db.transaction() as session:
            await agent_flows.create_agent(
                session,
                agent_flows.NewAgent("bench@cexdesk.test", "Bench", Role.AGENT, PASSWORD),
                actor=audit.SYSTEM,
            )
            now = datetime.now(UTC)
            customer = Customer(display_name="Bench", created_at=now, updated_at=now)
            session.add(customer)
            await session.flush()
            customer_id = customer.id
        app = create_app(context, manage_lifecycle=False)
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://bench"
        ) as client:
            signed_in = await client.post(
                "/console/login", data={"email": "bench@cexdesk.test", "password": PASSWORD}
            )
            assert signed_in.status_code == 303, signed_in.text
            print(f"{'queue':>7} {'page':<6} {'median ms':>9} {'p99 ms':>7} {'x health':>8}")
            filled = 0
            for size in SIZES:
                await fill(context.db, customer_id, filled, size, now)
                filled = size
                health = await timed(client, "/api/v1/health", reads)
                first = await timed(client, "/console/queue", reads)
                # Walk to ~90 % down once to find a deep position, then time that page.
                page = (await client.get("/console/queue")).text
                after = None
                for _ in range(int(size * 0.9) // 50):
                    found = re.search(r'hx-get="/console/queue\?after=([^"]+)"', page)
                    if found is None:
                        break
                    after = found.group(1)
                    page = (await client.get(f"/console/queue?after={after}")).text
                deep = await timed(client, f"/console/queue?after={after}", reads) if after else []
                base = statistics.median(health)
                for name, samples in (("health", health), ("first", first), ("deep", deep)):
                    if samples:
                        median = statistics.median(samples)
                        p99 = percentile(samples, 0.99)
                        ratio = median / base
                        print(f"{size:>7} {name:<6} {median:>9.2f} {p99:>7.2f} {ratio:>8.1f}")
    finally:
        await context.stop()


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postgres", help="admin URL; a fresh database is made and dropped")
    parser.add_argument("--reads", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        data_dir = Path(scratch)
        if not args.postgres:
            await run(f"sqlite+aiosqlite:///{data_dir / 'bench.db'}", data_dir, args.reads)
            return
        admin = args.postgres.replace("postgresql://", "postgresql+asyncpg://", 1)
        name = f"cexdesk_bench_{uuid.uuid4().hex[:8]}"
        engine = create_async_engine(admin, isolation_level="AUTOCOMMIT")
        async with engine.connect() as conn:
            await conn.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            await run(admin.rsplit("/", 1)[0] + f"/{name}", data_dir, args.reads)
        finally:
            async with engine.connect() as conn:
                await conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
            await engine.dispose()


if __name__ == "__main__":
    asyncio.run(main())
