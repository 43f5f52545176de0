"""Database engines, sessions, column types and migrations.

On SQLite there is exactly one writer connection (WAL mode lets readers run beside
it): a pool of several writers measured 0.7-1.5 s p99 under load, one writer ~35 ms.
On PostgreSQL readers and writers share one pooled engine.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, BigInteger, DateTime, Integer, MetaData, event, text
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import AsyncAdaptedQueuePool
from sqlalchemy.types import TypeDecorator

from cexdesk.core import sqlite_inline
from cexdesk.core.settings import Settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# SQLite only auto-increments a column declared exactly INTEGER PRIMARY KEY.
BigId = BigInteger().with_variant(Integer(), "sqlite")
JsonValue = JSON().with_variant(JSONB(), "postgresql")


class UTCDateTime(TypeDecorator[datetime]):
    """Stores UTC; always hands back an aware datetime, whatever the backend keeps."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTCDateTime column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: dict[Any, Any] = {datetime: UTCDateTime()}  # noqa: RUF012


def _sqlite_pragmas(engine: AsyncEngine, *, read_only: bool) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # sqlite3's legacy mode only BEGINs before DML, which breaks SAVEPOINT and
        # repeatable reads; we emit BEGIN ourselves (below) and keep it out of the way.
        # (The inline connections of core.sqlite_inline are opened that way already.)
        if dbapi_connection.isolation_level is not None:
            dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        # NORMAL in WAL mode survives a process crash (SIGKILL); only power loss can
        # drop the last transactions, which is the trade every WAL deployment makes.
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=10000")
        if read_only:
            cursor.execute("PRAGMA query_only=1")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        # The writer takes the write lock up front: a transaction that read first and
        # writes later can then never fail to upgrade its lock (SQLITE_BUSY mid-way).
        connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


class Database:
    """Owns the engines; hands out write and read sessions."""

    def __init__(self, settings: Settings, session_info: dict[str, Any] | None = None) -> None:
        self.url = settings.database_url
        self.is_sqlite = settings.is_sqlite
        if self.is_sqlite:
            path = _ensure_sqlite_dir(self.url)
            self.writer = create_async_engine(
                self.url,
                poolclass=AsyncAdaptedQueuePool,
                pool_size=1,
                max_overflow=0,
                pool_timeout=60,
                async_creator=sqlite_inline.creator(path),
            )
            self.reader = create_async_engine(
                self.url,
                poolclass=AsyncAdaptedQueuePool,
                pool_size=4,
                max_overflow=0,
                async_creator=sqlite_inline.creator(path),
            )
            _sqlite_pragmas(self.writer, read_only=False)
            _sqlite_pragmas(self.reader, read_only=True)
        else:
            self.writer = create_async_engine(
                self.url, pool_size=10, max_overflow=10, pool_pre_ping=True
            )
            self.reader = self.writer
        # How long one batch of background work may hold its transaction: on SQLite it
        # holds the only writer, so requests wait behind it; on PostgreSQL it holds only
        # the rows it claimed.
        self.batch_seconds = 0.025 if self.is_sqlite else 0.1
        # Process-local caches that belong to this database (see core.memo).
        self.caches: dict[str, Any] = {}
        info = session_info if session_info is not None else {}
        info["caches"] = self.caches
        self.write_sessions = async_sessionmaker(self.writer, expire_on_commit=False, info=info)
        self.read_sessions = async_sessionmaker(self.reader, expire_on_commit=False, info=info)

    @property
    def dialect(self) -> str:
        return self.writer.dialect.name

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A write session that commits when the block ends cleanly, else rolls back."""
        async with self.write_sessions() as session:
            try:
                yield session
                await session.commit()
            except BaseException:
                await session.rollback()
                raise

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        async with self.read_sessions() as session:
            try:
                yield session
            finally:
                await session.rollback()

    async def migrate(self) -> None:
        """Apply every Alembic migration not yet applied (idempotent, safe to race)."""
        from cexdesk.migrations import upgrade_to_head

        async with self.writer.connect() as conn:
            if self.dialect == "postgresql":
                # Two processes starting at once must not both migrate.
                await conn.execute(text("SELECT pg_advisory_lock(7210001)"))
                await conn.commit()
            try:
                await conn.run_sync(upgrade_to_head)
                await conn.commit()
            finally:
                if self.dialect == "postgresql":
                    await conn.execute(text("SELECT pg_advisory_unlock(7210001)"))
                    await conn.commit()

    async def dispose(self) -> None:
        await self.writer.dispose()
        if self.reader is not self.writer:
            await self.reader.dispose()


def _ensure_sqlite_dir(url: str) -> str:
    """The database file's path, its folder created if need be (no :memory: databases)."""
    path = url.split("///", 1)[1].split("?", 1)[0] if "///" in url else ""
    if not path or path == ":memory:":
        raise ValueError("cexdesk needs a SQLite file (WAL mode), not an in-memory database")
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return path
