"""What support needs from the exchange back office, as one typed protocol.

Both the simulated exchange (``simulated.SimulatedExchange``) and a client for a real
back office implement it; flows take an ``ExchangeBackOffice`` and never know which.
Every money-moving call carries an idempotency key: a replay with the same key returns
the first answer and moves nothing; the same key with other parameters is refused.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Protocol

from cexdesk.exchange.values import (
    AddressBookEntry,
    BalanceChangeResult,
    ChainTransfer,
    Deposit,
    DepositAddress,
    ExchangeAddress,
    Order,
    OrderCancellation,
    UserProfile,
    Withdrawal,
)


class ExchangeError(Exception):
    """The back office refused or could not answer a request."""


class UnknownUser(ExchangeError):
    pass


class UnknownWithdrawal(ExchangeError):
    pass


class UnknownOrder(ExchangeError):
    pass


class InvalidTransition(ExchangeError):
    """The thing is not in a state that allows this (releasing a cancelled withdrawal)."""


class IdempotencyConflict(ExchangeError):
    """An idempotency key was reused for a different request."""


class ExchangeBackOffice(Protocol):
    # --- users -----------------------------------------------------------------------
    async def get_user(self, user_id: str) -> UserProfile:
        """The profile with devices, logins and security changes; ``UnknownUser`` if none."""
        ...

    async def list_address_book(self, user_id: str) -> list[AddressBookEntry]: ...

    async def deposit_address(self, user_id: str, chain: str) -> DepositAddress:
        """The user's deposit address (and memo, on memo chains), issued on first ask."""
        ...

    async def balance(self, user_id: str, asset: str) -> Decimal: ...

    async def usd_price(self, asset: str) -> Decimal:
        """The exchange's reference price of one unit (0 for an asset it does not price)."""
        ...

    # --- deposits, withdrawals and the chain --------------------------------------
    async def list_deposits(
        self, user_id: str, *, since: datetime | None = None
    ) -> list[Deposit]: ...

    async def list_withdrawals(
        self, user_id: str, *, since: datetime | None = None
    ) -> list[Withdrawal]: ...

    async def find_transfers(self, chain: str, tx_hash: str) -> list[ChainTransfer]:
        """What the chain recorded under this transaction hash (empty if unknown)."""
        ...

    async def find_deposits(self, chain: str, tx_hash: str) -> list[Deposit]:
        """The exchange's own record of a transaction's transfers to its addresses."""
        ...

    async def deposits_from(self, chain: str, from_address: str) -> list[Deposit]:
        """Earlier deposits sent from this source address (who used it before)."""
        ...

    async def lookup_address(self, chain: str, address: str) -> ExchangeAddress | None:
        """Whose exchange address this is on ``chain`` (also keys shared across a family)."""
        ...

    async def is_shared_source(self, chain: str, address: str) -> bool:
        """Whether the address is a known custodial wallet many people send from."""
        ...

    # --- spot orders ------------------------------------------------------------------
    async def list_open_orders(self, user_id: str, *, market: str | None = None) -> list[Order]:
        """The user's open and partially filled orders (on one market, e.g. "BTC/USDT")."""
        ...

    async def get_order(self, order_id: str) -> Order:
        """Any order by its id, whatever its state; ``UnknownOrder`` if none."""
        ...

    async def cancel_order(
        self, user_id: str, order_id: str, idempotency_key: str, *, reason: str = ""
    ) -> OrderCancellation:
        """Cancel the unfilled rest and release what it locked. A replay with the key
        returns the first answer; a filled or already cancelled order is
        ``InvalidTransition``; another user's order is ``UnknownOrder``."""
        ...

    # --- actions -----------------------------------------------------------------
    async def hold_withdrawal(self, withdrawal_id: str, reason: str) -> Withdrawal: ...

    async def release_withdrawal(self, withdrawal_id: str) -> Withdrawal: ...

    async def cancel_withdrawal(self, withdrawal_id: str, reason: str) -> Withdrawal:
        """Cancel and return the amount to the user's balance."""
        ...

    async def freeze_account(self, user_id: str, reason: str) -> UserProfile: ...

    async def unfreeze_account(self, user_id: str) -> UserProfile: ...

    async def lock_withdrawals(self, user_id: str, until: datetime, reason: str) -> UserProfile:
        """No withdrawals until ``until`` (a later lock extends it, an earlier one does not)."""
        ...

    async def enforce_whitelist(self, user_id: str, enabled: bool) -> UserProfile:
        """Withdrawals only to addresses in the user's address book (or no longer)."""
        ...

    async def revoke_sessions(self, user_id: str) -> int:
        """Sign the user out everywhere; the number of sessions ended."""
        ...

    async def credit(
        self, idempotency_key: str, user_id: str, asset: str, amount: Decimal, reason: str
    ) -> BalanceChangeResult: ...

    async def debit(
        self, idempotency_key: str, user_id: str, asset: str, amount: Decimal, reason: str
    ) -> BalanceChangeResult:
        """Take from the balance; rejected (and remembered as such) if it would go negative."""
        ...
