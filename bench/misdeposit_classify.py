"""Misdeposit classification throughput: how fast recovery decides deposits.

A simulated exchange (seeded) with --users users, half of whom sent from their own
wallets before, and --deposits misdeposits spread over every TAXONOMY.md case with
claims as they come: mostly the honest sender, some impostors copying the transaction,
some contested by two users, some not yet claimed. The facts of each are gathered from
the simulated exchange once (timed apart: that part is I/O against a real back office),
then ``decide`` runs over them round after round on one core, timed one by one for
latency and in a tight loop for throughput. Baseline in the same run: ``classify_case``
alone (the case without the decision). Run: .venv/bin/python bench/misdeposit_classify.py
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import time
from collections import Counter
from datetime import timedelta
from decimal import Decimal

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import MISDEPOSIT_CASES, TrafficGenerator
from cexdesk.exchange.values import ChainTransfer
from cexdesk.recovery.engine import Claim, DepositFacts, classify_case, decide
from cexdesk.recovery.evidence import gather_facts

USD = {"XRP": Decimal("2.1"), "XLM": Decimal("0.4"), "TON": Decimal("5.5"), "BTC": Decimal(98_000),
       "BCH": Decimal(450), "USDT": Decimal(1), "USDC": Decimal(1), "LUNC": Decimal("0.0001"),
       "PEPE2": Decimal("0.0002")}  # fmt: skip
# The seeds' year: 1,620,000 automatic recoveries and 10,059 by hand.
SEEDS_YEAR = 1_630_059


def claim_by(user: str, transfer: ChainTransfer, clock: FakeClock) -> Claim:
    """A claim declaring the transfer's real details (an impostor can read them on chain)."""
    return Claim(user, transfer.chain, transfer.tx_hash, transfer.asset, transfer.amount,
                 transfer.from_address, clock.now())  # fmt: skip


async def build(
    users: int, deposits: int, seed: int
) -> tuple[list[tuple[DepositFacts, Claim | None]], float]:
    clock = FakeClock()
    traffic = TrafficGenerator(SimulatedExchange(clock, seed=seed), clock, seed=seed)
    rng = random.Random(seed)
    user_ids = [traffic.user() for _ in range(users)]
    for user in user_ids[: users // 2]:
        for memo_chain in ("XRP", "XLM", "TON"):
            traffic.deposit(user, memo_chain, Decimal(50))
    cases: list[tuple[DepositFacts, Claim | None]] = []
    gather_seconds = 0.0
    for _ in range(deposits):
        clock.advance(30)
        sender = rng.choice(user_ids)
        scenario = traffic.misdeposit(rng.choice(MISDEPOSIT_CASES), sender)
        transfer = scenario.transfer

        roll = rng.random()
        if roll < 0.80:
            claims = [claim_by(sender, transfer, clock)]
        elif roll < 0.90:
            claims = [claim_by(rng.choice(user_ids), transfer, clock)]
        elif roll < 0.95:
            claims = [
                claim_by(sender, transfer, clock),
                claim_by(rng.choice(user_ids), transfer, clock),
            ]
        else:
            claims = []
        started = time.perf_counter()
        facts = await gather_facts(
            traffic.exchange,
            transfer,
            transfer.amount * USD.get(transfer.asset, Decimal(1)),
            claims,
        )
        gather_seconds += time.perf_counter() - started
        cases.append((facts, claims[0] if claims else None))
    return cases, gather_seconds


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, default=1_000)
    parser.add_argument("--deposits", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the deposits per round")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})  # one core
    started = time.perf_counter()
    cases, gather_seconds = asyncio.run(build(args.users, args.deposits, args.seed))
    print(f"world built in {time.perf_counter() - started:.1f} s; facts gathered from the "
          f"simulated exchange: {len(cases) / gather_seconds:,.0f} deposits/s")  # fmt: skip
    now = max(facts.transfer.block_time for facts, _ in cases) + timedelta(hours=1)
    outcomes = Counter(f"{decide(f, c, now).outcome.value}" for f, c in cases)
    print(f"outcomes: {dict(outcomes)}")
    print(f"cases: {dict(Counter(classify_case(f).value for f, _ in cases))}")

    p50s, p99s, rates, case_rates = [], [], [], []
    for round_index in range(args.rounds):
        timings = []
        for facts, claim in cases:
            t = time.perf_counter()
            decide(facts, claim, now)
            timings.append(time.perf_counter() - t)
        t = time.perf_counter()
        for _ in range(args.repeat):
            for facts, claim in cases:
                decide(facts, claim, now)
        rates.append(args.repeat * len(cases) / (time.perf_counter() - t))
        t = time.perf_counter()
        for _ in range(args.repeat):
            for facts, _claim in cases:
                classify_case(facts)
        case_rates.append(args.repeat * len(cases) / (time.perf_counter() - t))
        p50s.append(statistics.median(timings) * 1e6)
        p99s.append(percentile(timings, 0.99) * 1e6)
        print(f"round {round_index + 1}: p50 {p50s[-1]:.1f} µs  p99 {p99s[-1]:.1f} µs  "
              f"{rates[-1]:,.0f} deposits/s  (case alone {case_rates[-1]:,.0f}/s)")  # fmt: skip
    rate = statistics.median(rates)
    case_rate = statistics.median(case_rates)
    print()
    print("| step | p50 µs | p99 µs | deposits/s |")
    print("|---|---|---|---|")
    print(f"| `decide` (case + outcome + fee) | {statistics.median(p50s):.1f} | "
          f"{statistics.median(p99s):.1f} | **{rate:,.0f}** |")  # fmt: skip
    print(f"| `classify_case` alone (baseline) | | | {case_rate:,.0f} |")
    print(f"\ndecide / classify_case time: {case_rate / rate:.1f}x; the seeds' year "
          f"({SEEDS_YEAR:,} recoveries) classifies in {SEEDS_YEAR / rate:.0f} s; "
          f"target >= 20,000/s: {'met' if rate >= 20_000 else 'MISSED'}")  # fmt: skip


if __name__ == "__main__":
    main()
