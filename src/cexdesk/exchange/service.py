"""Which exchange back office this process talks to."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError
from starlette.requests import Request

from cexdesk.core.errors import Conflict, DomainError, Invalid, Unauthorized
from cexdesk.exchange.protocol import ExchangeBackOffice, ExchangeError, InvalidTransition
from cexdesk.exchange.signing import SIGNATURE_HEADER, BadSignature, canonical, verify

SERVICE_KEY = "exchange"
M = TypeVar("M", bound=BaseModel)


class ExchangeNotConfigured(DomainError):
    status = 503
    title = "Exchange back office not configured"
    code = "exchange_not_configured"


class BackOfficeFailed(DomainError):
    status = 502
    title = "The exchange back office failed"
    code = "back_office_failed"


@contextmanager
def back_office_errors() -> Iterator[None]:
    """Turn the back office's refusals into problems the caller can read (409, 502)."""
    try:
        yield
    except InvalidTransition as error:
        raise Conflict(f"the exchange refused: {error}") from None
    except ExchangeError as error:
        raise BackOfficeFailed(f"the exchange back office did not answer: {error}") from None


def back_office(services: dict[str, Any]) -> ExchangeBackOffice:
    """The configured back office; demo mode gets a simulated exchange on first use,
    holding the demo desk's customers (built again, the same, in each process)."""
    found: ExchangeBackOffice | None = services.get(SERVICE_KEY)
    if found is not None:
        return found
    context = services.get("context")
    if context is None or not context.settings.demo:
        raise ExchangeNotConfigured("no exchange back office is configured for this desk")
    # demo/ sits on top of the domains; only demo mode reaches up to it, lazily.
    from cexdesk.demo.exchange import build_exchange

    simulated = build_exchange(context.clock)
    services[SERVICE_KEY] = simulated
    return simulated


def use_back_office(services: dict[str, Any], exchange: ExchangeBackOffice) -> None:
    """Connect this process to ``exchange`` (a client for the real one, or a simulation)."""
    services[SERVICE_KEY] = exchange


async def read_signed(request: Request, key: str, now: datetime, model: type[M]) -> M:
    """The body of a request the exchange signed (``signing``), checked and parsed:
    401 for a bad or stale signature, 422 naming the first field that does not fit."""
    body = await request.body()
    try:
        verify(key, request.headers.get(SIGNATURE_HEADER),
               canonical("POST", request.url.path, body), now)  # fmt: skip
    except BadSignature as error:
        raise Unauthorized(str(error)) from None
    try:
        return model.model_validate_json(body)
    except ValidationError as error:
        first = error.errors()[0]
        raise Invalid(".".join(str(p) for p in first["loc"]) or "body", first["msg"]) from None
