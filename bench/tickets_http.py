"""Ticket API benchmark: create over HTTP at concurrency 1/2/4/8, then list/show at 100k.

    .venv/bin/python bench/tickets_http.py                       # SQLite in a temp dir
    .venv/bin/python bench/tickets_http.py --postgres postgresql://postgres@127.0.0.1:5432/test

It starts ``python -m cexdesk serve`` as a subprocess (fresh SQLite file, or a fresh
PostgreSQL database created through the given admin URL and dropped afterwards) and
talks to it over keep-alive HTTP/1.1 connections with a minimal asyncio client, so the
client costs as little CPU as possible on the same machine.

1. Create: every client is a distinct exchange user with its own signed token and its
   own connection; each posts tickets back to back for ``--seconds`` per level.
2. Fill: the database is topped up to ``--fill`` tickets (one message each) by bulk
   inserts through SQLAlchemy Core straight into the tables from this process (no
   events, no HTTP): only the list/show reads below are measured on that data.
3. Read: GET /api/v1/tickets (first page; a status filter; a deep cursor page ~90 %
   down the table, with and without the filter) and GET /api/v1/tickets/{id}, each
   ``--reads`` times at concurrency 1, as an agent with an API token.

A baseline, GET /api/v1/health (one read query, no auth), is measured in the same run so
figures can be compared across machines as ratios.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from cexdesk.core.security import sign_exchange_token  # noqa: E402

SUBJECT = "Deposit not credited"
BODY = (
    "I deposited 250 USDT via TRC20 two hours ago and it is still not in my account. "
    "TxID: 9f1c0a57d2b3e8f4a6c1d0e9b8a7f6e5d4c3b2a1908f7e6d5c4b3a2918f7e6d5"
)


# A minimal HTTP/1.1 keep-alive client (Content-Length bodies only, which is what uvicorn
# sends for JSON), so that the load generator does not eat the server's CPU.


class Connection:
    def __init__(self, host: str, port: int, headers: dict[str, str]) -> None:
        self.host = host
        self.port = port
        self.extra = "".join(f"{k}: {v}\r\n" for k, v in headers.items())
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        sock = self.writer.get_extra_info("socket")
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    async def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, bytes]:
        if self.writer is None:
            await self.open()
        assert self.reader is not None and self.writer is not None
        head = f"{method} {path} HTTP/1.1\r\nHost: {self.host}\r\n{self.extra}"
        if body is not None:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        self.writer.write((head + "\r\n").encode() + (body or b""))
        raw = await self.reader.readuntil(b"\r\n\r\n")
        lines = raw.decode("latin-1").split("\r\n")
        status = int(lines[0].split(" ", 2)[1])
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.lower() == "content-length":
                length = int(value)
            elif name.lower() == "transfer-encoding":
                raise RuntimeError("chunked responses are not supported by this client")
        payload = await self.reader.readexactly(length) if length else b""
        return status, payload

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)  # seconds
    elapsed: float = 0.0
    errors: int = 0
    concurrency: int = 1
    server_cpu: float = 0.0  # seconds of server CPU spent during the phase

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000

    def row(self, baseline_p50: float | None = None) -> dict[str, Any]:
        row = {
            "name": self.name,
            "concurrency": self.concurrency,
            "requests": len(self.latencies),
            "errors": self.errors,
            "per_second": round(self.rate, 1),
            "p50_ms": round(self.pct(0.50), 2),
            "p99_ms": round(self.pct(0.99), 2),
            "max_ms": round(max(self.latencies) * 1000, 2) if self.latencies else None,
            "cpu_ms_per_req": round(self.server_cpu * 1000 / len(self.latencies), 2)
            if self.latencies
            else None,
        }
        if baseline_p50:
            row["p50_vs_health"] = round(self.pct(0.50) / baseline_p50, 2)
        return row


# The server under test


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


# Runs `cexdesk serve` under cProfile with a CPU-time clock, so the profile says where the
# server's CPU goes even on a machine shared with other work; dumped on SIGTERM.
PROFILED_SERVE = """
import cProfile, signal, sys, time
# uvicorn re-raises the SIGTERM it caught once it has shut down; exit through Python then.
signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
profile = cProfile.Profile(time.process_time)
sys.argv = ["cexdesk", "serve"]
from cexdesk.cli import app
profile.enable()
try:
    app(standalone_mode=False)
