"""An ASGI app served by uvicorn on a free loopback port, in the test's own event loop.

The chat, realtime and bot tests talk to the desk through real websockets; the channel
and exchange tests stand up fake peers (Telegram, X, a back office) the same way.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Literal

import uvicorn

WebSockets = Literal["none", "websockets-sansio"]


@asynccontextmanager
async def on_loopback(app: Any, *, ws: WebSockets = "none") -> AsyncIterator[str]:
    """Serve ``app`` until the block ends; yields ``127.0.0.1:<port>``."""
    # The socket is bound before uvicorn starts, so the port is known without racing it.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(app, lifespan="off", log_level="warning", ws=ws, http="h11")
    server = uvicorn.Server(config)
    task = asyncio.create_task(server.serve(sockets=[sock]))
    while not server.started:
        if task.done():
            task.result()  # uvicorn failed to start: say why
        await asyncio.sleep(0.01)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        await task
        sock.close()
