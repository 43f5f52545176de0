"""Routing decision latency: 2,000 online agents, 10,000 waiting conversations.

Each decision is one AgentPool.choose + assign for the head of the queue, the way the
router places work. Baseline in the same run: the same decision by scanning every agent
(choose_agent over the whole floor), so the ratio shows what the language index buys.
Run: .venv/bin/python bench/routing_engine.py [--agents 2000] [--items 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from datetime import UTC, datetime, timedelta

from cexdesk.routing.engine import AgentPool, AgentSnapshot, WorkItem, choose_agent, order_queue

LANGUAGES = ["en", "zh-Hans", "zh-Hant", "ru", "uk", "vi", "id", "tr",
             "es", "pt-BR", "fr", "de", "it", "pl", "ar"]  # fmt: skip
# Rough shape of an exchange's traffic: English and Chinese dominate.
WEIGHTS = [30, 14, 4, 8, 3, 8, 5, 5, 6, 5, 3, 3, 2, 2, 2]
CATEGORIES = ["deposit", "withdrawal", "account", "kyc", "p2p", "trading", "security"]
CHANNELS = ["chat", "email", "web", "telegram"]
T0 = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)


def make_agents(count: int, rng: random.Random) -> list[AgentSnapshot]:
    agents = []
    for agent_id in range(1, count + 1):
        spoken = {"en"} | set(rng.choices(LANGUAGES, WEIGHTS, k=rng.randint(1, 2)))
        agents.append(
            AgentSnapshot(
                id=agent_id,
                tier=2 if rng.random() < 0.25 else 1,
                languages=frozenset(spoken),
                categories=frozenset(rng.sample(CATEGORIES, k=rng.randint(3, len(CATEGORIES)))),
                is_vip=rng.random() < 0.05,
                chat_capacity=3,
                ticket_capacity=10,
                active_chats=rng.randint(0, 2),
                active_tickets=rng.randint(0, 8),
                idle_since=T0 - timedelta(seconds=rng.randint(0, 3600)),
            )
        )
    return agents


def make_items(count: int, rng: random.Random) -> list[WorkItem]:
    return [
        WorkItem(
            id=item_id,
            channel=rng.choice(CHANNELS),
            priority=rng.choices(["urgent", "high", "normal", "low"], [1, 10, 80, 9])[0],
            language=rng.choices(LANGUAGES, WEIGHTS)[0],
            waiting_since=T0 - timedelta(seconds=rng.randint(0, 7200)),
            category=rng.choice(CATEGORIES),
            vip=rng.random() < 0.03,
            tier=2 if rng.random() < 0.1 else 1,
        )
        for item_id in range(1, count + 1)
    ]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run(agent_count: int, item_count: int, seed: int) -> dict[str, list[float]]:
    rng = random.Random(seed)
    agents = make_agents(agent_count, rng)
    queue = order_queue(make_items(item_count, rng))
    timings: dict[str, list[float]] = {"indexed": [], "full scan": []}
    pool = AgentPool(agents)
    placed = 0
    for item in queue:
        started = time.perf_counter()
        chosen = pool.choose(item)
        if chosen is not None:
            pool.assign(item, chosen.id)
            placed += 1
        timings["indexed"].append((time.perf_counter() - started) * 1000)
    floor = list(agents)
    by_id = {a.id: i for i, a in enumerate(floor)}
    for item in queue:
        started = time.perf_counter()
        chosen = choose_agent(item, floor)
        if chosen is not None:
            floor[by_id[chosen.id]] = chosen.took(item.realtime)
        timings["full scan"].append((time.perf_counter() - started) * 1000)
    print(f"{agent_count} agents, {item_count} waiting, {placed} placed before capacity ran out")
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--agents", type=int, default=2000)
    parser.add_argument("--items", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    results: dict[str, list[tuple[float, float]]] = {}
    for round_number in range(args.rounds):
        for name, values in run(args.agents, args.items, args.seed + round_number).items():
            results.setdefault(name, []).append(
                (statistics.median(values), percentile(values, 0.99))
            )
    print(f"{'decision':<12} {'p50 ms':>8} {'p99 ms':>8}   (median of {args.rounds} rounds)")
    medians = {}
    for name, rounds in results.items():
        p50 = statistics.median(r[0] for r in rounds)
        p99 = statistics.median(r[1] for r in rounds)
        medians[name] = p99
        print(f"{name:<12} {p50:>8.3f} {p99:>8.3f}")
    print(f"full scan / indexed at p99: {medians['full scan'] / medians['indexed']:.1f}x")


if __name__ == "__main__":
    main()
