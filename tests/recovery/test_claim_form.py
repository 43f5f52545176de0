"""The help centre's deposit claim page (/help/{lang}/recovery/claim) through HTTP, on the
simulated exchange: signed-in customers file claims and read how they went in their
language; the page files through the same recovery flow as the API."""

from __future__ import annotations

import html
import re
from decimal import Decimal
from typing import Any

import httpx
import pytest

from cexdesk.bot.texts import bot_text
from cexdesk.core.clock import FakeClock
from cexdesk.exchange.service import use_back_office
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.traffic import TrafficGenerator
from cexdesk.exchange.values import ChainTransfer
from cexdesk.web import i18n
from tests.personas import Desk


@pytest.fixture
def traffic(desk: Desk) -> TrafficGenerator:
    clock = desk.ctx.clock
    assert isinstance(clock, FakeClock)
    exchange = SimulatedExchange(clock, seed=11)
    use_back_office(desk.ctx.services, exchange)
    return TrafficGenerator(exchange, clock, seed=11)


def known_user(traffic: TrafficGenerator, name: str) -> str:
    """An exchange user who deposited on the memo chains before (so the records link
    their wallets to them)."""
    uid = f"uid-{name}"
    traffic.exchange.add_user(uid)
    for memo_chain in ("XRP", "XLM", "TON"):
        traffic.deposit(uid, memo_chain, Decimal(50))
    return uid


async def help_centre(desk: Desk, uid: str, lang: str) -> httpx.AsyncClient:
    """A browser signed in to the help centre with the exchange's token."""
    visitor = desk.anonymous()
    token = desk.exchange_token(uid, name=uid.removeprefix("uid-").capitalize(), lang=lang)
    assert (await visitor.post("/help/session", json={"token": token})).status_code == 204
    return visitor


def csrf_of(page: httpx.Response) -> str:
    found = re.search(r'"X-Help-CSRF": "([0-9a-f]+)"', page.text)
    assert found is not None
    return found.group(1)


def fields(transfer: ChainTransfer, **changes: str) -> dict[str, str]:
    declared = {"tx": transfer.tx_hash, "asset": transfer.asset, "network": transfer.chain,
                "amount": str(transfer.amount), "source": transfer.from_address}  # fmt: skip
    return {**declared, **changes}


async def post_claim(
    visitor: httpx.AsyncClient, lang: str, csrf: str, data: dict[str, Any]
) -> httpx.Response:
    return await visitor.post(
        f"/help/{lang}/recovery/claim", data=data,
        headers={"X-Help-CSRF": csrf, "HX-Request": "true"},
    )  # fmt: skip


def text_of(page: httpx.Response) -> str:
    return html.unescape(page.text)


