"""The screening endpoint the exchange calls, and security cases, through the HTTP API."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta
from decimal import Decimal
from typing import Any

import httpx
import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.http import HttpBackOffice
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.signing import SIGNATURE_HEADER, canonical, sign
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import SecurityChangeKind, Withdrawal, WithdrawalStatus
from cexdesk.risk.engine import DEFAULT_POLICY, Signal
from cexdesk.risk.views import POLICY_KEY
from tests.exchange.backoffice_app import backoffice_app
from tests.personas import Desk

DRAINER = "TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMW"
BACKOFFICE_KEY = "key-shared-with-the-test-back-office-0123"


@pytest.fixture
def traffic(desk: Desk) -> TrafficGenerator:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    exchange = SimulatedExchange(clock, seed=3)
    use_back_office(desk.ctx.services, exchange)
    desk.ctx.services[POLICY_KEY] = replace(DEFAULT_POLICY, blocklist=frozenset({DRAINER}))
    return TrafficGenerator(exchange, clock, seed=3)


def body_for(withdrawal: Withdrawal) -> bytes:
    return json.dumps(
        {
            "withdrawal_id": withdrawal.id,
            "user_id": withdrawal.user_id,
            "chain": withdrawal.chain,
            "asset": withdrawal.asset,
            "amount": str(withdrawal.amount),
            "destination": withdrawal.to_address,
            "requested_at": withdrawal.requested_at.isoformat(),
            "device_id": withdrawal.device_id,
            "ip": withdrawal.ip,
            "country": withdrawal.country,
        }
    ).encode()


async def screen(desk: Desk, withdrawal: Withdrawal, **headers: str) -> httpx.Response:
    """POST the withdrawal as the exchange does: a JSON body with an HMAC signature."""
    body = body_for(withdrawal)
    timestamp = int(desk.ctx.clock.now().timestamp())
    signed = canonical("POST", "/api/v1/risk/screen", body)
    signature = sign(desk.ctx.settings.exchange_token_key, timestamp, signed)
    return await desk.anonymous().post(
        "/api/v1/risk/screen",
        content=body,
        headers={"content-type": "application/json", SIGNATURE_HEADER: signature, **headers},
    )


def ordinary(traffic: TrafficGenerator, **overrides: Any) -> Withdrawal:
    """A user of a year withdrawing to an address they used before, unless overridden."""
    user = traffic.user()
    known = traffic.withdrawal_history(user, 30, chain_code="TRON")
    traffic.clock.advance(hours=2)
    options: dict[str, Any] = {
        "device_id": f"{user}-phone",
        "ip": traffic.home_ip[user],
        "country": "VN",
        "amount": Decimal(400),
        "to_address": known[0],
    }
    options.update(overrides)
    traffic.exchange.set_balance(user, "USDT", Decimal(1_000_000))
    return traffic.exchange.request_withdrawal(
        user,
        "TRON",
        "USDT",
        options.pop("amount"),
        options.pop("to_address"),
        **options,
    )


async def test_unsigned_forged_or_bad_requests_are_refused(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    withdrawal = ordinary(traffic)
    client = desk.anonymous()
    unsigned = await client.post("/api/v1/risk/screen", content=body_for(withdrawal))
    assert unsigned.status_code == 401
    forged = await screen(desk, withdrawal, **{SIGNATURE_HEADER: "t=1,v1=00"})
    assert forged.status_code == 401
    stale_time = int((desk.ctx.clock.now() - timedelta(minutes=10)).timestamp())
    signed = canonical("POST", "/api/v1/risk/screen", body_for(withdrawal))
    stale = sign(desk.ctx.settings.exchange_token_key, stale_time, signed)
    assert (await screen(desk, withdrawal, **{SIGNATURE_HEADER: stale})).status_code == 401
    bad_address = replace(withdrawal, to_address="TJCnKsPa7y5okkXvQAidZBzqx3QyQ6sxMX")
    response = await screen(desk, bad_address)
    assert response.status_code == 422 and "destination" in response.text
    unknown_user = replace(withdrawal, user_id="nobody")
    assert (await screen(desk, unknown_user)).status_code == 422


def poisoned(traffic: TrafficGenerator) -> Withdrawal:
    return traffic.address_poisoning(traffic.user()).withdrawal


def taken_over(traffic: TrafficGenerator) -> Withdrawal:
    return traffic.account_takeover(traffic.user()).withdrawal


def after_security_change(traffic: TrafficGenerator) -> Withdrawal:
    withdrawal = ordinary(traffic)
    traffic.exchange.change_security(
        withdrawal.user_id, SecurityChangeKind.PASSWORD, withdrawal.device_id, "1.1.1.1", "VN"
    )
    return withdrawal


def to_new_book_entry(traffic: TrafficGenerator) -> Withdrawal:
    fresh = traffic.exchange.new_external_address("TRON")
    withdrawal = ordinary(traffic, to_address=fresh)
    traffic.exchange.add_to_address_book(withdrawal.user_id, "TRON", fresh)
    return withdrawal


def rapid(traffic: TrafficGenerator) -> Withdrawal:
    first = ordinary(traffic)
    for _ in range(10):
        traffic.clock.advance(minutes=3)
        last = ordinary_again(traffic, first)
    return last


def ordinary_again(traffic: TrafficGenerator, like: Withdrawal) -> Withdrawal:
    return traffic.exchange.request_withdrawal(
        like.user_id, like.chain, like.asset, like.amount, like.to_address,
        device_id=like.device_id, ip=like.ip, country=like.country,
    )  # fmt: skip


SCENARIOS: dict[Signal, tuple[Callable[[TrafficGenerator], Withdrawal], str]] = {
    Signal.BLOCKLISTED_DESTINATION: (lambda t: ordinary(t, to_address=DRAINER), "block"),
    Signal.ADDRESS_POISONING: (poisoned, "hold"),
    Signal.NEW_ADDRESS_BOOK_ENTRY: (to_new_book_entry, "hold"),
    Signal.RECENT_SECURITY_CHANGE: (after_security_change, "hold"),
    Signal.NEW_DEVICE: (lambda t: ordinary(t, device_id="tablet"), "allow"),
    Signal.NEW_IP: (lambda t: ordinary(t, ip="198.51.100.23"), "allow"),
    Signal.NEW_COUNTRY: (lambda t: ordinary(t, country="BR"), "allow"),
    Signal.AMOUNT_ABOVE_HISTORY: (lambda t: ordinary(t, amount=Decimal(20_000)), "allow"),
    Signal.FIRST_LARGE_TO_NEW_ADDRESS: (
        lambda t: ordinary(
            t, amount=Decimal(12_000), to_address=t.exchange.new_external_address("TRON")
        ),
        "hold",
    ),
    Signal.VELOCITY: (rapid, "allow"),
}


async def test_every_risk_signal_through_the_api(desk: Desk, traffic: TrafficGenerator) -> None:
    # One desk for all of them (a database per test is the slow part); each its own user.
    assert set(SCENARIOS) == set(Signal)
    usual = (await screen(desk, ordinary(traffic))).json()
    assert (usual["action"], usual["reasons"], usual["case_id"]) == ("allow", [], None)
    for signal, (make, action) in SCENARIOS.items():
        response = await screen(desk, make(traffic))
        assert response.status_code == 200, response.text
        answer = response.json()
        assert signal.value in {reason["signal"] for reason in answer["reasons"]}, signal
        assert answer["action"] == action, signal
        assert (answer["case_id"] is not None) == (action == "hold")
    answer = (await screen(desk, taken_over(traffic))).json()
    assert answer["action"] == "block" and answer["score"] >= DEFAULT_POLICY.block_score


async def test_a_held_withdrawal_is_released_once(desk: Desk, traffic: TrafficGenerator) -> None:
    withdrawal = poisoned(traffic)
    # The exchange retries: every answer is the first one, and there is one case.
    answers = [(await screen(desk, withdrawal)).json() for _ in range(3)]
    assert answers[0] == answers[1] == answers[2]
    case_id = answers[0]["case_id"]
    await traffic.exchange.hold_withdrawal(withdrawal.id, "risk hold")
    seth = await desk.staff("seth")
    cases = (await seth.get("/api/v1/risk/cases")).json()["items"]
    assert [c["withdrawal_id"] for c in cases] == [withdrawal.id]
    case = (await seth.get(f"/api/v1/risk/cases/{case_id}")).json()
    assert case["status"] == "open" and case["action"] == "hold"
    early = await seth.post(
        f"/api/v1/risk/cases/{case_id}/release", json={"resolution": "looks fine to me"}
    )
    assert early.status_code == 409 and "identity_reverified" in early.text
    for step in ("contacted_through_verified_channel", "identity_reverified"):
        ticked = await seth.post(
            f"/api/v1/risk/cases/{case_id}/steps", json={"step": step, "note": "done"}
        )
        assert ticked.status_code == 200 and step in ticked.json()["steps"]
    unknown = await seth.post(f"/api/v1/risk/cases/{case_id}/steps", json={"step": "vibes"})
    assert unknown.status_code == 422
    responses = await asyncio.gather(
        *(
            seth.post(
                f"/api/v1/risk/cases/{case_id}/release",
                json={"resolution": "called back on the verified phone; it was them"},
            )
            for _ in range(10)
        )
    )
    assert {r.status_code for r in responses} == {200}
    [after] = [w for w in await traffic.exchange.list_withdrawals(withdrawal.user_id)
               if w.id == withdrawal.id]  # fmt: skip
    assert after.status is WithdrawalStatus.BROADCAST
    audit_rows = await seth.get("/api/v1/admin/audit", params={"action": "risk.case_released"})
    assert len(audit_rows.json()["items"]) == 1
    again = await seth.post(f"/api/v1/risk/cases/{case_id}/cancel", json={"resolution": "late"})
    assert again.status_code == 409


async def test_a_stolen_withdrawal_is_cancelled_and_the_account_hardened(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    withdrawal = to_new_book_entry(traffic)
    before = await traffic.exchange.balance(withdrawal.user_id, "USDT")
    case_id = (await screen(desk, withdrawal)).json()["case_id"]
    seth = await desk.staff("seth")
    response = await seth.post(
        f"/api/v1/risk/cases/{case_id}/cancel", json={"resolution": "user did not ask for it"}
    )
    assert response.status_code == 200 and response.json()["status"] == "cancelled"
    assert await traffic.exchange.balance(withdrawal.user_id, "USDT") == before + withdrawal.amount
    assert await traffic.exchange.revoke_sessions(withdrawal.user_id) == 0  # already ended
    profile = await traffic.exchange.get_user(withdrawal.user_id)
    assert profile.whitelist_only
    assert profile.withdrawals_locked_until == traffic.clock.now() + timedelta(hours=24)
    hardened = response.json()["steps"]["account_hardened"]["note"]
    assert hardened == "1 sessions ended, withdrawals locked for 24 h, address book only"
    tom = await desk.staff("tom")
    assert (await tom.get("/api/v1/risk/cases")).status_code == 403


async def test_a_hold_opens_an_urgent_case_ticket_and_the_user_can_deny_it(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    traffic.user("uid-alice")
    scenario = traffic.address_poisoning("uid-alice")  # moves the clock: sign in after
    answer = (await screen(desk, scenario.withdrawal)).json()
    assert answer["action"] == "hold"
    await desk.settle()
    alice = await desk.customer("alice")
    seth = await desk.staff("seth")
    case = (await seth.get(f"/api/v1/risk/cases/{answer['case_id']}")).json()
    ticket = (await seth.get(f"/api/v1/tickets/{case['ticket_id']}")).json()["ticket"]
    assert (ticket["priority"], ticket["channel"]) == ("urgent", "internal")
    assert ticket["requester_id"] == alice.id
    # The case is worked by the security team, not shown in the user's own tickets.
    assert (await alice.get(f"/api/v1/tickets/{case['ticket_id']}")).status_code == 404

    before = await traffic.exchange.balance("uid-alice", "USDT")
    url = f"/api/v1/risk/withdrawals/{scenario.withdrawal.id}/answer"
    denied = await alice.post(url, json={"mine": False})
    assert denied.json() == {
        "withdrawal_id": scenario.withdrawal.id,
        "user_response": "denied",
        "status": "cancelled",
    }
    replay = await alice.post(url, json={"mine": False})
    assert replay.json() == denied.json()
    assert (await alice.post(url, json={"mine": True})).status_code == 409
    after = await traffic.exchange.balance("uid-alice", "USDT")
    assert after == before + scenario.withdrawal.amount
    bob = await desk.customer("bob")
    assert (await bob.post(url, json={"mine": True})).status_code == 404
    figures = (await seth.get("/api/v1/risk/figures")).json()
    assert figures == {
        "held": 1,
        "blocked": 0,
        "false_holds": 0,
        "users_protected": 1,
        "value_kept_usd": "1500",
    }


async def test_a_failing_back_office_is_a_502_and_nothing_is_stored(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    withdrawal = poisoned(traffic)
    app = backoffice_app(traffic.exchange, BACKOFFICE_KEY, traffic.clock)
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://bo")
    use_back_office(
        desk.ctx.services, HttpBackOffice(client, BACKOFFICE_KEY, traffic.clock, attempts=2)
    )
    app.state.control["failures"] = 2
    failed = await screen(desk, withdrawal)
    assert failed.status_code == 502 and "HTTP 503" in failed.text
    seth = await desk.staff("seth")
    assert (await seth.get("/api/v1/risk/cases")).json()["items"] == []
    # The exchange asks again once its back office answers: decided over HTTP as in process.
    answer = await screen(desk, withdrawal)
    assert answer.status_code == 200 and answer.json()["action"] == "hold"
    cases = (await seth.get("/api/v1/risk/cases")).json()["items"]
    assert [case["withdrawal_id"] for case in cases] == [withdrawal.id]
