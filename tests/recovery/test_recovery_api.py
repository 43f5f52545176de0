"""Self-service claims and the review queue through the HTTP API, on the simulated exchange."""

from __future__ import annotations

import asyncio
import re
from decimal import Decimal
from typing import Any

import pytest

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import MISDEPOSIT_CASES, MisdepositScenario, TrafficGenerator
from cexdesk.exchange.values import ChainTransfer
from tests.personas import Desk, Person

EXPECTED_STATUS = {
    "missing_memo": "recovered",
    "wrong_memo": "recovered",
    "wrong_network": "in_review",
    "unsupported_token": "in_review",  # no reference price: valued by hand
    "delisted_token": "in_review",
    "below_minimum": "waiting",
    "retired_address": "in_review",
    "wrong_coin": "in_review",
    "contract_address": "not_recoverable",
    "own_withdrawal_wrong_address": "not_recoverable",
    "pending_confirmations": "waiting",
    "not_an_exchange_address": "not_recoverable",
}


@pytest.fixture
def traffic(desk: Desk) -> TrafficGenerator:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    exchange = SimulatedExchange(clock, seed=9)
    use_back_office(desk.ctx.services, exchange)
    return TrafficGenerator(exchange, clock, seed=9)


async def exchange_user(desk: Desk, traffic: TrafficGenerator, name: str) -> Person:
    """A customer signed in through the exchange, known to it, who deposited before."""
    traffic.exchange.add_user(f"uid-{name}")
    for memo_chain in ("XRP", "XLM", "TON"):
        traffic.deposit(f"uid-{name}", memo_chain, Decimal(50))
    return await desk.customer(name)


def form(transfer: ChainTransfer, **changes: Any) -> dict[str, Any]:
    declared = {
        "tx_hash": transfer.tx_hash,
        "asset": transfer.asset,
        "network": transfer.chain,
        "amount": str(transfer.amount),
        "source_address": transfer.from_address,
    }
    return {**declared, **changes}


async def claim(person: Person, scenario: MisdepositScenario) -> dict[str, Any]:
    response = await person.post("/api/v1/recovery/claims", json=form(scenario.transfer))
    assert response.status_code == 201, response.text
    return dict(response.json())


async def test_every_misdeposit_case_through_the_api(desk: Desk, traffic: TrafficGenerator) -> None:
    balances_before: dict[str, Decimal] = {}
    for number, case in enumerate(MISDEPOSIT_CASES):
        person = await exchange_user(desk, traffic, f"user{number}")
        uid = f"uid-user{number}"
        scenario = traffic.misdeposit(case, uid)
        asset = scenario.transfer.asset
        balances_before[case] = await traffic.exchange.balance(uid, asset)
        answer = await claim(person, scenario)
        assert (answer["case"], answer["status"]) == (case, EXPECTED_STATUS[case]), answer
        paid = await traffic.exchange.balance(uid, asset) - balances_before[case]
        if answer["status"] == "recovered":
            assert paid == Decimal(answer["net_amount"]) > 0
            assert Decimal(answer["fee"]) > 0 and answer["credited_at"] is not None
        else:
            assert paid == 0
    sam = await desk.staff("sam")
    queue = (await sam.get("/api/v1/recovery/claims", params={"status": "in_review"})).json()
    assert {c["case"] for c in queue["items"]} == {
        case for case, status in EXPECTED_STATUS.items() if status == "in_review"
    }
    figures = (await sam.get("/api/v1/recovery/figures")).json()
    assert figures["recovered_automatically"] == 2 and figures["in_review"] == 5


async def test_bad_claims_get_clear_errors(desk: Desk, traffic: TrafficGenerator) -> None:
    alice = await exchange_user(desk, traffic, "alice")
    scenario = traffic.misdeposit("missing_memo", "uid-alice")
    transfer = scenario.transfer
    cases = [
        (form(transfer, network="SOL"), "network"),
        (form(transfer, source_address="rNotAnAddress0000000000000000000"), "source_address"),
        (form(transfer, network="XRP" if transfer.chain != "XRP" else "XLM"), ""),
        (form(transfer, tx_hash="ab" * 32), "tx_hash"),
        ({**form(transfer), "memo": "1"}, "memo"),
    ]
    for body, field in cases:
        response = await alice.post("/api/v1/recovery/claims", json=body)
        assert response.status_code == 422, (body, response.text)
        assert field in response.text
    sam = await desk.staff("sam")
    staff_claim = await sam.post("/api/v1/recovery/claims", json=form(transfer))
    assert staff_claim.status_code == 403


