"""What the demo desk holds, drawn from one seed before anything is stored (pure).

The loader stores this plan through the flows; the demo exchange (demo/exchange.py)
builds its users and their money from the same plan, so both sides agree on who the
customers are and on what their tickets talk about (amounts, tx hashes, memos,
addresses) without reading each other's storage. The draws happen in one fixed order:
the same seed always gives the same plan.
"""

from __future__ import annotations

import functools
import random
import string
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from cexdesk.demo import people
from cexdesk.demo.scenarios import NOTES, SCENARIOS, Scenario

SEED = 20261123
CUSTOMERS = 120
TICKETS = 240
HISTORY = timedelta(days=21)
DEMO_UID_PREFIX = "demo-"


@dataclass(frozen=True)
class DemoCustomer:
    number: int
    uid: str  # the exchange's user id, as the desk knows it
    name: str
    language: str
    region: str
    vip_tier: int
    kyc_state: str  # people.KYC_STATES: verified | pending | failed | none
    identities: tuple[tuple[str, str], ...]  # (channel, address)


@dataclass(frozen=True)
class PlannedTicket:
    """One ticket of the history; times are offsets, the loader anchors them at its end."""

    number: int
    scenario: Scenario
    customer: DemoCustomer
    language: str
    details: dict[str, str]  # what the texts' placeholders are filled with
    age: timedelta  # opened this long before the end of the history
    channel: str
    priority: str
    team: str
    agent: str
    first_reply_after: timedelta  # after opening
    path: str  # solve | pending | waiting | hold
    note: str | None  # the agent's internal note, when one is written
    asks: bool  # the first reply asks the customer something
    customer_after: timedelta | None  # the customer's answer, after the first reply
    last_after: timedelta | None  # solved or escalated, after the customer's answer
    engineer: str | None  # who tier 1 escalates to ("hold")

    @property
    def subcategory(self) -> str:
        return self.scenario.subcategory


@dataclass(frozen=True)
class DemoPlan:
    customers: tuple[DemoCustomer, ...]
    tickets: tuple[PlannedTicket, ...]

    def tickets_about(self, subcategory: str) -> list[PlannedTicket]:
        return [t for t in self.tickets if t.scenario.subcategory == subcategory]


@functools.lru_cache(maxsize=2)
def plan(seed: int = SEED) -> DemoPlan:
    """The demo desk for a seed (kept: the loader and each process's exchange ask for it)."""
    rng = random.Random(seed)
    customers = tuple(_customer(rng, number) for number in range(CUSTOMERS))
    tickets = tuple(_ticket(rng, number, customers) for number in range(TICKETS))
    return DemoPlan(customers, tickets)


def _weighted(rng: random.Random, pairs: Any) -> Any:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def _customer(rng: random.Random, number: int) -> DemoCustomer:
    # The first fifteen customers speak one language each, so all are represented.
    language = (
        list(people.LANGUAGE_WEIGHTS)[number]
        if number < len(people.LANGUAGE_WEIGHTS)
        else _weighted(rng, people.LANGUAGE_WEIGHTS.items())
    )
    given, family = people.NAMES[language]
    name = _full_name(language, rng.choice(given), rng.choice(family))
    vip = _weighted(rng, people.VIP_TIERS)
    region = rng.choice(people.REGIONS[language])
    kyc = _weighted(rng, people.KYC_STATES)
    # Where the customer can be reached, as the exchange's records would say.
    handle = f"user{10000001 + number}"
    identities = [("email", f"{handle}@example.com")]
    if rng.random() < 0.35:
        identities.append(("telegram", str(5_000_000_000 + rng.randrange(10**9))))
    if rng.random() < 0.15:
        identities.append(("x", f"@{handle}"))
    if rng.random() < 0.2:
        identities.append(("phone", f"+{rng.randrange(10**10, 10**11)}"))
    uid = f"{DEMO_UID_PREFIX}{10000001 + number}"
    return DemoCustomer(number, uid, name, language, region, vip, kyc, tuple(identities))


