"""A simulated exchange back office: in memory, deterministic for a seed, for demos and tests.

It keeps users, deposit addresses and memos, balances, the chain transfers it was
shown, deposits and withdrawals, spot orders (an open order locks what it may still
spend; a fill pays it out, a cancel releases the rest), and an idempotent ledger.
``observe_transfer`` is its deposit crawler: a transfer to an exchange address is
credited when the normal rules allow (listed asset on that chain, right memo, above the
minimum, confirmed) and kept as an unmatched deposit otherwise, which is what
support's recovery works on.
"""

from __future__ import annotations

import asyncio
import random
from bisect import bisect_left, insort
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal

from cexdesk.core.clock import Clock
from cexdesk.exchange import codecs
from cexdesk.exchange.chains import (
    CHAINS,
    LISTINGS,
    AddressFormat,
    Listing,
    ListingStatus,
    address_key,
    chain,
    check_address,
    find_listing,
    find_listing_by_contract,
)
from cexdesk.exchange.protocol import (
    IdempotencyConflict,
    InvalidTransition,
    UnknownOrder,
    UnknownUser,
    UnknownWithdrawal,
)
from cexdesk.exchange.values import (
    AddressBookEntry,
    AddressKind,
    BalanceChange,
    BalanceChangeResult,
    BalanceChangeStatus,
    BalanceDirection,
    ChainTransfer,
    Deposit,
    DepositAddress,
    DepositStatus,
    Device,
    ExchangeAddress,
    KycState,
    Login,
    Order,
    OrderCancellation,
    OrderSide,
    OrderStatus,
    OrderType,
    SecurityChange,
    SecurityChangeKind,
    UserProfile,
    Withdrawal,
    WithdrawalStatus,
)

# Reference prices of the simulated world (late 2026, made up but plausible).
USD_PRICES = {
    "BTC": Decimal(98_000), "ETH": Decimal(3_600), "BNB": Decimal(640), "POL": Decimal("0.45"),
    "TRX": Decimal("0.25"), "XRP": Decimal("2.1"), "XLM": Decimal("0.4"), "TON": Decimal("5.5"),
    "BCH": Decimal(450), "USDT": Decimal(1), "USDC": Decimal(1), "LUNC": Decimal("0.0001"),
}  # fmt: skip


@dataclass
class _User:
    profile: UserProfile
    sessions: int = 0
    address_book: list[AddressBookEntry] = field(default_factory=list)


