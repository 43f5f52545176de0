"""Events the risk domain records."""

from __future__ import annotations

from dataclasses import dataclass

from cexdesk.core.events import Event, event_type


@event_type("risk.withdrawal_stopped")
@dataclass(frozen=True)
class WithdrawalStopped(Event):
    """A screening answered hold or block (a hold also opened a security case)."""

    screening_id: int
    withdrawal_id: str
    exchange_uid: str
    action: str
    score: int
    case_id: int | None


@event_type("risk.security_case_closed")
@dataclass(frozen=True)
class SecurityCaseClosed(Event):
    case_id: int
    withdrawal_id: str
    exchange_uid: str
    outcome: str  # released | cancelled
    agent_id: int | None  # None: the user cancelled it from their own session


@event_type("risk.investigation_update_overdue")
@dataclass(frozen=True)
class InvestigationUpdateOverdue(Event):
    """The user of a stolen-funds investigation is due an update nobody has sent."""

    investigation_id: int
    exchange_uid: str
