"""Realistic traffic for the simulated exchange: every misdeposit case, phishing patterns
and the spot orders a trader leaves behind (open, partly filled, filled, cancelled).

Each scenario says what really happened (who sent the money, who should get it back),
so tests can hold recovery and risk decisions against the truth. Address poisoning is
generated on EVM chains, where a lookalike address can be made without grinding keys.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from cexdesk.core.clock import FakeClock
from cexdesk.exchange import codecs
from cexdesk.exchange.chains import chain, find_listing
from cexdesk.exchange.simulated import USD_PRICES, SimulatedExchange
from cexdesk.exchange.values import (
    ChainTransfer,
    Deposit,
    Order,
    OrderSide,
    OrderStatus,
    OrderType,
    SecurityChangeKind,
    Withdrawal,
)

# The misdeposit cases of TAXONOMY.md, by the names recovery uses for them.
MISDEPOSIT_CASES = (
    "missing_memo",
    "wrong_memo",
    "wrong_network",
    "unsupported_token",
    "delisted_token",
    "below_minimum",
    "retired_address",
    "wrong_coin",
    "contract_address",
    "own_withdrawal_wrong_address",
    "pending_confirmations",
    "not_an_exchange_address",
)


# What a trader's orders end up as, in turn.
ORDER_OUTCOMES = (
    OrderStatus.OPEN,
    OrderStatus.PARTIALLY_FILLED,
    OrderStatus.FILLED,
    OrderStatus.OPEN,
    OrderStatus.CANCELLED,
)
SPOT_BASES = ("BTC", "ETH", "BNB", "XRP", "TON", "TRX", "XLM")


@dataclass(frozen=True)
class MisdepositScenario:
    case: str
    transfer: ChainTransfer
    deposit: Deposit | None  # the exchange's record; None when it never reached us
    sender_user_id: str | None  # who really sent it (None: someone outside the exchange)
    rightful_user_id: str | None  # who the money belongs to, if anyone at the exchange


@dataclass(frozen=True)
class PoisoningScenario:
    user_id: str
    known_address: str
    lookalike: str
    dust: ChainTransfer
    withdrawal: Withdrawal


@dataclass(frozen=True)
class TakeoverScenario:
    user_id: str
    attacker_device: str
    attacker_country: str
    withdrawal: Withdrawal


@dataclass(frozen=True)
class Wallet:
    """A user's own wallet outside the exchange, on one chain."""

    user_id: str
    chain: str
    address: str


