"""A TOTP code opens one session: replaying it, even within its 30 seconds, is refused."""

from __future__ import annotations

from cexdesk.core.clock import FakeClock
from cexdesk.core.security import totp_now
from tests.personas import PASSWORD, Desk


async def test_a_totp_code_works_once(desk: Desk) -> None:
    sam = await desk.staff("sam")  # signed in once already, with the code of that moment
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    clock.advance(30)
    code = totp_now(sam.extra["totp_secret"], clock.now())
    body = {"email": "sam@cexdesk.test", "password": PASSWORD, "totp": code}
    first = await desk.anonymous().post("/api/v1/auth/login", json=body)
    assert first.status_code == 200, first.text
    replayed = await desk.anonymous().post("/api/v1/auth/login", json=body)
    assert replayed.status_code == 401
    assert "already used" in replayed.json()["detail"]
    clock.advance(30)
    fresh = {**body, "totp": totp_now(sam.extra["totp_secret"], clock.now())}
    assert (await desk.anonymous().post("/api/v1/auth/login", json=fresh)).status_code == 200
