"""Reactions to the exchange's reports: an uncredited deposit is decided as it is seen."""

from __future__ import annotations

from cexdesk.core.events import HandlerContext, Subscriptions
from cexdesk.exchange.events import ExchangeEventReceived
from cexdesk.exchange.flows import event_row
from cexdesk.exchange.service import back_office
from cexdesk.recovery import flows


async def deposit_seen(event: ExchangeEventReceived, context: HandlerContext) -> None:
    row = await event_row(context.session, event.row_id)
    if row is None or row.data.get("status") != "unmatched":
        return
    await flows.detect(
        context.session,
        back_office(context.services),
        str(row.data["chain"]),
        str(row.data["tx_hash"]),
        int(row.data["index"]),
        context.occurred_at,
    )


def subscribe(subscriptions: Subscriptions) -> None:
    subscriptions.subscribe(
        ExchangeEventReceived,
        "recovery.deposit_seen",
        deposit_seen,
        only_if=lambda event: event.kind == "deposit.seen",
    )
