"""Hostile content through chat, the help-centre form and email, read by an agent in
Chromium: nothing runs. Watched for dialogs, page errors, console errors (a blocked
inline script is a CSP report in the console) and the ``window.__xss`` marker."""

from __future__ import annotations

import json
import re
import smtplib
import time
import uuid
from email.message import EmailMessage

import httpx
from playwright.async_api import Browser
from websockets.asyncio.client import connect

from tests.web.browser import (
    Desk,
    Watched,
    needs_chromium,
    open_page,
    screenshot,
    sign_in_agent,
    sign_in_customer,
)
from tests.web.xss_corpus import PAYLOADS

pytestmark = [needs_chromium]


async def send_by_chat(desk: Desk, uid: str) -> None:
    token = desk.exchange_token(uid, name="Mallory Chat")
    url = desk.base_url.replace("http://", "ws://") + f"/api/v1/channels/chat/ws?token={token}"
    async with connect(url) as socket:
        json.loads(await socket.recv())  # hello
        for payload in PAYLOADS:
            client_id = str(uuid.uuid4())
            await socket.send(
                json.dumps({"type": "message", "client_id": client_id, "text": payload})
            )
            while True:
                frame = json.loads(await socket.recv())
                if frame.get("type") == "ack" and frame["client_id"] == client_id:
                    break


def send_by_form(desk: Desk, uid: str) -> None:
    """As the help-centre page does it: session from the exchange token, then the form
    with the page's CSRF token and our own Origin."""
    origin = {"Origin": desk.base_url}
    with httpx.Client(base_url=desk.base_url) as browserless:
        token = desk.exchange_token(uid, name="Mallory Form")
        browserless.post("/help/session", json={"token": token}, headers=origin).raise_for_status()
        page = browserless.get("/help/en/contact").text
        csrf = re.search(r'"X-Help-CSRF": "([0-9a-f]+)"', page)
        assert csrf is not None
        for payload in PAYLOADS:
            sent = browserless.post(
                "/help/en/contact",
                data={"subject": payload[:300], "body": payload},
                headers={**origin, "X-Help-CSRF": csrf.group(1), "HX-Request": "true"},
            )
            assert sent.status_code == 200, sent.text


def send_by_email(desk: Desk) -> None:
    with smtplib.SMTP("127.0.0.1", desk.smtp_port, timeout=10) as relay:
        for number, payload in enumerate(PAYLOADS):
            mail = EmailMessage()
            mail["From"] = f"mallory{number}@evil.test"
            mail["To"] = "support@cexdesk.example"
            mail["Subject"] = payload.replace("\n", " ")
            mail["Message-ID"] = f"<xss-{number}@evil.test>"
            mail.set_content(payload)
            mail.add_alternative(f"<html><body><p>{payload}</p></body></html>", subtype="html")
            relay.send_message(mail)


def wait_for_tickets(api: httpx.Client, channel: str, count: int) -> list[int]:
    deadline = time.monotonic() + 30
    while True:
        found = api.get("/api/v1/tickets", params={"channel": channel, "limit": 100}).json()
        ids = [t["id"] for t in found["items"]]
        if len(ids) >= count or time.monotonic() > deadline:
            assert len(ids) >= count, f"{len(ids)} {channel} tickets of {count}"
            return ids
        time.sleep(0.2)


async def assert_inert(agent: Watched) -> None:
    """Message bodies are text: no element inside one, and no marker set."""
    assert await agent.page.evaluate("window.__xss") is None
    parsed = await agent.page.locator(".msg .body *").count()
    assert parsed == 0, "a message body was parsed as markup"
    agent.assert_clean()


async def test_hostile_content_from_every_channel_is_inert(
    live_desk: Desk, browser: Browser
) -> None:
    desk = live_desk
    await send_by_chat(desk, "uid-mallory-chat")
    send_by_form(desk, "uid-mallory-form")
    send_by_email(desk)
    with desk.staff_api("sam") as api:
        chat_ids = wait_for_tickets(api, "chat", 1)
        form_ids = wait_for_tickets(api, "web", len(PAYLOADS))
        email_ids = wait_for_tickets(api, "email", len(PAYLOADS))

    agent = await open_page(await browser.new_context(viewport={"width": 1400, "height": 900}))
    await sign_in_agent(agent, desk, "tom")
    # The chat conversation holds every payload as a message, shown as written.
    await agent.page.goto(f"{desk.base_url}/console/tickets/{chat_ids[0]}")
    bodies = await agent.page.locator(".msg .body").all_inner_texts()
    shown_as_written = sum(1 for payload in PAYLOADS if payload in bodies)
    assert shown_as_written >= len(PAYLOADS) - 3, f"only {shown_as_written} shown as written"
    await assert_inert(agent)
    await screenshot(agent.page, "xss-chat-as-agent")
    # One ticket per payload from the form and from email, opened the way a click in
    # the queue opens it (an htmx swap into the console), subject and body.
    for ticket_id in form_ids + email_ids:
        await agent.page.evaluate(
            "id => htmx.ajax('GET', '/console/tickets/' + id, "
            "{target: '#conversation', swap: 'innerHTML'})",
            ticket_id,
        )
        await agent.page.wait_for_selector(f'#live[data-ticket-id="{ticket_id}"]')
        await assert_inert(agent)
    # The queue lists the hostile subjects.
    await agent.page.goto(f"{desk.base_url}/console")
    await agent.page.wait_for_selector("#queue-rows")
    await agent.page.wait_for_timeout(500)
    await assert_inert(agent)
    await screenshot(agent.page, "xss-queue-as-agent")

    # The sender reads their own requests back in the help centre: inert there too.
    customer = await open_page(await browser.new_context())
    await sign_in_customer(customer, desk, "uid-mallory-form", name="Mallory Form")
    await customer.page.goto(f"{desk.base_url}/help/en/requests")
    await customer.page.wait_for_selector("table.requests")
    await customer.page.goto(f"{desk.base_url}/help/en/requests/{form_ids[0]}")
    assert await customer.page.evaluate("window.__xss") is None
    customer.assert_clean()
