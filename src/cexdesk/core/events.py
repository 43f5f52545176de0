"""Domain events: frozen dataclasses with a registered type name and a JSON payload."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncSession

    from cexdesk.core.clock import Clock
    from cexdesk.core.realtime import Hub


@dataclass(frozen=True)
class Event:
    """Base of every domain event; subclasses set ``type`` with @event_type."""

    type: ClassVar[str] = ""


EVENT_CLASSES: dict[str, type[Event]] = {}
E = TypeVar("E", bound=type[Event])


def event_type(name: str) -> Callable[[E], E]:
    """Register an event class under a stable wire name (stored in the outbox)."""

    def register(cls: E) -> E:
        existing = EVENT_CLASSES.get(name)
        if existing is not None and existing is not cls:
            raise ValueError(f"event type {name!r} registered twice")
        cls.type = name
        EVENT_CLASSES[name] = cls
        return cls

    return register


def to_payload(event: Event) -> dict[str, Any]:
    """JSON-safe payload; refuses anything json cannot carry so no handler is surprised."""
    # The round trip raises on a non-JSON value and gives handlers exactly what they will
    # read back from the outbox later (tuples become lists, and so on).
    payload: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(event)))
    return payload


def from_payload(type_name: str, payload: dict[str, Any]) -> Event:
    cls = EVENT_CLASSES.get(type_name)
    if cls is None:
        raise LookupError(f"unknown event type {type_name!r}")
    return cls(**payload)


@dataclass
class HandlerContext:
    """What a handler gets besides the event: its own write session and the services."""

    session: AsyncSession
    clock: Clock
    hub: Hub
    event_id: int
    attempt: int
    services: dict[str, Any]
    # When the event was recorded (or the timer fell due): a handler running late, after
    # a restart say, still dates its effects to the moment the thing happened.
    occurred_at: datetime


Handler = Callable[[Any, HandlerContext], Awaitable[None]]


class Subscriptions:
    """The readable table from event type to named handlers.

    A handler is batched by default: it runs with others in one transaction, each in a
    savepoint. One that does slow outside work (mail, webhooks) is ``isolated``: it gets
    its own transaction under a lease, so it never holds up the rest.
    """

    def __init__(self) -> None:
        self._names_by_type: dict[str, list[str]] = {}
        self._handlers: dict[str, Handler] = {}
        self._conditions: dict[str, Callable[[Any], bool]] = {}
        self.isolated: set[str] = set()

    def subscribe(
        self,
        event_cls: type[Event],
        name: str,
        handler: Handler,
        *,
        isolated: bool = False,
        only_if: Callable[[Any], bool] | None = None,
    ) -> None:
        """``only_if`` decides, when the event is recorded, whether this handler needs it
        at all; events it turns down cost no delivery row and no round of the runner."""
        if not event_cls.type:
            raise ValueError(f"{event_cls.__name__} has no registered event type")
        if name in self._handlers and self._handlers[name] is not handler:
            raise ValueError(f"handler name {name!r} used twice")
        self._handlers[name] = handler
        if isolated:
            self.isolated.add(name)
        if only_if is not None:
            self._conditions[name] = only_if
        names = self._names_by_type.setdefault(event_cls.type, [])
        if name not in names:
            names.append(name)

    def handler_names(self, type_name: str) -> list[str]:
        return self._names_by_type.get(type_name, [])

    def handlers_for(self, event: Event) -> list[str]:
        """The handlers this particular event must be delivered to."""
        return [
            name
            for name in self._names_by_type.get(event.type, [])
            if name not in self._conditions or self._conditions[name](event)
        ]

    def handler(self, name: str) -> Handler:
        return self._handlers[name]

    def table(self) -> dict[str, list[str]]:
        return {k: list(v) for k, v in sorted(self._names_by_type.items())}
