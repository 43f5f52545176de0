"""Bad input against the sign-in, token and admin routes: a clear 4xx problem, never a 500,
and nothing changed. (Tickets and attachments have their own bad-input tests.)"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from cexdesk.agents.models import Agent, AgentSession, ApiToken
from cexdesk.core.models import AuditEntry
from cexdesk.customers.models import Customer
from tests.personas import Desk
from tests.test_auth import LOGIN, assert_problem, count, credentials, make_agent

TOKENS = "/api/v1/tokens"
TABLES: tuple[type[Any], ...] = (Agent, AgentSession, ApiToken, AuditEntry, Customer)


async def row_counts(desk: Desk) -> dict[str, int]:
    return {model.__tablename__: await count(desk, model) for model in TABLES}


def fields(response: httpx.Response) -> list[str]:
    body = assert_problem(response, 422)
    errors = body["errors"]
    assert isinstance(errors, list) and errors
    return [error["field"] for error in errors]


def raw_json(content: bytes) -> dict[str, Any]:
    return {"content": content, "headers": {"Content-Type": "application/json"}}


MALFORMED = [
    b'{"email": "nina@cexdesk.test", "password": ',
    b"{'email': 'single quotes'}",
    b'{"email": "a@b.c",}',
    b"\xff\xfe not utf-8",
    b"[" * 100_000,  # nesting deep enough to exhaust a recursive parser
    b'{"totp": ' + b"9" * 5000 + b"}",  # an integer longer than Python will parse
]


@pytest.mark.parametrize("content", MALFORMED, ids=lambda c: repr(c[:12]))
async def test_malformed_json_is_a_400_problem(desk: Desk, content: bytes) -> None:
    await make_agent(desk, "nina")
    before = await row_counts(desk)
    response = await desk.anonymous().post(LOGIN, **raw_json(content))
    body = assert_problem(response, 400)
    assert "JSON" in str(body["title"]) or "pars" in str(body["detail"])
    assert await row_counts(desk) == before


async def test_wrong_types_unknown_and_missing_fields_are_named(desk: Desk) -> None:
    nina = await make_agent(desk, "nina")
    client = desk.anonymous()
    before = await row_counts(desk)
    assert fields(await client.post(LOGIN, json={"email": 5, "password": ["x"]})) == [
        "email",
        "password",
    ]
    assert fields(await client.post(LOGIN, json=credentials(desk, nina, totp=123456))) == ["totp"]
    unknown = await client.post(LOGIN, json=credentials(desk, nina, remember_me=True))
    assert unknown.json()["errors"] == [{"field": "remember_me", "message": "unknown field"}]
    assert fields(await client.post(LOGIN, json={"email": "nina@cexdesk.test"})) == ["password"]
    assert fields(await client.post(LOGIN, json=["nina@cexdesk.test", "pw"])) == ["body"]
    assert fields(await client.post(LOGIN)) == ["body"]
    assert fields(await client.post(LOGIN, json=credentials(desk, nina, email="a\x00@b.c"))) == [
        "email"
    ]
    assert fields(await client.post(LOGIN, json=credentials(desk, nina, password="x" * 2000))) == [
        "password"
    ]
    # A form post is not the JSON this route speaks.
    assert fields(await client.post(LOGIN, data={"email": "a@b.c", "password": "x"})) == ["body"]
    assert await row_counts(desk) == before


async def test_bad_token_requests_name_the_field_and_create_nothing(desk: Desk) -> None:
    ada = await desk.staff("ada")
    before = await row_counts(desk)
    cases: list[tuple[dict[str, Any], list[str]]] = [
        ({"name": "x", "scopes": "audit:read"}, ["scopes"]),
        ({"name": "x", "scopes": ["audit:read", "root"]}, ["scopes.1"]),
        ({"name": "x", "scopes": []}, ["scopes"]),
        ({"name": "", "scopes": ["audit:read"]}, ["name"]),
        ({"name": "x" * 121, "scopes": ["audit:read"]}, ["name"]),
        ({"name": "x", "scopes": ["audit:read"], "expires_in_days": "soon"}, ["expires_in_days"]),
        ({"name": "x", "scopes": ["audit:read"], "expires_in_days": 0}, ["expires_in_days"]),
        ({"name": "x", "scopes": ["audit:read"], "owner_id": "me"}, ["owner_id"]),
        ({"name": "x", "scopes": ["audit:read"], "admin": True}, ["admin"]),
        ({"name": 7, "scopes": [1]}, ["name", "scopes.0"]),
    ]
    for body, expected in cases:
        assert fields(await ada.post(TOKENS, json=body)) == expected, body
    assert fields(await ada.delete(f"{TOKENS}/abc")) == ["token_id"]
    assert fields(await ada.get(TOKENS, params={"limit": 0})) == ["limit"]
    assert fields(await ada.get("/api/v1/admin/audit", params={"limit": "many"})) == ["limit"]
    assert fields(await ada.get("/api/v1/admin/audit", params={"action": "a\x00b"})) == ["action"]
    assert fields(await ada.get("/api/v1/admin/dead-letters", params={"before_id": -1})) == [
        "before_id"
    ]
    assert await row_counts(desk) == before


async def test_oversized_bodies_are_refused_with_413(desk: Desk) -> None:
    limit = desk.ctx.settings.max_json_body_bytes
    ada = await desk.staff("ada")
    nina = await make_agent(desk, "nina")
    before = await row_counts(desk)
    huge_password = credentials(desk, nina, password="p" * (limit + 1))
    # With a Content-Length header: refused before a byte of the body is read.
    assert_problem(await desk.anonymous().post(LOGIN, json=huge_password), 413)
    big_token = {"name": "x" * (limit + 1), "scopes": ["audit:read"]}
    assert_problem(await ada.post(TOKENS, json=big_token), 413)

    # Chunked, without Content-Length: refused as soon as the running count passes the limit.
    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"email": "nina@cexdesk.test", "password": "'
        for _ in range(limit // 65536 + 2):
            yield b"p" * 65536
        yield b'"}'

    chunked = await desk.anonymous().post(
        LOGIN, content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert_problem(chunked, 413)
    assert "content-length" not in chunked.request.headers
    assert chunked.request.headers["transfer-encoding"] == "chunked"
    assert await row_counts(desk) == before
    # Just under the limit is a normal request (here: a wrong password, so 401).
    small = credentials(desk, nina, password="p" * 1000)
    assert_problem(await desk.anonymous().post(LOGIN, json=small), 401)


async def test_unauthorised_callers_get_401_or_403_and_change_nothing(desk: Desk) -> None:
    tom = await desk.staff("tom")
    alice = await desk.customer("alice")
    before = await row_counts(desk)
    body = {"name": "x", "scopes": ["agents:read"]}
    assert_problem(await desk.anonymous().post(TOKENS, json=body), 401)
    garbage = desk.client({"Authorization": "Bearer cxd_forged"})
    assert_problem(await garbage.post(TOKENS, json=body), 401)
    assert_problem(await desk.client({"Authorization": "Basic YTpi"}).get(TOKENS), 401)
    assert_problem(await tom.post(TOKENS, json=body), 403)
    assert_problem(await alice.post(TOKENS, json=body), 403)
    assert_problem(await tom.delete(f"{TOKENS}/1"), 403)
    assert_problem(await desk.anonymous().post("/api/v1/auth/password", json={}), 401)
    assert_problem(await tom.post("/api/v1/admin/dead-letters/1/replay"), 403)
    assert_problem(await alice.post("/api/v1/admin/dead-timers/1/replay"), 403)
    assert await row_counts(desk) == before


async def test_unknown_routes_and_methods_are_problems_too(desk: Desk) -> None:
    ada = await desk.staff("ada")
    assert_problem(await ada.get("/api/v1/admin/nothing-here"), 404)
    assert_problem(await ada.client.put(TOKENS, json={}), 405)
