"""Realtime hub: pushes messages to websocket subscribers by topic.

In memory for one process; with Redis, every process publishes to Redis and one
listener per process fans messages out locally, so subscribers on any ``serve``
node see events published on any other.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any, Protocol

log = logging.getLogger(__name__)

QUEUE_LIMIT = 1000


class Subscription:
    """A bounded queue of messages for a set of topics; a slow reader drops the oldest."""

    def __init__(self, topics: set[str]) -> None:
        self.topics = topics
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(QUEUE_LIMIT)
        self.dropped = 0

    def offer(self, message: dict[str, Any]) -> None:
        if self.queue.full():
            self.queue.get_nowait()
            self.dropped += 1
        self.queue.put_nowait(message)

    async def get(self) -> dict[str, Any]:
        return await self.queue.get()

    def __aiter__(self) -> AsyncIterator[dict[str, Any]]:
        return self._iterate()

    async def _iterate(self) -> AsyncIterator[dict[str, Any]]:
        while True:
            yield await self.queue.get()


class Hub(Protocol):
    async def start(self) -> None: ...

    async def close(self) -> None: ...

    async def publish(self, topic: str, message: dict[str, Any]) -> None: ...

    def subscribe(self, topics: set[str]) -> Subscription: ...

    def unsubscribe(self, subscription: Subscription) -> None: ...

    def retopic(self, subscription: Subscription, topics: set[str]) -> None: ...


class LocalFanout:
    def __init__(self) -> None:
        self._by_topic: dict[str, set[Subscription]] = {}

    def subscribe(self, topics: set[str]) -> Subscription:
        subscription = Subscription(set(topics))
        for topic in subscription.topics:
            self._by_topic.setdefault(topic, set()).add(subscription)
        return subscription

    def unsubscribe(self, subscription: Subscription) -> None:
        for topic in subscription.topics:
            subscribers = self._by_topic.get(topic)
            if subscribers is not None:
                subscribers.discard(subscription)
                if not subscribers:
                    del self._by_topic[topic]

    def retopic(self, subscription: Subscription, topics: set[str]) -> None:
        """Change a live subscription's topics in place; what is queued stays queued."""
        self.unsubscribe(subscription)
        subscription.topics = set(topics)
        for topic in subscription.topics:
            self._by_topic.setdefault(topic, set()).add(subscription)

    def deliver(self, topic: str, message: dict[str, Any]) -> None:
        for subscription in list(self._by_topic.get(topic, ())):
            subscription.offer({"topic": topic, **message})


class MemoryHub(LocalFanout):
    async def start(self) -> None:
        return None

    async def close(self) -> None:
        return None

    async def publish(self, topic: str, message: dict[str, Any]) -> None:
        self.deliver(topic, message)


class RedisHub(LocalFanout):
    def __init__(self, url: str, namespace: str = "cexdesk") -> None:
        super().__init__()
        import redis.asyncio as redis

        # One Redis may serve several installations; each listens only to its own.
        self.prefix = f"{namespace}:rt:"
        self._redis = redis.from_url(url)
        self._listener: asyncio.Task[None] | None = None
        self._ready = asyncio.Event()

    async def start(self) -> None:
        self._listener = asyncio.create_task(self._listen(), name="redis-hub-listener")
        await asyncio.wait_for(self._ready.wait(), timeout=10)

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        await self._redis.aclose()

    async def publish(self, topic: str, message: dict[str, Any]) -> None:
        await self._redis.publish(self.prefix + topic, json.dumps(message, default=str))

    async def _listen(self) -> None:
        while True:
            pubsub = self._redis.pubsub()
            try:
                await pubsub.psubscribe(self.prefix + "*")
                self._ready.set()
                async for item in pubsub.listen():
                    if item.get("type") != "pmessage":
                        continue
                    channel = item["channel"].decode()
                    self.deliver(channel[len(self.prefix) :], json.loads(item["data"]))
            except asyncio.CancelledError:
                raise
            except Exception as error:
                log.warning("redis hub listener lost its connection: %r; reconnecting", error)
                await asyncio.sleep(1)
            finally:
                with contextlib.suppress(Exception):
                    await pubsub.aclose()  # type: ignore[no-untyped-call]


def make_hub(redis_url: str | None, namespace: str = "cexdesk") -> Hub:
    return RedisHub(redis_url, namespace) if redis_url else MemoryHub()
