"""The simulated ledger under generated, concurrent, replayed balance changes."""

from __future__ import annotations

import asyncio
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from cexdesk.core.clock import FakeClock
from cexdesk.exchange.simulated import SimulatedExchange
from cexdesk.exchange.values import BalanceChangeResult, BalanceChangeStatus

# (key number, credit?, amount): the same key number always carries the same change.
CHANGES = st.lists(
    st.tuples(st.integers(0, 15), st.booleans(), st.integers(1, 100)), min_size=1, max_size=60
)


@settings(max_examples=100, deadline=None)
@given(changes=CHANGES, batch=st.integers(1, 20))
def test_each_key_moves_money_once_and_the_balance_never_goes_negative(
    changes: list[tuple[int, bool, int]], batch: int
) -> None:
    first_of: dict[int, tuple[bool, int]] = {}
    for key, credit, amount in changes:
        first_of.setdefault(key, (credit, amount))
    requests = [(key, *first_of[key]) for key, _, _ in changes]

    async def run() -> tuple[list[BalanceChangeResult], Decimal]:
        exchange = SimulatedExchange(FakeClock())
        user = exchange.add_user().user_id
        results: list[BalanceChangeResult] = []
        for start in range(0, len(requests), batch):
            results += await asyncio.gather(
                *(
                    (exchange.credit if credit else exchange.debit)(
                        f"k{key}", user, "USDT", Decimal(amount), "x"
                    )
                    for key, credit, amount in requests[start : start + batch]
                )
            )
        return results, await exchange.balance(user, "USDT")

    results, balance = asyncio.run(run())
    answers: dict[int, BalanceChangeResult] = {}
    for (key, _, _), result in zip(requests, results, strict=True):
        assert answers.setdefault(key, result) == result  # a replay gets the first answer
        assert result.balance_after >= 0
    applied = sum(
        (Decimal(amount) if credit else -Decimal(amount))
        for key, (credit, amount) in first_of.items()
        if answers[key].status is BalanceChangeStatus.APPLIED
    )
    assert balance == applied >= 0
