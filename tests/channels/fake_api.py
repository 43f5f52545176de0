"""A real HTTP server on loopback standing in for a channel's API (Telegram, X).

uvicorn serves a tiny Starlette app on a free port in the test's own event loop; it
records every call and answers with what the test queued, or the default responder.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests import loopback


@dataclass(frozen=True)
class Call:
    method: str
    path: str
    headers: dict[str, str]
    json: Any
    query: dict[str, str] = field(default_factory=dict)


Answer = tuple[int, Any]
Responder = Callable[[Call], Answer]


@dataclass
class FakeAPI:
    url: str
    responder: Responder
    calls: list[Call] = field(default_factory=list)
    queued: list[Answer] = field(default_factory=list)

    def answer_next(self, status: int, body: Any) -> None:
        """The next call gets this answer instead of the responder's."""
        self.queued.append((status, body))

    async def handle(self, request: Request) -> Response:
        body: Any = None
        if request.headers.get("content-type", "").startswith("multipart/form-data"):
            # Form fields as strings, files as {"filename", "content_type", "data"}.
            body = {}
            async with request.form() as form:
                for key, value in form.multi_items():
                    if isinstance(value, UploadFile):
                        body[key] = {"filename": value.filename,
                                     "content_type": value.content_type,
                                     "data": await value.read()}  # fmt: skip
                    else:
                        body[key] = value
        else:
            raw = await request.body()
            body = json.loads(raw) if raw else None
        call = Call(
            request.method,
            request.url.path,
            {k.lower(): v for k, v in request.headers.items()},
            body,
            dict(request.query_params),
        )
        self.calls.append(call)
        status, body = self.queued.pop(0) if self.queued else self.responder(call)
        if isinstance(body, bytes):  # a file download, not an API answer
            return Response(body, status_code=status, media_type="application/octet-stream")
        return JSONResponse(body, status_code=status)


@asynccontextmanager
async def serving(responder: Responder) -> AsyncIterator[FakeAPI]:
    api = FakeAPI("", responder)
    app = Starlette(routes=[Route("/{path:path}", api.handle, methods=["GET", "POST"])])
    async with on_loopback(app) as url:
        api.url = url
        yield api


@asynccontextmanager
async def on_loopback(app: Starlette) -> AsyncIterator[str]:
    """Serve ``app`` on a free loopback port; yields its base URL."""
    async with loopback.on_loopback(app) as address:
        yield f"http://{address}"
