"""Agents and teams through the API: admins manage, agents set their own presence."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import parse_qs, urlparse

import pyotp
from sqlalchemy import func, select

from cexdesk.agents import flows as agent_flows
from cexdesk.core.models import AuditEntry
from tests.personas import Desk


async def test_admin_onboards_an_agent_who_can_sign_in(desk: Desk) -> None:
    ada = await desk.staff("ada")
    created = await ada.post(
        "/api/v1/agents",
        json={
            "email": "Lan@CEXdesk.test",
            "display_name": "Lan",
            "role": "supervisor",
            "password": "a long enough password",
            "languages": ["vi", "en", "vi"],
            "categories": ["deposit", "withdrawal"],
            "tier": 2,
        },
    )
    assert created.status_code == 201, created.text
    agent = created.json()
    assert agent["email"] == "lan@cexdesk.test"
    assert agent["languages"] == ["vi", "en"]
    assert agent["totp_enrolled"] is True
    uri = urlparse(agent["totp_uri"])
    assert uri.scheme == "otpauth"
    secret = parse_qs(uri.query)["secret"][0]
    # The secret is shown once: reading the agent again does not reveal it.
    shown = (await ada.get(f"/api/v1/agents/{agent['id']}")).json()
    assert "totp_uri" not in shown and secret not in str(shown)

    async with desk.ctx.db.transaction() as session:
        signed = await agent_flows.sign_in(
            session,
            "lan@cexdesk.test",
            "a long enough password",
            pyotp.TOTP(secret).at(desk.ctx.clock.now()),
            ttl=timedelta(hours=1),
        )
    assert signed.agent.id == agent["id"]

    again = await ada.post(
        "/api/v1/agents",
        json={"email": "lan@cexdesk.test", "display_name": "Lan 2", "role": "agent",
              "password": "another long password"},
    )  # fmt: skip
    assert again.status_code == 409


async def test_roles_cannot_grant_more_than_they_have(desk: Desk) -> None:
    sam = await desk.staff("sam")  # supervisor: manages agents but is not an admin
    tom = await desk.staff("tom")
    base = {"display_name": "X", "password": "a long enough password"}
    admin = await sam.post(
        "/api/v1/agents", json={**base, "email": "x@cexdesk.test", "role": "admin"}
    )
    assert admin.status_code == 403
    agent = await sam.post(
        "/api/v1/agents", json={**base, "email": "y@cexdesk.test", "role": "agent"}
    )
    assert agent.status_code == 201, agent.text
    assert agent.json()["totp_uri"] is None
    assert (
        await tom.post("/api/v1/agents", json={**base, "email": "z@cexdesk.test", "role": "agent"})
    ).status_code == 403
    promote = await sam.patch(f"/api/v1/agents/{agent.json()['id']}", json={"role": "admin"})
    assert promote.status_code == 403
    ada = await desk.staff("ada")
    assert (await sam.patch(f"/api/v1/agents/{ada.id}", json={"tier": 1})).status_code == 403


async def test_update_skills_presence_and_deactivate(desk: Desk) -> None:
    ada = await desk.staff("ada")
    tom = await desk.staff("tom")
    vera = await desk.staff("vera")

    own = await tom.patch(f"/api/v1/agents/{tom.id}", json={"presence": "online"})
    assert own.status_code == 200 and own.json()["presence"] == "online"
    other = await tom.patch(f"/api/v1/agents/{vera.id}", json={"presence": "offline"})
    assert other.status_code == 403
    skills = await tom.patch(f"/api/v1/agents/{tom.id}", json={"languages": ["en", "ru"]})
    assert skills.status_code == 403

    updated = await ada.patch(
        f"/api/v1/agents/{tom.id}",
        json={"languages": ["en", "vi", "id"], "ticket_capacity": 25, "categories": ["p2p"]},
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["languages"] == ["en", "vi", "id"]
    assert updated.json()["ticket_capacity"] == 25
    bad = await ada.patch(f"/api/v1/agents/{tom.id}", json={"languages": ["xx"]})
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "languages"
    unknown = await ada.patch(f"/api/v1/agents/{tom.id}", json={"salary": 1})
    assert unknown.status_code == 422 and unknown.json()["errors"][0]["field"] == "salary"
    assert (await ada.patch(f"/api/v1/agents/{ada.id}", json={"active": False})).status_code == 403

    online = (await ada.get("/api/v1/agents?presence=online")).json()["items"]
    assert [a["id"] for a in online] == [tom.id]
    deactivated = await ada.patch(f"/api/v1/agents/{vera.id}", json={"active": False})
    assert deactivated.status_code == 200
    # Her sessions are revoked at once.
    assert (await vera.get("/api/v1/me")).status_code == 401
    async with desk.ctx.db.reading() as session:
        audited = (
            await session.execute(select(func.count()).where(AuditEntry.action == "agent.updated"))
        ).scalar_one()
    assert audited == 2  # presence changes are not audited


async def test_teams_and_members(desk: Desk) -> None:
    ada = await desk.staff("ada")
    tom = await desk.staff("tom")
    sam = await desk.staff("sam")
    team = await ada.post(
        "/api/v1/teams", json={"slug": "deposit-withdrawal", "name": "Deposits & withdrawals"}
    )
    assert team.status_code == 201, team.text
    team_id = team.json()["id"]
    assert (
        await ada.post("/api/v1/teams", json={"slug": "deposit-withdrawal", "name": "X"})
    ).status_code == 409
    assert (
        await ada.post("/api/v1/teams", json={"slug": "Bad Slug", "name": "X"})
    ).status_code == 422
    assert (await sam.post("/api/v1/teams", json={"slug": "vip", "name": "VIP"})).status_code == 403

    added = await ada.post(f"/api/v1/teams/{team_id}/members", json={"agent_id": tom.id})
    assert added.status_code == 201 and added.json()["member_ids"] == [tom.id]
    twice = await ada.post(f"/api/v1/teams/{team_id}/members", json={"agent_id": tom.id})
    assert twice.json()["member_ids"] == [tom.id]
    missing = await ada.post(f"/api/v1/teams/{team_id}/members", json={"agent_id": 9999})
    assert missing.status_code == 404

    teams = (await tom.get("/api/v1/teams")).json()
    assert [(t["slug"], t["member_ids"]) for t in teams] == [("deposit-withdrawal", [tom.id])]
    in_team = (await tom.get(f"/api/v1/agents?team_id={team_id}")).json()["items"]
    assert [a["id"] for a in in_team] == [tom.id]
    assert (await tom.get(f"/api/v1/agents/{tom.id}")).json()["team_ids"] == [team_id]

    # A ticket can be routed to the team.
    alice = await desk.customer("alice")
    ticket = (await alice.post("/api/v1/tickets", json={"subject": "s", "body": "b"})).json()
    moved = await tom.patch(f"/api/v1/tickets/{ticket['id']}", json={"team_id": team_id})
    assert moved.status_code == 200 and moved.json()["team_id"] == team_id
    listed = (await tom.get(f"/api/v1/tickets?team_id={team_id}")).json()["items"]
    assert [t["id"] for t in listed] == [ticket["id"]]


async def test_customers_cannot_see_agents(desk: Desk) -> None:
    alice = await desk.customer("alice")
    assert (await alice.get("/api/v1/agents")).status_code == 403
    assert (await alice.get("/api/v1/teams")).status_code == 403
