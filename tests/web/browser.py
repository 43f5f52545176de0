"""A real desk for browser tests: a ``serve`` process on SQLite, people set up through
the domain code, and Debian's Chromium driven headless by Playwright.

Playwright is told where Chromium is (``executable_path``); it never downloads a
browser. Without Chromium the browser tests skip with the reason, except in CI.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.async_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Dialog,
    Page,
    async_playwright,
)

from cexdesk.agents import flows as agent_flows
from cexdesk.app import build_context
from cexdesk.core import audit
from cexdesk.core.auth import Role
from cexdesk.core.clock import SystemClock
from cexdesk.core.security import new_totp_secret, sign_exchange_token, totp_now
from cexdesk.core.settings import DEMO_EXCHANGE_TOKEN_KEY
from tests.conftest import test_settings as settings_for
from tests.serverproc import ServerProcess, free_port

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
PASSWORD = "correct horse battery staple"
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
# Flags for a closed network and a root user (see the machine notes): no background
# fetches to Google, no sandbox as root, no GPU.
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

needs_chromium = pytest.mark.skipif(
    CHROMIUM is None and not os.environ.get("CI"),
    reason="Chromium is not installed (apt-get install chromium)",
)


@dataclass
class StaffLogin:
    name: str
    email: str
    totp_secret: str
    agent_id: int


@dataclass
class Desk:
    server: ServerProcess
    staff: dict[str, StaffLogin] = field(default_factory=dict)
    smtp_port: int = 0

    @property
    def base_url(self) -> str:
        return self.server.base_url

    def exchange_token(self, uid: str, ttl: int = 600, **claims: Any) -> str:
        """What the exchange signs for a user; a negative ``ttl`` gives an expired one."""
        now = int(SystemClock().now().timestamp())
        body = {"uid": uid, "iat": now - max(0, -ttl) - 60, "exp": now + ttl}
        return sign_exchange_token(DEMO_EXCHANGE_TOKEN_KEY, {**body, **claims})

    def staff_api(self, name: str) -> httpx.Client:
        """A staff member's API client (bearer token), for setting up and checking."""
        login = self.staff[name]
        signed_in = httpx.post(
            f"{self.base_url}/api/v1/auth/login",
            json={"email": login.email, "password": PASSWORD,
                  "totp": totp_now(login.totp_secret, SystemClock().now())},
        )  # fmt: skip
        signed_in.raise_for_status()
        token = signed_in.json()["token"]
        return httpx.Client(base_url=self.base_url, headers={"Authorization": f"Bearer {token}"})


# name -> role, tier, languages, team slug
STAFF: dict[str, tuple[Role, int, tuple[str, ...], str]] = {
    "tom": (Role.AGENT, 1, ("en", "vi"), "tier1"),
    "erin": (Role.ENGINEER, 2, ("en", "zh-Hans"), "tier2"),
    "sam": (Role.SUPERVISOR, 2, ("en",), "tier1"),
}


async def set_up_desk(database_url: str, data_dir: Path) -> dict[str, StaffLogin]:
    """Teams and agents, written through the domain code before the server starts."""
    context = build_context(settings_for(database_url, data_dir / "setup"))
    logins: dict[str, StaffLogin] = {}
    try:
        await context.db.migrate()
        async with context.db.transaction() as session:
            teams = {
                "tier1": await agent_flows.create_team(session, "tier1", "Tier 1", "tier1"),
                "tier2": await agent_flows.create_team(session, "tier2", "Tier 2", "tier2"),
            }
            for name, (role, tier, languages, team) in STAFF.items():
                secret = new_totp_secret()
                agent = await agent_flows.create_agent(
                    session,
                    agent_flows.NewAgent(
                        email=f"{name}@cexdesk.test", display_name=name.capitalize(),
                        role=role, password=PASSWORD, tier=tier, languages=languages,
                        totp_secret=secret,
                    ),
                    actor=audit.SYSTEM,
                )  # fmt: skip
                await agent_flows.add_to_team(session, teams[team].id, agent.id)
                logins[name] = StaffLogin(name, agent.email, secret, agent.id)
    finally:
        await context.db.dispose()
    return logins


@asynccontextmanager
async def running_desk(tmp_path: Path, env: dict[str, str] | None = None) -> AsyncIterator[Desk]:
    """A migrated desk with its staff and a ``serve`` process (with an SMTP listener)."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'desk.db'}"
    staff = await set_up_desk(url, tmp_path)
    smtp_port = free_port()
    server = ServerProcess(
        "web",
        database_url=url,
        data_dir=tmp_path / "node",
        env={
            "CEXDESK_SMTP_LISTEN_HOST": "127.0.0.1",
            "CEXDESK_SMTP_LISTEN_PORT": str(smtp_port),
            **(env or {}),
        },
    )
    server.start()
    try:
        yield Desk(server, staff, smtp_port)
    finally:
        server.stop()


@pytest.fixture
async def live_desk(tmp_path: Path) -> AsyncIterator[Desk]:
    async with running_desk(tmp_path) as desk:
        yield desk


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    if CHROMIUM is None:
        pytest.fail("CI must run the browser tests: install Debian's chromium")
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            await launched.close()


class Watched:
    """A page whose dialogs, uncaught errors and console errors are written down: a
    script that ran where it should not shows up here."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("console", self._console)

    async def _dialog(self, dialog: Dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        await dialog.dismiss()

    def _console(self, message: ConsoleMessage) -> None:
        if message.type in ("error", "warning"):
            self.errors.append(f"console {message.type}: {message.text}")

    def assert_clean(self) -> None:
        assert self.dialogs == [], self.dialogs
        assert self.errors == [], self.errors


async def open_page(context: BrowserContext) -> Watched:
    return Watched(await context.new_page())


async def sign_in_agent(watched: Watched, desk: Desk, name: str) -> None:
    """Through the sign-in page, with a fresh TOTP code, then go online."""
    login = desk.staff[name]
    page = watched.page
    await page.goto(f"{desk.base_url}/console")
    await page.fill("input[name=email]", login.email)
    await page.fill("input[name=password]", PASSWORD)
    await page.fill("input[name=totp]", totp_now(login.totp_secret, SystemClock().now()))
    await page.click("button[type=submit]")
    await page.wait_for_url(f"{desk.base_url}/console")
    await page.wait_for_selector("#stream-state[data-state=live]")
    async with page.expect_response("**/console/presence"):
        await page.select_option("#presence select", "online")


async def sign_in_customer(watched: Watched, desk: Desk, uid: str, **claims: Any) -> None:
    """As the exchange does it: to /help/signin with its token in the URL fragment."""
    token = desk.exchange_token(uid, **claims)
    await watched.page.goto(f"{desk.base_url}/help/signin#token={token}&next=chat")
    await watched.page.wait_for_url("**/chat")


async def screenshot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    # caret="initial": hiding the caret would inject a style element, which the page's
    # Content-Security-Policy rightly blocks (and logs as an error the tests look for).
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True, caret="initial")
