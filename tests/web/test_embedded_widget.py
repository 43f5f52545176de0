"""The chat widget on an exchange's own site: a page of another origin loads
``embed.js``, opens the chat in a frame of the desk, and when the exchange's token has
run out the frame asks the page for a fresh one and carries on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from playwright.async_api import Browser, expect

from tests.serverproc import free_port
from tests.web.browser import Desk, needs_chromium, open_page, running_desk, screenshot

pytestmark = [needs_chromium]

# The smallest PNG: one transparent pixel.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


class ExchangeSite:
    """The exchange's web server: one page with the widget, and the token endpoint
    (the first answer is an expired token, as after a long idle tab)."""

    def __init__(self) -> None:
        self.port = free_port()
        self.origin = f"http://127.0.0.1:{self.port}"
        self.desk: Desk | None = None
        self.tokens_given = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                assert site.desk is not None
                if self.path == "/":
                    body = (
                        "<!doctype html><html lang='en'>"
                        "<head><link rel='icon' href='data:,'></head>"
                        "<body><h1>Example Exchange</h1>"
                        f"<script src='{site.desk.base_url}/static/js/embed.js' data-lang='en'"
                        " data-token-url='/support/token' async></script></body></html>"
                    ).encode()
                    self._answer(body, "text/html")
                elif self.path == "/support/token":
                    site.tokens_given += 1
                    ttl = -120 if site.tokens_given == 1 else 600
                    token = site.desk.exchange_token("uid-carol", ttl=ttl, name="Carol")
                    self._answer(token.encode(), "text/plain")
                else:
                    self.send_error(404)

            def _answer(self, body: bytes, content_type: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)

    def __enter__(self) -> ExchangeSite:
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def exchange_site() -> Iterator[ExchangeSite]:
    with ExchangeSite() as site:
        yield site


async def test_widget_on_the_exchange_site_chats_and_renews_its_token(
    tmp_path: Path, browser: Browser, exchange_site: ExchangeSite
) -> None:
    env = {"CEXDESK_WIDGET_ORIGINS": f'["{exchange_site.origin}"]'}
    async with running_desk(tmp_path, env) as desk:
        exchange_site.desk = desk
        visitor = await open_page(await browser.new_context())
        await visitor.page.goto(exchange_site.origin + "/")
        await visitor.page.click("#cexdesk-launcher")
        chat = visitor.page.frame_locator("#cexdesk-chat")
        await chat.locator("#chat-input").fill("Is my withdrawal on hold?")
        await chat.locator("#chat-send").click()
        sent = chat.locator(".chat-log li.mine")
        # The first token had expired: the frame asked for another and sent the message.
        await expect(sent).to_have_count(1)
        await expect(sent).not_to_have_class("mine sending", timeout=10_000)
        assert exchange_site.tokens_given == 2
        # A screenshot of the wallet goes up from the widget as a message of its own.
        await chat.locator("#chat-file").set_input_files(
            files=[{"name": "wallet.png", "mimeType": "image/png", "buffer": PNG}]
        )
        await expect(chat.locator(".chat-log li.mine .bubble").last).to_have_text(
            "📎 wallet.png", timeout=10_000
        )
        await screenshot(visitor.page, "widget-embedded")
        with desk.staff_api("sam") as api:  # one sign-in: a TOTP code is good only once
            tickets = api.get("/api/v1/tickets", params={"channel": "chat"}).json()["items"]
            assert [t["subject"] for t in tickets] == ["Is my withdrawal on hold?"]
            shown = api.get(f"/api/v1/tickets/{tickets[0]['id']}").json()
        assert [a["filename"] for a in shown["attachments"]] == ["wallet.png"]
        visitor.assert_clean()


async def test_the_desk_refuses_to_be_framed_by_other_sites(tmp_path: Path) -> None:
    async with running_desk(
        tmp_path, {"CEXDESK_WIDGET_ORIGINS": '["https://www.example-exchange.com"]'}
    ) as desk:
        async with httpx.AsyncClient(base_url=desk.base_url) as client:
            chat = await client.get("/help/en/chat?embed=1")
            console = await client.get("/console/login")
        assert (
            "frame-ancestors 'self' https://www.example-exchange.com"
            in chat.headers["content-security-policy"]
        )
        assert "frame-ancestors 'none'" in console.headers["content-security-policy"]
