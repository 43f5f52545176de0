"""Macros: canned replies per language with placeholders, managed by supervisors and
used by agents through the API and the console's reply box."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from cexdesk.core.clock import FakeClock
from cexdesk.tickets import macros
from tests.personas import Desk
from tests.web.test_console_pages import console_client

ASK_TXID = {
    "name": "Ask for the TxID",
    "texts": {
        "en": "Hi {customer_name}, please send the TxID for #{ticket_id}. — {agent_name}",
        "vi": "Chào {customer_name}, vui lòng gửi TxID cho #{ticket_id}. — {agent_name}",
    },
    "category": "deposit",
    "set_status": "pending",
}


def test_text_falls_back_from_region_to_language_to_english() -> None:
    texts = {"en": "hello", "pt": "olá", "zh-Hant": "您好"}
    assert macros.text_for(texts, "pt-BR") == "olá"
    assert macros.text_for(texts, "zh-Hant") == "您好"
    assert macros.text_for(texts, "ar") == "hello"


@given(st.text(max_size=40))
def test_filled_values_are_inserted_verbatim_and_never_expanded(name: str) -> None:
    # A customer called "{agent_name}" or "{0.__class__}" stays exactly that.
    filled = macros.fill("Hi {customer_name}, {agent_name} here", {
        "customer_name": name, "agent_name": "Tom"})  # fmt: skip
    assert filled == f"Hi {name}, Tom here"


def test_unknown_placeholders_and_attribute_tricks_stay_as_written() -> None:
    assert macros.fill("{balance} {0.__class__} {customer_name", {"customer_name": "x"}) == (
        "{balance} {0.__class__} {customer_name"
    )
    assert macros.unknown_placeholders("{balance} {customer_name}") == ["balance"]


async def test_supervisors_manage_macros_and_agents_use_them(desk: Desk) -> None:
    sam = await desk.staff("sam")
    tom = await desk.staff("tom")
    refused = await tom.post("/api/v1/macros", json=ASK_TXID)
    assert refused.status_code == 403
    bad = await sam.post("/api/v1/macros", json={**ASK_TXID, "texts": {"en": "Your {balance}"}})
    assert bad.status_code == 422 and "unknown placeholder {balance}" in bad.text
    created = await sam.post("/api/v1/macros", json=ASK_TXID)
    assert created.status_code == 201, created.text
    macro_id = created.json()["id"]
    again = await sam.post("/api/v1/macros", json=ASK_TXID)
    assert again.status_code == 409

    alice = await desk.customer("alice", lang="vi")
    ticket = await alice.post(
        "/api/v1/tickets",
        json={"subject": "Nạp tiền chưa về", "body": "Tôi nạp USDT chưa thấy về", "channel": "web"},
    )
    ticket_id = ticket.json()["id"]
    reply = await tom.get(f"/api/v1/tickets/{ticket_id}/macros/{macro_id}")
    assert reply.status_code == 200
    assert reply.json() == {
        "body": f"Chào Alice, vui lòng gửi TxID cho #{ticket_id}. — Tom",
        "set_status": "pending",
    }
    listed = await tom.get("/api/v1/macros")
    assert [m["name"] for m in listed.json()] == ["Ask for the TxID"]
    audit = await (await desk.staff("ada")).get(
        "/api/v1/admin/audit", params={"action": "macro.saved"}
    )
    assert len(audit.json()["items"]) == 1


async def test_the_console_fills_the_reply_box_from_a_macro(desk: Desk, clock: FakeClock) -> None:
    sam = await desk.staff("sam")
    macro_id = (await sam.post("/api/v1/macros", json=ASK_TXID)).json()["id"]
    alice = await desk.customer("alice", lang="en")
    ticket_id = (
        await alice.post("/api/v1/tickets", json={"subject": "Deposit", "body": "missing",
                                                   "channel": "web"})
    ).json()["id"]  # fmt: skip
    console, _ = await console_client(desk, "tom", clock)
    page = await console.get(f"/console/tickets/{ticket_id}")
    assert f'<option value="{macro_id}">Ask for the TxID</option>' in page.text
    box = await console.get(
        f"/console/tickets/{ticket_id}/macro", params={"macro_id": str(macro_id)},
        headers={"HX-Request": "true"},
    )  # fmt: skip
    assert re.search(
        rf"<textarea[^>]*>Hi Alice, please send the TxID for #{ticket_id}\. — Tom</textarea>",
        box.text,
    )
    assert 'hx-swap-oob="true"' in box.text and '<option value="pending" selected>' in box.text
