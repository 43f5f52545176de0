"""The channel adapters this build has, loaded once by ``cexdesk.app``."""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from fastapi import APIRouter

from cexdesk.channels import chat, email, phone, telegram, x

ADAPTERS = (email, telegram, x, phone, chat)


def load() -> None:
    for adapter in ADAPTERS:
        adapter.register()


def listeners(context: Any) -> list[Any]:
    found: list[Any] = []
    for adapter in ADAPTERS:
        found.extend(adapter.listeners(context))
    return found


def routers() -> list[APIRouter]:
    """Each adapter's webhook routes, from its ``views.py`` when it has one."""
    found = []
    for adapter in ADAPTERS:
        name = f"{adapter.__name__}.views"
        if importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name).router)
    return found
