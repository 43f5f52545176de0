"""Failed sign-ins counted per account and address, for the API and the console alike."""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

from fastapi import Request

from cexdesk.app import AppContext
from cexdesk.core.clock import Clock


class LoginThrottle:
    """Failed sign-ins per (email, client address) in a sliding window, in this process.

    Each ``serve`` node keeps its own counts for now; limits shared through Redis, so
    that several nodes spend one budget, come with the Redis rate limiter later.
    """

    def __init__(
        self,
        clock: Clock,
        *,
        limit: int = 5,
        window: timedelta = timedelta(minutes=15),
        max_keys: int = 100_000,
    ) -> None:
        self.clock = clock
        self.limit = limit
        self.window = window
        self.max_keys = max_keys
        self._failures: dict[tuple[str, str], deque[datetime]] = {}

    def _recent(self, key: tuple[str, str]) -> deque[datetime]:
        stamps = self._failures.get(key)
        if stamps is None:
            return deque()
        horizon = self.clock.now() - self.window
        while stamps and stamps[0] <= horizon:
            stamps.popleft()
        if not stamps:
            del self._failures[key]
        return stamps

    def retry_after(self, key: tuple[str, str]) -> int | None:
        """Seconds until this key may try again, or None if it may try now."""
        stamps = self._recent(key)
        if len(stamps) < self.limit:
            return None
        wait = stamps[0] + self.window - self.clock.now()
        return max(1, int(wait.total_seconds()) + 1)

    def failed(self, key: tuple[str, str]) -> None:
        if key not in self._failures and len(self._failures) >= self.max_keys:
            # Under a spray of distinct keys, forget the oldest rather than grow forever.
            self._failures.pop(next(iter(self._failures)))
        self._failures.setdefault(key, deque()).append(self.clock.now())

    def succeeded(self, key: tuple[str, str]) -> None:
        self._failures.pop(key, None)


def login_throttle(context: AppContext) -> LoginThrottle:
    throttle = context.services.get("login_throttle")
    if not isinstance(throttle, LoginThrottle):
        throttle = LoginThrottle(context.clock)
        context.services["login_throttle"] = throttle
    return throttle


def client_address(request: Request) -> str:
    # Behind a proxy, uvicorn's --proxy-headers puts the real address here.
    return request.client.host if request.client else "unknown"
