"""Fixtures: a fresh database per test on SQLite and (when reachable) PostgreSQL,
a fake clock, the app in process, and named personas (see personas.py)."""

from __future__ import annotations

import os
import socket
import tempfile
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import httpx
import pytest

from cexdesk.app import AppContext, build_context, create_app
from cexdesk.core.clock import FakeClock
from cexdesk.core.settings import Settings
from tests.personas import Desk

POSTGRES_URL = os.environ.get(
    "CEXDESK_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)
REDIS_URL = os.environ.get("CEXDESK_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")


def _reachable(url: str, default_port: int) -> bool:
    rest = url.split("@", 1)[-1].split("://", 1)[-1]
    hostport = rest.split("/", 1)[0]
    host, _, port = hostport.partition(":")
    try:
        with socket.create_connection((host or "127.0.0.1", int(port or default_port)), timeout=1):
            return True
    except OSError:
        return False


POSTGRES_UP = _reachable(POSTGRES_URL, 5432)
REDIS_UP = _reachable(REDIS_URL, 6379)
needs_postgres = pytest.mark.skipif(
    not POSTGRES_UP, reason=f"PostgreSQL not reachable at {POSTGRES_URL}"
)
needs_redis = pytest.mark.skipif(not REDIS_UP, reason=f"Redis not reachable at {REDIS_URL}")


def pytest_configure(config: pytest.Config) -> None:
    if os.environ.get("CI") and not (POSTGRES_UP and REDIS_UP):
        raise pytest.UsageError("CI must cover PostgreSQL and Redis, and one is unreachable")


def test_settings(database_url: str, data_dir: Path, **overrides: object) -> Settings:
    # The bot fronts the live chat by default; tests of routing, SLA and the chat itself
    # expect people to get the conversation at once, so the bot is on only where a test
    # says so (tests/bot: bot_channels=["chat"]).
    overrides.setdefault("bot_channels", [])
    return Settings(
        demo=True,
        database_url=database_url,
        data_dir=data_dir,
        cookie_secure=False,
        run_background=False,
        # Cheap hashes: tests sign people in constantly; production keeps 64 MiB x 3.
        argon2_memory_kib=1024,
        argon2_time_cost=1,
        **overrides,  # type: ignore[arg-type]
    )


class PostgresDatabases:
    """Creates a throw-away database per test from a migrated template."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.template = f"cexdesk_tpl_{uuid.uuid4().hex[:8]}"
        self.created: list[str] = []

    def url_for(self, name: str, driver: str = "postgresql+asyncpg") -> str:
        base = self.admin_url.rsplit("/", 1)[0].split("://", 1)[1]
        return f"{driver}://{base}/{name}"

    async def _admin(self) -> asyncpg.Connection:
        return await asyncpg.connect(self.admin_url)

    async def ensure_template(self) -> None:
        if self.template in self.created:
            return
        conn = await self._admin()
        try:
            await conn.execute(f'CREATE DATABASE "{self.template}"')
        finally:
            await conn.close()
        self.created.append(self.template)
        scratch = Path(tempfile.gettempdir()) / "cexdesk-template"
        context = build_context(test_settings(self.url_for(self.template), scratch))
        try:
            await context.db.migrate()
        finally:
            await context.db.dispose()

    async def fresh(self) -> str:
        await self.ensure_template()
        name = f"cexdesk_t_{uuid.uuid4().hex[:10]}"
        conn = await self._admin()
        try:
            await conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        finally:
            await conn.close()
        return name

    async def drop(self, name: str) -> None:
        conn = await self._admin()
        try:
            await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await conn.close()


_pg_databases = PostgresDatabases(POSTGRES_URL)


@pytest.fixture(scope="session", autouse=True)
def _drop_template() -> Iterator[None]:
    yield
    if _pg_databases.created:
        import asyncio

        async def drop_all() -> None:
            for name in _pg_databases.created:
                await _pg_databases.drop(name)

        asyncio.run(drop_all())


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def postgres() -> PostgresDatabases:
    if not POSTGRES_UP:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    return _pg_databases


@pytest.fixture(params=["sqlite", "postgres"])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """Each test that uses the database runs once per back end."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'cexdesk.db'}"
        return
    if not POSTGRES_UP:
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES_URL}")
    name = await _pg_databases.fresh()
    try:
        yield _pg_databases.url_for(name)
    finally:
        await _pg_databases.drop(name)


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    return test_settings(database_url, tmp_path / "var")


@pytest.fixture
async def ctx(settings: Settings, clock: FakeClock) -> AsyncIterator[AppContext]:
    context = build_context(settings, clock=clock)
    await context.start(background=False)
    try:
        yield context
    finally:
        await context.stop()


@pytest.fixture
async def desk(ctx: AppContext) -> AsyncIterator[Desk]:
    app = create_app(ctx, manage_lifecycle=False)
    transport = httpx.ASGITransport(app=app)
    d = Desk(ctx, transport)
    try:
        yield d
    finally:
        await d.close()
