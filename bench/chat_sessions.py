"""Live chat benchmark: N concurrent customer sessions on one `serve`, delivery while they talk.

    .venv/bin/python bench/chat_sessions.py --sessions 2000 --rates 100,250,500
    .venv/bin/python bench/chat_sessions.py --sessions 1000,2500,5000,10000 --rates 1000
    .venv/bin/python bench/chat_sessions.py --postgres postgresql://postgres@127.0.0.1:5432/test

It starts ``python -m cexdesk serve`` as a subprocess like ``bench/tickets_http.py``
(fresh SQLite file in a temp dir, or a fresh PostgreSQL database; non-demo, random
secrets, the background runner on) with a raised open-files limit, and talks to
``/api/v1/channels/chat/ws`` with the ``websockets`` client from this process.

1. Baseline: ping → pong round trips on one idle session, before any load.
2. Sessions: customer sockets are opened in steps (``--sessions``, e.g. 1000,2500,...),
   each a distinct exchange user with its own signed token (``?token=``), at most
   ``--connect-concurrency`` handshakes in flight. Connect time is connect → ``hello``
   (the first connect also creates the customer). After each step: the server's RSS
   (``VmRSS``) per session above the RSS before the first session, and ping on the
   idle session.
3. Conversations: ``--talkers`` of the sessions (random) send one first message each
   (it opens a chat ticket: the heavier path, measured apart as "first message"), and
   the bench waits until the runner has delivered the events that caused. Then a
   second socket is opened for ``--watchers`` of the talkers: the server echoes a
   customer's own messages to all of that customer's sockets (``client_id`` set, for
   the other tabs), so the second socket times delivery.
4. Talk: with all sessions still connected, for each rate in ``--rates`` messages are
   sent on an open-loop schedule for ``--seconds`` from random talkers. Per message:
   send → ``ack`` (stored and committed) and, for watched customers, send → the same
   message arriving as a ``message`` frame on the customer's second socket (stored,
   committed, announced on the customer's hub topic right after commit (the runner's
   realtime handler announces it again, for staff), read by that socket, sent).
   Pings on the idle session keep running during the phase (ping under load).

Errors: ``error`` frames, missing acks or deliveries after ``--grace`` seconds, and
closed sockets. Server CPU is the serve process's user + system time during a phase;
the bench's own CPU is reported too, since both share the machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import resource
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from tickets_http import (
    Server,
    create_postgres_database,
    drop_postgres_database,
    wait_for_background,
)

NOFILE = 65_536
TEXT = "Hi, my withdrawal of 0.5 BTC has been pending for two hours, can you check it?"


def raise_nofile() -> None:
    """As many open files as allowed (root may lift the hard limit); also for the server."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    for limit in (NOFILE, hard):
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, limit), max(hard, limit)))
            return
        except (ValueError, OSError):
            continue


class ChatServer(Server):
    """``tickets_http.Server`` with the open-files limit raised in the child."""

    def start(self) -> None:
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "cexdesk", "serve"],
                env=self.env,
                cwd=self.workdir,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=raise_nofile,
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

    def rss_kb(self) -> int:
        assert self.process is not None
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        return 0

    def open_files(self) -> int:
        assert self.process is not None
        return len(os.listdir(f"/proc/{self.process.pid}/fd"))


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def own_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# One customer socket: a reader task timestamps what the bench is waiting for.


@dataclass
class Phase:
    """What the talk phase is waiting for: client_id → send time."""

    acks: dict[str, float] = field(default_factory=dict)
    deliveries: dict[str, float] = field(default_factory=dict)
    ack_ms: list[float] = field(default_factory=list)
    delivery_ms: list[float] = field(default_factory=list)
    error_frames: int = 0
    waiting: dict[str, asyncio.Future[None]] = field(default_factory=dict)  # first messages
    last_ack: float = 0.0
    finished: bool = False  # all sent: ``settled`` is set once nothing is outstanding
    settled: asyncio.Event = field(default_factory=asyncio.Event)

    def check(self) -> None:
        if self.finished and not self.acks and not self.deliveries:
            self.settled.set()


