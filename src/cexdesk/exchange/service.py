"""Which exchange back office this process talks to."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from cexdesk.core.errors import Conflict, DomainError
from cexdesk.exchange.protocol import ExchangeBackOffice, ExchangeError, InvalidTransition

SERVICE_KEY = "exchange"


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
    """The configured back office; demo mode gets a simulated exchange on first use."""
    found: ExchangeBackOffice | None = services.get(SERVICE_KEY)
    if found is not None:
        return found
    context = services.get("context")
    if context is None or not context.settings.demo:
        raise ExchangeNotConfigured("no exchange back office is configured for this desk")
    from cexdesk.exchange.simulated import SimulatedExchange

    simulated = SimulatedExchange(context.clock, seed=0)
    services[SERVICE_KEY] = simulated
    return simulated


def use_back_office(services: dict[str, Any], exchange: ExchangeBackOffice) -> None:
    """Connect this process to ``exchange`` (a client for the real one, or a simulation)."""
    services[SERVICE_KEY] = exchange
