"""The admin page: failed work an admin can replay, the audit log, agents and teams."""

from __future__ import annotations

import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.core.settings import Settings
from tests.personas import Desk
from tests.test_admin import Flaky, dead_letters
from tests.web.test_console_pages import console_client


@pytest.fixture
def settings(settings: Settings) -> Settings:
    # Two attempts make a delivery dead quickly; back-off of a second keeps the clock simple.
    return settings.model_copy(update={"outbox_max_attempts": 2, "outbox_backoff_seconds": 1.0})


async def test_an_admin_sees_and_replays_a_dead_delivery(desk: Desk, clock: FakeClock) -> None:
    flaky = Flaky()
    [delivery_id] = await dead_letters(desk, flaky, 1)
    ada, csrf = await console_client(desk, "ada", clock)
    page = await ada.get("/console/admin")
    assert page.status_code == 200
    assert f"<td>{delivery_id}</td><td>test.admin_probe" in page.text
    assert "the downstream system is down" in page.text
    replayed = await ada.post(
        f"/console/admin/dead-letters/{delivery_id}/replay", headers={"X-CSRF-Token": csrf}
    )
    assert replayed.status_code == 200 and "queued again" in replayed.text
    flaky.failing = False
    await desk.settle()
    assert flaky.handled == 1
    page = await ada.get("/console/admin")
    assert "Nothing failed for good." in page.text
    assert "outbox.delivery_replayed" in page.text, "the replay is in the audit log"


async def test_agents_cannot_open_the_admin_page(desk: Desk, clock: FakeClock) -> None:
    tom, csrf = await console_client(desk, "tom", clock)
    assert (await tom.get("/console/admin")).status_code == 403
    refused = await tom.post("/console/admin/dead-letters/1/replay", headers={"X-CSRF-Token": csrf})
    assert refused.status_code == 403


async def test_admin_page_shows_channels_policies_and_manages_macros(
    desk: Desk, clock: FakeClock
) -> None:
    ada, csrf = await console_client(desk, "ada", clock)
    page = (await ada.get("/console/admin")).text
    assert "<tr><td>live chat</td><td>on</td>" in page
    assert "<tr><td>Telegram</td><td>off</td>" in page
    headers = {"X-CSRF-Token": csrf, "HX-Request": "true"}
    for language, text in (("en", "Hi {customer_name}, checking now."),
                           ("vi", "Chào {customer_name}, mình đang kiểm tra.")):  # fmt: skip
        saved = await ada.post(
            "/console/admin/macros",
            data={"name": "Checking", "language": language, "text": text},
            headers=headers,
        )
        assert saved.status_code == 200, saved.text
    assert "Saved “Checking” (en, vi)." in saved.text
    bad = await ada.post(
        "/console/admin/macros",
        data={"name": "Bad", "language": "en", "text": "Your {password}"},
        headers=headers,
    )
    assert bad.status_code == 422
    macros = await (await desk.staff("tom")).get("/api/v1/macros")
    assert [(m["name"], sorted(m["texts"])) for m in macros.json()] == [("Checking", ["en", "vi"])]


async def test_admins_change_agents_within_their_own_powers(desk: Desk, clock: FakeClock) -> None:
    tom = await desk.staff("tom")
    sam_console, sam_csrf = await console_client(desk, "sam", clock)
    form = {"role": "agent", "tier": "1", "languages": "en, vi, id", "chat_capacity": "4",
            "ticket_capacity": "12", "active": "yes"}  # fmt: skip
    changed = await sam_console.post(
        f"/console/admin/agents/{tom.id}", data=form, headers={"X-CSRF-Token": sam_csrf}
    )
    assert changed.status_code == 200, changed.text
    assert "languages" in changed.text and "chat_capacity" in changed.text
    shown = (await tom.get(f"/api/v1/agents/{tom.id}")).json()
    assert (shown["languages"], shown["chat_capacity"]) == (["en", "vi", "id"], 4)
    # A supervisor cannot make anyone an admin: the API's rule, in the page too.
    refused = await sam_console.post(
        f"/console/admin/agents/{tom.id}", data={**form, "role": "admin"},
        headers={"X-CSRF-Token": sam_csrf},
    )  # fmt: skip
    assert refused.status_code == 403
    bad = await sam_console.post(
        f"/console/admin/agents/{tom.id}", data={**form, "languages": "klingon"},
        headers={"X-CSRF-Token": sam_csrf},
    )  # fmt: skip
    assert bad.status_code == 422
