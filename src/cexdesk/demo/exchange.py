"""The demo exchange: the simulated back office, holding the demo desk's customers.

Built from the same seeded plan as the desk (demo/plan.py), so every demo customer is
an exchange user with the id, language, VIP tier and KYC state the desk shows, with
deposit addresses and memos, balances, a history of deposits and withdrawals and spot
orders (the traffic generator's), and the cases support handles where their tickets
talk about them: the deposit a missing-memo ticket names (its tx hash, amount and the
customer's tag), USDT sent over BNB Smart Chain to the ERC20 address a ticket quotes,
deposits waiting for confirmations, withdrawals pending under the 24-hour lock after a
2FA change, withdrawals held for a risk review, accounts frozen after a withdrawal the
customer did not make.

The simulation lives in memory, so each process builds it again at first use
(``exchange.service.back_office`` in demo mode): the same seed gives the same users,
ids, addresses and amounts. The past is written relative to the desk's clock at that
moment (the desk's demo tickets end at the moment the demo was loaded, so a case lies
just before its ticket when the demo is started fresh); afterwards the exchange reads
the desk's clock, so what agents and the bot do later is stamped with the real time.
"""

from __future__ import annotations

import random
from collections.abc import Coroutine
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any, TypeVar

from cexdesk.core.clock import Clock, FakeClock
from cexdesk.demo.plan import HISTORY, SEED, DemoCustomer, DemoPlan, PlannedTicket, plan
from cexdesk.exchange.chains import is_valid_address
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import KycState, SecurityChangeKind, Withdrawal

T = TypeVar("T")

# The desk's KYC states, as the exchange spells them.
KYC = {
    "verified": KycState.VERIFIED,
    "pending": KycState.PENDING,
    "failed": KycState.REJECTED,
    "none": KycState.NONE,
}
# The networks the tickets name, as the exchange's chain codes (Solana is not listed).
CHAIN_OF_NETWORK = {
    "TRC20": "TRON",
    "ERC20": "ETH",
    "Ethereum": "ETH",
    "Arbitrum One": "ARBITRUM",
    "Bitcoin": "BTC",
    "TON": "TON",
    "XRP Ledger": "XRP",
}
# Where customers keep money, and what a usual deposit of each is (low, high).
DEPOSITS = (
    ("TRON", "USDT", (20, 3_000)),
    ("ETH", "USDT", (50, 5_000)),
    ("ETH", "ETH", (0.05, 3)),
    ("BTC", "BTC", (0.002, 0.4)),
    ("XRP", "XRP", (30, 4_000)),
    ("TON", "TON", (5, 600)),
)
# Everyone has these; an Ethereum address only those who use it (EIP-55 is slow here).
ISSUED_CHAINS = ("BTC", "TRON", "XRP", "TON")


class _WorldClock(FakeClock):
    """Stands where the builder puts it while the past is written, then follows the desk."""

    def __init__(self, desk: Clock) -> None:
        super().__init__(desk.now())
        self._desk = desk
        self.building = True

    def now(self) -> datetime:
        return super().now() if self.building else self._desk.now()

    async def sleep(self, seconds: float) -> None:
        await self._desk.sleep(seconds)


def _at_once(action: Coroutine[Any, Any, T]) -> T:
    """The answer of a simulated back-office action that never waits (hold, lock, freeze):
    the world is built synchronously, at the first use of the back office."""
    try:
        action.send(None)
    except StopIteration as done:
        result: T = done.value
        return result
    action.close()
    raise RuntimeError("a simulated back-office action waited while the demo was built")


def build_exchange(clock: Clock, *, seed: int = SEED) -> SimulatedExchange:
    """The simulated exchange with the demo desk's customers and their money."""
    world = _WorldClock(clock)
    exchange = SimulatedExchange(world, seed=seed)
    _World(exchange, world, plan(seed), seed).build()
    world.building = False
    return exchange


