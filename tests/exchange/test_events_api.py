"""The exchange's event webhook: signed, stored once, acted on (deposits seen on chain)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

import httpx
import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.signing import SIGNATURE_HEADER, canonical, sign
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from tests.personas import Desk

PATH = "/api/v1/exchange/events"


@pytest.fixture
def traffic(desk: Desk) -> TrafficGenerator:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    exchange = SimulatedExchange(clock, seed=17)
    use_back_office(desk.ctx.services, exchange)
    return TrafficGenerator(exchange, clock, seed=17)


async def report(desk: Desk, event: dict[str, Any], key: str | None = None) -> httpx.Response:
    body = json.dumps(event).encode()
    stamp = int(desk.ctx.clock.now().timestamp())
    signature = sign(
        key or desk.ctx.settings.exchange_token_key, stamp, canonical("POST", PATH, body)
    )
    return await desk.anonymous().post(
        PATH,
        content=body,
        headers={SIGNATURE_HEADER: signature, "content-type": "application/json"},
    )


def deposit_seen(event_id: str, chain: str, tx_hash: str, status: str) -> dict[str, Any]:
    return {
        "id": event_id,
        "type": "deposit.seen",
        "occurred_at": "2026-01-05T09:00:00+00:00",
        "user_id": None,
        "data": {"chain": chain, "tx_hash": tx_hash, "index": 0, "status": status},
    }


async def test_reports_are_signed_validated_and_stored_once(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    login = {
        "id": "evt-1", "type": "login", "occurred_at": "2026-01-05T09:00:00Z",
        "user_id": "u-1", "data": {"device_id": "phone", "ip": "1.2.3.4", "country": "VN"},
    }  # fmt: skip
    assert (await report(desk, login, key="not-the-shared-key-at-all-0000")).status_code == 401
    first = await report(desk, login)
    assert first.status_code == 200 and first.json() == {"id": "evt-1", "duplicate": False}
    again = await report(desk, login)
    assert again.json() == {"id": "evt-1", "duplicate": True}
    bad = {**login, "id": "evt-2", "data": {"device_id": "phone"}}
    response = await report(desk, bad)
    assert response.status_code == 422 and "data.ip" in response.text
    unknown = {**login, "id": "evt-3", "type": "withdrawal.exploded"}
    assert (await report(desk, unknown)).status_code == 422


async def test_an_unmatched_deposit_is_decided_as_soon_as_it_is_reported(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    user = traffic.user()
    for memo_chain in ("XRP", "XLM", "TON"):
        traffic.deposit(user, memo_chain, Decimal(30))  # their wallet sent to their memo before
    scenario = traffic.misdeposit("missing_memo", user)
    transfer = scenario.transfer
    credited = traffic.deposit(user, "BTC", Decimal("0.01"))
    for number, (tx, chain, status) in enumerate(
        [(transfer.tx_hash, transfer.chain, "unmatched"), (credited.tx_hash, "BTC", "credited")]
    ):
        response = await report(desk, deposit_seen(f"dep-{number}", chain, tx, status))
        assert response.json()["duplicate"] is False
    # Delivered twice by the exchange: decided once.
    await report(desk, deposit_seen("dep-0", transfer.chain, transfer.tx_hash, "unmatched"))
    await desk.settle()
    tom = await desk.staff("tom")
    found = (await tom.get("/api/v1/recovery/detections")).json()["items"]
    assert [(d["case"], d["outcome"], d["proposed_owner"]) for d in found] == [
        ("missing_memo", "awaiting_claim", user)
    ]
    waiting = await tom.get("/api/v1/recovery/detections", params={"outcome": "awaiting_claim"})
    assert len(waiting.json()["items"]) == 1