class Session:
    def __init__(self, number: int, uid: str) -> None:
        self.number = number
        self.uid = uid
        self.ws: ClientConnection | None = None
        self.reader: asyncio.Task[None] | None = None
        self.phase: Phase | None = None  # set by the bench while it measures
        self.watcher = False  # a customer's second socket: times deliveries
        self.pongs: asyncio.Queue[float] = asyncio.Queue()
        self.closed = False
        self.close_code: int | None = None

    async def open(self, url: str, token: str, wait: float) -> float:
        began = time.perf_counter()
        self.ws = await connect(
            f"{url}?token={token}",
            compression=None,
            ping_interval=None,
            open_timeout=wait,
            close_timeout=2,
            max_queue=None,
        )
        hello = json.loads(await asyncio.wait_for(self.ws.recv(), wait))
        if hello.get("type") != "hello":
            raise RuntimeError(f"expected hello, got {hello}")
        elapsed = time.perf_counter() - began
        self.reader = asyncio.create_task(self._read())
        return elapsed

    async def _read(self) -> None:
        assert self.ws is not None
        try:
            async for raw in self.ws:
                now = time.perf_counter()
                frame = json.loads(raw)
                kind = frame.get("type")
                phase = self.phase
                if kind == "pong":
                    self.pongs.put_nowait(now)
                elif phase is None:
                    continue
                elif kind == "ack" and not self.watcher:
                    sent = phase.acks.pop(frame.get("client_id"), None)
                    if sent is not None:
                        phase.ack_ms.append(now - sent)
                        phase.last_ack = now
                        phase.check()
                    waiter = phase.waiting.pop(frame.get("client_id"), None)
                    if waiter is not None and not waiter.done():
                        waiter.set_result(None)
                elif kind == "message" and self.watcher:
                    sent = phase.deliveries.pop(frame.get("client_id"), None)
                    if sent is not None:
                        phase.delivery_ms.append(now - sent)
                        phase.check()
                elif kind == "error" and not self.watcher:
                    phase.error_frames += 1
                    waiter = phase.waiting.pop(frame.get("client_id"), None)
                    if waiter is not None and not waiter.done():
                        waiter.set_result(None)
                    if phase.error_frames <= 3:
                        print(f"  error frame: {frame}", file=sys.stderr)
        except ConnectionClosed as closed:
            self.close_code = closed.rcvd.code if closed.rcvd is not None else 1006
        finally:
            self.closed = True

    async def say(self, client_id: str) -> None:
        assert self.ws is not None
        await self.ws.send(json.dumps({"type": "message", "client_id": client_id, "text": TEXT}))

    async def ping(self, wait: float = 5.0) -> float | None:
        assert self.ws is not None
        began = time.perf_counter()
        await self.ws.send('{"type": "ping"}')
        try:
            return await asyncio.wait_for(self.pongs.get(), wait) - began
        except TimeoutError:
            return None


# Phases


async def pings(session: Session, count: int, every: float = 0.0) -> list[float]:
    times = []
    for _ in range(count):
        rtt = await session.ping()
        if rtt is not None:
            times.append(rtt)
        if every:
            await asyncio.sleep(every)
    return times


async def open_sessions(
    server: ChatServer, url: str, sessions: list[Session], concurrency: int, run: str
) -> tuple[list[float], int]:
    gate = asyncio.Semaphore(concurrency)
    times: list[float] = []
    errors = 0

    async def one(session: Session) -> None:
        nonlocal errors
        async with gate:
            token = server.customer_token(session.uid)
            for attempt in range(3):
                try:
                    times.append(await session.open(url, token, wait=30))
                    return
                except (OSError, TimeoutError, InvalidHandshake, RuntimeError) as why:
                    errors += 1
                    if errors <= 3:
                        print(f"  connect {session.uid} failed: {why!r}", file=sys.stderr)
                    await asyncio.sleep(0.2 * (attempt + 1))

    await asyncio.gather(*(one(s) for s in sessions))
    return times, errors


async def first_messages(talkers: list[Session], concurrency: int) -> tuple[Phase, float]:
    """Each talker opens its conversation; ``concurrency`` first messages in flight."""
    phase = Phase()
    gate = asyncio.Semaphore(concurrency)

    async def one(session: Session) -> None:
        async with gate:
            client_id = uuid.uuid4().hex
            answered = asyncio.get_running_loop().create_future()
            phase.waiting[client_id] = answered
            phase.acks[client_id] = time.perf_counter()
            session.phase = phase
            await session.say(client_id)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(answered, 30)

    began = time.perf_counter()
    await asyncio.gather(*(one(s) for s in talkers))
    elapsed = time.perf_counter() - began
    for s in talkers:
        s.phase = None
    return phase, elapsed