async def test_a_customer_files_a_missing_memo_claim_and_reads_the_outcome_in_vietnamese(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    uid = known_user(traffic, "linh")
    transfer = traffic.misdeposit("missing_memo", uid).transfer
    linh = await help_centre(desk, uid, "vi")
    # The bot's link fills in what it knows; the sending address is the customer's to give.
    link = {"tx": transfer.tx_hash, "asset": transfer.asset, "network": transfer.chain,
            "amount": "250"}  # fmt: skip
    page = await linh.get("/help/vi/recovery/claim", params=link)
    assert page.status_code == 200
    assert f'value="{transfer.tx_hash}"' in page.text and 'value="250"' in page.text
    assert f'<option value="{transfer.chain}" selected>' in page.text
    assert i18n.text("vi", "claim_title") in text_of(page)
    assert i18n.text("vi", "no_claims") in text_of(page)
    before = await traffic.exchange.balance(uid, transfer.asset)

    # Without the page's CSRF token the form is refused.
    forged = await linh.post("/help/vi/recovery/claim", data=fields(transfer))
    assert forged.status_code == 403

    answer = await post_claim(linh, "vi", csrf_of(page), fields(transfer, note="Quên memo"))
    assert answer.status_code == 200
    paid = await traffic.exchange.balance(uid, transfer.asset) - before
    assert paid > 0
    fee = transfer.amount - paid
    shown = text_of(answer)
    assert i18n.text("vi", "claim_status_recovered") in shown
    assert "Hoàn tất:" in shown and f"{transfer.asset} đã được cộng vào tài khoản" in shown
    outcome = re.search(r'id="claim-outcome"[^>]*>#(\d+)', answer.text)
    assert outcome is not None
    claim_id = int(outcome.group(1))
    # The same rules as the API: the claim is the customer's, with its fee and evidence.
    linh_api = await desk.customer("linh", lang="vi")
    mine = (await linh_api.get(f"/api/v1/recovery/claims/{claim_id}")).json()
    assert (mine["case"], mine["status"]) == ("missing_memo", "recovered")
    assert Decimal(mine["net_amount"]) == paid and Decimal(mine["fee"]) == fee
    assert mine["evidence"]["note"] == "Quên memo"
    # Filed again, it is the same claim and nothing is paid twice.
    again = await post_claim(linh, "vi", csrf_of(page), fields(transfer))
    assert f'id="claim-outcome" role="status">#{claim_id} ' in again.text
    assert await traffic.exchange.balance(uid, transfer.asset) - before == paid
    # "My claims" lists it with its status.
    listed = await linh.get("/help/vi/recovery/claim")
    assert f'data-claim-id="{claim_id}"' in listed.text
    assert i18n.text("vi", "claim_status_recovered") in text_of(listed)


async def test_a_refused_claim_says_why_in_the_customers_language(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    uid = known_user(traffic, "linh")
    transfer = traffic.misdeposit("contract_address", uid).transfer
    linh = await help_centre(desk, uid, "vi")
    page = await linh.get("/help/vi/recovery/claim")
    answer = await post_claim(linh, "vi", csrf_of(page), fields(transfer))
    reason = bot_text("recovery.reason.contract_address", "vi")
    assert i18n.text("vi", "claim_refused", reason=reason) in text_of(answer)
    assert i18n.text("vi", "claim_status_not_recoverable") in text_of(answer)


async def test_bad_input_keeps_the_values_and_says_what_is_wrong(
    desk: Desk, traffic: TrafficGenerator
) -> None:
    uid = known_user(traffic, "alice")
    transfer = traffic.misdeposit("missing_memo", uid).transfer
    alice = await help_centre(desk, uid, "en")
    csrf = csrf_of(await alice.get("/help/en/recovery/claim"))
    typed = fields(transfer, amount="two hundred", tx="not a hash!", note="<b>lost</b>")
    answer = await post_claim(alice, "en", csrf, typed)
    assert answer.status_code == 200
    shown = text_of(answer)
    assert i18n.text("en", "claim_error_amount") in shown
    assert i18n.text("en", "claim_error_tx") in shown
    assert 'value="two hundred"' in answer.text and 'value="not a hash!"' in answer.text
    assert f'value="{transfer.from_address}"' in answer.text
    assert "&lt;b&gt;lost&lt;/b&gt;</textarea>" in answer.text  # kept, and escaped
    # Well formed, but refused by the recovery flow: the reason, and still the values.
    wrong = {
        "tx": ("ab" * 32, "claim_error_tx_not_found"),
        "source": ("rNotAnAddress0000000000000000000", "claim_error_source"),
        "network": ("SOL", "claim_error_network"),
    }
    for field, (value, key) in wrong.items():
        answer = await post_claim(alice, "en", csrf, fields(transfer, **{field: value}))
        assert answer.status_code == 200, field
        assert i18n.text("en", key) in text_of(answer), field
        assert f'value="{transfer.asset}"' in answer.text
    answer = await post_claim(alice, "en", csrf, {"tx": "", "note": "x" * 3000})
    assert answer.status_code == 200
    assert i18n.text("en", "claim_error_note") in text_of(answer)
    # Nothing was filed, nothing paid.
    assert 'id="claim-outcome"' not in answer.text
    alice_api = await desk.customer("alice")
    assert (await alice_api.get("/api/v1/recovery/claims")).json()["items"] == []


async def test_someone_not_signed_in_is_sent_to_sign_in(desk: Desk) -> None:
    visitor = desk.anonymous()
    page = await visitor.get("/help/en/recovery/claim", params={"tx": "ab" * 32})
    assert page.status_code == 303 and page.headers["location"] == "/help/signin"
    posted = await visitor.post("/help/en/recovery/claim", data={"tx": "ab" * 32})
    assert posted.status_code == 303 and posted.headers["location"] == "/help/signin"
    assert (await visitor.get("/help/xx/recovery/claim")).status_code == 404


async def test_another_customers_claim_is_not_listed(desk: Desk, traffic: TrafficGenerator) -> None:
    bob_uid = known_user(traffic, "bob")
    bobs = traffic.misdeposit("missing_memo", bob_uid).transfer
    bob = await desk.customer("bob")
    body = {"tx_hash": bobs.tx_hash, "asset": bobs.asset, "network": bobs.chain,
            "amount": str(bobs.amount), "source_address": bobs.from_address}  # fmt: skip
    filed = await bob.post("/api/v1/recovery/claims", json=body)
    assert filed.status_code == 201
    alice = await help_centre(desk, known_user(traffic, "alice"), "en")
    page = await alice.get("/help/en/recovery/claim")
    assert bobs.tx_hash[:18] not in page.text
    assert "data-claim-id" not in page.text
    assert i18n.text("en", "no_claims") in text_of(page)
