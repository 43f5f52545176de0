"""Per-user screening summaries kept between requests and topped up from the back office.

The first screening of a user reads their whole history once; later ones read only what
is new since (withdrawals and deposits after the last one seen) plus the small parts
that are read whole each time (profile with devices, sign-ins and security changes;
address book). Each node keeps its own store; the back office stays the source of truth,
so nodes never need to tell each other anything. A withdrawal cancelled after it was
counted stays counted until its user's entry expires (it errs towards more signals).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from cexdesk.core.memo import TtlCache
from cexdesk.exchange.protocol import ExchangeBackOffice
from cexdesk.exchange.values import WithdrawalStatus
from cexdesk.risk.engine import DEFAULT_POLICY, RiskPolicy, UserRiskSummary

DUST_USD = Decimal(1)  # an inbound transfer worth this little is bait, not a deposit


@dataclass
class _Kept:
    summary: UserRiskSummary
    withdrawals_seen: set[str] = field(default_factory=set)
    deposits_seen: set[str] = field(default_factory=set)
    withdrawals_as_of: datetime | None = None
    deposits_as_of: datetime | None = None


class SummaryStore:
    def __init__(self, max_users: int = 20_000, ttl_seconds: float = 3600) -> None:
        self._kept: TtlCache[str, _Kept] = TtlCache(max_users, ttl_seconds)

    async def summary_for(
        self,
        exchange: ExchangeBackOffice,
        user_id: str,
        *,
        before: datetime,
        excluding: str,
        policy: RiskPolicy = DEFAULT_POLICY,
    ) -> UserRiskSummary:
        """The user's summary of everything before ``before``, leaving out ``excluding``."""
        kept = self._kept.get(user_id)
        if kept is None or (kept.summary.prefix, kept.summary.suffix) != (
            policy.poisoning_prefix,
            policy.poisoning_suffix,
        ):
            kept = _Kept(UserRiskSummary(user_id, policy.poisoning_prefix, policy.poisoning_suffix))
        try:
            await self._top_up(exchange, kept, before, excluding)
        except ValueError:
            # History arrived out of order (a late withdrawal): read it all again.
            kept = _Kept(UserRiskSummary(user_id, policy.poisoning_prefix, policy.poisoning_suffix))
            await self._top_up(exchange, kept, before, excluding)
        self._kept.put(user_id, kept)
        return kept.summary

    @staticmethod
    async def _top_up(
        exchange: ExchangeBackOffice, kept: _Kept, before: datetime, excluding: str
    ) -> None:
        summary = kept.summary
        user_id = summary.user_id
        profile = await exchange.get_user(user_id)
        # Read whole every time: small, and changes here are exactly what screening needs.
        for device in profile.devices:
            summary.record_sign_in(device.id, device.ip, device.country, device.first_seen)
        for login in profile.logins:
            summary.record_sign_in(login.device_id, login.ip, login.country, login.at)
        for change in profile.security_changes:
            summary.record_security_change(change.kind.value, change.at)
        for entry in await exchange.list_address_book(user_id):
            summary.record_address_book(entry.chain, entry.address, entry.added_at)

        withdrawals = [
            w
            for w in await exchange.list_withdrawals(user_id, since=kept.withdrawals_as_of)
            if w.id not in kept.withdrawals_seen and w.id != excluding and w.requested_at < before
        ]
        deposits = [
            d
            for d in await exchange.list_deposits(user_id, since=kept.deposits_as_of)
            if d.id not in kept.deposits_seen
        ]
        assets = {w.asset for w in withdrawals} | {d.transfer.asset for d in deposits}
        prices = {asset: await exchange.usd_price(asset) for asset in assets}
        for withdrawal in sorted(withdrawals, key=lambda w: w.requested_at):
            # Asked for from a signed-in session: its device counts as seen.
            summary.record_sign_in(
                withdrawal.device_id, withdrawal.ip, withdrawal.country, withdrawal.requested_at
            )
            kept.withdrawals_seen.add(withdrawal.id)
            if kept.withdrawals_as_of is None or withdrawal.requested_at > kept.withdrawals_as_of:
                kept.withdrawals_as_of = withdrawal.requested_at
            if withdrawal.status is not WithdrawalStatus.CANCELLED:
                summary.record_withdrawal(
                    withdrawal.chain,
                    withdrawal.to_address,
                    withdrawal.amount * prices[withdrawal.asset],
                    withdrawal.requested_at,
                )
        for deposit in deposits:
            transfer = deposit.transfer
            kept.deposits_seen.add(deposit.id)
            if kept.deposits_as_of is None or transfer.block_time > kept.deposits_as_of:
                kept.deposits_as_of = transfer.block_time
            summary.record_inbound(
                transfer.chain,
                transfer.from_address,
                transfer.amount * prices[transfer.asset],
                DUST_USD,
            )
