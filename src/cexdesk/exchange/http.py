"""``ExchangeBackOffice`` over HTTP, for a real exchange's back office.

Every request is JSON and signed (``signing``: ``X-Cexdesk-Signature`` over the method,
path with query and body, with the key both sides share). Values travel as ``wire``
encodes them: decimals as strings, times in ISO 8601 with an offset. The back office
answers errors as ``{"error": code, "detail": text}`` with these codes: ``unknown_user``,
``unknown_withdrawal`` and ``unknown_order`` (404), ``invalid_transition`` and
``idempotency_conflict`` (409). Reads, balance changes and order cancellations
(idempotency key) and the withdrawal and account actions (idempotent on the back
office's side) are retried on connection errors and 5xx.

Endpoints, relative to the base URL:

| method and path | body | answer |
|---|---|---|
| GET /users/{uid} | | UserProfile |
| GET /users/{uid}/address-book | | [AddressBookEntry] |
| POST /users/{uid}/deposit-addresses | {chain} | DepositAddress |
| GET /users/{uid}/balances/{asset} | | {balance} |
| GET /users/{uid}/deposits?since= | | [Deposit] |
| GET /users/{uid}/withdrawals?since= | | [Withdrawal] |
| GET /users/{uid}/orders?status=open&market= | | [Order] (open and partially filled) |
| POST /users/{uid}/orders/{id}/cancel | {idempotency_key, reason} | OrderCancellation |
| GET /orders/{id} | | Order |
| POST /users/{uid}/freeze | {reason} | UserProfile |
| POST /users/{uid}/unfreeze | {} | UserProfile |
| POST /users/{uid}/sessions/revoke | {} | {revoked} |
| POST /users/{uid}/withdrawal-lock | {until, reason} | UserProfile |
| POST /users/{uid}/whitelist | {enabled} | UserProfile |
| GET /prices/{asset} | | {usd} |
| GET /chains/{chain}/transactions/{tx} | | [ChainTransfer] |
| GET /chains/{chain}/transactions/{tx}/deposits | | [Deposit] |
| GET /chains/{chain}/addresses/{address} | | ExchangeAddress, or 404 |
| GET /chains/{chain}/addresses/{address}/deposits | | [Deposit] (sent from it) |
| GET /chains/{chain}/addresses/{address}/shared | | {shared} |
| POST /withdrawals/{id}/hold | {reason} | Withdrawal |
| POST /withdrawals/{id}/release | {} | Withdrawal |
| POST /withdrawals/{id}/cancel | {reason} | Withdrawal |
| POST /balance-changes | BalanceChange | BalanceChangeResult |
"""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from typing import Any
from urllib.parse import quote, urlencode

import httpx

from cexdesk.core.clock import Clock
from cexdesk.exchange import wire
from cexdesk.exchange.protocol import (
    ExchangeError,
    IdempotencyConflict,
    InvalidTransition,
    UnknownOrder,
    UnknownUser,
    UnknownWithdrawal,
)
from cexdesk.exchange.signing import SIGNATURE_HEADER, canonical, sign
from cexdesk.exchange.values import (
    AddressBookEntry,
    BalanceChange,
    BalanceChangeResult,
    BalanceDirection,
    ChainTransfer,
    Deposit,
    DepositAddress,
    ExchangeAddress,
    Order,
    OrderCancellation,
    UserProfile,
    Withdrawal,
)

_ERRORS: dict[str, type[ExchangeError]] = {
    "unknown_user": UnknownUser,
    "unknown_withdrawal": UnknownWithdrawal,
    "unknown_order": UnknownOrder,
    "invalid_transition": InvalidTransition,
    "idempotency_conflict": IdempotencyConflict,
}


def _segment(text: str) -> str:
    return quote(text, safe="")


