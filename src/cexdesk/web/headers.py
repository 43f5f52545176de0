"""Security headers on every response, and a strict Content-Security-Policy on pages.

Pages load scripts and styles only from our own origin: no inline script, no inline
style, no eval (htmx runs with ``allowEval`` off), so markup a customer smuggles past
escaping still cannot run. The help centre may be framed by the exchange's own sites
(the embedded widget); the console never.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; "
    "object-src 'none'; frame-ancestors {ancestors}"
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
# The interactive API docs load Swagger UI from a CDN; they are a developer's page.
DOCS_PATHS = ("/api/v1/docs", "/api/v1/docs/oauth2-redirect")


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, widget_origins: Sequence[str] = ()) -> None:
        self.app = app
        ancestors = " ".join(["'self'", *widget_origins])
        self.help_policy = PAGE_POLICY.format(ancestors=ancestors).encode()
        self.page_policy = PAGE_POLICY.format(ancestors="'none'").encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        if path in DOCS_PATHS:
            policy = None
        elif path.startswith("/api/"):
            policy = API_POLICY.encode()
        elif path.startswith("/help"):
            policy = self.help_policy
        else:
            policy = self.page_policy

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"same-origin"))
                if policy is not None:
                    headers.append((b"content-security-policy", policy))
                if not path.startswith("/help"):
                    headers.append((b"x-frame-options", b"DENY"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