class _World:
    def __init__(
        self, exchange: SimulatedExchange, clock: _WorldClock, demo: DemoPlan, seed: int
    ) -> None:
        self.exchange = exchange
        self.clock = clock
        self.plan = demo
        self.rng = random.Random(seed)
        self.traffic = TrafficGenerator(exchange, clock, seed=seed)
        self.anchor = clock.now()
        self.live_lock = False
        self.region = {c.uid: c.region for c in demo.customers}

    def build(self) -> None:
        for customer in self.plan.customers:
            self._user(customer)
        # The addresses and memos the tickets quote are the ones issued to their writers.
        for ticket in self.plan.tickets_about("missing-memo"):
            self.exchange.issue_deposit_address(
                ticket.customer.uid, "XRP", memo=ticket.details["memo"]
            )
        for ticket in self.plan.tickets_about("wrong-network"):
            # As quoted: all lower case, a valid address without the EIP-55 checksum.
            address = ticket.details["addr"]
            self.exchange.issue_deposit_address(ticket.customer.uid, "ETH", address=address)
        for customer in self.plan.customers:
            self._history(customer)
        # Takeovers write a year of withdrawals, so they go before any lock; then the
        # cases in the order they happened.
        for ticket in self.plan.tickets_about("unauthorised-withdrawal"):
            self._takeover(ticket, self.anchor - ticket.age)
        for ticket in sorted(self.plan.tickets, key=lambda t: t.age, reverse=True):
            self._case(ticket)
        if not self.live_lock:
            # Someone is always inside the 24 hours, whatever the tickets' times say.
            quiet = {t.customer.uid for t in self.plan.tickets}
            spare = [c for c in self.plan.customers if c.uid not in quiet] or list(
                self.plan.customers
            )
            self._security_lock(spare[0], self.anchor - timedelta(hours=5))
        self.clock.set(self.anchor)

    # --- every customer -------------------------------------------------------------

    def _user(self, customer: DemoCustomer) -> None:
        rng = self.rng
        # Exchange users long before they first wrote to support (the desk's history).
        registered = self.anchor - HISTORY - timedelta(days=rng.randrange(45, 900))
        self.clock.set(registered)
        self.exchange.add_user(
            customer.uid,
            vip_tier=customer.vip_tier,
            kyc=KYC[customer.kyc_state],
            language=customer.language,
        )
        ip = ".".join(str(rng.randrange(1, 255)) for _ in range(4))
        self.traffic.home_ip[customer.uid] = ip
        self.exchange.login(customer.uid, f"{customer.uid}-phone", ip, customer.region)

    def _history(self, customer: DemoCustomer) -> None:
        rng, uid = self.rng, customer.uid
        self.clock.set(self.anchor - timedelta(days=150))
        for code in ISSUED_CHAINS:
            self.exchange.issue_deposit_address(uid, code)
        on_ethereum = rng.random() < 0.2
        usual = [d for d in DEPOSITS if on_ethereum or d[0] != "ETH"]
        for _ in range(rng.randint(2, 7)):
            self.clock.set(self.anchor - timedelta(hours=rng.uniform(3, 24 * 120)))
            code, asset, (low, high) = rng.choice(usual)
            amount = _amount(rng.uniform(low, high), low)
            self.traffic.deposit(uid, code, amount, asset=asset)
        if rng.random() < 0.7:
            self.clock.set(self.anchor - timedelta(hours=rng.uniform(2, 72)))
            self.traffic.withdrawal_history(
                uid, rng.randint(1, 5), chain_code="TRON", destinations=2, days=90
            )
        # What the account holds now: more for higher VIP tiers.
        scale = Decimal(10) ** customer.vip_tier
        self.exchange.set_balance(uid, "USDT", _amount(rng.uniform(20, 4_000), 1) * scale)
        self.exchange.set_balance(uid, "BTC", _amount(rng.uniform(0, 0.3), 0.001) * scale)
        self.exchange.set_balance(uid, "ETH", _amount(rng.uniform(0, 4), 0.01) * scale)
        if customer.vip_tier > 0 or rng.random() < 0.45:
            self.clock.set(self.anchor)
            self.traffic.spot_orders(uid, rng.randint(3, 8))

    # --- the cases the tickets talk about ---------------------------------------------

    def _case(self, ticket: PlannedTicket) -> None:
        opened = self.anchor - ticket.age
        customer, details = ticket.customer, ticket.details
        subcategory = ticket.subcategory
        if subcategory == "missing-memo":
            self._missing_memo(customer, details, opened)
        elif subcategory == "wrong-network":
            self._wrong_network(customer, details, opened)
        elif subcategory == "pending-confirmations":
            self._unconfirmed(ticket, opened)
        elif subcategory == "security-lock":
            changed = opened - timedelta(hours=self.rng.uniform(14, 22))  # "yesterday"
            self._security_lock(customer, changed)
        elif subcategory == "risk-review-hold":
            self._risk_hold(ticket, opened)
        elif subcategory == "pending":
            self._pending_withdrawal(ticket, opened)

    def _solved(self, ticket: PlannedTicket, at: datetime) -> bool:
        """Whether the agent sorted it out already; the clock is then where they did."""
        done = at + ticket.first_reply_after
        if ticket.path != "solve" or done > self.anchor:
            return False
        self.clock.set(done)
        return True

    def _missing_memo(self, customer: DemoCustomer, details: dict[str, str], at: datetime) -> None:
        """XRP sent to the shared address without the tag: nobody's, until recovered."""
        self.clock.set(at - timedelta(hours=self.rng.uniform(1, 6)))
        shared = self.exchange.issue_deposit_address(customer.uid, "XRP").address
        source = self.traffic.wallet(customer.uid, "XRP").address
        amount = _parse(details["amount"])
        self.traffic.transfer("XRP", source, shared, amount, memo=None, tx_hash=details["tx"])

    def _wrong_network(self, customer: DemoCustomer, details: dict[str, str], at: datetime) -> None:
        """USDT over BNB Smart Chain to the customer's Ethereum address."""
        self.clock.set(at - timedelta(hours=self.rng.uniform(1, 6)))
        target = self.exchange.issue_deposit_address(customer.uid, "ETH").address
        source = self.traffic.wallet(customer.uid, "BSC").address
        amount = _parse(details["amount"])
        self.traffic.transfer("BSC", source, target, amount, asset="USDT", tx_hash=details["tx"])

    def _unconfirmed(self, ticket: PlannedTicket, at: datetime) -> None:
        """Seen on chain, short of the confirmations; credited once the ticket is solved."""
        code = CHAIN_OF_NETWORK.get(ticket.details["network"])
        if code is None:
            return
        uid, asset = ticket.customer.uid, ticket.details["asset"]
        self.clock.set(at - timedelta(hours=2))
        target = self.exchange.issue_deposit_address(uid, code)
        source = self.traffic.wallet(uid, code).address
        amount = _parse(ticket.details["amount"])
        sent = self.traffic.transfer(
            code, source, target.address, amount, asset=asset, memo=target.memo,
            confirmations=1, tx_hash=ticket.details["tx"],
        )  # fmt: skip
        if self._solved(ticket, at):
            self.traffic.transfer(
                code, source, target.address, amount, asset=asset, memo=target.memo,
                tx_hash=sent.tx_hash,
            )  # fmt: skip

    def _withdraw(
        self, uid: str, code: str, asset: str, amount: Decimal, to: str, device: str
    ) -> Withdrawal | None:
        """A withdrawal the customer asks for now (None while their withdrawals are locked);
        the money was there: the balance stays what the history made it."""
        locked = _at_once(self.exchange.get_user(uid)).withdrawals_locked_until
        if locked is not None and locked > self.clock.now():
            return None
        self.exchange.top_up(uid, asset, amount)
        return self.exchange.request_withdrawal(
            uid, code, asset, amount, to, device_id=device,
            ip=self.traffic.home_ip[uid], country=self.region[uid],
        )  # fmt: skip

    def _security_lock(self, customer: DemoCustomer, changed: datetime) -> None:
        """A 2FA change, a withdrawal asked for at once, withdrawals locked for 24 hours."""
        uid, device = customer.uid, f"{customer.uid}-new-phone"
        self.clock.set(changed)
        ip = self.traffic.home_ip[uid]
        self.exchange.login(uid, device, ip, customer.region)
        self.exchange.change_security(
            uid, SecurityChangeKind.TWO_FACTOR, device, ip, customer.region
        )
        self.clock.set(changed + timedelta(minutes=self.rng.uniform(5, 40)))
        to = self.exchange.new_external_address("TRON")
        amount = _amount(self.rng.uniform(100, 2_500), 1)
        withdrawal = self._withdraw(uid, "TRON", "USDT", amount, to, device)
        if withdrawal is None:
            return  # one lock at a time
        until = changed + timedelta(hours=24)
        reason = "24-hour security lock after a 2FA change"
        _at_once(self.exchange.lock_withdrawals(uid, until, reason))
        if until > self.anchor:
            self.live_lock = True
        else:
            self.clock.set(until)  # the lock ended and the withdrawal went out
            self.exchange.broadcast(withdrawal.id)

    def _risk_hold(self, ticket: PlannedTicket, at: datetime) -> None:
        """A withdrawal held for review, to an address the customer has used before."""
        details, uid = ticket.details, ticket.customer.uid
        code = CHAIN_OF_NETWORK.get(details["network"])
        if code is None:
            return
        asset = details["asset"]
        to = details["addr"]
        if not is_valid_address(code, to):
            to = self.exchange.new_external_address(code)
        self.clock.set(at - timedelta(days=self.rng.uniform(20, 60)))
        earlier = _amount(self.rng.uniform(0.5, 2.0) * float(_parse(details["amount"])), 0.001)
        before = self._withdraw(uid, code, asset, earlier, to, f"{uid}-phone")
        if before is not None:
            self.exchange.broadcast(before.id)
        self.clock.set(at - timedelta(hours=6))
        amount = _parse(details["amount"])
        withdrawal = self._withdraw(uid, code, asset, amount, to, f"{uid}-phone")
        if withdrawal is None:
            return
        reason = "risk review: amount well above this user's usual withdrawals"
        _at_once(self.exchange.hold_withdrawal(withdrawal.id, reason))
        if self._solved(ticket, at):
            self.exchange.broadcast(withdrawal.id)

    def _pending_withdrawal(self, ticket: PlannedTicket, at: datetime) -> None:
        """A withdrawal not yet broadcast; sent by the time the ticket is solved."""
        details, uid = ticket.details, ticket.customer.uid
        code = CHAIN_OF_NETWORK.get(details["network"])
        if code is None:
            return
        self.clock.set(at - timedelta(hours=3))
        to = self.exchange.new_external_address(code)
        withdrawal = self._withdraw(
            uid, code, details["asset"], _parse(details["amount"]), to, f"{uid}-phone"
        )
        if withdrawal is not None and self._solved(ticket, at):
            self.exchange.broadcast(withdrawal.id)

    def _takeover(self, ticket: PlannedTicket, at: datetime) -> None:
        """Someone else signed in, changed the e-mail and 2FA and withdrew; security froze
        the account when the customer wrote."""
        uid = ticket.customer.uid
        self.clock.set(at - timedelta(hours=2))
        takeover = self.traffic.account_takeover(uid)
        self.exchange.broadcast(takeover.withdrawal.id)
        self.clock.set(min(at + ticket.first_reply_after, self.anchor))
        _at_once(self.exchange.freeze_account(uid, "withdrawal the customer did not make"))


def _amount(value: float, smallest: float) -> Decimal:
    """A plausible amount: four decimals below 1 of the smallest unit's size, else two."""
    places = Decimal("0.0001") if smallest < 1 else Decimal("0.01")
    return max(Decimal(str(value)).quantize(places), Decimal(str(smallest)).quantize(places))


def _parse(text: str) -> Decimal:
    """An amount as the tickets print it ("1,234.56")."""
    return Decimal(text.replace(",", ""))
