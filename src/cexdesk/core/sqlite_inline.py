"""SQLite for the async engine without a thread per connection.

aiosqlite runs every call on a worker thread and wakes the event loop through a pipe
for the answer; on this workload that hand-off costs far more CPU than the SQLite call
itself (one trivial query cost ~1.7 ms of CPU, most of it in the hand-off). In WAL
mode with one writer a statement takes microseconds and never waits for a lock held
by our own process, so running it inline on the event loop is both cheaper and
simpler. These classes give SQLAlchemy's aiosqlite adapter the awaitable interface it
expects, backed by a plain ``sqlite3`` connection.

One process owns a SQLite database (DESIGN.md); a second process that writes to the
same file (``cexdesk demo`` beside a running server) makes the other wait up to
``busy_timeout`` on the event loop, which is acceptable for an embedded database.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any


class InlineCursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, operation: str, parameters: Sequence[Any] | None = None) -> None:
        self._cursor.execute(operation, parameters or ())

    async def executemany(self, operation: str, rows: Iterable[Sequence[Any]]) -> None:
        self._cursor.executemany(operation, rows)

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class InlineConnection:
    """The slice of ``aiosqlite.Connection`` that SQLAlchemy's adapter calls."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        # SQLAlchemy's adapter checks ``_connection`` (aiosqlite's name for the
        # underlying sqlite3 connection) before commit and rollback.
        self._connection: sqlite3.Connection | None = connection

    @property
    def _conn(self) -> sqlite3.Connection:
        if self._connection is None:
            raise ValueError("no active connection")
        return self._connection

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._conn.cursor())

    async def execute(
        self, operation: str, parameters: Sequence[Any] | None = None
    ) -> InlineCursor:
        cursor = self.cursor()
        await cursor.execute(operation, parameters)
        return cursor

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def create_function(
        self, name: str, arity: int, function: Callable[..., Any], **options: Any
    ) -> None:
        self._conn.create_function(name, arity, function, **options)

    async def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def stop(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None


def creator(path: str) -> Callable[[], Any]:
    """An ``async_creator`` for create_async_engine: one inline connection per call."""

    async def connect() -> InlineConnection:
        # isolation_level=None: we emit BEGIN ourselves (see core.db), so savepoints and
        # repeatable reads work; check_same_thread is moot, everything runs on the loop.
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        return InlineConnection(connection)

    return connect