async def talk(
    server: ChatServer,
    talkers: list[Session],
    watched: set[str],
    watchers: list[Session],
    idle: Session,
    rate: float,
    seconds: float,
    grace: float,
) -> dict[str, Any]:
    phase = Phase()
    for s in [*talkers, *watchers]:
        s.phase = phase
    rng = random.Random(int(rate))
    total = int(rate * seconds)
    sent = 0
    send_errors = 0
    lag_max = 0.0
    closed_before = sum(1 for s in [*talkers, *watchers, idle] if s.closed)
    ping_task = asyncio.create_task(pings(idle, int(seconds * 5), every=0.2))
    cpu, mine = server.cpu_seconds(), own_cpu()
    began = time.perf_counter()
    while sent < total:
        due = began + sent / rate
        now = time.perf_counter()
        if due > now:
            await asyncio.sleep(due - now)
            continue
        lag_max = max(lag_max, now - due)
        if now - began > seconds * 3:  # the client cannot keep up: stop, report it
            break
        # Send everything that is due now (a sleep wakes up late under load).
        while sent < total and began + sent / rate <= now:
            session = rng.choice(talkers)
            client_id = uuid.uuid4().hex
            stamp = time.perf_counter()
            phase.acks[client_id] = stamp
            if session.uid in watched:
                phase.deliveries[client_id] = stamp
            try:
                await session.say(client_id)
            except ConnectionClosed:
                send_errors += 1
                phase.acks.pop(client_id, None)
                phase.deliveries.pop(client_id, None)
            sent += 1
    send_elapsed = time.perf_counter() - began
    phase.finished = True
    phase.check()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(phase.settled.wait(), grace)
    elapsed = time.perf_counter() - began
    server_cpu, bench_cpu = server.cpu_seconds() - cpu, own_cpu() - mine
    under_load = await ping_task
    for s in [*talkers, *watchers]:
        s.phase = None
    acked = len(phase.ack_ms)
    ack_span = (phase.last_ack or time.perf_counter()) - began
    codes: dict[str, int] = {}
    for s in [*talkers, *watchers, idle]:
        if s.closed:
            codes[str(s.close_code)] = codes.get(str(s.close_code), 0) + 1
    return {
        "target_per_second": rate,
        "sent": sent,
        "achieved_send_per_second": round(sent / send_elapsed, 1),
        "acked": acked,
        "acked_per_second": round(acked / ack_span, 1) if ack_span > 0 else None,
        "ack_p50_ms": round(pct(phase.ack_ms, 0.5), 1),
        "ack_p99_ms": round(pct(phase.ack_ms, 0.99), 1),
        "ack_max_ms": round(max(phase.ack_ms, default=0) * 1000, 1),
        "deliveries_timed": len(phase.delivery_ms),
        "delivery_p50_ms": round(pct(phase.delivery_ms, 0.5), 1),
        "delivery_p99_ms": round(pct(phase.delivery_ms, 0.99), 1),
        "delivery_max_ms": round(max(phase.delivery_ms, default=0) * 1000, 1),
        "errors": {
            "error_frames": phase.error_frames,
            "send_failed": send_errors,
            "ack_missing": len(phase.acks),
            "delivery_missing": len(phase.deliveries),
            "sockets_closed": sum(codes.values()) - closed_before,
        },
        "close_codes_so_far": codes,
        "ping_under_load_p50_ms": round(pct(under_load, 0.5), 2),
        "ping_under_load_p99_ms": round(pct(under_load, 0.99), 2),
        "scheduler_lag_max_ms": round(lag_max * 1000, 1),
        "server_cpu_percent": round(100 * server_cpu / elapsed, 1),
        "bench_cpu_percent": round(100 * bench_cpu / elapsed, 1),
        "server_cpu_ms_per_message": round(1000 * server_cpu / max(1, acked), 2),
        "server_rss_mb": round(server.rss_kb() / 1024, 1),
    }


# Orchestration


async def close_all(sessions: list[Session]) -> None:
    for s in sessions:
        if s.ws is not None:
            s.ws.transport.abort()
    readers = [s.reader for s in sessions if s.reader is not None]
    for task in readers:
        task.cancel()
    await asyncio.wait_for(asyncio.gather(*readers, return_exceptions=True), 30)


