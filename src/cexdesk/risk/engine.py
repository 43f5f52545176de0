"""Withdrawal screening (pure): the TAXONOMY.md risk signals as configurable rules.

A decision is allow / hold / block with a score and the reasons. Each rule adds its
weight to the score and may force at least an action of its own (a blocklisted
destination blocks, a security change in the last 24 h holds); the score alone holds
or blocks above configured thresholds. Everything a rule needs about the user's past is
in a ``UserRiskSummary`` built once and kept up to date, so a decision costs a few
dictionary lookups however long the history is.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal
from enum import IntEnum, StrEnum

from sortedcontainers import SortedList

from cexdesk.exchange.chains import AddressFormat, chain
from cexdesk.exchange.values import (
    AddressBookEntry,
    ChainTransfer,
    UserProfile,
    Withdrawal,
    WithdrawalStatus,
)


class Action(IntEnum):
    """Ordered: the strongest action any rule or the score asks for wins."""

    ALLOW = 0
    HOLD = 1
    BLOCK = 2


class Signal(StrEnum):
    BLOCKLISTED_DESTINATION = "blocklisted_destination"
    ADDRESS_POISONING = "address_poisoning"
    NEW_ADDRESS_BOOK_ENTRY = "new_address_book_entry"
    RECENT_SECURITY_CHANGE = "recent_security_change"
    NEW_DEVICE = "new_device"
    NEW_IP = "new_ip"
    NEW_COUNTRY = "new_country"
    AMOUNT_ABOVE_HISTORY = "amount_above_history"
    FIRST_LARGE_TO_NEW_ADDRESS = "first_large_to_new_address"
    VELOCITY = "velocity"


@dataclass(frozen=True)
class Rule:
    weight: int
    action: Action = Action.ALLOW  # at least this when the signal fires
    enabled: bool = True


DEFAULT_RULES: Mapping[Signal, Rule] = {
    Signal.BLOCKLISTED_DESTINATION: Rule(100, Action.BLOCK),
    Signal.ADDRESS_POISONING: Rule(70, Action.HOLD),
    Signal.NEW_ADDRESS_BOOK_ENTRY: Rule(40, Action.HOLD),
    Signal.RECENT_SECURITY_CHANGE: Rule(50, Action.HOLD),
    Signal.NEW_DEVICE: Rule(20),
    Signal.NEW_IP: Rule(10),
    Signal.NEW_COUNTRY: Rule(25),
    Signal.AMOUNT_ABOVE_HISTORY: Rule(30),
    Signal.FIRST_LARGE_TO_NEW_ADDRESS: Rule(35),
    Signal.VELOCITY: Rule(30),
}


@dataclass(frozen=True)
class RiskPolicy:
    rules: Mapping[Signal, Rule] = field(default_factory=lambda: DEFAULT_RULES)
    hold_score: int = 50
    block_score: int = 150
    blocklist: frozenset[str] = frozenset()  # address keys (see ``address_key``)
    # Address poisoning: same first N visible characters and last M as a past destination.
    poisoning_prefix: int = 3
    poisoning_suffix: int = 4
    dust_from_lookalike_weight: int = 20  # added when the lookalike sent the user dust
    new_address_lock: timedelta = timedelta(hours=24)
    security_change_lock: timedelta = timedelta(hours=24)
    new_sign_in_window: timedelta = timedelta(hours=72)  # a device/IP/country this new is "new"
    amount_multiple: Decimal = Decimal(5)  # of the user's 95th percentile
    amount_floor_usd: Decimal = Decimal(1_000)  # below this nobody is "far above history"
    amount_min_history: int = 5
    large_to_new_address_usd: Decimal = Decimal(10_000)
    velocity_window: timedelta = timedelta(hours=24)
    velocity_max_count: int = 10
    velocity_max_usd: Decimal = Decimal(50_000)


DEFAULT_POLICY = RiskPolicy()


@dataclass(frozen=True)
class WithdrawalRequest:
    user_id: str
    chain: str
    asset: str
    amount: Decimal
    usd_value: Decimal
    destination: str
    requested_at: datetime
    device_id: str
    ip: str
    country: str


@dataclass(frozen=True)
class Reason:
    signal: Signal
    detail: str
    weight: int
    action: Action


@dataclass(frozen=True)
class ScreeningDecision:
    action: Action
    score: int
    reasons: tuple[Reason, ...]


_LEADING = {AddressFormat.EVM: "0x", AddressFormat.TRON: "T", AddressFormat.XRP: "r"}


def address_key(chain_code: str, address: str) -> tuple[AddressFormat, str]:
    """One address across the chains that share its format (EVM ignores case)."""
    address_format = chain(chain_code).address_format
    if address_format is AddressFormat.EVM or address.lower().startswith("bc1"):
        return address_format, address.lower()
    return address_format, address


def _visible(key: tuple[AddressFormat, str]) -> str:
    """The characters a person compares: without a prefix every address has."""
    address_format, text = key
    leading = _LEADING.get(address_format, "")
    return text[len(leading) :] if text.startswith(leading) else text


@dataclass
class UserRiskSummary:
    """What screening needs from a user's history; build once, then ``record_*`` as it grows."""

    user_id: str
    prefix: int = 3
    suffix: int = 4
    destinations: dict[tuple[AddressFormat, str], datetime] = field(default_factory=dict)
    # (format, first N, last M visible characters) → past destinations that look like that.
    lookalikes: dict[tuple[AddressFormat, str, str], list[str]] = field(default_factory=dict)
    dust_senders: set[tuple[AddressFormat, str]] = field(default_factory=set)
    address_book: dict[tuple[AddressFormat, str], datetime] = field(default_factory=dict)
    last_security_change: datetime | None = None
    last_security_kinds: tuple[str, ...] = ()
    devices: dict[str, datetime] = field(default_factory=dict)
    ips: dict[str, datetime] = field(default_factory=dict)
    countries: dict[str, datetime] = field(default_factory=dict)
    amounts: SortedList = field(default_factory=SortedList)  # usd values, for percentiles
    times: list[datetime] = field(default_factory=list)  # withdrawal times, ascending
    running_usd: list[Decimal] = field(default_factory=list)  # prefix sums along ``times``

    def record_withdrawal(
        self, chain_code: str, destination: str, usd: Decimal, at: datetime
    ) -> None:
        """Add one withdrawal (in time order) to the summary."""
        if self.times and at < self.times[-1]:
            raise ValueError("withdrawals must be recorded in time order")
        key = address_key(chain_code, destination)
        if key not in self.destinations:
            self.destinations[key] = at
            visible = _visible(key)
            index = (key[0], visible[: self.prefix], visible[-self.suffix :])
            self.lookalikes.setdefault(index, []).append(key[1])
        self.amounts.add(usd)
        self.times.append(at)
        self.running_usd.append((self.running_usd[-1] if self.running_usd else Decimal(0)) + usd)

    def record_sign_in(self, device_id: str, ip: str, country: str, at: datetime) -> None:
        """A device, IP and country in use at ``at``; each keeps the earliest time seen."""
        for seen, value in ((self.devices, device_id), (self.ips, ip), (self.countries, country)):
            first = seen.get(value)
            if first is None or at < first:
                seen[value] = at

    def record_security_change(self, kind: str, at: datetime) -> None:
        """Keep the latest change and its kinds; recording the same change again is a no-op."""
        last = self.last_security_change
        if last is None or at > last:
            self.last_security_change, self.last_security_kinds = at, (kind,)
        elif at == last and kind not in self.last_security_kinds:
            self.last_security_kinds = (*self.last_security_kinds, kind)

    def record_address_book(self, chain_code: str, address: str, at: datetime) -> None:
        self.address_book[address_key(chain_code, address)] = at

    def record_inbound(
        self, chain_code: str, from_address: str, usd: Decimal, dust_usd: Decimal
    ) -> None:
        """A transfer into the user's deposit address; tiny ones are how poisoners bait."""
        if usd <= dust_usd:
            self.dust_senders.add(address_key(chain_code, from_address))

    def p95(self) -> Decimal:
        return Decimal(self.amounts[int(0.95 * (len(self.amounts) - 1))])

    def since(self, start: datetime) -> tuple[int, Decimal]:
        """(count, USD total) of withdrawals at or after ``start``."""
        first = bisect_left(self.times, start)
        if first >= len(self.times):
            return 0, Decimal(0)
        before = self.running_usd[first - 1] if first else Decimal(0)
        return len(self.times) - first, self.running_usd[-1] - before