async def test_the_same_claim_filed_20_times_at_once_pays_once(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    alice = await exchange_user(desk, traffic, "alice")
    scenario = traffic.misdeposit("missing_memo", "uid-alice")
    asset = scenario.transfer.asset
    before = await traffic.exchange.balance("uid-alice", asset)
    responses = await asyncio.gather(
        *(alice.post("/api/v1/recovery/claims", json=form(scenario.transfer)) for _ in range(20))
    )
    assert {r.status_code for r in responses} == {201}
    assert len({r.json()["id"] for r in responses}) == 1
    net = Decimal(responses[0].json()["net_amount"])
    assert await traffic.exchange.balance("uid-alice", asset) == before + net
    seth = await desk.staff("seth")
    credits = await seth.get("/api/v1/admin/audit", params={"action": "recovery.credited"})
    assert len(credits.json()["items"]) == 1


async def test_an_impostor_is_never_paid_and_the_owner_is_paid_after_review(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    alice = await exchange_user(desk, traffic, "alice")
    mallory = await exchange_user(desk, traffic, "mallory")
    scenario = traffic.misdeposit("missing_memo", "uid-alice")
    asset = scenario.transfer.asset
    before = await traffic.exchange.balance("uid-mallory", asset)
    stolen = await claim(mallory, scenario)  # every public detail copied from the chain
    assert stolen["status"] == "in_review"
    assert "the claimant is not the candidate owner" in stolen["reasons"]
    sam = await desk.staff("sam")
    refused = await sam.post(f"/api/v1/recovery/claims/{stolen['id']}/approve")
    assert refused.status_code == 409
    owner = await claim(alice, scenario)
    assert owner["status"] == "in_review"  # two claimants: a person decides
    assert "claimed by more than one user" in owner["reasons"]
    paid = await sam.post(f"/api/v1/recovery/claims/{owner['id']}/approve")
    assert paid.status_code == 200 and paid.json()["status"] == "recovered"
    assert await traffic.exchange.balance("uid-mallory", asset) == before
    rejected = await sam.post(
        f"/api/v1/recovery/claims/{stolen['id']}/reject", json={"note": "not the sender"}
    )
    assert rejected.json()["status"] == "rejected"
    # Customers see their own claims only.
    assert (await mallory.get(f"/api/v1/recovery/claims/{owner['id']}")).status_code == 404
    mine = (await alice.get("/api/v1/recovery/claims")).json()["items"]
    assert [c["id"] for c in mine] == [owner["id"]]


async def test_above_the_limit_two_different_people_approve(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    alice = await exchange_user(desk, traffic, "alice")
    target = traffic.exchange.issue_deposit_address("uid-alice", "ETH")
    big = traffic.transfer(
        "BSC",
        traffic.wallet("uid-alice", "BSC").address,
        target.address,
        Decimal(107_122),
        asset="USDC",
    )
    response = await alice.post("/api/v1/recovery/claims", json=form(big))
    answer = response.json()
    assert (answer["case"], answer["status"]) == ("wrong_network", "in_review")
    assert answer["needs_second_approver"]
    tom, sam, ada = [await desk.staff(name) for name in ("tom", "sam", "ada")]
    assert (await tom.post(f"/api/v1/recovery/claims/{answer['id']}/approve")).status_code == 403
    first = await sam.post(f"/api/v1/recovery/claims/{answer['id']}/approve")
    assert first.json()["status"] == "in_review" and first.json()["first_approver_id"] == sam.id
    again = await sam.post(f"/api/v1/recovery/claims/{answer['id']}/approve")
    assert again.json()["status"] == "in_review"  # the same person twice is still one
    assert await traffic.exchange.balance("uid-alice", "USDC") == 0
    traffic.clock.advance(hours=5)  # the second approver comes in later
    second = await asyncio.gather(
        *(ada.post(f"/api/v1/recovery/claims/{answer['id']}/approve") for _ in range(5))
    )
    assert {r.json()["status"] for r in second} == {"recovered"}
    net = Decimal(second[0].json()["net_amount"])
    assert await traffic.exchange.balance("uid-alice", "USDC") == net
    assert net == Decimal(107_122) - Decimal("5361.1")  # 5 % + 5 USD gas
    figures = (await sam.get("/api/v1/recovery/figures")).json()
    assert figures["recovered_by_hand"] == 1 and figures["recovered_automatically"] == 0
    assert Decimal(figures["largest_recovery_usd"]) == Decimal(107_122)
    assert Decimal(figures["value_recovered_by_hand_usd"]) == Decimal(107_122)
    assert figures["median_hours_to_recover"] == 5.0


async def conversation(person: Person, claim_id: int) -> list[str]:
    """The public messages of the claim's own conversation, as the claimant reads them."""
    tickets = (await person.get("/api/v1/me/tickets")).json()["items"]
    found = [t for t in tickets if re.search(rf"\bR-{claim_id}\b", t["subject"])]
    assert len(found) == 1, [t["subject"] for t in tickets]
    [ticket] = found
    shown = (await person.get(f"/api/v1/tickets/{ticket['id']}")).json()
    return [m["body"] for m in shown["messages"]]


async def test_the_claimant_is_told_in_their_language_how_the_claim_goes(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    traffic.exchange.add_user("uid-lan")
    for memo_chain in ("XRP", "XLM", "TON"):
        traffic.deposit("uid-lan", memo_chain, Decimal(50))
    lan = await desk.customer("lan", lang="vi")
    automatic = await claim(lan, traffic.misdeposit("missing_memo", "uid-lan"))
    reviewed = await claim(lan, traffic.misdeposit("wrong_network", "uid-lan"))
    await desk.settle()
    told = await conversation(lan, automatic["id"])
    assert told == [f"Tin vui: {automatic['net_amount']} {automatic['asset']} từ yêu cầu "
                    f"R-{automatic['id']} đã được ghi có vào tài khoản của bạn."]  # fmt: skip
    assert (await conversation(lan, reviewed["id"]))[0].startswith(
        f"Chúng tôi đã nhận yêu cầu R-{reviewed['id']}"
    )
    sam = await desk.staff("sam")
    assert (await sam.post(f"/api/v1/recovery/claims/{reviewed['id']}/approve")).status_code == 200
    await desk.settle()
    told = await conversation(lan, reviewed["id"])
    assert len(told) == 2 and told[1].startswith("Tin vui:"), told