finally:
    profile.disable()
    profile.dump_stats(sys.orig_argv[-1])
"""


class Server:
    def __init__(self, database_url: str, workdir: Path, profile: Path | None = None) -> None:
        self.profile = profile
        self.port = free_port()
        self.workdir = workdir
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("CEXDESK_")},
            "CEXDESK_DATABASE_URL": database_url,
            "CEXDESK_DATA_DIR": str(workdir / "var"),
            "CEXDESK_HOST": "127.0.0.1",
            "CEXDESK_PORT": str(self.port),
            "CEXDESK_SECRET_KEY": secrets.token_urlsafe(48),
            "CEXDESK_EXCHANGE_TOKEN_KEY": secrets.token_urlsafe(48),
            "CEXDESK_EXCHANGE_TOKEN_MAX_AGE_SECONDS": "7200",
            "PYTHONPATH": str(ROOT / "src"),
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.log_path = workdir / "serve.log"

    def start(self) -> None:
        with self.log_path.open("wb") as log:
            command = [sys.executable, "-m", "cexdesk", "serve"]
            if self.profile is not None:
                command = [sys.executable, "-c", PROFILED_SERVE, str(self.profile.resolve())]
            self.process = subprocess.Popen(
                command,
                env=self.env,
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
            )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"serve exited:\n{self.log_path.read_text()[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        raise TimeoutError("serve did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (user + system, all threads)."""
        if self.process is None:
            return 0.0
        try:
            fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def customer_token(self, uid: str) -> str:
        now = int(time.time())
        claims = {"uid": uid, "iat": now, "exp": now + 7000, "name": f"Bench {uid}", "lang": "en"}
        return sign_exchange_token(self.env["CEXDESK_EXCHANGE_TOKEN_KEY"], claims)


# Phases


async def create_tickets(server: Server, concurrency: int, seconds: float, run: str) -> Result:
    result = Result(f"POST /tickets c={concurrency}", concurrency=concurrency)
    clients = []
    for number in range(concurrency):
        token = server.customer_token(f"bench-{run}-c{concurrency}-{number}")
        conn = Connection("127.0.0.1", server.port, {"Authorization": f"Bearer {token}"})
        status, body = await conn.request("GET", "/api/v1/me")  # creates the customer
        if status != 200:
            raise RuntimeError(f"/me answered {status}: {body[:300]!r}")
        clients.append(conn)
    payload = json.dumps(
        {
            "subject": SUBJECT,
            "body": BODY,
            "channel": "web",
            "category": "deposit",
            "subcategory": "pending-confirmations",
        }
    ).encode()
    stop_at = time.perf_counter() + seconds

    async def client(conn: Connection) -> None:
        while time.perf_counter() < stop_at:
            started = time.perf_counter()
            status, body = await conn.request("POST", "/api/v1/tickets", payload)
            if status == 201:
                result.latencies.append(time.perf_counter() - started)
            else:
                result.errors += 1
                if result.errors <= 3:
                    print(f"  POST answered {status}: {body[:200]!r}", file=sys.stderr)

    began, cpu = time.perf_counter(), server.cpu_seconds()
    await asyncio.gather(*(client(c) for c in clients))
    result.elapsed = time.perf_counter() - began
    result.server_cpu = server.cpu_seconds() - cpu
    for conn in clients:
        await conn.close()
    return result


