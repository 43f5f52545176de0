"""A back office speaking the HTTP API ``HttpBackOffice`` expects, over a simulated exchange.

The edge fake for the client's tests: real HTTP requests (through httpx's ASGI transport),
real signatures checked, errors answered the way the client's docstring says.
"""

from __future__ import annotations

import json
import re
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from urllib.parse import unquote

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

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
from cexdesk.exchange.signing import SIGNATURE_HEADER, BadSignature, canonical, verify
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.values import BalanceChange, BalanceDirection

# (exchange, path parameters, JSON body, query) → the answer
Handler = Callable[
    [SimulatedExchange, dict[str, str], dict[str, Any], dict[str, str]], Awaitable[Any]
]
CODES = {
    UnknownUser: (404, "unknown_user"),
    UnknownWithdrawal: (404, "unknown_withdrawal"),
    UnknownOrder: (404, "unknown_order"),
    InvalidTransition: (409, "invalid_transition"),
    IdempotencyConflict: (409, "idempotency_conflict"),
}


def _since(q: dict[str, str]) -> datetime | None:
    return datetime.fromisoformat(q["since"]) if "since" in q else None


async def _balance(ex: SimulatedExchange, p: dict[str, str], b: Any, q: Any) -> Any:
    return {"balance": str(await ex.balance(p["uid"], p["asset"]))}


async def _price(ex: SimulatedExchange, p: dict[str, str], b: Any, q: Any) -> Any:
    return {"usd": str(await ex.usd_price(p["asset"]))}


async def _revoke(ex: SimulatedExchange, p: dict[str, str], b: Any, q: Any) -> Any:
    return {"revoked": await ex.revoke_sessions(p["uid"])}


async def _shared(ex: SimulatedExchange, p: dict[str, str], b: Any, q: Any) -> Any:
    return {"shared": await ex.is_shared_source(p["chain"], p["address"])}


async def _change(ex: SimulatedExchange, p: dict[str, str], b: dict[str, Any], q: Any) -> Any:
    change = wire.load(BalanceChange, b)
    move = ex.credit if change.direction is BalanceDirection.CREDIT else ex.debit
    return await move(
        change.idempotency_key, change.user_id, change.asset, change.amount, change.reason
    )


async def _open_orders(ex: SimulatedExchange, p: dict[str, str], b: Any, q: dict[str, str]) -> Any:
    if q.get("status") != "open":
        raise ExchangeError("only status=open is served")
    return await ex.list_open_orders(p["uid"], market=q.get("market"))


async def _cancel_order(ex: SimulatedExchange, p: dict[str, str], b: dict[str, Any], q: Any) -> Any:
    return await ex.cancel_order(p["uid"], p["oid"], b["idempotency_key"], reason=b["reason"])


