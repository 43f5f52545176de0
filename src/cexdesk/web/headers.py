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
                # A route's own header wins (attachments set a stricter policy).
                present = {name.lower() for name, _ in headers}
                wanted = [(b"x-content-type-options", b"nosniff"),
                          (b"referrer-policy", b"same-origin")]  # fmt: skip
                if policy is not None:
                    wanted.append((b"content-security-policy", policy))
                if not path.startswith("/help"):
                    wanted.append((b"x-frame-options", b"DENY"))
                headers.extend((k, v) for k, v in wanted if k not in present)
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
