"""The application: one context object holding the services, and the ASGI app on top."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI

from cexdesk.core.clock import Clock, SystemClock
from cexdesk.core.db import Database
from cexdesk.core.errors import install_problem_handlers
from cexdesk.core.events import Subscriptions
from cexdesk.core.leases import release_leases
from cexdesk.core.outbox import Dispatcher
from cexdesk.core.realtime import Hub, make_hub
from cexdesk.core.runner import Runner, wake_after_commit
from cexdesk.core.security import configure_password_hashing
from cexdesk.core.settings import Settings
from cexdesk.core.timers import TimerKinds, TimerRunner

log = logging.getLogger(__name__)

wake_after_commit()


@dataclass
class AppContext:
    """Everything a request, handler or job needs; built once per process."""

    settings: Settings
    clock: Clock
    db: Database
    hub: Hub
    subscriptions: Subscriptions
    timer_kinds: TimerKinds
    runner: Runner
    services: dict[str, Any] = field(default_factory=dict)
    # Long-running channel pieces (SMTP listener, IMAP pollers): start()/stop().
    listeners: list[Any] = field(default_factory=list)

    async def start(self, *, migrate: bool = True, background: bool | None = None) -> None:
        from cexdesk.intake import pipeline

        pipeline.warm_up()
        if migrate:
            await self.db.migrate()
        if self.db.is_sqlite:
            # One process owns a SQLite database, so leases left by a crashed run belong
            # to nobody: hand them back now instead of waiting for them to run out.
            await release_leases(self.db)
        await self.hub.start()
        if self.settings.run_background if background is None else background:
            self.runner.start()
            for listener in self.listeners:
                await listener.start()

    async def stop(self) -> None:
        for listener in reversed(self.listeners):
            await listener.stop()
        await self.runner.stop()
        await self.hub.close()
        await self.db.dispose()


def build_context(
    settings: Settings,
    *,
    clock: Clock | None = None,
    subscriptions: Subscriptions | None = None,
    timer_kinds: TimerKinds | None = None,
    hub: Hub | None = None,
) -> AppContext:
    from cexdesk.wiring import build_subscriptions, build_timer_kinds

    configure_password_hashing(settings.argon2_memory_kib, settings.argon2_time_cost)
    clock = clock or SystemClock()
    subscriptions = subscriptions or build_subscriptions()
    timer_kinds = timer_kinds or build_timer_kinds()
    hub = hub or make_hub(settings.redis_url, settings.redis_namespace)
    session_info: dict[str, Any] = {"subscriptions": subscriptions, "clock": clock}
    db = Database(settings, session_info=session_info)
    services: dict[str, Any] = {"settings": settings}
    options: dict[str, Any] = {
        "services": services,
        "max_attempts": settings.outbox_max_attempts,
        "backoff_seconds": settings.outbox_backoff_seconds,
        "lease_seconds": settings.outbox_lease_seconds,
    }
    dispatcher = Dispatcher(db, subscriptions, clock, hub, **options)
    timers = TimerRunner(db, timer_kinds, clock, hub, **options)
    runner = Runner(dispatcher, timers, clock, settings.runner_poll_seconds)
    # Sessions copy this dict when they open, so the runner is reachable from a commit hook.
    session_info["runner"] = runner
    context = AppContext(settings, clock, db, hub, subscriptions, timer_kinds, runner, services)
    services["context"] = context
    from cexdesk.channels import adapters

    adapters.load()
    context.listeners = adapters.listeners(context)
    return context


def create_app(context: AppContext, *, manage_lifecycle: bool = True) -> FastAPI:
    """The ASGI app; with ``manage_lifecycle`` it migrates, starts and stops the context."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if manage_lifecycle:
            await context.start()
        try:
            yield
        finally:
            if manage_lifecycle:
                await context.stop()

    app = FastAPI(
        title="cexdesk",
        version="0.1.0",
        summary="Customer service for a cryptocurrency exchange",
        lifespan=lifespan,
        openapi_url="/api/v1/openapi.json",
        docs_url="/api/v1/docs",
        redoc_url=None,
    )
    app.state.ctx = context
    install_problem_handlers(app)
    from cexdesk.api.limits import BodySizeLimit
    from cexdesk.api.routes import include_routers

    include_routers(app)
    from cexdesk import web

    web.install(app, context.settings)
    app.add_middleware(
        BodySizeLimit,
        json_limit=context.settings.max_json_body_bytes,
        upload_limit=context.settings.max_attachment_bytes,
    )
    return app