async def bench(args: argparse.Namespace, server: ChatServer, database_url: str) -> dict[str, Any]:
    url = f"ws://127.0.0.1:{server.port}/api/v1/channels/chat/ws"
    run = uuid.uuid4().hex[:6]
    steps = sorted(int(x) for x in args.sessions.split(","))
    rates = [float(x) for x in args.rates.split(",")]
    figures: dict[str, Any] = {}
    sessions: list[Session] = []
    watchers: list[Session] = []
    try:
        idle = Session(-1, f"chat-{run}-idle")
        await idle.open(url, server.customer_token(idle.uid), wait=30)
        sessions.append(idle)
        await pings(idle, 50)  # warm up
        base = await pings(idle, args.pings)
        rss0 = server.rss_kb()
        figures["baseline_ping"] = {"p50_ms": round(pct(base, 0.5), 2),
                                    "p99_ms": round(pct(base, 0.99), 2),
                                    "server_rss_mb": round(rss0 / 1024, 1)}  # fmt: skip
        print(f"baseline ping on an idle session: p50 {pct(base, 0.5):.2f} ms, "
              f"p99 {pct(base, 0.99):.2f} ms; server RSS {rss0 / 1024:.0f} MB")  # fmt: skip

        customers: list[Session] = []
        figures["steps"] = []
        for step in steps:
            new = [Session(n, f"chat-{run}-{n}") for n in range(len(customers), step)]
            cpu, began = server.cpu_seconds(), time.perf_counter()
            times, errors = await open_sessions(server, url, new, args.connect_concurrency, run)
            elapsed = time.perf_counter() - began
            server_cpu = server.cpu_seconds() - cpu
            customers.extend(s for s in new if s.ws is not None)
            sessions.extend(s for s in new if s.ws is not None)
            await asyncio.sleep(2)  # let the server settle before reading its RSS
            rss = server.rss_kb()
            idle_ping = await pings(idle, args.pings)
            row = {
                "sessions": len(customers),
                "connect_errors": errors,
                "opened": len(times),
                "open_seconds": round(elapsed, 1),
                "opened_per_second": round(len(times) / elapsed, 1) if elapsed else None,
                "connect_p50_ms": round(pct(times, 0.5), 1),
                "connect_p99_ms": round(pct(times, 0.99), 1),
                "server_cpu_ms_per_connect": round(1000 * server_cpu / max(1, len(times)), 2),
                "server_rss_mb": round(rss / 1024, 1),
                "rss_kb_per_session": round((rss - rss0) / max(1, len(customers)), 1),
                "server_open_files": server.open_files(),
                "ping_p50_ms": round(pct(idle_ping, 0.5), 2),
                "ping_p99_ms": round(pct(idle_ping, 0.99), 2),
            }
            figures["steps"].append(row)
            print(f"{row['sessions']:>6} sessions: {row['opened_per_second']}/s opened, "
                  f"connect p50 {row['connect_p50_ms']} p99 {row['connect_p99_ms']} ms, "
                  f"RSS {row['server_rss_mb']} MB = {row['rss_kb_per_session']} KB/session, "
                  f"ping p50 {row['ping_p50_ms']} ms, errors {errors}")  # fmt: skip

        rng = random.Random(11)
        talkers = rng.sample(customers, min(args.talkers, len(customers)))
        opening, opening_seconds = await first_messages(talkers, args.first_concurrency)
        figures["first_message"] = {
            "talkers": len(talkers),
            "acked": len(opening.ack_ms),
            "per_second": round(len(opening.ack_ms) / opening_seconds, 1),
            "ack_p50_ms": round(pct(opening.ack_ms, 0.5), 1),
            "ack_p99_ms": round(pct(opening.ack_ms, 0.99), 1),
            "errors": opening.error_frames + len(opening.acks),
        }
        print(f"first messages (open a ticket): {figures['first_message']}")
        drain = await wait_for_background(database_url, limit=300)
        figures["first_message"]["background_drain_seconds"] = round(drain, 1)
        print(f"  background work drained {drain:.1f} s later")

        watched_sessions = talkers[: args.watchers]
        watched = {s.uid for s in watched_sessions}
        for s in watched_sessions:
            twin = Session(s.number, s.uid)
            twin.watcher = True
            watchers.append(twin)
        _, werrors = await open_sessions(server, url, watchers, args.connect_concurrency, run)
        watchers = [w for w in watchers if w.ws is not None]
        sessions.extend(watchers)
        watched = {w.uid for w in watchers}
        print(f"{len(watchers)} second sockets for delivery ({werrors} connect errors)")

        figures["talk"] = []
        for rate in rates:
            row = await talk(server, talkers, watched, watchers, idle, rate, args.seconds,
                             args.grace)  # fmt: skip
            row["sessions_connected"] = sum(1 for s in sessions if not s.closed)
            figures["talk"].append(row)
            print(f"rate {rate:g}/s: {json.dumps(row)}")
            drain = await wait_for_background(database_url, limit=120)
            row["background_drain_seconds"] = round(drain, 1)
    finally:
        await close_all(sessions)
    return figures


