"""Named people for tests: customers signed in through the exchange, staff by password.

alice, bob: customers; tom: tier-1 agent; erin: tier-2 engineer; vera: VIP agent;
sam: supervisor; ada: admin; quinn: QA inspector; seth: security officer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import httpx

from cexdesk.agents import flows as agent_flows
from cexdesk.app import AppContext
from cexdesk.core import audit
from cexdesk.core.auth import Role
from cexdesk.core.security import new_totp_secret, sign_exchange_token, totp_now

PASSWORD = "correct horse battery staple"

STAFF: dict[str, tuple[Role, int, tuple[str, ...]]] = {
    "tom": (Role.AGENT, 1, ("en", "vi")),
    "erin": (Role.ENGINEER, 2, ("en", "zh-Hans")),
    "vera": (Role.VIP_AGENT, 1, ("en", "ru")),
    "sam": (Role.SUPERVISOR, 2, ("en",)),
    "ada": (Role.ADMIN, 2, ("en",)),
    "quinn": (Role.QA, 1, ("en",)),
    "seth": (Role.SECURITY, 2, ("en",)),
}


@dataclass
class Person:
    name: str
    client: httpx.AsyncClient
    id: int
    role: Role
    token: str
    extra: dict[str, Any] = field(default_factory=dict)

    async def get(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.get(url, **kw)

    async def post(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.post(url, **kw)

    async def patch(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.patch(url, **kw)

    async def put(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.put(url, **kw)

    async def delete(self, url: str, **kw: Any) -> httpx.Response:
        return await self.client.delete(url, **kw)


class Desk:
    """The support desk under test: makes personas and runs the background work."""

    def __init__(self, ctx: AppContext, transport: httpx.AsyncBaseTransport) -> None:
        self.ctx = ctx
        self.transport = transport
        self._clients: list[httpx.AsyncClient] = []
        self.people: dict[str, Person] = {}

    def client(self, headers: dict[str, str] | None = None) -> httpx.AsyncClient:
        client = httpx.AsyncClient(
            transport=self.transport, base_url="http://testserver", headers=headers or {}
        )
        self._clients.append(client)
        return client

    def anonymous(self) -> httpx.AsyncClient:
        return self.client()

    def exchange_token(self, uid: str, ttl: int = 600, **claims: Any) -> str:
        now = int(self.ctx.clock.now().timestamp())
        return sign_exchange_token(
            self.ctx.settings.exchange_token_key,
            {"uid": uid, "iat": now, "exp": now + ttl, **claims},
        )

    async def customer(self, name: str, **claims: Any) -> Person:
        """A signed-in exchange user; claims: lang, vip, kyc, email, region."""
        if name in self.people:
            return self.people[name]
        claims.setdefault("name", name.capitalize())
        token = self.exchange_token(f"uid-{name}", **claims)
        client = self.client({"Authorization": f"Bearer {token}"})
        me = await client.get("/api/v1/me")
        me.raise_for_status()
        person = Person(name, client, me.json()["id"], Role.CUSTOMER, token)
        self.people[name] = person
        return person

    async def staff(self, name: str) -> Person:
        if name in self.people:
            return self.people[name]
        role, tier, languages = STAFF[name]
        secret = new_totp_secret()
        async with self.ctx.db.transaction() as session:
            agent = await agent_flows.create_agent(
                session,
                agent_flows.NewAgent(
                    email=f"{name}@cexdesk.test",
                    display_name=name.capitalize(),
                    role=role,
                    password=PASSWORD,
                    tier=tier,
                    languages=languages,
                    is_vip=role is Role.VIP_AGENT,
                    totp_secret=secret,
                ),
                actor=audit.SYSTEM,
            )
            signed = await agent_flows.sign_in(
                session,
                f"{name}@cexdesk.test",
                PASSWORD,
                totp_now(secret, self.ctx.clock.now()),
                ttl=timedelta(hours=12),
            )
        client = self.client({"Authorization": f"Bearer {signed.token}"})
        person = Person(name, client, agent.id, role, signed.token, {"totp_secret": secret})
        self.people[name] = person
        return person

    async def settle(self) -> int:
        """Run every due outbox delivery and timer, as the background runner would."""
        return await self.ctx.runner.drain()

    async def close(self) -> None:
        for client in self._clients:
            await client.aclose()
