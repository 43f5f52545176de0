from __future__ import annotations

from tests.personas import Desk


async def test_health_and_personas(desk: Desk) -> None:
    response = await desk.anonymous().get("/api/v1/health")
    assert response.status_code == 200
    alice = await desk.customer("alice", lang="vi")
    tom = await desk.staff("tom")
    me = (await alice.get("/api/v1/me")).json()
    assert me["role"] == "customer" and me["display_name"] == "Alice"
    assert (await tom.get("/api/v1/me")).json()["role"] == "agent"
    nobody = await desk.anonymous().get("/api/v1/me")
    assert nobody.status_code == 401
    assert nobody.headers["content-type"] == "application/problem+json"
