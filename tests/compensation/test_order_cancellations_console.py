"""Cancelling the requester's open orders from the console's customer panel."""

from __future__ import annotations

import re

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.values import OrderStatus
from tests.compensation.test_order_cancellations_api import Book, alices_ticket
from tests.personas import Desk
from tests.web.test_console_pages import console_client


def checkbox(order_id: str) -> str:
    return f'name="order_id" value="{order_id}"'


async def test_the_agent_picks_orders_in_the_panel_and_gives_a_reason(
    desk: Desk, clock: FakeClock
) -> None:
    book = Book(desk)
    _, ticket_id = await alices_ticket(desk)
    console, csrf = await console_client(desk, "tom", clock)
    headers = {"X-CSRF-Token": csrf, "HX-Request": "true"}
    page = (await console.get(f"/console/tickets/{ticket_id}")).text
    assert "<h4>Open orders</h4>" in page
    for order in (book.btc, book.eth, book.xrp):
        assert checkbox(order.id) in page
    assert book.filled.id not in page and book.bobs.id not in page  # filled; not hers
    assert re.search(r"BTC/USDT buy 0\.01 @ 90000\s*· ≈ 900\.00 USD", page)
    assert re.search(r'state-partially_filled">partially_filled</span> XRP/USDT buy 600 @ 2', page)

    none_picked = await console.post(
        f"/console/tickets/{ticket_id}/cancel-orders", data={"reason": "app bug"}, headers=headers
    )
    assert none_picked.status_code == 422
    short = await console.post(f"/console/tickets/{ticket_id}/cancel-orders",
                               data={"order_id": [book.btc.id], "reason": " x "},
                               headers=headers)  # fmt: skip
    assert short.status_code == 422

    within = await console.post(
        f"/console/tickets/{ticket_id}/cancel-orders",
        data={"order_id": [book.btc.id, book.xrp.id], "reason": "the app cannot cancel them"},
        headers=headers,
    )
    assert within.status_code == 200, within.text
    assert "Order cancellation #1: 2 order(s) worth 2100 USD" in within.text
    assert "cancellation #1 under way" in within.text and checkbox(book.btc.id) not in within.text
    above = await console.post(
        f"/console/tickets/{ticket_id}/cancel-orders",
        data={"order_id": [book.eth.id], "reason": "the app cannot cancel it"},
        headers=headers,
    )
    assert "waits for a second approver" in above.text
    await desk.settle()
    assert (await book.order(book.btc)).status is OrderStatus.CANCELLED
    assert (await book.order(book.eth)).status is OrderStatus.OPEN
    page = (await console.get(f"/console/tickets/{ticket_id}")).text
    assert book.btc.id in page  # in the notes and the reply, no longer among the orders
    assert checkbox(book.btc.id) not in page and "cancellation #1 under way" not in page
    assert "cancellation #2 under way" in page