async def timed_gets(
    server: Server, name: str, paths: list[str], headers: dict[str, str], concurrency: int = 1
) -> Result:
    result = Result(name, concurrency=concurrency)
    conns = [Connection("127.0.0.1", server.port, headers) for _ in range(concurrency)]
    for conn in conns:  # warm the connection and the server's statement caches
        for path in paths[:5]:
            await conn.request("GET", path)
    queue = list(paths)

    async def client(conn: Connection) -> None:
        while queue:
            path = queue.pop()
            started = time.perf_counter()
            status, body = await conn.request("GET", path)
            if status == 200:
                result.latencies.append(time.perf_counter() - started)
            else:
                result.errors += 1
                if result.errors <= 3:
                    print(f"  GET {path} answered {status}: {body[:200]!r}", file=sys.stderr)

    began, cpu = time.perf_counter(), server.cpu_seconds()
    await asyncio.gather(*(client(c) for c in conns))
    result.elapsed = time.perf_counter() - began
    result.server_cpu = server.cpu_seconds() - cpu
    for conn in conns:
        await conn.close()
    return result


async def staff_token(database_url: str, workdir: Path) -> str:
    """An agent and a read-scoped API token, made through the agents' flows."""
    from cexdesk.agents import flows as agent_flows
    from cexdesk.app import build_context
    from cexdesk.core import audit
    from cexdesk.core.auth import Role
    from cexdesk.core.settings import Settings

    settings = Settings(demo=True, database_url=database_url, data_dir=workdir / "var")
    context = build_context(settings)
    try:
        async with context.db.transaction() as session:
            agent = await agent_flows.create_agent(
                session,
                agent_flows.NewAgent(
                    f"bench-{uuid.uuid4().hex[:8]}@bench.invalid",
                    "Bench Agent",
                    Role.AGENT,
                    secrets.token_urlsafe(16),
                ),
                actor=audit.SYSTEM,
            )
            token, _ = await agent_flows.create_api_token(
                session,
                agent,
                "bench",
                ["tickets:read_all", "tickets:read_internal", "customers:read"],
                actor=audit.SYSTEM,
            )
    finally:
        await context.db.dispose()
    return token


async def fill(database_url: str, target: int) -> tuple[int, float]:
    """Bulk-insert tickets (one message each) until the table holds ``target``."""
    from sqlalchemy import func, insert, select, text
    from sqlalchemy.ext.asyncio import create_async_engine

    from cexdesk.customers.models import Customer
    from cexdesk.tickets.models import Message, Ticket, TicketTag

    engine = create_async_engine(database_url)
    rng = random.Random(7)
    began = time.perf_counter()
    async with engine.begin() as conn:
        existing = (await conn.execute(select(func.count()).select_from(Ticket))).scalar_one()
        missing = max(0, target - existing)
        now = datetime.now(UTC)
        customers = [
            {
                "exchange_uid": f"fill-{uuid.uuid4().hex[:12]}",
                "display_name": f"Fill {n}",
                "language": rng.choice(("en", "zh-Hans", "ru", "vi", "tr", "es")),
                "region": None,
                "vip_tier": rng.choice((0, 0, 0, 0, 1, 3)),
                "kyc_state": "verified",
                "created_at": now,
                "updated_at": now,
            }
            for n in range(2000)
        ]
        await conn.execute(insert(Customer), customers)
        ids = list(
            (
                await conn.execute(select(Customer.id).where(Customer.exchange_uid.like("fill-%")))
            ).scalars()
        )
        statuses = ("new", "open", "open", "pending", "solved", "closed", "closed", "closed")
        categories = ("deposit", "withdrawal", "account", "p2p", "trading", "security")
        batch = 5000
        done = 0
        while done < missing:
            size = min(batch, missing - done)
            at = now - timedelta(seconds=missing - done)
            tickets = [
                {
                    "subject": f"{SUBJECT} #{done + i}",
                    "status": rng.choice(statuses),
                    "priority": rng.choice(("low", "normal", "normal", "normal", "high")),
                    "category": rng.choice(categories),
                    "subcategory": None,
                    "channel": rng.choice(("web", "chat", "email", "telegram")),
                    "language": "en",
                    "requester_id": rng.choice(ids),
                    "assignee_id": None,
                    "team_id": None,
                    "is_complaint": False,
                    "created_at": at,
                    "updated_at": at,
                    "solved_at": None,
                    "closed_at": None,
                    "idempotency_key": None,
                }
                for i in range(size)
            ]
            first = await conn.execute(insert(Ticket).returning(Ticket.id), tickets)
            new_ids = list(first.scalars())
            await conn.execute(
                insert(Message),
                [
                    {
                        "ticket_id": ticket_id,
                        "author_type": "customer",
                        "author_id": None,
                        "internal": False,
                        "body": BODY,
                        "body_html": None,
                        "channel": "web",
                        "external_id": None,
                        "created_at": at,
                    }
                    for ticket_id in new_ids
                ],
            )
            tagged = [{"ticket_id": t, "tag": "tx-hash"} for t in new_ids if t % 7 == 0]
            if tagged:
                await conn.execute(insert(TicketTag), tagged)
            done += size
        total = (await conn.execute(select(func.count()).select_from(Ticket))).scalar_one()
    # Fresh statistics, as autovacuum / a periodic ANALYZE would give a real deployment.
    async with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            await conn.execution_options(isolation_level="AUTOCOMMIT")
            await conn.execute(text("ANALYZE"))
        else:
            await conn.execute(text("ANALYZE"))
            await conn.commit()
    await engine.dispose()
    return int(total), time.perf_counter() - began