class SimulatedExchange:
    """Implements ``ExchangeBackOffice`` in memory; the extra methods set up a world."""

    def __init__(self, clock: Clock, *, seed: int = 0) -> None:
        self._clock = clock
        self._random = random.Random(seed)
        self._users: dict[str, _User] = {}
        self._balances: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        # (chain, address key) → the address; EVM keys are also found from sibling chains.
        self._addresses: dict[tuple[str, str], ExchangeAddress] = {}
        self._family_addresses: dict[tuple[AddressFormat, str], ExchangeAddress] = {}
        self._deposit_addresses: dict[tuple[str, str], DepositAddress] = {}
        self._memo_owners: dict[tuple[str, str], str] = {}
        self._shared_sources: set[tuple[str, str]] = set()
        self._transfers: dict[tuple[str, str], list[ChainTransfer]] = defaultdict(list)
        self._deposits: dict[tuple[str, str, int], Deposit] = {}
        self._deposits_by_source: dict[tuple[str, str], list[tuple[str, str, int]]] = defaultdict(
            list
        )
        self._deposits_by_tx: dict[tuple[str, str], list[tuple[str, str, int]]] = defaultdict(list)
        self._deposits_by_user: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
        self._withdrawals: dict[str, Withdrawal] = {}
        # Per user, (requested_at, id) in time order: "since" is a bisection.
        self._withdrawals_by_user: dict[str, list[tuple[datetime, str]]] = defaultdict(list)
        self._ledger: dict[str, tuple[BalanceChange, BalanceChangeResult]] = {}
        self._key_locks: dict[str, asyncio.Lock] = {}
        self._evm_keys: dict[str, str] = {}  # one EVM address (key) per user
        self._orders: dict[str, Order] = {}
        self._orders_by_user: dict[str, list[str]] = defaultdict(list)
        self._locked: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
        self._order_cancellations: dict[str, OrderCancellation] = {}
        self._counter = 0
        # The exchange's own address per chain: the shared memo address and the hot wallet.
        self._special: dict[tuple[str, AddressKind], ExchangeAddress] = {}
        for code, chain_def in CHAINS.items():
            kinds = [AddressKind.HOT_WALLET]
            if chain_def.memo is not None:
                kinds.append(AddressKind.SHARED_MEMO)
            for kind in kinds:
                self._special[(code, kind)] = self._register(
                    code, self.new_external_address(code), kind
                )
        for listing in LISTINGS:
            if listing.contract:
                self._register(listing.chain, listing.contract, AddressKind.CONTRACT)

    # --- building the world --------------------------------------------------------

    def _next_id(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}-{self._counter:06d}"

    def new_external_address(self, chain_code: str) -> str:
        """A fresh, valid address on the chain that nobody at the exchange owns."""
        address_format = chain(chain_code).address_format
        body = self._random.randbytes(20)
        if address_format is AddressFormat.EVM:
            return codecs.eip55(body.hex())
        if address_format is AddressFormat.BITCOIN:
            if self._random.random() < 0.5 or chain_code != "BTC":
                return codecs.base58check_encode(b"\x00" + body)
            return codecs.segwit_encode("bc", 0, body)
        if address_format is AddressFormat.TRON:
            return codecs.base58check_encode(b"\x41" + body)
        if address_format is AddressFormat.XRP:
            return codecs.base58check_encode(b"\x00" + body, codecs.RIPPLE_ALPHABET)
        account = self._random.randbytes(32)
        if address_format is AddressFormat.STELLAR:
            return codecs.strkey_encode(codecs.STELLAR_ACCOUNT_VERSION, account)
        return codecs.ton_encode(0, account)

    def new_tx_hash(self, chain_code: str) -> str:
        digest = self._random.randbytes(32).hex()
        return "0x" + digest if chain(chain_code).address_format is AddressFormat.EVM else digest

    def _register(
        self, chain_code: str, address: str, kind: AddressKind, user_id: str | None = None
    ) -> ExchangeAddress:
        entry = ExchangeAddress(chain_code, address, kind, user_id, self._clock.now())
        key = address_key(chain_code, address)
        self._addresses[(chain_code, key)] = entry
        self._family_addresses.setdefault((chain(chain_code).address_format, key), entry)
        return entry

    def add_user(
        self,
        user_id: str | None = None,
        *,
        vip_tier: int = 0,
        kyc: KycState = KycState.VERIFIED,
        language: str = "en",
    ) -> UserProfile:
        user_id = user_id or self._next_id("u")
        profile = UserProfile(user_id, vip_tier, kyc, language, registered_at=self._clock.now())
        self._users[user_id] = _User(profile)
        return profile

    def _user(self, user_id: str) -> _User:
        try:
            return self._users[user_id]
        except KeyError:
            raise UnknownUser(user_id) from None

    def user_ids(self) -> list[str]:
        return list(self._users)

    def login(self, user_id: str, device_id: str, ip: str, country: str) -> Login:
        """A sign-in; a device seen for the first time is added to the profile."""
        user = self._user(user_id)
        now = self._clock.now()
        devices = user.profile.devices
        if all(device.id != device_id for device in devices):
            devices = (*devices, Device(device_id, device_id, now, ip, country))
        login = Login(now, device_id, ip, country)
        user.profile = replace(user.profile, devices=devices, logins=(*user.profile.logins, login))
        user.sessions += 1
        return login

    def change_security(
        self, user_id: str, kind: SecurityChangeKind, device_id: str, ip: str, country: str
    ) -> SecurityChange:
        user = self._user(user_id)
        change = SecurityChange(kind, self._clock.now(), device_id, ip, country)
        user.profile = replace(
            user.profile, security_changes=(*user.profile.security_changes, change)
        )
        return change

    def add_to_address_book(
        self, user_id: str, chain_code: str, address: str, label: str = ""
    ) -> AddressBookEntry:
        check_address(chain_code, address)
        entry = AddressBookEntry(chain_code, address, self._clock.now(), label)
        self._user(user_id).address_book.append(entry)
        return entry

    def mark_shared_source(self, chain_code: str, address: str) -> None:
        """Label an address as another platform's hot wallet that many people send from."""
        self._shared_sources.add((chain_code, address_key(chain_code, address)))

    def issue_deposit_address(
        self, user_id: str, chain_code: str, *, memo: str | None = None, address: str | None = None
    ) -> DepositAddress:
        """Issue (or return) the user's deposit address; EVM chains share one key per user.

        A story may name the ``memo`` or ``address`` to issue (a demo customer's ticket
        quotes them); a memo someone already has, or a second EVM key, is not given.
        """
        self._user(user_id)
        existing = self._deposit_addresses.get((user_id, chain_code))
        if existing:
            return existing
        chain_def = chain(chain_code)
        if address is not None:
            check_address(chain_code, address)
        if chain_def.memo is not None:
            shared = self._special[(chain_code, AddressKind.SHARED_MEMO)]
            memo = memo or str(self._random.randrange(100_000, 999_999_999))
            while (chain_code, memo) in self._memo_owners:
                memo = str(self._random.randrange(100_000, 999_999_999))
            self._memo_owners[(chain_code, memo)] = user_id
            issued = DepositAddress(user_id, chain_code, shared.address, memo)
        else:
            evm = chain_def.address_format is AddressFormat.EVM
            address = (
                (self._evm_keys.get(user_id) if evm else None)
                or address
                or self.new_external_address(chain_code)
            )
            if evm:
                self._evm_keys[user_id] = address
            self._register(chain_code, address, AddressKind.USER, user_id)
            issued = DepositAddress(user_id, chain_code, address, None)
        self._deposit_addresses[(user_id, chain_code)] = issued
        return issued

    def retire_deposit_address(self, user_id: str, chain_code: str) -> DepositAddress:
        """Retire the user's address on a chain and issue a new one."""
        old = self._deposit_addresses.pop((user_id, chain_code))
        key = (chain_code, address_key(chain_code, old.address))
        self._addresses[key] = replace(self._addresses[key], kind=AddressKind.RETIRED)
        self._family_addresses.pop((chain(chain_code).address_format, key[1]), None)
        fresh = self.new_external_address(chain_code)
        self._register(chain_code, fresh, AddressKind.USER, user_id)
        issued = DepositAddress(user_id, chain_code, fresh, None)
        self._deposit_addresses[(user_id, chain_code)] = issued
        return issued

    def hot_wallet(self, chain_code: str) -> str:
        return self._special[(chain_code, AddressKind.HOT_WALLET)].address

    def set_balance(self, user_id: str, asset: str, amount: Decimal) -> None:
        self._balances[(user_id, asset)] = amount

    def top_up(self, user_id: str, asset: str, amount: Decimal) -> None:
        """Add to the available balance (money that came from outside the simulation)."""
        self._balances[(user_id, asset)] += amount

    # --- the deposit crawler ----------------------------------------------------------

    def observe_transfer(self, transfer: ChainTransfer) -> Deposit | None:
        """Record a transfer seen on chain; credit it if the normal deposit rules allow."""
        tx_key = (transfer.chain, transfer.tx_hash.lower())
        transfers = self._transfers[tx_key]
        transfers[:] = [t for t in transfers if t.index != transfer.index] + [transfer]
        target = self._lookup(transfer.chain, transfer.to_address)
        if target is None:
            return None
        deposit_key = (transfer.chain, transfer.tx_hash.lower(), transfer.index)
        previous = self._deposits.get(deposit_key)
        if previous and previous.status is not DepositStatus.PENDING:
            return previous
        deposit = self._match(
            self._next_id("d") if previous is None else previous.id, transfer, target
        )
        self._deposits[deposit_key] = deposit
        if previous is None:
            source = (transfer.chain, address_key(transfer.chain, transfer.from_address))
            self._deposits_by_source[source].append(deposit_key)
            self._deposits_by_tx[deposit_key[:2]].append(deposit_key)
            if deposit.user_id is not None:
                self._deposits_by_user[deposit.user_id].append(deposit_key)
        if deposit.status is DepositStatus.UNMATCHED and deposit.note == "below minimum":
            self._credit_topped_up(deposit)
        return self._deposits[deposit_key]

    def _listing_for(self, transfer: ChainTransfer) -> Listing | None:
        if transfer.contract:
            return find_listing_by_contract(transfer.chain, transfer.contract)
        return find_listing(transfer.chain, chain(transfer.chain).native_asset)

    def _match(self, deposit_id: str, transfer: ChainTransfer, target: ExchangeAddress) -> Deposit:
        chain_def = chain(transfer.chain)

        def unmatched(note: str, user_id: str | None = target.user_id) -> Deposit:
            return Deposit(deposit_id, transfer, DepositStatus.UNMATCHED, user_id, note=note)

        if not chain_def.deposits_enabled:
            return unmatched("chain not supported")
        if target.chain != transfer.chain:
            return unmatched("address not issued on this chain")
        if target.kind is not AddressKind.USER and target.kind is not AddressKind.SHARED_MEMO:
            return unmatched(f"sent to a {target.kind.value} address")
        user_id = target.user_id
        if target.kind is AddressKind.SHARED_MEMO:
            user_id = self._memo_owners.get((transfer.chain, transfer.memo or ""))
            if user_id is None:
                return unmatched("missing memo" if not transfer.memo else "unknown memo", None)
        listing = self._listing_for(transfer)
        if listing is None:
            return unmatched("asset not listed on this chain", user_id)
        if listing.status is ListingStatus.DELISTED:
            return unmatched("asset delisted", user_id)
        if transfer.confirmations < chain_def.confirmations:
            return Deposit(deposit_id, transfer, DepositStatus.PENDING, user_id)
        if transfer.amount < listing.min_deposit:
            return unmatched("below minimum", user_id)
        assert user_id is not None
        self._apply_now(
            BalanceChange(
                f"deposit:{deposit_id}",
                user_id,
                listing.asset,
                transfer.amount,
                BalanceDirection.CREDIT,
                "deposit",
            )
        )
        return Deposit(
            deposit_id,
            transfer,
            DepositStatus.CREDITED,
            user_id,
            credited_amount=transfer.amount,
            credited_at=self._clock.now(),
        )

    def _credit_topped_up(self, latest: Deposit) -> None:
        """Credit a user's small deposits to one address once together they reach the minimum."""
        transfer = latest.transfer
        listing = self._listing_for(transfer)
        assert listing is not None and latest.user_id is not None
        small = [
            key
            for key in self._deposits_by_user[latest.user_id]
            if (deposit := self._deposits[key]).status is DepositStatus.UNMATCHED
            and deposit.note == "below minimum"
            and deposit.transfer.chain == transfer.chain
            and address_key(transfer.chain, deposit.transfer.to_address)
            == address_key(transfer.chain, transfer.to_address)
            and self._listing_for(deposit.transfer) == listing
        ]
        total = sum((self._deposits[key].transfer.amount for key in small), Decimal(0))
        if total < listing.min_deposit:
            return
        now = self._clock.now()
        for key in small:
            deposit = self._deposits[key]
            self._apply_now(
                BalanceChange(
                    f"deposit:{deposit.id}",
                    latest.user_id,
                    listing.asset,
                    deposit.transfer.amount,
                    BalanceDirection.CREDIT,
                    "deposit topped up to the minimum",
                )
            )
            self._deposits[key] = replace(
                deposit,
                status=DepositStatus.CREDITED,
                credited_amount=deposit.transfer.amount,
                credited_at=now,
                note="",
            )

    def recorded_deposits(self, chain_code: str, tx_hash: str) -> list[Deposit]:
        return [
            self._deposits[key]
            for key in self._deposits_by_tx.get((chain_code, tx_hash.lower()), [])
        ]

    def _lookup(self, chain_code: str, address: str) -> ExchangeAddress | None:
        key = address_key(chain_code, address)
        found = self._addresses.get((chain_code, key))
        if found is None:
            found = self._family_addresses.get((chain(chain_code).address_format, key))
        return found

    # --- withdrawals made by users ------------------------------------------------------

    def request_withdrawal(
        self,
        user_id: str,
        chain_code: str,
        asset: str,
        amount: Decimal,
        to_address: str,
        *,
        device_id: str,
        ip: str,
        country: str,
        memo: str | None = None,
    ) -> Withdrawal:
        """A user asks to withdraw; the amount leaves their balance until it is cancelled."""
        check_address(chain_code, to_address)
        user = self._user(user_id)
        locked_until = user.profile.withdrawals_locked_until
        if locked_until is not None and self._clock.now() < locked_until:
            raise InvalidTransition(f"withdrawals are locked until {locked_until.isoformat()}")
        if user.profile.whitelist_only and all(
            address_key(e.chain, e.address) != address_key(chain_code, to_address)
            for e in user.address_book
        ):
            raise InvalidTransition("withdrawals go only to addresses in the address book")
        withdrawal_id = self._next_id("w")
        result = self._apply_now(
            BalanceChange(
                f"withdrawal:{withdrawal_id}",
                user_id,
                asset,
                amount,
                BalanceDirection.DEBIT,
                "withdrawal",
            )
        )
        if result.status is BalanceChangeStatus.REJECTED:
            raise InvalidTransition(f"withdrawal refused: {result.message}")
        withdrawal = Withdrawal(
            withdrawal_id,
            user_id,
            chain_code,
            asset,
            amount,
            to_address,
            memo,
            WithdrawalStatus.REQUESTED,
            self._clock.now(),
            device_id,
            ip,
            country,
        )
        self._withdrawals[withdrawal_id] = withdrawal
        insort(self._withdrawals_by_user[user_id], (withdrawal.requested_at, withdrawal_id))
        return withdrawal

    # --- spot orders placed and filled by users -----------------------------------------

    @staticmethod
    def _locks(order: Order, quantity: Decimal) -> tuple[str, Decimal]:
        """What ``quantity`` of the order keeps locked: quote for a buy, base for a sell."""
        if order.side is OrderSide.SELL:
            return order.base, quantity
        assert order.price is not None
        return order.quote, quantity * order.price

    def locked(self, user_id: str, asset: str) -> Decimal:
        """What the user's open orders hold of ``asset`` (not in the available balance)."""
        return self._locked.get((user_id, asset), Decimal(0))

    def place_order(
        self,
        user_id: str,
        base: str,
        quote: str,
        side: OrderSide,
        quantity: Decimal,
        *,
        price: Decimal | None = None,
        order_type: OrderType = OrderType.LIMIT,
        stop_price: Decimal | None = None,
    ) -> Order:
        """A user places an order; what it may spend leaves the available balance at once.

        A market order fills at once at the reference price and is never open.
        """
        self._user(user_id)
        if quantity <= 0:
            raise ValueError("quantity must be positive")
        if order_type is OrderType.MARKET:
            quote_usd = USD_PRICES.get(quote, Decimal(0))
            if quote_usd <= 0:
                raise InvalidTransition(f"no market for {base}/{quote}")
            price = USD_PRICES.get(base, Decimal(0)) / quote_usd
        if price is None or price <= 0:
            raise ValueError("a limit order needs a positive price")
        now = self._clock.now()
        order = Order(
            self._next_id("o"), user_id, base, quote, side, order_type, quantity, Decimal(0),
            price, OrderStatus.OPEN, now, now, stop_price=stop_price,
        )  # fmt: skip
        asset, amount = self._locks(order, quantity)
        result = self._apply_now(
            BalanceChange(
                f"order-lock:{order.id}", user_id, asset, amount, BalanceDirection.DEBIT, "order"
            )
        )
        if result.status is BalanceChangeStatus.REJECTED:
            raise InvalidTransition(f"order refused: {result.message}")
        self._locked[(user_id, asset)] += amount
        self._orders[order.id] = order
        self._orders_by_user[user_id].append(order.id)
        if order_type is OrderType.MARKET:
            return self.fill_order(order.id)
        return order

    def fill_order(self, order_id: str, quantity: Decimal | None = None) -> Order:
        """The order trades ``quantity`` more (all that is left by default) at its price."""
        order = self._order(order_id)
        if not order.is_open:
            raise InvalidTransition(f"cannot fill a {order.status.value} order")
        quantity = order.remaining if quantity is None else quantity
        if not 0 < quantity <= order.remaining:
            raise ValueError("fill beyond what is left of the order")
        assert order.price is not None
        spent, spent_amount = self._locks(order, quantity)
        self._locked[(order.user_id, spent)] -= spent_amount
        bought, bought_amount = (
            (order.base, quantity)
            if order.side is OrderSide.BUY
            else (order.quote, quantity * order.price)
        )
        self._apply_now(
            BalanceChange(
                self._next_id("fill"), order.user_id, bought, bought_amount,
                BalanceDirection.CREDIT, f"order {order.id} filled",
            )
        )  # fmt: skip
        filled = order.filled + quantity
        status = OrderStatus.FILLED if filled == order.quantity else OrderStatus.PARTIALLY_FILLED
        updated = replace(order, filled=filled, status=status, updated_at=self._clock.now())
        self._orders[order_id] = updated
        return updated

    def cancel_by_user(self, order_id: str) -> Order:
        """The user cancels the order themselves (on the exchange's own site)."""
        order = self._order(order_id)
        return self._cancel_now(order.user_id, order_id, f"user-cancel:{order_id}", "").order

    def _order(self, order_id: str) -> Order:
        try:
            return self._orders[order_id]
        except KeyError:
            raise UnknownOrder(order_id) from None

    # --- ExchangeBackOffice: users ------------------------------------------------------

    async def get_user(self, user_id: str) -> UserProfile:
        return self._user(user_id).profile

    async def list_address_book(self, user_id: str) -> list[AddressBookEntry]:
        return list(self._user(user_id).address_book)

    async def deposit_address(self, user_id: str, chain: str) -> DepositAddress:
        return self.issue_deposit_address(user_id, chain)

    async def usd_price(self, asset: str) -> Decimal:
        return USD_PRICES.get(asset, Decimal(0))

    async def balance(self, user_id: str, asset: str) -> Decimal:
        self._user(user_id)
        return self._balances.get((user_id, asset), Decimal(0))

    # --- ExchangeBackOffice: deposits, withdrawals and the chain ------------------------

    async def list_deposits(self, user_id: str, *, since: datetime | None = None) -> list[Deposit]:
        deposits = (self._deposits[key] for key in self._deposits_by_user.get(user_id, []))
        return [d for d in deposits if since is None or d.transfer.block_time >= since]

    async def list_withdrawals(
        self, user_id: str, *, since: datetime | None = None
    ) -> list[Withdrawal]:
        entries = self._withdrawals_by_user.get(user_id, [])
        start = 0 if since is None else bisect_left(entries, (since, ""))
        return [self._withdrawals[withdrawal_id] for _, withdrawal_id in entries[start:]]

    async def find_transfers(self, chain: str, tx_hash: str) -> list[ChainTransfer]:
        return sorted(self._transfers.get((chain, tx_hash.lower()), []), key=lambda t: t.index)

    async def find_deposits(self, chain: str, tx_hash: str) -> list[Deposit]:
        return self.recorded_deposits(chain, tx_hash)

    async def deposits_from(self, chain: str, from_address: str) -> list[Deposit]:
        keys = self._deposits_by_source.get((chain, address_key(chain, from_address)), [])
        return [self._deposits[key] for key in keys]

    async def lookup_address(self, chain: str, address: str) -> ExchangeAddress | None:
        return self._lookup(chain, address)

    async def is_shared_source(self, chain: str, address: str) -> bool:
        return (chain, address_key(chain, address)) in self._shared_sources

    # --- ExchangeBackOffice: spot orders ------------------------------------------------

    async def list_open_orders(self, user_id: str, *, market: str | None = None) -> list[Order]:
        self._user(user_id)
        orders = (self._orders[order_id] for order_id in self._orders_by_user.get(user_id, []))
        return [o for o in orders if o.is_open and (market is None or o.market == market)]

    async def get_order(self, order_id: str) -> Order:
        return self._order(order_id)

    async def cancel_order(
        self, user_id: str, order_id: str, idempotency_key: str, *, reason: str = ""
    ) -> OrderCancellation:
        lock = self._key_locks.setdefault(f"cancel:{idempotency_key}", asyncio.Lock())
        async with lock:
            await asyncio.sleep(0)  # the back office's round trip
            return self._cancel_now(user_id, order_id, idempotency_key, reason)

    def _cancel_now(
        self, user_id: str, order_id: str, idempotency_key: str, reason: str
    ) -> OrderCancellation:
        answered = self._order_cancellations.get(idempotency_key)
        if answered is not None:
            if (answered.order.user_id, answered.order.id) != (user_id, order_id):
                raise IdempotencyConflict(idempotency_key)
            return answered
        order = self._order(order_id)
        if order.user_id != user_id:
            raise UnknownOrder(order_id)  # another user's orders are not theirs to see
        if not order.is_open:
            raise InvalidTransition(f"the order is already {order.status.value}")
        asset, amount = self._locks(order, order.remaining)
        self._locked[(user_id, asset)] -= amount
        self._apply_now(
            BalanceChange(
                f"order-release:{order_id}", user_id, asset, amount, BalanceDirection.CREDIT,
                f"order {order_id} cancelled",
            )
        )  # fmt: skip
        now = self._clock.now()
        cancelled = replace(
            order, status=OrderStatus.CANCELLED, updated_at=now, cancel_reason=reason or None
        )
        self._orders[order_id] = cancelled
        answer = OrderCancellation(idempotency_key, cancelled, asset, amount, now)
        self._order_cancellations[idempotency_key] = answer
        return answer

    # --- ExchangeBackOffice: actions ----------------------------------------------------

    def _withdrawal(self, withdrawal_id: str) -> Withdrawal:
        try:
            return self._withdrawals[withdrawal_id]
        except KeyError:
            raise UnknownWithdrawal(withdrawal_id) from None

    async def hold_withdrawal(self, withdrawal_id: str, reason: str) -> Withdrawal:
        withdrawal = self._withdrawal(withdrawal_id)
        if withdrawal.status is WithdrawalStatus.HELD:
            return withdrawal
        if withdrawal.status is not WithdrawalStatus.REQUESTED:
            raise InvalidTransition(f"cannot hold a {withdrawal.status.value} withdrawal")
        held = replace(withdrawal, status=WithdrawalStatus.HELD, hold_reason=reason)
        self._withdrawals[withdrawal_id] = held
        return held

    async def release_withdrawal(self, withdrawal_id: str) -> Withdrawal:
        return self.broadcast(withdrawal_id)

    def broadcast(self, withdrawal_id: str) -> Withdrawal:
        """Send a requested or held withdrawal on chain (once; a replay changes nothing)."""
        withdrawal = self._withdrawal(withdrawal_id)
        if withdrawal.status is WithdrawalStatus.BROADCAST:
            return withdrawal  # a replayed release broadcasts nothing twice
        if withdrawal.status is WithdrawalStatus.CANCELLED:
            raise InvalidTransition("cannot release a cancelled withdrawal")
        released = replace(
            withdrawal,
            status=WithdrawalStatus.BROADCAST,
            tx_hash=self.new_tx_hash(withdrawal.chain),
        )
        self._withdrawals[withdrawal_id] = released
        return released

    async def cancel_withdrawal(self, withdrawal_id: str, reason: str) -> Withdrawal:
        withdrawal = self._withdrawal(withdrawal_id)
        if withdrawal.status is WithdrawalStatus.CANCELLED:
            return withdrawal
        if withdrawal.status is WithdrawalStatus.BROADCAST:
            raise InvalidTransition("cannot cancel a withdrawal already broadcast")
        cancelled = replace(withdrawal, status=WithdrawalStatus.CANCELLED, hold_reason=reason)
        self._withdrawals[withdrawal_id] = cancelled
        self._apply_now(
            BalanceChange(
                f"withdrawal-cancel:{withdrawal_id}",
                withdrawal.user_id,
                withdrawal.asset,
                withdrawal.amount,
                BalanceDirection.CREDIT,
                f"withdrawal cancelled: {reason}",
            )
        )
        return cancelled

    async def freeze_account(self, user_id: str, reason: str) -> UserProfile:
        user = self._user(user_id)
        user.profile = replace(user.profile, frozen=True)
        return user.profile

    async def unfreeze_account(self, user_id: str) -> UserProfile:
        user = self._user(user_id)
        user.profile = replace(user.profile, frozen=False)
        return user.profile

    async def lock_withdrawals(self, user_id: str, until: datetime, reason: str) -> UserProfile:
        user = self._user(user_id)
        current = user.profile.withdrawals_locked_until
        if current is None or until > current:
            user.profile = replace(user.profile, withdrawals_locked_until=until)
        return user.profile

    async def enforce_whitelist(self, user_id: str, enabled: bool) -> UserProfile:
        user = self._user(user_id)
        user.profile = replace(user.profile, whitelist_only=enabled)
        return user.profile

    async def revoke_sessions(self, user_id: str) -> int:
        user = self._user(user_id)
        ended, user.sessions = user.sessions, 0
        return ended

    async def credit(
        self, idempotency_key: str, user_id: str, asset: str, amount: Decimal, reason: str
    ) -> BalanceChangeResult:
        change = BalanceChange(
            idempotency_key, user_id, asset, amount, BalanceDirection.CREDIT, reason
        )
        return await self._change(change)

    async def debit(
        self, idempotency_key: str, user_id: str, asset: str, amount: Decimal, reason: str
    ) -> BalanceChangeResult:
        change = BalanceChange(
            idempotency_key, user_id, asset, amount, BalanceDirection.DEBIT, reason
        )
        return await self._change(change)

    # --- the ledger -------------------------------------------------------------------

    async def _change(self, change: BalanceChange) -> BalanceChangeResult:
        """Apply once per key; concurrent callers with one key wait for the first answer."""
        if change.amount <= 0:
            raise ValueError("amount must be positive")
        self._user(change.user_id)
        lock = self._key_locks.setdefault(change.idempotency_key, asyncio.Lock())
        async with lock:
            # The back office's round trip: other requests run here, as they would.
            await asyncio.sleep(0)
            return self._apply_now(change)

    def _apply_now(self, change: BalanceChange) -> BalanceChangeResult:
        recorded = self._ledger.get(change.idempotency_key)
        if recorded is not None:
            first, result = recorded
            if (first.user_id, first.asset, first.amount, first.direction) != (
                change.user_id,
                change.asset,
                change.amount,
                change.direction,
            ):
                raise IdempotencyConflict(change.idempotency_key)
            return result
        key = (change.user_id, change.asset)
        balance = self._balances[key]
        change_id = self._next_id("c")
        if change.direction is BalanceDirection.DEBIT and balance < change.amount:
            result = BalanceChangeResult(
                change.idempotency_key,
                BalanceChangeStatus.REJECTED,
                change_id,
                balance,
                "insufficient balance",
            )
        else:
            sign = 1 if change.direction is BalanceDirection.CREDIT else -1
            balance += sign * change.amount
            self._balances[key] = balance
            result = BalanceChangeResult(
                change.idempotency_key, BalanceChangeStatus.APPLIED, change_id, balance
            )
        self._ledger[change.idempotency_key] = (change, result)
        return result
