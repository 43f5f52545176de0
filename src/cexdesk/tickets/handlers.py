"""Reactions to events, connected in cexdesk.wiring."""

from __future__ import annotations

from cexdesk.core.events import Subscriptions


def subscribe(subscriptions: Subscriptions) -> None:
    return None
