"""The plain values the exchange back office hands support: users, deposits, withdrawals."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from enum import StrEnum


class KycState(StrEnum):
    NONE = "none"
    PENDING = "pending"
    VERIFIED = "verified"
    REJECTED = "rejected"


class SecurityChangeKind(StrEnum):
    PASSWORD = "password"  # noqa: S105 (the kind of change, not a secret)
    TWO_FACTOR = "2fa"
    EMAIL = "email"
    PHONE = "phone"
    ANTI_PHISHING_CODE = "anti_phishing_code"


@dataclass(frozen=True)
class Device:
    id: str
    label: str
    first_seen: datetime
    ip: str
    country: str


@dataclass(frozen=True)
class SecurityChange:
    kind: SecurityChangeKind
    at: datetime
    device_id: str
    ip: str
    country: str


@dataclass(frozen=True)
class Login:
    at: datetime
    device_id: str
    ip: str
    country: str


@dataclass(frozen=True)
class UserProfile:
    user_id: str
    vip_tier: int  # 0 for regular users
    kyc: KycState
    language: str
    registered_at: datetime
    frozen: bool = False
    # Hardening after a security case: no withdrawals until then, and only to addresses
    # in the address book.
    withdrawals_locked_until: datetime | None = None
    whitelist_only: bool = False
    devices: tuple[Device, ...] = ()
    security_changes: tuple[SecurityChange, ...] = ()
    logins: tuple[Login, ...] = ()


class AddressKind(StrEnum):
    USER = "user"  # issued to one user
    SHARED_MEMO = "shared_memo"  # one exchange address on a memo chain; the memo names the user
    RETIRED = "retired"  # once issued, no longer watched for deposits
    CONTRACT = "contract"  # a smart contract (a token's own contract, the exchange's router)
    HOT_WALLET = "hot_wallet"  # the exchange's own withdrawal wallet


@dataclass(frozen=True)
class ExchangeAddress:
    """An address the exchange holds the key for (or a contract it knows), and whose it is."""

    chain: str
    address: str
    kind: AddressKind
    user_id: str | None  # the owner of a USER or RETIRED address
    issued_at: datetime


@dataclass(frozen=True)
class DepositAddress:
    """Where one user deposits on one chain: the address and, on memo chains, their memo."""

    user_id: str
    chain: str
    address: str
    memo: str | None


@dataclass(frozen=True)
class ChainTransfer:
    """One movement of value seen on chain; a transaction may carry several (``index``)."""

    chain: str
    tx_hash: str
    index: int
    asset: str  # the listed symbol, or the contract address for a token nobody listed
    contract: str | None
    amount: Decimal
    from_address: str
    to_address: str
    memo: str | None
    block_time: datetime
    confirmations: int


class DepositStatus(StrEnum):
    PENDING = "pending"  # waiting for confirmations
    CREDITED = "credited"
    UNMATCHED = "unmatched"  # arrived at an exchange address but not credited to anyone


@dataclass(frozen=True)
class Deposit:
    id: str
    transfer: ChainTransfer
    status: DepositStatus
    user_id: str | None  # who it was credited to, or whose address it reached
    credited_amount: Decimal | None = None
    credited_at: datetime | None = None
    note: str = ""  # why it is unmatched, in the back office's words


class WithdrawalStatus(StrEnum):
    REQUESTED = "requested"
    HELD = "held"
    BROADCAST = "broadcast"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class Withdrawal:
    id: str
    user_id: str
    chain: str
    asset: str
    amount: Decimal
    to_address: str
    memo: str | None
    status: WithdrawalStatus
    requested_at: datetime
    device_id: str
    ip: str
    country: str
    tx_hash: str | None = None
    hold_reason: str | None = None


@dataclass(frozen=True)
class AddressBookEntry:
    chain: str
    address: str
    added_at: datetime
    label: str = ""


class BalanceDirection(StrEnum):
    CREDIT = "credit"
    DEBIT = "debit"


@dataclass(frozen=True)
class BalanceChange:
    """A request to move money; the idempotency key makes a replay return the first answer."""

    idempotency_key: str
    user_id: str
    asset: str
    amount: Decimal
    direction: BalanceDirection
    reason: str


class BalanceChangeStatus(StrEnum):
    APPLIED = "applied"
    REJECTED = "rejected"


@dataclass(frozen=True)
class BalanceChangeResult:
    idempotency_key: str
    status: BalanceChangeStatus
    change_id: str
    balance_after: Decimal
    message: str = ""


class OrderSide(StrEnum):
    BUY = "buy"
    SELL = "sell"


class OrderType(StrEnum):
    LIMIT = "limit"
    STOP_LIMIT = "stop_limit"  # rests as a limit order once the stop price trades
    MARKET = "market"  # fills at once; never open


class OrderStatus(StrEnum):
    OPEN = "open"
    PARTIALLY_FILLED = "partially_filled"
    FILLED = "filled"
    CANCELLED = "cancelled"


OPEN_ORDER_STATUSES = frozenset({OrderStatus.OPEN, OrderStatus.PARTIALLY_FILLED})


@dataclass(frozen=True)
class Order:
    """A user's spot order on ``base``/``quote``; an open one locks what it may still spend.

    A buy locks ``price`` × the unfilled quantity of ``quote``, a sell the unfilled
    quantity of ``base``; cancelling releases what is still locked.
    """

    id: str
    user_id: str
    base: str
    quote: str
    side: OrderSide
    type: OrderType
    quantity: Decimal  # in base units
    filled: Decimal
    price: Decimal | None  # the limit price in quote units; None for a market order
    status: OrderStatus
    placed_at: datetime
    updated_at: datetime
    stop_price: Decimal | None = None
    cancel_reason: str | None = None

    @property
    def market(self) -> str:
        return f"{self.base}/{self.quote}"

    @property
    def remaining(self) -> Decimal:
        return self.quantity - self.filled

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_ORDER_STATUSES


@dataclass(frozen=True)
class OrderCancellation:
    """The answer to a cancel request; a replay with the same key gets this same answer."""

    idempotency_key: str
    order: Order  # as the cancellation left it
    released_asset: str
    released_amount: Decimal  # what went back to the available balance
    cancelled_at: datetime