def build_summary(
    profile: UserProfile,
    withdrawals: Iterable[Withdrawal],
    usd_values: Mapping[str, Decimal],
    address_book: Iterable[AddressBookEntry] = (),
    inbound: Iterable[tuple[ChainTransfer, Decimal]] = (),
    policy: RiskPolicy = DEFAULT_POLICY,
    dust_usd: Decimal = Decimal(1),
) -> UserRiskSummary:
    """A summary from the exchange's records; ``usd_values`` prices each withdrawal by id."""
    summary = UserRiskSummary(profile.user_id, policy.poisoning_prefix, policy.poisoning_suffix)
    for device in profile.devices:
        summary.record_sign_in(device.id, device.ip, device.country, device.first_seen)
    for login in sorted(profile.logins, key=lambda login: login.at):
        summary.record_sign_in(login.device_id, login.ip, login.country, login.at)
    for change in profile.security_changes:
        summary.record_security_change(change.kind.value, change.at)
    for entry in address_book:
        summary.record_address_book(entry.chain, entry.address, entry.added_at)
    for transfer, usd in inbound:
        summary.record_inbound(transfer.chain, transfer.from_address, usd, dust_usd)
    for withdrawal in sorted(withdrawals, key=lambda w: w.requested_at):
        # A withdrawal is asked for from a signed-in session: its device counts as seen.
        summary.record_sign_in(
            withdrawal.device_id, withdrawal.ip, withdrawal.country, withdrawal.requested_at
        )
        if withdrawal.status is not WithdrawalStatus.CANCELLED:
            summary.record_withdrawal(
                withdrawal.chain,
                withdrawal.to_address,
                usd_values.get(withdrawal.id, Decimal(0)),
                withdrawal.requested_at,
            )
    return summary