class TrafficGenerator:
    """Builds users and traffic on a simulated exchange; the same seed gives the same world."""

    def __init__(self, exchange: SimulatedExchange, clock: FakeClock, *, seed: int = 0) -> None:
        self.exchange = exchange
        self.clock = clock
        self.random = random.Random(seed)
        self.wallets: dict[tuple[str, str], Wallet] = {}
        self.home_ip: dict[str, str] = {}

    def user(
        self,
        user_id: str | None = None,
        *,
        vip_tier: int = 0,
        language: str = "en",
        age_days: int = 400,
    ) -> str:
        """A user who joined ``age_days`` ago and signed in then from their phone at home."""
        now = self.clock.now()
        self.clock.advance(-age_days * 86_400)
        user_id = self.exchange.add_user(user_id, vip_tier=vip_tier, language=language).user_id
        self.home_ip[user_id] = self._ip()
        self.exchange.login(user_id, f"{user_id}-phone", self.home_ip[user_id], "VN")
        self.clock.set(now)
        return user_id

    def wallet(self, user_id: str, chain_code: str) -> Wallet:
        """The user's personal wallet on a chain (made on first use)."""
        key = (user_id, chain_code)
        if key not in self.wallets:
            address = self.exchange.new_external_address(chain_code)
            self.wallets[key] = Wallet(user_id, chain_code, address)
        return self.wallets[key]

    def _ip(self) -> str:
        return ".".join(str(self.random.randrange(1, 255)) for _ in range(4))

    def transfer(
        self,
        chain_code: str,
        from_address: str,
        to_address: str,
        amount: Decimal,
        *,
        asset: str | None = None,
        memo: str | None = None,
        confirmations: int | None = None,
        tx_hash: str | None = None,
    ) -> ChainTransfer:
        """A transfer put on chain now (and shown to the exchange's crawler)."""
        chain_def = chain(chain_code)
        asset = asset or chain_def.native_asset
        listing = find_listing(chain_code, asset)
        contract = listing.contract if listing else None
        if asset != chain_def.native_asset and listing is None:
            # A token this chain has no listing for: it still has a contract of its own.
            contract = self.exchange.new_external_address(chain_code)
        transfer = ChainTransfer(
            chain_code,
            tx_hash or self.exchange.new_tx_hash(chain_code),
            0,
            asset,
            contract,
            amount,
            from_address,
            to_address,
            memo,
            self.clock.now(),
            chain_def.confirmations if confirmations is None else confirmations,
        )
        self.exchange.observe_transfer(transfer)
        return transfer

    def deposit(
        self, user_id: str, chain_code: str, amount: Decimal, asset: str | None = None
    ) -> ChainTransfer:
        """A correct deposit from the user's own wallet."""
        target = self.exchange.issue_deposit_address(user_id, chain_code)
        source = self.wallet(user_id, chain_code).address
        return self.transfer(
            chain_code, source, target.address, amount, asset=asset, memo=target.memo
        )

    def _scenario(
        self, case: str, transfer: ChainTransfer, sender: str | None, rightful: str | None
    ) -> MisdepositScenario:
        records = self.exchange.recorded_deposits(transfer.chain, transfer.tx_hash)
        return MisdepositScenario(case, transfer, records[0] if records else None, sender, rightful)

    def misdeposit(self, case: str, user_id: str | None = None) -> MisdepositScenario:
        """One misdeposit of the given case, sent by ``user_id`` (a new user if None)."""
        user = user_id or self.user()
        memo_chain = self.random.choice(["XRP", "XLM", "TON"])
        if case in ("missing_memo", "wrong_memo"):
            target = self.exchange.issue_deposit_address(user, memo_chain)
            source = self.wallet(user, memo_chain).address
            memo = (
                None if case == "missing_memo" else "9" + target.memo[::-1] if target.memo else "1"
            )
            transfer = self.transfer(memo_chain, source, target.address, Decimal(250), memo=memo)
            return self._scenario(case, transfer, user, user)
        if case == "wrong_network":
            # USDC on BSC (listed only on other EVM chains) to the user's EVM address.
            target = self.exchange.issue_deposit_address(user, "ETH")
            source = self.wallet(user, "BSC").address
            transfer = self.transfer("BSC", source, target.address, Decimal(1200), asset="USDC")
            return self._scenario(case, transfer, user, user)
        if case in ("unsupported_token", "delisted_token"):
            chain_code = "ETH" if case == "unsupported_token" else "BSC"
            asset = "PEPE2" if case == "unsupported_token" else "LUNC"
            target = self.exchange.issue_deposit_address(user, chain_code)
            source = self.wallet(user, chain_code).address
            transfer = self.transfer(
                chain_code, source, target.address, Decimal(5_000_000), asset=asset
            )
            return self._scenario(case, transfer, user, user)
        if case == "below_minimum":
            target = self.exchange.issue_deposit_address(user, "XRP")
            source = self.wallet(user, "XRP").address
            transfer = self.transfer(
                "XRP", source, target.address, Decimal("0.4"), memo=target.memo
            )
            return self._scenario(case, transfer, user, user)
        if case == "retired_address":
            old = self.exchange.issue_deposit_address(user, "BTC")
            self.exchange.retire_deposit_address(user, "BTC")
            source = self.wallet(user, "BTC").address
            transfer = self.transfer("BTC", source, old.address, Decimal("0.05"))
            return self._scenario(case, transfer, user, user)
        if case == "wrong_coin":
            target = self.exchange.issue_deposit_address(user, "BTC")
            while target.address.startswith("bc1"):
                target = self.exchange.retire_deposit_address(user, "BTC")
            source = self.wallet(user, "BCH").address
            transfer = self.transfer("BCH", source, target.address, Decimal("3"))
            return self._scenario(case, transfer, user, user)
        if case == "contract_address":
            listing = find_listing("ETH", "USDT")
            assert listing is not None and listing.contract is not None
            source = self.wallet(user, "ETH").address
            transfer = self.transfer("ETH", source, listing.contract, Decimal(800), asset="USDT")
            return self._scenario(case, transfer, user, None)
        if case == "own_withdrawal_wrong_address":
            self.exchange.set_balance(user, "USDT", Decimal(5000))
            wrong = self.exchange.new_external_address("TRON")
            withdrawal = self.exchange.request_withdrawal(
                user,
                "TRON",
                "USDT",
                Decimal(900),
                wrong,
                device_id=f"{user}-phone",
                ip=self.home_ip.get(user, "203.0.113.1"),
                country="VN",
            )
            sent = self.exchange.broadcast(withdrawal.id)
            transfer = self.transfer(
                "TRON",
                self.exchange.hot_wallet("TRON"),
                wrong,
                Decimal(900),
                asset="USDT",
                tx_hash=sent.tx_hash,
            )
            return self._scenario(case, transfer, user, None)
        if case == "pending_confirmations":
            target = self.exchange.issue_deposit_address(user, "BTC")
            source = self.wallet(user, "BTC").address
            transfer = self.transfer("BTC", source, target.address, Decimal("0.2"), confirmations=0)
            return self._scenario(case, transfer, user, user)
        if case == "not_an_exchange_address":
            elsewhere = self.exchange.new_external_address("TRON")
            source = self.wallet(user, "TRON").address
            transfer = self.transfer("TRON", source, elsewhere, Decimal(300), asset="USDT")
            return self._scenario(case, transfer, user, None)
        raise ValueError(f"unknown misdeposit case {case!r}")

    def every_misdeposit(self) -> Iterator[MisdepositScenario]:
        for case in MISDEPOSIT_CASES:
            yield self.misdeposit(case)

    # --- phishing -------------------------------------------------------------------

    def withdrawal_history(
        self,
        user_id: str,
        count: int,
        *,
        chain_code: str = "ETH",
        asset: str = "USDT",
        destinations: int = 5,
        days: int = 365,
    ) -> list[str]:
        """``count`` ordinary withdrawals over ``days`` to a few of the user's own addresses."""
        addresses = [self.exchange.new_external_address(chain_code) for _ in range(destinations)]
        start = self.clock.now()
        self.clock.advance(-days * 86_400)
        step = days * 86_400 / max(count, 1)
        self.exchange.set_balance(user_id, asset, Decimal(10**12))
        for _ in range(count):
            amount = Decimal(self.random.randrange(50, 2_000))
            withdrawal = self.exchange.request_withdrawal(
                user_id,
                chain_code,
                asset,
                amount,
                self.random.choice(addresses),
                device_id=f"{user_id}-phone",
                ip=self.home_ip.get(user_id, "203.0.113.1"),
                country="VN",
            )
            self.exchange.broadcast(withdrawal.id)
            self.clock.advance(step)
        self.clock.set(start)
        return addresses

    def lookalike(self, address: str, *, prefix: int = 4, suffix: int = 4) -> str:
        """An EVM address sharing the first ``prefix`` and last ``suffix`` hex digits."""
        body = address.removeprefix("0x").lower()
        while True:
            middle = self.random.randbytes(20).hex()[prefix : 40 - suffix]
            candidate = body[:prefix] + middle + body[40 - suffix :]
            if candidate != body:
                return codecs.eip55(candidate)

    def address_poisoning(self, user_id: str, *, chain_code: str = "ETH") -> PoisoningScenario:
        """A dust transfer from a lookalike of a past destination, then a withdrawal to it."""
        known = self.withdrawal_history(user_id, 20, chain_code=chain_code)[0]
        lookalike = self.lookalike(known)
        target = self.exchange.issue_deposit_address(user_id, chain_code)
        dust = self.transfer(chain_code, lookalike, target.address, Decimal(0), asset="USDT")
        self.clock.advance(hours=3)
        withdrawal = self.exchange.request_withdrawal(
            user_id,
            chain_code,
            "USDT",
            Decimal(1500),
            lookalike,
            device_id=f"{user_id}-phone",
            ip=self.home_ip.get(user_id, "203.0.113.1"),
            country="VN",
        )
        return PoisoningScenario(user_id, known, lookalike, dust, withdrawal)

    def account_takeover(self, user_id: str) -> TakeoverScenario:
        """A login from a new device and country, security changes, then a large withdrawal."""
        self.withdrawal_history(user_id, 30, chain_code="TRON")
        device, country, ip = f"{user_id}-attacker", "NG", self._ip()
        self.clock.advance(minutes=5)
        self.exchange.login(user_id, device, ip, country)
        self.exchange.change_security(user_id, SecurityChangeKind.EMAIL, device, ip, country)
        self.exchange.change_security(user_id, SecurityChangeKind.TWO_FACTOR, device, ip, country)
        drop = self.exchange.new_external_address("TRON")
        self.exchange.add_to_address_book(user_id, "TRON", drop)
        self.clock.advance(minutes=10)
        self.exchange.set_balance(user_id, "USDT", Decimal(48_000))
        withdrawal = self.exchange.request_withdrawal(
            user_id, "TRON", "USDT", Decimal(47_500), drop, device_id=device, ip=ip, country=country
        )
        return TakeoverScenario(user_id, device, country, withdrawal)

    def day_of_deposits(self, count: int, users: int = 50) -> list[MisdepositScenario]:
        """Ordinary deposits with misdeposits mixed in at a few percent, over one day."""
        user_ids = [self.user() for _ in range(users)]
        scenarios: list[MisdepositScenario] = []
        for _ in range(count):
            self.clock.advance(86_400 / max(count, 1))
            sender = self.random.choice(user_ids)
            if self.random.random() < 0.05:
                scenarios.append(self.misdeposit(self.random.choice(MISDEPOSIT_CASES), sender))
            else:
                chain_code = self.random.choice(["BTC", "ETH", "TRON", "XRP"])
                amount = Decimal(self.random.randrange(10, 5_000)) / (
                    1000 if chain_code == "BTC" else 1
                )
                self.deposit(sender, chain_code, amount)
        return scenarios

    # --- trading ------------------------------------------------------------------------

    def spot_orders(
        self, user_id: str, count: int = 5, *, quote: str = "USDT", days: int = 3
    ) -> list[Order]:
        """``count`` spot orders placed over the last ``days``, ending in turn as
        ``ORDER_OUTCOMES`` says; the money they lock is topped up first, so the user's
        available balance is what it was."""
        exchange = self.exchange
        start = self.clock.now()
        self.clock.advance(-days * 86_400)
        step = days * 86_400 / max(count, 1)
        placed = []
        for number in range(count):
            base = self.random.choice(SPOT_BASES)
            reference = USD_PRICES[base] / USD_PRICES[quote]
            # Every fourth is a stop-limit sell (a stop loss); the rest mostly buys.
            stop = number % 4 == 3
            side = OrderSide.BUY if not stop and self.random.random() < 0.6 else OrderSide.SELL
            # Buys rest below the market, sells above it: that is why they wait.
            offset = Decimal(self.random.randrange(2, 15)) / 100
            price = (reference * (1 - offset if side is OrderSide.BUY else 1 + offset)).quantize(
                Decimal("0.0001")
            )
            quantity = (Decimal(self.random.randrange(50, 5_000)) / price).quantize(
                Decimal("0.0001")
            )
            exchange.top_up(user_id, quote if side is OrderSide.BUY else base,
                            quantity * price if side is OrderSide.BUY else quantity)  # fmt: skip
            order = exchange.place_order(
                user_id, base, quote, side, quantity, price=price,
                order_type=OrderType.STOP_LIMIT if stop else OrderType.LIMIT,
                stop_price=price * Decimal("0.99") if stop else None,
            )  # fmt: skip
            outcome = ORDER_OUTCOMES[number % len(ORDER_OUTCOMES)]
            self.clock.advance(step / 2)
            if outcome is OrderStatus.PARTIALLY_FILLED:
                order = exchange.fill_order(order.id, (quantity / 3).quantize(Decimal("0.0001")))
            elif outcome is OrderStatus.FILLED:
                order = exchange.fill_order(order.id)
            elif outcome is OrderStatus.CANCELLED:
                order = exchange.cancel_by_user(order.id)
            placed.append(order)
            self.clock.advance(step / 2)
        self.clock.set(start)
        return placed