class HttpBackOffice:
    """Talks to the back office at ``base_url``; ``client`` is an ``httpx.AsyncClient``."""

    def __init__(
        self,
        client: httpx.AsyncClient,
        key: str,
        clock: Clock,
        *,
        base_path: str = "",
        attempts: int = 3,
        backoff_seconds: float = 0.2,
    ) -> None:
        self._client = client
        self._key = key
        self._clock = clock
        self._base_path = base_path.rstrip("/")
        self._attempts = attempts
        self._backoff = backoff_seconds

    async def _call(
        self,
        method: str,
        path: str,
        body: dict[str, Any] | None = None,
        *,
        query: dict[str, str] | None = None,
        not_found_ok: bool = False,
    ) -> Any:
        full_path = self._base_path + path + (f"?{urlencode(query)}" if query else "")
        content = b"" if body is None else json.dumps(body, separators=(",", ":")).encode()
        for attempt in range(1, self._attempts + 1):
            timestamp = int(self._clock.now().timestamp())
            headers = {
                SIGNATURE_HEADER: sign(self._key, timestamp, canonical(method, full_path, content)),
                "content-type": "application/json",
            }
            try:
                response = await self._client.request(
                    method, full_path, content=content, headers=headers
                )
            except httpx.TransportError as error:
                if attempt == self._attempts:
                    raise ExchangeError(f"back office unreachable: {error}") from error
            else:
                if response.status_code < 500:
                    return self._answer(response, not_found_ok)
                if attempt == self._attempts:
                    raise ExchangeError(f"back office failed: HTTP {response.status_code}")
            await self._clock.sleep(self._backoff * 2 ** (attempt - 1))
        raise AssertionError("unreachable")

    @staticmethod
    def _answer(response: httpx.Response, not_found_ok: bool) -> Any:
        if response.status_code == 404 and not_found_ok:
            return None
        if response.status_code >= 400:
            try:
                problem = response.json()
            except ValueError:
                problem = {}
            error = _ERRORS.get(problem.get("error", ""), ExchangeError)
            raise error(problem.get("detail") or f"HTTP {response.status_code}")
        return response.json()

    @staticmethod
    def _since(since: datetime | None) -> dict[str, str] | None:
        return {"since": since.isoformat()} if since else None

    # --- users -----------------------------------------------------------------------

    async def get_user(self, user_id: str) -> UserProfile:
        return wire.load(UserProfile, await self._call("GET", f"/users/{_segment(user_id)}"))

    async def list_address_book(self, user_id: str) -> list[AddressBookEntry]:
        data = await self._call("GET", f"/users/{_segment(user_id)}/address-book")
        return wire.load_list(AddressBookEntry, data)

    async def deposit_address(self, user_id: str, chain: str) -> DepositAddress:
        data = await self._call(
            "POST", f"/users/{_segment(user_id)}/deposit-addresses", {"chain": chain}
        )
        return wire.load(DepositAddress, data)

    async def balance(self, user_id: str, asset: str) -> Decimal:
        data = await self._call("GET", f"/users/{_segment(user_id)}/balances/{_segment(asset)}")
        return Decimal(data["balance"])

    async def usd_price(self, asset: str) -> Decimal:
        return Decimal((await self._call("GET", f"/prices/{_segment(asset)}"))["usd"])

    # --- deposits, withdrawals and the chain ------------------------------------------

    async def list_deposits(self, user_id: str, *, since: datetime | None = None) -> list[Deposit]:
        data = await self._call(
            "GET", f"/users/{_segment(user_id)}/deposits", query=self._since(since)
        )
        return wire.load_list(Deposit, data)

    async def list_withdrawals(
        self, user_id: str, *, since: datetime | None = None
    ) -> list[Withdrawal]:
        data = await self._call(
            "GET", f"/users/{_segment(user_id)}/withdrawals", query=self._since(since)
        )
        return wire.load_list(Withdrawal, data)

    async def find_transfers(self, chain: str, tx_hash: str) -> list[ChainTransfer]:
        data = await self._call("GET", f"/chains/{chain}/transactions/{_segment(tx_hash)}")
        return wire.load_list(ChainTransfer, data)

    async def find_deposits(self, chain: str, tx_hash: str) -> list[Deposit]:
        data = await self._call("GET", f"/chains/{chain}/transactions/{_segment(tx_hash)}/deposits")
        return wire.load_list(Deposit, data)

    async def deposits_from(self, chain: str, from_address: str) -> list[Deposit]:
        data = await self._call(
            "GET", f"/chains/{chain}/addresses/{_segment(from_address)}/deposits"
        )
        return wire.load_list(Deposit, data)

    async def lookup_address(self, chain: str, address: str) -> ExchangeAddress | None:
        data = await self._call(
            "GET", f"/chains/{chain}/addresses/{_segment(address)}", not_found_ok=True
        )
        return None if data is None else wire.load(ExchangeAddress, data)

    async def is_shared_source(self, chain: str, address: str) -> bool:
        data = await self._call("GET", f"/chains/{chain}/addresses/{_segment(address)}/shared")
        return bool(data["shared"])

    # --- spot orders -------------------------------------------------------------------

    async def list_open_orders(self, user_id: str, *, market: str | None = None) -> list[Order]:
        query = {"status": "open"} | ({"market": market} if market else {})
        data = await self._call("GET", f"/users/{_segment(user_id)}/orders", query=query)
        return wire.load_list(Order, data)

    async def get_order(self, order_id: str) -> Order:
        return wire.load(Order, await self._call("GET", f"/orders/{_segment(order_id)}"))

    async def cancel_order(
        self, user_id: str, order_id: str, idempotency_key: str, *, reason: str = ""
    ) -> OrderCancellation:
        data = await self._call(
            "POST",
            f"/users/{_segment(user_id)}/orders/{_segment(order_id)}/cancel",
            {"idempotency_key": idempotency_key, "reason": reason},
        )
        return wire.load(OrderCancellation, data)

    # --- actions -----------------------------------------------------------------------

    async def _withdrawal_action(
        self, withdrawal_id: str, action: str, body: dict[str, Any]
    ) -> Withdrawal:
        data = await self._call("POST", f"/withdrawals/{_segment(withdrawal_id)}/{action}", body)
        return wire.load(Withdrawal, data)

    async def hold_withdrawal(self, withdrawal_id: str, reason: str) -> Withdrawal:
        return await self._withdrawal_action(withdrawal_id, "hold", {"reason": reason})

    async def release_withdrawal(self, withdrawal_id: str) -> Withdrawal:
        return await self._withdrawal_action(withdrawal_id, "release", {})

    async def cancel_withdrawal(self, withdrawal_id: str, reason: str) -> Withdrawal:
        return await self._withdrawal_action(withdrawal_id, "cancel", {"reason": reason})

    async def freeze_account(self, user_id: str, reason: str) -> UserProfile:
        data = await self._call("POST", f"/users/{_segment(user_id)}/freeze", {"reason": reason})
        return wire.load(UserProfile, data)

    async def unfreeze_account(self, user_id: str) -> UserProfile:
        data = await self._call("POST", f"/users/{_segment(user_id)}/unfreeze", {})
        return wire.load(UserProfile, data)

    async def lock_withdrawals(self, user_id: str, until: datetime, reason: str) -> UserProfile:
        body = {"until": until.isoformat(), "reason": reason}
        data = await self._call("POST", f"/users/{_segment(user_id)}/withdrawal-lock", body)
        return wire.load(UserProfile, data)

    async def enforce_whitelist(self, user_id: str, enabled: bool) -> UserProfile:
        data = await self._call(
            "POST", f"/users/{_segment(user_id)}/whitelist", {"enabled": enabled}
        )
        return wire.load(UserProfile, data)

    async def revoke_sessions(self, user_id: str) -> int:
        data = await self._call("POST", f"/users/{_segment(user_id)}/sessions/revoke", {})
        return int(data["revoked"])

    async def _balance_change(self, change: BalanceChange) -> BalanceChangeResult:
        data = await self._call("POST", "/balance-changes", wire.to_json(change))
        return wire.load(BalanceChangeResult, data)

    async def credit(
        self, idempotency_key: str, user_id: str, asset: str, amount: Decimal, reason: str
    ) -> BalanceChangeResult:
        return await self._balance_change(
            BalanceChange(idempotency_key, user_id, asset, amount, BalanceDirection.CREDIT, reason)
        )

    async def debit(
        self, idempotency_key: str, user_id: str, asset: str, amount: Decimal, reason: str
    ) -> BalanceChangeResult:
        return await self._balance_change(
            BalanceChange(idempotency_key, user_id, asset, amount, BalanceDirection.DEBIT, reason)
        )
