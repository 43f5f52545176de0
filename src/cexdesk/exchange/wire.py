"""The exchange's values as JSON and back: decimals as strings, times in ISO 8601 with offset."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import datetime
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def to_json(value: Any) -> Any:
    """A JSON-safe form of a value dataclass (or a list of them)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list | tuple):
        return [to_json(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetimes never go on the wire")
        return value.isoformat()
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def from_json(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a dataclass, list, tuple, enum, scalar) from JSON."""
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(kind) if arg is not type(None)]
        if data is None:
            return None
        return from_json(options[0], data)
    if origin in (list, tuple):
        item = typing.get_args(kind)[0]
        items = [from_json(item, element) for element in data]
        return items if origin is list else tuple(items)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)  # type: ignore[arg-type]
        fields = {f.name for f in dataclasses.fields(kind)}
        values = {name: from_json(hints[name], data[name]) for name in fields if name in data}
        return typing.cast(Any, kind)(**values)
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(data)
    if kind is Decimal:
        return Decimal(str(data))
    if kind is datetime:
        moment = datetime.fromisoformat(data)
        if moment.tzinfo is None:
            raise ValueError(f"time without an offset: {data!r}")
        return moment
    return data


def load(kind: type[T], data: Any) -> T:
    """``from_json`` with the result typed as ``kind``."""
    result: T = from_json(kind, data)
    return result


def load_list(kind: type[T], data: Any) -> list[T]:
    return [load(kind, item) for item in data]