def screen(
    request: WithdrawalRequest,
    summary: UserRiskSummary,
    policy: RiskPolicy = DEFAULT_POLICY,
) -> ScreeningDecision:
    """Allow, hold or block one withdrawal request, with the score and every reason."""
    rules = policy.rules
    now = request.requested_at
    key = address_key(request.chain, request.destination)
    known_destination = key in summary.destinations
    fired: list[tuple[Signal, str, int]] = []

    def fire(signal: Signal, detail: str, extra: int = 0) -> None:
        if rules[signal].enabled:
            fired.append((signal, detail, extra))

    if key[1] in policy.blocklist or request.destination in policy.blocklist:
        fire(Signal.BLOCKLISTED_DESTINATION, "the destination is on the blocklist")
    if not known_destination:
        visible = _visible(key)
        similar = summary.lookalikes.get(
            (key[0], visible[: summary.prefix], visible[-summary.suffix :])
        )
        if similar:
            dust = key in summary.dust_senders
            fire(
                Signal.ADDRESS_POISONING,
                f"looks like {similar[0]}, used before, but is not it"
                + ("; it sent this user a dust transfer" if dust else ""),
                policy.dust_from_lookalike_weight if dust else 0,
            )
    added = summary.address_book.get(key)
    if added is not None and now - added < policy.new_address_lock:
        fire(Signal.NEW_ADDRESS_BOOK_ENTRY, "added to the address book less than 24 h ago")
    changed = summary.last_security_change
    if changed is not None and now - changed < policy.security_change_lock:
        kinds = ", ".join(summary.last_security_kinds)
        fire(Signal.RECENT_SECURITY_CHANGE, f"security change ({kinds}) less than 24 h ago")
    window_start = now - policy.new_sign_in_window
    for signal, seen, value in (
        (Signal.NEW_DEVICE, summary.devices, request.device_id),
        (Signal.NEW_IP, summary.ips, request.ip),
        (Signal.NEW_COUNTRY, summary.countries, request.country),
    ):
        first_seen = seen.get(value)
        if first_seen is None or first_seen > window_start:
            fire(signal, f"{signal.value.removeprefix('new_')} {value} first seen recently")
    usd = request.usd_value
    if len(summary.amounts) >= policy.amount_min_history and usd >= policy.amount_floor_usd:
        typical = summary.p95()
        if usd > policy.amount_multiple * typical:
            fire(Signal.AMOUNT_ABOVE_HISTORY, f"{usd} USD against a usual at most {typical} USD")
    if not known_destination and usd >= policy.large_to_new_address_usd:
        fire(Signal.FIRST_LARGE_TO_NEW_ADDRESS, f"first withdrawal to this address, {usd} USD")
    count, total = summary.since(now - policy.velocity_window)
    if count + 1 > policy.velocity_max_count or total + usd > policy.velocity_max_usd:
        fire(Signal.VELOCITY, f"{count + 1} withdrawals, {total + usd} USD within the window")

    reasons = tuple(
        Reason(signal, detail, rules[signal].weight + extra, rules[signal].action)
        for signal, detail, extra in fired
    )
    score = sum(reason.weight for reason in reasons)
    action = max((reason.action for reason in reasons), default=Action.ALLOW)
    if score >= policy.block_score:
        action = Action.BLOCK
    elif score >= policy.hold_score:
        action = max(action, Action.HOLD)
    return ScreeningDecision(action, score, reasons)