def print_summary(figures: dict[str, Any]) -> None:
    base = figures["baseline_ping"]["p50_ms"]
    print("\nSessions")
    print("sessions  connect p50/p99 ms  RSS MB  KB/session  ping p50/p99 ms  errors")
    for r in figures["steps"]:
        print(f"{r['sessions']:>8}  {r['connect_p50_ms']:>7} / {r['connect_p99_ms']:<8}  "
              f"{r['server_rss_mb']:>6}  {r['rss_kb_per_session']:>10}  "
              f"{r['ping_p50_ms']:>6} / {r['ping_p99_ms']:<6}  {r['connect_errors']}")  # fmt: skip
    print("\nTalk (all sessions connected)")
    print("target/s  sent/s  acked/s  ack p50/p99 ms  delivery p50/p99 ms  "
          "× ping  errors  server CPU %  ms/msg")  # fmt: skip
    for r in figures.get("talk", []):
        errors = sum(r["errors"].values())
        ratio = r["delivery_p50_ms"] / base if base else float("nan")
        print(f"{r['target_per_second']:>8g}  {r['achieved_send_per_second']:>6}  "
              f"{r['acked_per_second']:>7}  {r['ack_p50_ms']:>6} / {r['ack_p99_ms']:<7}  "
              f"{r['delivery_p50_ms']:>8} / {r['delivery_p99_ms']:<8}  {ratio:>6.0f}  "
              f"{errors:>6}  {r['server_cpu_percent']:>12}  "
              f"{r['server_cpu_ms_per_message']}")  # fmt: skip


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", metavar="URL", help="admin URL; a fresh database is made")
    parser.add_argument("--sessions", default="1000,2000", help="session counts, in steps")
    parser.add_argument("--rates", default="100,250,500", help="messages per second")
    parser.add_argument("--seconds", type=float, default=20.0, help="per rate")
    parser.add_argument("--talkers", type=int, default=1000, help="sessions that send")
    parser.add_argument("--watchers", type=int, default=200, help="second sockets")
    parser.add_argument("--connect-concurrency", type=int, default=100)
    parser.add_argument("--first-concurrency", type=int, default=8)
    parser.add_argument("--pings", type=int, default=200, help="round trips per ping sample")
    parser.add_argument("--grace", type=float, default=15.0, help="wait for late acks")
    parser.add_argument("--timeout", type=float, default=1800.0, help="whole run, seconds")
    parser.add_argument("--json", metavar="FILE", help="also write the figures as JSON")
    args = parser.parse_args()

    raise_nofile()
    workdir = Path(tempfile.mkdtemp(prefix="cexdesk-chat-bench-"))
    pg_name = None
    if args.postgres:
        pg_name, database_url = await create_postgres_database(args.postgres)
    else:
        database_url = f"sqlite+aiosqlite:///{workdir / 'bench.db'}"
    server = ChatServer(database_url, workdir)
    figures: dict[str, Any] = {
        "backend": "postgresql" if args.postgres else "sqlite",
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "nofile": resource.getrlimit(resource.RLIMIT_NOFILE),
    }
    try:
        server.start()
        print(f"serve on :{server.port}, {figures['backend']}, logs {server.log_path}")
        print(f"load average at start: {figures['load_average_at_start']}")
        figures.update(await asyncio.wait_for(bench(args, server, database_url), args.timeout))
        print_summary(figures)
        if args.json:
            await asyncio.to_thread(Path(args.json).write_text, json.dumps(figures, indent=2))
    finally:
        server.stop()
        if pg_name is not None:
            await drop_postgres_database(args.postgres, pg_name)


if __name__ == "__main__":
    asyncio.run(main())