USER = r"/users/(?P<uid>[^/]+)"
ADDRESS = r"/chains/(?P<chain>[^/]+)/addresses/(?P<address>[^/]+)"
TX = r"/chains/(?P<chain>[^/]+)/transactions/(?P<tx>[^/]+)"
WITHDRAWAL = r"/withdrawals/(?P<wid>[^/]+)"
ROUTES: list[tuple[str, str, Handler]] = [
    ("GET", USER, lambda ex, p, b, q: ex.get_user(p["uid"])),
    ("GET", USER + "/address-book", lambda ex, p, b, q: ex.list_address_book(p["uid"])),
    ("POST", USER + "/deposit-addresses", lambda ex, p, b, q: ex.deposit_address(p["uid"], b["chain"])),  # noqa: E501
    ("GET", USER + r"/balances/(?P<asset>[^/]+)", _balance),
    ("GET", USER + "/deposits", lambda ex, p, b, q: ex.list_deposits(p["uid"], since=_since(q))),
    ("GET", USER + "/withdrawals", lambda ex, p, b, q: ex.list_withdrawals(p["uid"], since=_since(q))),  # noqa: E501
    ("GET", USER + "/orders", _open_orders),
    ("POST", USER + r"/orders/(?P<oid>[^/]+)/cancel", _cancel_order),
    ("GET", r"/orders/(?P<oid>[^/]+)", lambda ex, p, b, q: ex.get_order(p["oid"])),
    ("POST", USER + "/freeze", lambda ex, p, b, q: ex.freeze_account(p["uid"], b["reason"])),
    ("POST", USER + "/unfreeze", lambda ex, p, b, q: ex.unfreeze_account(p["uid"])),
    ("POST", USER + "/sessions/revoke", _revoke),
    ("POST", USER + "/withdrawal-lock", lambda ex, p, b, q: ex.lock_withdrawals(p["uid"], datetime.fromisoformat(b["until"]), b["reason"])),  # noqa: E501
    ("POST", USER + "/whitelist", lambda ex, p, b, q: ex.enforce_whitelist(p["uid"], b["enabled"])),
    ("GET", r"/prices/(?P<asset>[^/]+)", _price),
    ("GET", TX, lambda ex, p, b, q: ex.find_transfers(p["chain"], p["tx"])),
    ("GET", TX + "/deposits", lambda ex, p, b, q: ex.find_deposits(p["chain"], p["tx"])),
    ("GET", ADDRESS, lambda ex, p, b, q: ex.lookup_address(p["chain"], p["address"])),
    ("GET", ADDRESS + "/deposits", lambda ex, p, b, q: ex.deposits_from(p["chain"], p["address"])),
    ("GET", ADDRESS + "/shared", _shared),
    ("POST", WITHDRAWAL + "/hold", lambda ex, p, b, q: ex.hold_withdrawal(p["wid"], b["reason"])),
    ("POST", WITHDRAWAL + "/release", lambda ex, p, b, q: ex.release_withdrawal(p["wid"])),
    ("POST", WITHDRAWAL + "/cancel", lambda ex, p, b, q: ex.cancel_withdrawal(p["wid"], b["reason"])),  # noqa: E501
    ("POST", "/balance-changes", _change),
]  # fmt: skip


def backoffice_app(exchange: SimulatedExchange, key: str, clock: Clock) -> Starlette:
    """The ASGI app; ``failures`` makes the next N requests answer 503 (for retry tests)."""
    compiled = [(method, re.compile(pattern + "$"), handler) for method, pattern, handler in ROUTES]
    state = {"failures": 0, "requests": 0}

    async def dispatch(request: Request) -> JSONResponse:
        state["requests"] += 1
        if state["failures"] > 0:
            state["failures"] -= 1
            return JSONResponse({"error": "unavailable"}, status_code=503)
        raw_path = request.scope["raw_path"].decode()
        if request.scope.get("query_string"):
            raw_path += "?" + request.scope["query_string"].decode()
        body = await request.body()
        signed = canonical(request.method, raw_path, body)
        try:
            verify(key, request.headers.get(SIGNATURE_HEADER), signed, clock.now())
        except BadSignature as error:
            return JSONResponse({"error": "bad_signature", "detail": str(error)}, status_code=401)
        path = raw_path.partition("?")[0]
        for method, pattern, handler in compiled:
            match = pattern.match(path)
            if match is None or method != request.method:
                continue
            params = {name: unquote(value) for name, value in match.groupdict().items()}
            payload = json.loads(body) if body else {}
            try:
                result = await handler(exchange, params, payload, dict(request.query_params))
            except ExchangeError as error:
                status, code = CODES.get(type(error), (400, "error"))
                return JSONResponse({"error": code, "detail": str(error)}, status_code=status)
            if result is None:
                return JSONResponse({"error": "not_found"}, status_code=404)
            return JSONResponse(result if isinstance(result, dict) else wire.to_json(result))
        return JSONResponse({"error": "no_route"}, status_code=404)

    app = Starlette(routes=[Route("/{path:path}", dispatch, methods=["GET", "POST"])])
    app.state.control = state
    return app