def _ticket(rng: random.Random, number: int, customers: tuple[DemoCustomer, ...]) -> PlannedTicket:
    scenario: Scenario = _weighted(rng, ((s, s.weight) for s in SCENARIOS))
    customer = rng.choice(customers)
    language = customer.language if customer.language in scenario.opening else "en"
    details = _details(rng, scenario)
    # Recent days are busier, and a few tickets arrive in the last hour.
    age = (
        HISTORY * min(rng.expovariate(3.0), 1.0)
        if number % 25
        else timedelta(minutes=rng.uniform(1, 50))
    )
    channel = rng.choice(scenario.channels)
    priority = scenario.priority or ("high" if customer.vip_tier >= 3 else "normal")
    if scenario.complaint and priority in ("low", "normal"):
        priority = "high"
    team = team_for(scenario, customer)
    agent = _agent_for(rng, scenario, team, language)
    # Chats are picked up in seconds, e-mail and forms in minutes (seeds: 21 s, ~13 min).
    if channel in ("chat", "phone"):
        first = timedelta(seconds=rng.uniform(6, 45))
    else:
        minutes = rng.expovariate(1 / 13) if rng.random() > 0.03 else rng.uniform(60, 180)
        first = timedelta(minutes=minutes)
    path = rng.choices(("solve", "pending", "waiting", "hold"), (68, 12, 12, 8))[0]
    note = NOTES.get(scenario.category)
    written = note.format(**details) if note and rng.random() < 0.6 else None
    asks = rng.random() < 0.5
    answered = later = None
    engineer = None
    if path != "pending":
        answered = timedelta(minutes=rng.uniform(4, 240))
        if path != "waiting":
            later = timedelta(minutes=rng.uniform(3, 90))
            if path == "hold":
                engineer = rng.choice(("erin", "arjun"))
    return PlannedTicket(
        number, scenario, customer, language, details, age, channel, priority, team, agent,
        first, path, written, asks, answered, later, engineer,
    )  # fmt: skip


def team_for(scenario: Scenario, customer: DemoCustomer) -> str:
    if scenario.category == "security":
        return "security"
    if scenario.category == "compliance":
        return "expert-legal"
    if customer.vip_tier >= 3:
        return "vip"
    return people.TEAM_FOR_LANGUAGE[customer.language]


def _agent_for(rng: random.Random, scenario: Scenario, team: str, language: str) -> str:
    """Someone who speaks the language and handles the category, as routing would."""
    candidates = [
        a.key
        for a in people.AGENTS
        if team in a.teams and language in a.languages and scenario.category in a.categories
    ]
    if not candidates:
        candidates = [
            a.key for a in people.AGENTS if team in a.teams and scenario.category in a.categories
        ]
    return rng.choice(candidates or ["sam"])


def _details(rng: random.Random, scenario: Scenario) -> dict[str, str]:
    asset, network = rng.choice(scenario.asset)
    amounts = {"BTC": (0.01, 2.5), "ETH": (0.1, 30), "SOL": (2, 400), "XRP": (50, 20000)}
    low, high = amounts.get(asset, (20, 25000))
    amount = rng.uniform(low, high)
    return {
        "asset": asset,
        "network": network,
        "amount": f"{amount:,.4f}".rstrip("0").rstrip(".") if low < 1 else f"{amount:,.2f}",
        "tx": _tx_hash(rng, network),
        "addr": _address(rng, network),
        "memo": str(rng.randrange(10**8, 10**9)),
        "order": str(rng.randrange(10**17, 10**18)),
        "fiat": rng.choice(
            (
                "2,000,000 VND",
                "1,500 TRY",
                "300 EUR",
                "950 BRL",
                "20,000 RUB",
                "1,200,000 IDR",
                "450 USD",
            )
        ),
        "pair": rng.choice(("BTC-USDT-SWAP", "ETH-USDT-SWAP", "SOL-USDT-SWAP")),
        "price": f"{rng.uniform(20_000, 110_000):,.1f}",
        "phish": rng.choice(
            ("okx-verify-account.com", "secure-exch4nge.help", "support-wallet-sync.net")
        ),
        "uid": str(rng.randrange(10**8, 10**9)),
    }


def _full_name(language: str, given: str, family: str) -> str:
    if language in ("zh-Hans", "zh-Hant"):
        return family + given
    if language == "vi":
        return f"{family} {given}"
    return f"{given} {family}"


def _tx_hash(rng: random.Random, network: str) -> str:
    if network in ("Solana",):
        alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
        return "".join(rng.choice(alphabet) for _ in range(88))
    digits = "".join(rng.choice("0123456789abcdef") for _ in range(64))
    if network in ("TRC20", "Bitcoin", "XRP Ledger", "TON"):
        return digits.upper() if network == "XRP Ledger" else digits
    return "0x" + digits


def _address(rng: random.Random, network: str) -> str:
    if network == "TRC20":
        alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
        return "T" + "".join(rng.choice(alphabet) for _ in range(33))
    if network == "Bitcoin":
        return "bc1q" + "".join(rng.choice(string.ascii_lowercase + "023456789") for _ in range(38))
    return "0x" + "".join(rng.choice("0123456789abcdef") for _ in range(40))
