"""Withdrawal screening latency and throughput against a user with a long history.

One user with --history withdrawals (default 100,000 over three years, to 300 addresses
on EVM chains and TRON), 60 devices and sign-ins, an address book, dust transfers from
lookalikes and an old security change. The summary is built once (timed apart), then
--decisions requests per round are screened one by one on one core: 70 % ordinary, the
rest new addresses, lookalikes (address poisoning), large amounts to new addresses,
a new device in a new country, a blocklisted address, TRON destinations. Baseline in
the same run: the history signals computed by scanning the raw history for each request
(what the summary saves), on a few dozen requests.
With --endpoint: the same user through ``POST /api/v1/risk/screen`` in process (the ASGI
app over httpx, SQLite in a temp dir, the simulated exchange as back office): the first
request reads the history into the summary store, later ones only what is new; each
answer is stored (and a hold opens a case) before it is returned.
Run: .venv/bin/python bench/withdrawal_screening.py [--endpoint]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import tempfile
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path

import httpx

from cexdesk.app import build_context, create_app
from cexdesk.core.clock import FakeClock
from cexdesk.core.settings import Settings
from cexdesk.exchange import codecs
from cexdesk.exchange.chains import address_key as chain_address_key
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.signing import SIGNATURE_HEADER, canonical, sign
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import (
    AddressBookEntry,
    ChainTransfer,
    Device,
    KycState,
    Login,
    SecurityChange,
    SecurityChangeKind,
    UserProfile,
    Withdrawal,
    WithdrawalStatus,
)
from cexdesk.risk.engine import (
    DEFAULT_POLICY,
    UserRiskSummary,
    WithdrawalRequest,
    build_summary,
    screen,
)

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
BLOCKLISTED = "0x098B716B8Aaf21512996dC57EB0615e2383E2f96"  # a drainer's address, say
POLICY = replace(DEFAULT_POLICY, blocklist=frozenset({BLOCKLISTED.lower()}))


def evm_address(rng: random.Random) -> str:
    return codecs.eip55(rng.randbytes(20).hex())


def tron_address(rng: random.Random) -> str:
    return codecs.base58check_encode(b"\x41" + rng.randbytes(20))


def make_history(
    count: int, rng: random.Random
) -> tuple[UserProfile, list[Withdrawal], dict[str, Decimal], list[AddressBookEntry], list[str]]:
    start = NOW - timedelta(days=3 * 365)
    devices = tuple(
        Device(f"device-{i}", "phone", start + timedelta(days=18 * i), f"10.0.{i}.1", "VN")
        for i in range(60)
    )
    logins = tuple(Login(d.first_seen, d.id, d.ip, d.country) for d in devices)
    changes = (
        SecurityChange(
            SecurityChangeKind.PASSWORD, NOW - timedelta(days=40), "device-0", "10.0.0.1", "VN"
        ),
    )
    profile = UserProfile(
        "whale",
        7,
        KycState.VERIFIED,
        "vi",
        start,
        devices=devices,
        logins=logins,
        security_changes=changes,
    )
    destinations = [("ETH", evm_address(rng)) for _ in range(200)] + [
        ("TRON", tron_address(rng)) for _ in range(100)
    ]
    step = (NOW - timedelta(hours=1) - start) / count
    withdrawals = []
    prices: dict[str, Decimal] = {}
    for i in range(count):
        chain_code, address = rng.choice(destinations)
        amount = Decimal(rng.randrange(20, 3_000))
        device = devices[min(59, i * 60 // count)]
        withdrawal = Withdrawal(
            f"w{i}", "whale", chain_code, "USDT", amount, address, None,
            WithdrawalStatus.BROADCAST, start + step * i, device.id, device.ip, device.country,
        )  # fmt: skip
        withdrawals.append(withdrawal)
        prices[withdrawal.id] = amount
    book = [
        AddressBookEntry(chain_code, address, start + timedelta(days=i))
        for i, (chain_code, address) in enumerate(destinations[:80])
    ]
    return profile, withdrawals, prices, book, [a for _, a in destinations]


def lookalike(address: str, rng: random.Random) -> str:
    body = address[2:].lower()
    return codecs.eip55(body[:4] + rng.randbytes(16).hex() + body[-4:])


def make_requests(count: int, known: list[str], rng: random.Random) -> list[WithdrawalRequest]:
    base = WithdrawalRequest(
        "whale", "ETH", "USDT", Decimal(500), Decimal(500), known[0], NOW,
        "device-59", "10.0.59.1", "VN",
    )  # fmt: skip
    requests = []
    for i in range(count):
        kind = rng.random()
        evm_known = known[rng.randrange(200)]
        amount = Decimal(rng.randrange(20, 3_000))
        request = replace(base, destination=evm_known, amount=amount, usd_value=amount,
                          requested_at=NOW + timedelta(seconds=i))  # fmt: skip
        if kind < 0.70:
            pass
        elif kind < 0.78:
            request = replace(request, destination=evm_address(rng))
        elif kind < 0.84:
            request = replace(request, destination=lookalike(evm_known, rng))
        elif kind < 0.90:
            big = Decimal(rng.randrange(20_000, 200_000))
            request = replace(request, destination=evm_address(rng), amount=big, usd_value=big)
        elif kind < 0.94:
            request = replace(request, device_id="new-laptop", ip="198.51.100.7", country="NG")
        elif kind < 0.96:
            request = replace(request, destination=BLOCKLISTED)
        else:
            request = replace(request, chain="TRON", destination=known[200 + rng.randrange(100)])
        requests.append(request)
    return requests


def naive_screen(request: WithdrawalRequest, withdrawals: list[Withdrawal]) -> int:
    """The history-dependent signals by scanning every past withdrawal (the baseline)."""
    key = chain_address_key(request.chain, request.destination)
    known = False
    similar = 0
    amounts = []
    recent = 0
    window = request.requested_at - timedelta(hours=24)
    for withdrawal in withdrawals:
        past = chain_address_key(withdrawal.chain, withdrawal.to_address)
        if past == key:
            known = True
        elif past[2:5] == key[2:5] and past[-4:] == key[-4:]:
            similar += 1
        amounts.append(withdrawal.amount)
        if withdrawal.requested_at >= window:
            recent += 1
    amounts.sort()
    p95 = amounts[int(0.95 * (len(amounts) - 1))]
    return int(known) + similar + int(request.usd_value > 5 * p95) + recent


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def endpoint(history: int, count: int, seed: int) -> None:
    """Latency of the screening endpoint in process, against one user with a long history."""
    clock = FakeClock(NOW)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            demo=True, database_url=f"sqlite+aiosqlite:///{tmp}/bench.db",
            data_dir=Path(tmp) / "var", run_background=False, cookie_secure=False,
        )  # fmt: skip
        context = build_context(settings, clock=clock)
        await context.start(background=False)
        exchange = SimulatedExchange(clock, seed=seed)
        traffic = TrafficGenerator(exchange, clock, seed=seed)
        user = traffic.user()
        started = time.perf_counter()
        known = traffic.withdrawal_history(user, history, chain_code="TRON", destinations=300)
        print(
            f"history: {history:,} TRON withdrawals made in {time.perf_counter() - started:.1f} s"
        )
        use_back_office(context.services, exchange)
        app = create_app(context, manage_lifecycle=False)
        client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b")
        rng = random.Random(seed)
        path = "/api/v1/risk/screen"

        async def post(number: int) -> tuple[float, str]:
            large = number % 10 == 9  # a tenth: a large amount to a new address (held)
            body = json.dumps({
                "withdrawal_id": f"bench-{number}", "user_id": user, "chain": "TRON",
                "asset": "USDT", "amount": "25000" if large else str(rng.randrange(20, 2_000)),
                "destination": exchange.new_external_address("TRON") if large
                else rng.choice(known),
                "requested_at": clock.now().isoformat(), "device_id": f"{user}-phone",
                "ip": traffic.home_ip[user], "country": "VN",
            }).encode()  # fmt: skip
            stamp = int(clock.now().timestamp())
            signature = sign(settings.exchange_token_key, stamp, canonical("POST", path, body))
            headers = {SIGNATURE_HEADER: signature, "content-type": "application/json"}
            t = time.perf_counter()
            response = await client.post(path, content=body, headers=headers)
            elapsed = time.perf_counter() - t
            assert response.status_code == 200, response.text
            return elapsed, response.json()["action"]

        cold, _ = await post(0)
        timings: list[float] = []
        by_action: dict[str, list[float]] = {}
        for number in range(1, count + 1):
            elapsed, action = await post(number)
            timings.append(elapsed)
            by_action.setdefault(action, []).append(elapsed)
        total = sum(timings)
        await client.aclose()
        await context.stop()
    print(f"first request (reads the whole history): {cold * 1000:.0f} ms")
    print("| endpoint (warm) | requests | p50 ms | p99 ms | requests/s |")
    print("|---|---|---|---|---|")
    for label, values in [("all", timings), *sorted(by_action.items())]:
        print(f"| `POST /api/v1/risk/screen`, {label} | {len(values):,} | "
              f"{statistics.median(values) * 1000:.2f} | {percentile(values, 0.99) * 1000:.2f} | "
              f"{len(values) / sum(values):,.0f} |")  # fmt: skip
    print(f"(all: {count / total:,.0f} requests/s one after another)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--history", type=int, default=100_000)
    parser.add_argument("--decisions", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--baseline", type=int, default=50)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--endpoint", action="store_true", help="through the HTTP endpoint")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})  # one core
    if args.endpoint:
        asyncio.run(endpoint(args.history, min(args.decisions, 2_000), args.seed))
        return
    rng = random.Random(args.seed)
    profile, withdrawals, prices, book, known = make_history(args.history, rng)
    dust = [
        (ChainTransfer("ETH", "0x" + "00" * 32, 0, "USDT", None, Decimal(0), lookalike(a, rng),
                       "0x" + "11" * 20, None, NOW, 20), Decimal(0))
        for a in known[:100]
    ]  # fmt: skip

    started = time.perf_counter()
    summary: UserRiskSummary = build_summary(profile, withdrawals, prices, book, dust)
    build_seconds = time.perf_counter() - started
    print(f"history: {len(withdrawals):,} withdrawals; summary built in {build_seconds:.2f} s")

    requests = make_requests(args.decisions, known, rng)
    p50s, p99s, rates = [], [], []
    actions: dict[str, int] = {}
    for round_index in range(args.rounds):
        timings = []
        round_start = time.perf_counter()
        for request in requests:
            t = time.perf_counter()
            decision = screen(request, summary, POLICY)
            timings.append(time.perf_counter() - t)
            if round_index == 0:
                actions[decision.action.name] = actions.get(decision.action.name, 0) + 1
        elapsed = time.perf_counter() - round_start
        p50s.append(statistics.median(timings) * 1000)
        p99s.append(percentile(timings, 0.99) * 1000)
        rates.append(len(requests) / elapsed)
        print(f"round {round_index + 1}: p50 {p50s[-1]:.4f} ms  p99 {p99s[-1]:.4f} ms  "
              f"{rates[-1]:,.0f} decisions/s")  # fmt: skip
    print(f"decisions by action (one round): {actions}")

    baseline = []
    for request in requests[: args.baseline]:
        t = time.perf_counter()
        naive_screen(request, withdrawals)
        baseline.append(time.perf_counter() - t)
    base_p50 = statistics.median(baseline) * 1000
    p50, p99, rate = statistics.median(p50s), statistics.median(p99s), statistics.median(rates)
    print()
    print("| decision | p50 ms | p99 ms | decisions/s |")
    print("|---|---|---|---|")
    print(f"| summary (`screen`) | {p50:.4f} | **{p99:.4f}** | **{rate:,.0f}** |")
    base_p99 = percentile(baseline, 0.99) * 1000
    base_rate = 1000 / base_p50
    print(f"| full history scan (baseline) | {base_p50:.2f} | {base_p99:.2f} | {base_rate:,.0f} |")
    print(f"\nbaseline p50 / summary p50: {base_p50 / p50:,.0f}x; "
          f"targets p99 < 5 ms: {'met' if p99 < 5 else 'MISSED'}, "
          f">= 2,000/s: {'met' if rate >= 2000 else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
