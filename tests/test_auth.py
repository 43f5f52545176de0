"""Sign-in, sessions and CSRF, TOTP, passwords, integration tokens, exchange user tokens."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError
from sqlalchemy import func, select

from cexdesk.agents import flows as agent_flows
from cexdesk.app import build_context, create_app
from cexdesk.core import audit
from cexdesk.core.auth import ROLE_PERMISSIONS, Perm, Role, totp_required
from cexdesk.core.clock import FakeClock
from cexdesk.core.models import AuditEntry
from cexdesk.core.security import sign_exchange_token, totp_now
from cexdesk.core.settings import (
    DEMO_EXCHANGE_TOKEN_KEY,
    DEMO_SECRET_KEY,
    Settings,
)
from cexdesk.customers.models import Customer
from tests.personas import PASSWORD, Desk

LOGIN = "/api/v1/auth/login"


@dataclass
class Account:
    id: int
    email: str
    totp_secret: str | None


async def make_agent(desk: Desk, name: str, role: Role = Role.AGENT) -> Account:
    """An agent straight from the onboarding flow (TOTP secret only where the role needs it)."""
    async with desk.ctx.db.transaction() as session:
        agent = await agent_flows.create_agent(
            session,
            agent_flows.NewAgent(
                email=f"{name}@cexdesk.test",
                display_name=name.capitalize(),
                role=role,
                password=PASSWORD,
            ),
            actor=audit.SYSTEM,
        )
    return Account(agent.id, agent.email, agent.totp_secret)


def credentials(desk: Desk, account: Account, **overrides: object) -> dict[str, object]:
    body: dict[str, object] = {"email": account.email, "password": PASSWORD}
    if account.totp_secret:
        body["totp"] = totp_now(account.totp_secret, desk.ctx.clock.now())
    body.update(overrides)
    return body


async def bearer(desk: Desk, account: Account) -> httpx.AsyncClient:
    """A client signed in through the login endpoint, using the token as a Bearer."""
    response = await desk.anonymous().post(LOGIN, json=credentials(desk, account))
    assert response.status_code == 200, response.text
    return desk.client({"Authorization": f"Bearer {response.json()['token']}"})


def assert_problem(response: httpx.Response, status: int) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    body: dict[str, object] = response.json()
    assert body["status"] == status and body["title"] and body["detail"]
    return body


async def count(desk: Desk, model: type[object]) -> int:
    async with desk.ctx.db.reading() as session:
        return int((await session.execute(select(func.count()).select_from(model))).scalar_one())


# --- sign-in -------------------------------------------------------------------------


async def test_login_sets_a_session_cookie_and_the_token_works_as_bearer(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    client = desk.anonymous()
    response = await client.post(LOGIN, json=credentials(desk, nina))
    assert response.status_code == 200
    body = response.json()
    assert body["agent"]["email"] == "nina@cexdesk.test"
    assert body["agent"]["role"] == "agent" and body["agent"]["totp_enrolled"] is False
    assert body["token"].startswith("cxs_") and body["csrf_token"]
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"cexdesk_session={body['token']};")
    attributes = {part.strip().lower() for part in cookie.split(";")}
    assert {"httponly", "samesite=lax", "path=/"} <= attributes
    assert "secure" not in attributes  # the test settings turn cookie_secure off
    # The cookie signs the browser in; the same token works as a Bearer elsewhere.
    assert (await client.get("/api/v1/me")).json()["id"] == nina.id
    as_bearer = desk.client({"Authorization": f"Bearer {body['token']}"})
    assert (await as_bearer.get("/api/v1/me")).json()["role"] == "agent"


async def test_session_cookie_is_secure_when_settings_say_so(
    settings: Settings, clock: FakeClock
) -> None:
    context = build_context(settings.model_copy(update={"cookie_secure": True}), clock=clock)
    await context.start(background=False)
    transport = httpx.ASGITransport(app=create_app(context, manage_lifecycle=False))
    desk = Desk(context, transport)
    try:
        nina = await make_agent(desk, "nina")
        response = await desk.anonymous().post(LOGIN, json=credentials(desk, nina))
        assert response.status_code == 200
        attributes = {p.strip().lower() for p in response.headers["set-cookie"].split(";")}
        assert "secure" in attributes and "httponly" in attributes
    finally:
        await desk.close()
        await context.stop()


async def test_wrong_credentials_get_the_same_401_and_the_failure_is_audited(
    desk: Desk,
) -> None:
    nina = await make_agent(desk, "nina")
    wrong = await desk.anonymous().post(LOGIN, json=credentials(desk, nina, password="nope"))
    unknown = await desk.anonymous().post(
        LOGIN, json={"email": "nobody@cexdesk.test", "password": PASSWORD}
    )
    # The same answer either way, so the endpoint does not reveal who has an account.
    assert assert_problem(wrong, 401)["detail"] == assert_problem(unknown, 401)["detail"]
    assert wrong.headers["www-authenticate"] == "Bearer"
    async with desk.ctx.db.reading() as session:
        rows = await session.execute(select(AuditEntry.action, AuditEntry.subject_id))
        actions = [(action, subject) for action, subject in rows]
    # The refusal's audit entry is committed even though the request answered 401.
    assert ("agent.sign_in_failed", str(nina.id)) in actions


def test_totp_is_required_for_supervisors_admins_security_and_money_movers() -> None:
    required = {role for role in Role if totp_required(role)}
    assert {Role.SUPERVISOR, Role.ADMIN, Role.SECURITY} <= required
    assert {role for role in Role if Perm.MONEY_MOVE in ROLE_PERMISSIONS[role]} <= required
    assert Role.AGENT not in required and Role.QA not in required


@pytest.mark.parametrize("role", [Role.SUPERVISOR, Role.ADMIN, Role.SECURITY])
async def test_roles_needing_totp_cannot_sign_in_without_it(desk: Desk, role: Role) -> None:
    account = await make_agent(desk, "boss", role)
    assert account.totp_secret is not None  # onboarding gave them one
    client = desk.anonymous()
    missing = await client.post(LOGIN, json={"email": account.email, "password": PASSWORD})
    assert "TOTP" in str(assert_problem(missing, 401)["detail"])
    wrong = await client.post(LOGIN, json=credentials(desk, account, totp="000000"))
    assert_problem(wrong, 401)
    stale = totp_now(account.totp_secret, desk.ctx.clock.now())
    desk.ctx.clock.advance(minutes=5)  # a code from five minutes ago is stale
    assert_problem(await client.post(LOGIN, json=credentials(desk, account, totp=stale)), 401)
    ok = await client.post(LOGIN, json=credentials(desk, account))
    assert ok.status_code == 200 and ok.json()["agent"]["totp_enrolled"] is True


async def test_failed_sign_ins_are_rate_limited_per_email_and_address(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    client = desk.anonymous()
    for _ in range(5):
        assert_problem(await client.post(LOGIN, json=credentials(desk, nina, password="x")), 401)
    blocked = await client.post(LOGIN, json=credentials(desk, nina))  # even the right password
    assert_problem(blocked, 429)
    assert int(blocked.headers["retry-after"]) > 0
    # Another address is not blocked by this one's failures.
    elsewhere = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=desk.transport.app, client=("10.9.8.7", 4000)),  # type: ignore[attr-defined]
        base_url="http://testserver",
    )
    async with elsewhere:
        assert (await elsewhere.post(LOGIN, json=credentials(desk, nina))).status_code == 200
    desk.ctx.clock.advance(minutes=15, seconds=1)
    assert (await client.post(LOGIN, json=credentials(desk, nina))).status_code == 200


async def test_a_successful_sign_in_resets_the_failure_count(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    client = desk.anonymous()
    for _ in range(4):
        await client.post(LOGIN, json=credentials(desk, nina, password="x"))
    assert (await client.post(LOGIN, json=credentials(desk, nina))).status_code == 200
    for _ in range(4):
        assert_problem(await client.post(LOGIN, json=credentials(desk, nina, password="x")), 401)
    assert (await client.post(LOGIN, json=credentials(desk, nina))).status_code == 200


async def test_logout_revokes_the_session(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    client = await bearer(desk, nina)
    assert (await client.post("/api/v1/auth/logout")).status_code == 204
    assert_problem(await client.get("/api/v1/me"), 401)
    assert_problem(await client.post("/api/v1/auth/logout"), 401)


async def test_sessions_expire_after_their_ttl(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    client = await bearer(desk, nina)
    desk.ctx.clock.advance(hours=desk.ctx.settings.session_ttl_hours, seconds=1)
    assert_problem(await client.get("/api/v1/me"), 401)


# --- CSRF ----------------------------------------------------------------------------


async def test_cookie_sessions_need_the_csrf_header_for_unsafe_requests(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    browser = desk.anonymous()
    signed_in = (await browser.post(LOGIN, json=credentials(desk, nina))).json()
    # Safe requests pass on the cookie alone, and the CSRF endpoint repeats the token.
    csrf = (await browser.get("/api/v1/auth/csrf")).json()
    assert csrf["csrf_token"] == signed_in["csrf_token"]
    assert_problem(await browser.post("/api/v1/auth/logout"), 403)
    wrong = await browser.post("/api/v1/auth/logout", headers={"X-CSRF-Token": "0" * 64})
    assert_problem(wrong, 403)
    # A token from another session of the same agent does not fit this one.
    other = (await desk.anonymous().post(LOGIN, json=credentials(desk, nina))).json()
    crossed = await browser.post(
        "/api/v1/auth/logout", headers={"X-CSRF-Token": other["csrf_token"]}
    )
    assert_problem(crossed, 403)
    assert (await browser.get("/api/v1/me")).status_code == 200  # nothing was revoked
    ok = await browser.post("/api/v1/auth/logout", headers={"X-CSRF-Token": csrf["csrf_token"]})
    assert ok.status_code == 204
    assert "cexdesk_session=" in ok.headers["set-cookie"]  # the cookie is cleared
    stale_cookie = desk.client({"Cookie": f"cexdesk_session={signed_in['token']}"})
    assert_problem(await stale_cookie.get("/api/v1/me"), 401)


async def test_bearer_requests_need_no_csrf_token(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    client = await bearer(desk, nina)
    assert (await client.post("/api/v1/auth/logout")).status_code == 204


async def test_csrf_endpoint_is_for_cookie_or_bearer_sessions_not_customers(desk: Desk) -> None:
    alice = await desk.customer("alice")
    assert_problem(await alice.get("/api/v1/auth/csrf"), 403)
    assert_problem(await desk.anonymous().get("/api/v1/auth/csrf"), 401)


# --- TOTP enrolment --------------------------------------------------------------------


async def test_totp_enrolment_is_pending_until_confirmed(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    client = await bearer(desk, nina)
    first = (await client.post("/api/v1/auth/totp/enrol")).json()
    assert first["otpauth_uri"].startswith("otpauth://totp/cexdesk:nina%40cexdesk.test?")
    assert f"secret={first['secret']}" in first["otpauth_uri"]
    assert first["replaces_existing"] is False and first["confirmed"] is False
    # Enrolling again in the same session shows the same secret; nothing is installed yet.
    assert (await client.post("/api/v1/auth/totp/enrol")).json()["secret"] == first["secret"]
    assert (await desk.anonymous().post(LOGIN, json=credentials(desk, nina))).status_code == 200
    now = desk.ctx.clock.now()
    bad = await client.post("/api/v1/auth/totp/confirm", json={"code": "123456"})
    assert assert_problem(bad, 422)["errors"] == [
        {
            "field": "code",
            "message": "does not match the secret shown at enrolment (or has expired)",
        }
    ]
    good = await client.post(
        "/api/v1/auth/totp/confirm", json={"code": totp_now(first["secret"], now)}
    )
    assert good.json() == {"confirmed": True}
    # From now on, nina's sign-in needs the code.
    no_code = await desk.anonymous().post(LOGIN, json=credentials(desk, nina))
    assert_problem(no_code, 401)
    nina.totp_secret = first["secret"]
    assert (await desk.anonymous().post(LOGIN, json=credentials(desk, nina))).status_code == 200


async def test_replacing_a_totp_secret_needs_a_code_from_the_old_one(desk: Desk) -> None:
    sam = await desk.staff("sam")
    old_secret = sam.extra["totp_secret"]
    new = (await sam.post("/api/v1/auth/totp/enrol")).json()
    assert new["replaces_existing"] is True and new["secret"] != old_secret
    now = desk.ctx.clock.now()
    code = totp_now(new["secret"], now)
    refused = await sam.post("/api/v1/auth/totp/confirm", json={"code": code})
    assert assert_problem(refused, 422)["errors"][0]["field"] == "current_code"  # type: ignore[index]
    ok = await sam.post(
        "/api/v1/auth/totp/confirm",
        json={"code": code, "current_code": totp_now(old_secret, now)},
    )
    assert ok.status_code == 200
    # The next enrolment offers yet another secret.
    assert (await sam.post("/api/v1/auth/totp/enrol")).json()["secret"] != new["secret"]


async def test_totp_enrolment_needs_an_agent_session(desk: Desk) -> None:
    alice = await desk.customer("alice")
    assert_problem(await alice.post("/api/v1/auth/totp/enrol"), 403)
    ada = await desk.staff("ada")
    issued = await ada.post("/api/v1/tokens", json={"name": "ci", "scopes": ["agents:read"]})
    robot = desk.client({"Authorization": f"Bearer {issued.json()['token']}"})
    assert_problem(await robot.post("/api/v1/auth/totp/enrol"), 403)


# --- password change -------------------------------------------------------------------


async def test_password_change_revokes_the_other_sessions(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    laptop = await bearer(desk, nina)
    phone = await bearer(desk, nina)
    url = "/api/v1/auth/password"
    wrong = await laptop.post(url, json={"current_password": "nope", "new_password": "x" * 12})
    assert assert_problem(wrong, 422)["errors"][0]["field"] == "current_password"  # type: ignore[index]
    short = await laptop.post(url, json={"current_password": PASSWORD, "new_password": "short"})
    assert assert_problem(short, 422)["errors"][0]["field"] == "new_password"  # type: ignore[index]
    assert (await phone.get("/api/v1/me")).status_code == 200  # refusals changed nothing
    new_password = "a much better passphrase"
    ok = await laptop.post(url, json={"current_password": PASSWORD, "new_password": new_password})
    assert ok.json() == {"other_sessions_revoked": 1}
    assert (await laptop.get("/api/v1/me")).status_code == 200
    assert_problem(await phone.get("/api/v1/me"), 401)
    old = await desk.anonymous().post(LOGIN, json=credentials(desk, nina))
    assert_problem(old, 401)
    fresh = await desk.anonymous().post(LOGIN, json=credentials(desk, nina, password=new_password))
    assert fresh.status_code == 200


# --- integration tokens -------------------------------------------------------------


async def test_scoped_token_can_do_what_its_scopes_allow_and_nothing_more(desk: Desk) -> None:
    ada = await desk.staff("ada")
    issued = await ada.post(
        "/api/v1/tokens", json={"name": "siem export", "scopes": ["audit:read"]}
    )
    assert issued.status_code == 201
    body = issued.json()
    assert body["token"].startswith("cxd_") and body["scopes"] == ["audit:read"]
    assert body["owner_id"] == ada.id and body["expires_at"] is None
    robot = desk.client({"Authorization": f"Bearer {body['token']}"})
    assert (await robot.get("/api/v1/me")).json()["kind"] == "integration"
    assert (await robot.get("/api/v1/admin/audit")).status_code == 200
    # The owner is an admin, but the token only carries audit:read.
    assert_problem(await robot.get("/api/v1/admin/dead-letters"), 403)
    assert_problem(await robot.get("/api/v1/tokens"), 403)
    # Tokens never mint tokens, whatever their scopes.
    minting = await ada.post("/api/v1/tokens", json={"name": "m", "scopes": ["tokens:manage"]})
    minter = desk.client({"Authorization": f"Bearer {minting.json()['token']}"})
    assert (await minter.get("/api/v1/tokens")).status_code == 200
    nested = await minter.post("/api/v1/tokens", json={"name": "x", "scopes": ["agents:read"]})
    assert_problem(nested, 403)


async def test_token_list_never_shows_the_secret_and_revocation_is_immediate(
    desk: Desk,
) -> None:
    ada = await desk.staff("ada")
    issued = (
        await ada.post("/api/v1/tokens", json={"name": "bi", "scopes": ["tickets:read_all"]})
    ).json()
    listed = (await ada.get("/api/v1/tokens")).json()
    assert [item["id"] for item in listed["items"]] == [issued["id"]]
    assert "token" not in listed["items"][0] and "token_hash" not in listed["items"][0]
    robot = desk.client({"Authorization": f"Bearer {issued['token']}"})
    assert (await robot.get("/api/v1/me")).status_code == 200
    assert (await ada.delete(f"/api/v1/tokens/{issued['id']}")).status_code == 204
    assert_problem(await robot.get("/api/v1/me"), 401)
    assert (await ada.delete(f"/api/v1/tokens/{issued['id']}")).status_code == 204  # idempotent
    assert (await ada.get("/api/v1/tokens")).json()["items"] == []
    everything = (await ada.get("/api/v1/tokens", params={"include_revoked": True})).json()
    assert everything["items"][0]["revoked_at"] is not None
    assert_problem(await ada.delete("/api/v1/tokens/999999"), 404)


async def test_expired_tokens_are_refused(desk: Desk) -> None:
    ada = await desk.staff("ada")
    issued = (
        await ada.post(
            "/api/v1/tokens",
            json={"name": "temp", "scopes": ["agents:read"], "expires_in_days": 1},
        )
    ).json()
    robot = desk.client({"Authorization": f"Bearer {issued['token']}"})
    assert (await robot.get("/api/v1/me")).status_code == 200
    desk.ctx.clock.advance(days=1, seconds=1)
    assert_problem(await robot.get("/api/v1/me"), 401)


async def test_token_scopes_cannot_exceed_the_owners_role(desk: Desk) -> None:
    ada = await desk.staff("ada")
    tom = await desk.staff("tom")
    beyond = await ada.post(
        "/api/v1/tokens",
        json={"name": "x", "scopes": ["tickets:read_all", "audit:read"], "owner_id": tom.id},
    )
    problem = assert_problem(beyond, 422)
    assert problem["errors"][0]["field"] == "scopes"  # type: ignore[index]
    assert "audit:read" in str(problem["detail"]) and "tickets:read_all" not in str(
        problem["detail"]
    )
    fits = await ada.post(
        "/api/v1/tokens",
        json={"name": "tom's bot", "scopes": ["tickets:read_all"], "owner_id": tom.id},
    )
    assert fits.status_code == 201 and fits.json()["owner_id"] == tom.id
    nobody = await ada.post(
        "/api/v1/tokens", json={"name": "x", "scopes": ["agents:read"], "owner_id": 999999}
    )
    assert assert_problem(nobody, 422)["errors"][0]["field"] == "owner_id"  # type: ignore[index]


@pytest.mark.parametrize("name", ["tom", "sam", "seth", "quinn"])
async def test_only_token_managers_issue_tokens(desk: Desk, name: str) -> None:
    person = await desk.staff(name)
    response = await person.post("/api/v1/tokens", json={"name": "x", "scopes": ["agents:read"]})
    assert_problem(response, 403)
    assert_problem(await person.get("/api/v1/tokens"), 403)


# --- exchange user tokens -----------------------------------------------------------


def _tamper(token: str) -> str:
    prefix, body, signature = token.split(".")
    flipped = body[:-2] + ("A" if body[-2] != "A" else "B") + body[-1]
    return f"{prefix}.{flipped}.{signature}"


async def test_bad_exchange_tokens_are_refused(desk: Desk) -> None:
    key = desk.ctx.settings.exchange_token_key
    now = int(desk.ctx.clock.now().timestamp())
    good = desk.exchange_token("uid-1")
    prefix, body, _signature = good.split(".")
    cases = {
        "unsigned": f"{prefix}.{body}.",
        "no signature part": f"{prefix}.{body}",
        "tampered": _tamper(good),
        "wrong key": sign_exchange_token("another key", {"uid": "1", "iat": now, "exp": now + 60}),
        "too long-lived": desk.exchange_token("uid-1", ttl=3600),
        "from the future": sign_exchange_token(
            key, {"uid": "1", "iat": now + 3600, "exp": now + 3700}
        ),
        "wrong prefix": "ext2." + good.split(".", 1)[1],
        "no uid": sign_exchange_token(key, {"iat": now, "exp": now + 60}),
        "oversized uid": desk.exchange_token("u" * 65),
        "vip not a tier": desk.exchange_token("uid-1", vip=True),
        "oversized region": desk.exchange_token("uid-1", region="Atlantis-North"),
        "NUL in a claim": desk.exchange_token("uid-1", name="Eve\x00"),
        "garbage": "ext1.!!!.???",
    }
    for label, token in cases.items():
        for headers in ({"Authorization": f"Bearer {token}"}, {"X-Exchange-Token": token}):
            response = await desk.client(headers).get("/api/v1/me")
            assert response.status_code == 401, label
            assert response.headers["content-type"] == "application/problem+json", label
    assert await count(desk, Customer) == 0


async def test_expired_exchange_tokens_are_refused(desk: Desk) -> None:
    token = desk.exchange_token("uid-9", ttl=300)
    client = desk.client({"Authorization": f"Bearer {token}"})
    assert (await client.get("/api/v1/me")).status_code == 200
    desk.ctx.clock.advance(seconds=300)
    assert_problem(await client.get("/api/v1/me"), 401)


async def customer_facts(desk: Desk, uid: str) -> tuple[str, str, int, str]:
    async with desk.ctx.db.reading() as session:
        customer = (
            await session.execute(select(Customer).where(Customer.exchange_uid == uid))
        ).scalar_one()
        return customer.display_name, customer.language, customer.vip_tier, customer.kyc_state


async def test_a_valid_exchange_token_creates_then_updates_the_customer(desk: Desk) -> None:
    token = desk.exchange_token("uid-77", name="Linh", lang="vi-VN", vip=3, kyc="verified")
    me = await desk.client({"Authorization": f"Bearer {token}"}).get("/api/v1/me")
    assert me.json()["role"] == "customer" and me.json()["display_name"] == "Linh"
    facts = await customer_facts(desk, "uid-77")
    assert facts == ("Linh", "vi", 3, "verified")
    # The exchange now says something new: the row follows, and stays the same customer.
    later = desk.exchange_token("uid-77", lang="zh-TW", vip=5, kyc="enhanced")
    again = await desk.client({"X-Exchange-Token": later}).get("/api/v1/me")
    assert again.json()["id"] == me.json()["id"]
    facts = await customer_facts(desk, "uid-77")
    # A claim left out (the name) changes nothing.
    assert facts == ("Linh", "zh-Hant", 5, "enhanced")
    assert await count(desk, Customer) == 1


# --- settings -----------------------------------------------------------------------


def test_settings_refuse_the_demo_secrets_outside_demo_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("CEXDESK_DEMO", "CEXDESK_SECRET_KEY", "CEXDESK_EXCHANGE_TOKEN_KEY"):
        monkeypatch.delenv(name, raising=False)
    # pydantic wraps the validator's SettingsError; `cexdesk serve` prints its message.
    with pytest.raises(ValidationError) as refused:
        Settings(demo=False, data_dir=tmp_path)
    assert "CEXDESK_SECRET_KEY" in str(refused.value)
    assert "CEXDESK_EXCHANGE_TOKEN_KEY" in str(refused.value)
    with pytest.raises(ValidationError, match="CEXDESK_SECRET_KEY"):
        Settings(demo=False, secret_key="too-short", exchange_token_key="k" * 40)
    with pytest.raises(ValidationError, match="CEXDESK_EXCHANGE_TOKEN_KEY"):
        Settings(demo=False, secret_key="s" * 40, exchange_token_key=DEMO_EXCHANGE_TOKEN_KEY)
    real = Settings(demo=False, secret_key="s" * 40, exchange_token_key="k" * 40)
    assert real.secret_key != DEMO_SECRET_KEY
    assert Settings(demo=True).secret_key == DEMO_SECRET_KEY  # demo mode may use them


async def test_a_read_only_ticket_token_can_list_but_not_write(desk: Desk) -> None:
    alice = await desk.customer("alice")
    opened = await alice.post(
        "/api/v1/tickets", json={"subject": "Deposit missing", "body": "USDT on TRON, 2 h ago"}
    )
    assert opened.status_code == 201, opened.text
    ticket_id = opened.json()["id"]
    ada = await desk.staff("ada")
    issued = await ada.post("/api/v1/tokens", json={"name": "bi", "scopes": ["tickets:read_all"]})
    robot = desk.client({"Authorization": f"Bearer {issued.json()['token']}"})
    listed = await robot.get("/api/v1/tickets")
    assert listed.status_code == 200
    assert ticket_id in [item["id"] for item in listed.json()["items"]]
    assert (await robot.get(f"/api/v1/tickets/{ticket_id}")).status_code == 200
    reply = await robot.post(f"/api/v1/tickets/{ticket_id}/replies", json={"body": "On it"})
    assert_problem(reply, 403)
    assert_problem(
        await robot.patch(f"/api/v1/tickets/{ticket_id}", json={"priority": "high"}), 403
    )
    new = {"subject": "x", "body": "y", "requester_id": alice.id}
    assert_problem(await robot.post("/api/v1/tickets", json=new), 403)
    messages = (await ada.get(f"/api/v1/tickets/{ticket_id}/messages")).json()["items"]
    assert [m["body"] for m in messages] == ["USDT on TRON, 2 h ago"]
