"""SIGKILL the server during a burst of chat messages from many clients, restart, resume.

Every message the server acknowledged is in its customer's conversation, in the order
it was sent, once; the messages whose ack was lost are resent with the same client id
and are not doubled.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from cexdesk.core.security import sign_exchange_token
from cexdesk.core.settings import DEMO_EXCHANGE_TOKEN_KEY
from tests.conftest import PostgresDatabases
from tests.serverproc import ServerProcess

pytestmark = pytest.mark.slow

CLIENTS = 100
MESSAGES = 10  # per client: 1,000 in all
KILL_AFTER = 300  # acknowledged messages before the SIGKILL
SERVER_ENV = {"CEXDESK_OUTBOX_LEASE_SECONDS": "2", "CEXDESK_RUNNER_POLL_SECONDS": "0.2"}


@pytest.fixture(params=["sqlite", "postgres"])
async def crash_db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'chat-crash.db'}"
        return
    postgres: PostgresDatabases = request.getfixturevalue("postgres")
    name = await postgres.fresh()
    try:
        yield postgres.url_for(name)
    finally:
        await postgres.drop(name)


def token(uid: str) -> str:
    now = int(time.time())
    return sign_exchange_token(
        DEMO_EXCHANGE_TOKEN_KEY, {"uid": uid, "iat": now, "exp": now + 600, "name": uid}
    )


class Client:
    """One customer sending numbered messages one after another, remembering the acks."""

    def __init__(self, n: int) -> None:
        self.uid = f"chat-crash-{n}"
        self.token = token(self.uid)
        self.client_ids = [f"{n}-{i}" for i in range(MESSAGES)]
        self.acked: dict[str, int] = {}  # client id -> message id

    def url(self, server: ServerProcess) -> str:
        return f"ws://127.0.0.1:{server.port}/api/v1/channels/chat/ws?token={self.token}"

    async def _ack(self, ws: ClientConnection, client_id: str) -> dict[str, Any]:
        while True:
            frame: dict[str, Any] = json.loads(await asyncio.wait_for(ws.recv(), 30))
            if frame.get("client_id") == client_id and frame["type"] in ("ack", "error"):
                return frame

    async def send_all(
        self, server: ServerProcess, total: list[int], enough: asyncio.Event
    ) -> None:
        """Send what is not acknowledged yet, in order; stop quietly when the server dies."""
        try:
            async with connect(self.url(server), open_timeout=30) as ws:
                await ws.recv()  # hello
                for i, client_id in enumerate(self.client_ids):
                    if client_id in self.acked:
                        continue
                    await ws.send(json.dumps(
                        {"type": "message", "client_id": client_id, "text": f"message {i}"}
                    ))  # fmt: skip
                    frame = await self._ack(ws, client_id)
                    assert frame["type"] == "ack", frame
                    self.acked[client_id] = frame["message_id"]
                    total[0] += 1
                    if total[0] >= KILL_AFTER:
                        enough.set()
        except (ConnectionClosed, OSError, TimeoutError):
            return

    async def conversation(self, server: ServerProcess) -> list[dict[str, Any]]:
        """Everything public in this customer's chat, through resume from the start."""
        async with connect(self.url(server), open_timeout=30) as ws:
            hello = json.loads(await ws.recv())
            await ws.send(json.dumps({"type": "resume", "after_message_id": 0}))
            frames: list[dict[str, Any]] = []
            while not frames or frames[-1]["id"] < hello["last_message_id"]:
                frame = json.loads(await asyncio.wait_for(ws.recv(), 30))
                if frame["type"] == "message":
                    frames.append(frame)
            return frames


async def test_sigkill_during_a_chat_burst_loses_and_doubles_no_acknowledged_message(
    crash_db: str, tmp_path: Path
) -> None:
    server = ServerProcess("chat", database_url=crash_db, data_dir=tmp_path / "var",
                           env=SERVER_ENV)  # fmt: skip
    clients = [Client(n) for n in range(CLIENTS)]
    await asyncio.to_thread(server.start)
    try:
        total, enough = [0], asyncio.Event()
        burst = asyncio.gather(*(c.send_all(server, total, enough) for c in clients))
        await asyncio.wait_for(enough.wait(), timeout=120)
        server.kill()
        await asyncio.wait_for(burst, timeout=60)
        acked_before = {c.uid: dict(c.acked) for c in clients}
        assert sum(map(len, acked_before.values())) >= KILL_AFTER
        assert sum(map(len, acked_before.values())) < CLIENTS * MESSAGES, "killed too late"

        await asyncio.to_thread(server.start)
        await asyncio.gather(*(c.send_all(server, [0], asyncio.Event()) for c in clients))
        for client in clients:
            assert len(client.acked) == MESSAGES, client.uid
            # An ack given before the crash still names the same message after it.
            assert acked_before[client.uid].items() <= client.acked.items()

        conversations = await asyncio.gather(*(c.conversation(server) for c in clients))
        for client, frames in zip(clients, conversations, strict=True):
            own = [f for f in frames if f["author_type"] == "customer"]
            assert [f["client_id"] for f in own] == client.client_ids, client.uid
            assert [f["id"] for f in own] == [client.acked[c] for c in client.client_ids]
            assert len({f["ticket_id"] for f in own}) == 1
    finally:
        server.kill()