async def wait_for_background(database_url: str, limit: float = 600.0) -> float:
    """Seconds until the server's runner has no pending outbox delivery left."""
    from sqlalchemy import func, select
    from sqlalchemy.ext.asyncio import create_async_engine

    from cexdesk.core.models import EventDelivery

    engine = create_async_engine(database_url)
    began = time.perf_counter()
    try:
        while time.perf_counter() - began < limit:
            async with engine.connect() as conn:
                pending = (
                    await conn.execute(
                        select(func.count())
                        .select_from(EventDelivery)
                        .where(EventDelivery.status == "pending")
                    )
                ).scalar_one()
            if pending == 0:
                break
            await asyncio.sleep(0.25)
    finally:
        await engine.dispose()
    return time.perf_counter() - began


# Orchestration


async def create_postgres_database(admin_url: str) -> tuple[str, str]:
    import asyncpg

    name = f"cexdesk_bench_{uuid.uuid4().hex[:8]}"
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    base = admin_url.rsplit("/", 1)[0].split("://", 1)[1]
    return name, f"postgresql+asyncpg://{base}/{name}"


async def drop_postgres_database(admin_url: str, name: str) -> None:
    import asyncpg

    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await conn.close()


def print_table(title: str, rows: list[dict[str, Any]]) -> None:
    print(f"\n{title}")
    columns = ["name", "requests", "errors", "per_second", "p50_ms", "p99_ms", "max_ms",
               "cpu_ms_per_req"]  # fmt: skip
    if any("p50_vs_health" in r for r in rows):
        columns.append("p50_vs_health")
    widths = {c: max(len(c), *(len(str(r.get(c, ""))) for r in rows)) for c in columns}
    print("  ".join(c.ljust(widths[c]) for c in columns))
    for row in rows:
        print("  ".join(str(row.get(c, "")).ljust(widths[c]) for c in columns))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="admin URL; a fresh database is made")
    parser.add_argument("--seconds", type=float, default=10.0, help="per concurrency level")
    parser.add_argument("--levels", default="1,2,4,8")
    parser.add_argument("--fill", type=int, default=100_000, help="tickets for the read phase")
    parser.add_argument("--reads", type=int, default=400, help="requests per read endpoint")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--profile", metavar="FILE", type=Path, help="cProfile the server (CPU time) into FILE"
    )
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="cexdesk-bench-"))
    pg_name = None
    if args.postgres:
        pg_name, database_url = await create_postgres_database(args.postgres)
    else:
        database_url = f"sqlite+aiosqlite:///{workdir / 'bench.db'}"
    server = Server(database_url, workdir, args.profile)
    run = uuid.uuid4().hex[:6]
    figures: dict[str, Any] = {
        "backend": "postgresql" if args.postgres else "sqlite",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
    }
    try:
        server.start()
        print(f"serve on :{server.port}, {figures['backend']}, logs {server.log_path}")
        print(f"load average at start: {figures['load_average_at_start']}")
        health_paths = ["/api/v1/health"] * args.reads
        health = await timed_gets(server, "GET /health (baseline)", health_paths, {})
        base = health.pct(0.5)
        creates = []
        for level in (int(x) for x in args.levels.split(",")):
            creates.append(await create_tickets(server, level, args.seconds, run))
            print(f"  c={level}: {creates[-1].rate:.0f} tickets/s")
        create_rows = [health.row(base)] + [r.row(base) for r in creates]
        print_table("Ticket creation over HTTP (each client its own customer and connection)",
                    create_rows)  # fmt: skip
        figures["create"] = create_rows
        # The runner delivers each ticket's events after its 201; wait for that backlog so
        # the read phase is not measured against it, and report the sustained rate.
        created = sum(len(r.latencies) for r in creates)
        busy = sum(r.elapsed for r in creates)
        drain = await wait_for_background(database_url)
        sustained = created / (busy + drain)
        print(f"\nbackground work (outbox deliveries) drained {drain:.1f} s after the last create;")
        print(f"sustained rate including it: {sustained:.1f} tickets/s")
        figures["background_drain_seconds"] = round(drain, 1)
        figures["sustained_tickets_per_second"] = round(sustained, 1)

        total, fill_seconds = await fill(database_url, args.fill)
        print(f"\nfilled to {total} tickets in {fill_seconds:.1f} s (bulk insert, see docstring)")
        figures["filled_tickets"] = total
        token = await staff_token(database_url, workdir)
        auth = {"Authorization": f"Bearer {token}"}
        from cexdesk.tickets.service import encode_cursor

        deep = encode_cursor(int(total * 0.1))  # ids below this: ~90 % of the table above
        rng = random.Random(3)
        reads = [
            await timed_gets(server, "GET /health (baseline)", health_paths, {}),
            await timed_gets(
                server, "GET /tickets first page", ["/api/v1/tickets?limit=25"] * args.reads, auth
            ),
            await timed_gets(
                server,
                "GET /tickets?status=open",
                ["/api/v1/tickets?status=open&limit=25"] * args.reads,
                auth,
            ),
            await timed_gets(
                server,
                "GET /tickets deep cursor",
                [f"/api/v1/tickets?limit=25&cursor={deep}"] * args.reads,
                auth,
            ),
            await timed_gets(
                server,
                "GET /tickets?status=open deep",
                [f"/api/v1/tickets?status=open&limit=25&cursor={deep}"] * args.reads,
                auth,
            ),
            await timed_gets(
                server,
                "GET /tickets/{id}",
                [f"/api/v1/tickets/{rng.randint(1, total)}" for _ in range(args.reads)],
                auth,
            ),
        ]
        base = reads[0].pct(0.5)
        read_rows = [r.row(base) for r in reads]
        print_table(f"Reads at {total} tickets (concurrency 1, agent API token)", read_rows)
        figures["read"] = read_rows
        if args.json:
            await asyncio.to_thread(Path(args.json).write_text, json.dumps(figures, indent=2))
    finally:
        server.stop()
        if pg_name is not None:
            await drop_postgres_database(args.postgres, pg_name)


if __name__ == "__main__":
    asyncio.run(main())
