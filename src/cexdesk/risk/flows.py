"""Risk use cases: screening a withdrawal for the exchange, and closing security cases."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.core import audit, outbox
from cexdesk.core.errors import Conflict, Invalid, NotFound
from cexdesk.exchange.chains import InvalidAddress, check_address
from cexdesk.exchange.protocol import ExchangeBackOffice, UnknownUser
from cexdesk.risk import service
from cexdesk.risk.engine import (
    DEFAULT_POLICY,
    Action,
    RiskPolicy,
    WithdrawalRequest,
    screen,
)
from cexdesk.risk.events import SecurityCaseClosed, WithdrawalStopped
from cexdesk.risk.models import SecurityCase, WithdrawalScreening
from cexdesk.risk.schemas import ScreenRequest
from cexdesk.risk.summaries import SummaryStore

EXCHANGE = audit.Actor("integration", "exchange")
SYSTEM_RISK = audit.Actor("system", "risk")

# The playbook an agent follows on a held withdrawal, in order (TAXONOMY.md).
PLAYBOOK = (
    "contacted_through_verified_channel",  # never asking for passwords or codes
    "official_channel_check_reminded",  # the user can verify who is calling
    "identity_reverified",  # KYC face check, ID, device history, questions
)
RELEASE_NEEDS = ("contacted_through_verified_channel", "identity_reverified")
HARDENING_LOCK = timedelta(hours=24)  # no withdrawals after a cancelled, stolen one


async def screen_withdrawal(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    request: ScreenRequest,
    policy: RiskPolicy = DEFAULT_POLICY,
    store: SummaryStore | None = None,
) -> tuple[WithdrawalScreening, SecurityCase | None]:
    """Decide one withdrawal (once: a repeated request gets the first answer).

    ``store`` keeps users' summaries between requests; without one, the user's whole
    history is read for this request.
    """
    # No look-up first: a retry is rare, and the unique withdrawal id turns it into the
    # first answer below (one query less on every first request).
    try:
        check_address(request.chain, request.destination)
    except InvalidAddress as error:
        raise Invalid("destination", str(error)) from None
    store = store or SummaryStore()
    try:
        summary = await store.summary_for(
            exchange,
            request.user_id,
            before=request.requested_at,
            excluding=request.withdrawal_id,
            policy=policy,
        )
    except UnknownUser:
        raise Invalid("user_id", "the exchange does not know this user") from None
    usd_value = request.amount * await exchange.usd_price(request.asset)
    decision = screen(
        WithdrawalRequest(
            request.user_id,
            request.chain,
            request.asset,
            request.amount,
            usd_value,
            request.destination,
            request.requested_at,
            request.device_id,
            request.ip,
            request.country.upper(),
        ),
        summary,
        policy,
    )
    now = outbox.session_clock(session).now()
    screening = WithdrawalScreening(
        withdrawal_id=request.withdrawal_id,
        exchange_uid=request.user_id,
        chain=request.chain,
        asset=request.asset,
        amount=str(request.amount),
        usd_value=str(usd_value),
        destination=request.destination,
        action=decision.action.name.lower(),
        score=decision.score,
        reasons=[
            {"signal": r.signal.value, "detail": r.detail, "weight": r.weight}
            for r in decision.reasons
        ],
        screened_at=now,
    )
    try:
        async with session.begin_nested():
            session.add(screening)
            await session.flush()
    except IntegrityError:
        # The exchange asked again (a retry, or two at once): the first answer stands.
        first = await service.screening_by_withdrawal(session, request.withdrawal_id)
        if first is None:
            raise
        return first, await service.case_for_screening(session, first.id)
    case = None
    if decision.action is Action.HOLD:
        case = SecurityCase(
            screening_id=screening.id,
            exchange_uid=request.user_id,
            withdrawal_id=request.withdrawal_id,
            status="open",
            opened_at=now,
        )
        session.add(case)
        await session.flush()
    if decision.action is not Action.ALLOW:
        await audit.append(
            session,
            EXCHANGE,
            f"risk.withdrawal_{screening.action}",
            subject_type="withdrawal",
            subject_id=request.withdrawal_id,
            data={
                "score": decision.score,
                "reasons": screening.reasons,
                "case_id": case and case.id,
            },
        )
        await outbox.record(
            session,
            WithdrawalStopped(
                screening.id,
                request.withdrawal_id,
                request.user_id,
                screening.action,
                decision.score,
                case.id if case else None,
            ),
        )
    return screening, case


async def close_case(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    case_id: int,
    agent_id: int | None,
    outcome: str,
    resolution: str,
) -> SecurityCase:
    """Release or cancel the held withdrawal; cancelling also hardens the account.

    Releasing needs the playbook's checks recorded first (``RELEASE_NEEDS``); ``agent_id``
    None is the user cancelling from their own session. Replays are safe: closing a
    closed case the same way returns it unchanged, and the exchange's release and cancel
    are themselves idempotent.
    """
    case = await service.case_for_update(session, case_id)
    if case is None:
        raise NotFound("security case", case_id)
    if case.status == outcome:
        return case
    if case.status != "open":
        raise Conflict(f"the case is already {case.status}")
    if outcome == "released":
        missing = [step for step in RELEASE_NEEDS if step not in case.steps]
        if missing:
            raise Conflict(f"record these playbook steps before releasing: {', '.join(missing)}")
        await exchange.release_withdrawal(case.withdrawal_id)
        revoked = 0
    else:
        await exchange.cancel_withdrawal(case.withdrawal_id, resolution)
        # Harden the account: whoever holds a session signs in again, nothing leaves for a
        # day, and after that only to addresses the user keeps in their address book.
        revoked = await exchange.revoke_sessions(case.exchange_uid)
        until = outbox.session_clock(session).now() + HARDENING_LOCK
        await exchange.lock_withdrawals(case.exchange_uid, until, f"security case {case.id}")
        await exchange.enforce_whitelist(case.exchange_uid, True)
    now = outbox.session_clock(session).now()
    case.status = outcome
    case.closed_at = now
    case.closed_by = agent_id
    case.resolution = resolution
    if outcome == "cancelled":
        case.steps = {
            **case.steps,
            "account_hardened": {
                "at": now.isoformat(),
                "by": agent_id,
                "note": f"{revoked} sessions ended, withdrawals locked for "
                f"{HARDENING_LOCK.total_seconds() / 3600:g} h, address book only",
            },
        }
    await audit.append(
        session,
        audit.Actor("agent", str(agent_id)) if agent_id is not None else SYSTEM_RISK,
        f"risk.case_{outcome}",
        subject_type="security_case",
        subject_id=case.id,
        data={
            "withdrawal_id": case.withdrawal_id,
            "resolution": resolution,
            "sessions_revoked": revoked,
        },
    )
    await outbox.record(
        session,
        SecurityCaseClosed(case.id, case.withdrawal_id, case.exchange_uid, outcome, agent_id),
    )
    return case


async def record_step(
    session: AsyncSession, case_id: int, agent_id: int, step: str, note: str
) -> SecurityCase:
    """Tick one playbook step, timed and audited (again: the first time stands)."""
    if step not in PLAYBOOK:
        raise Invalid("step", f"one of {', '.join(PLAYBOOK)}")
    case = await service.case_for_update(session, case_id)
    if case is None:
        raise NotFound("security case", case_id)
    if step in case.steps:
        return case
    if case.status != "open":
        raise Conflict(f"the case is already {case.status}")
    now = outbox.session_clock(session).now()
    # A new dict, so the JSON column sees the change.
    case.steps = {**case.steps, step: {"at": now.isoformat(), "by": agent_id, "note": note}}
    await audit.append(
        session,
        audit.Actor("agent", str(agent_id)),
        "risk.case_step",
        subject_type="security_case",
        subject_id=case.id,
        data={"step": step, "note": note},
    )
    return case


async def answer_from_user(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    exchange_uid: str,
    withdrawal_id: str,
    mine: bool,
) -> SecurityCase:
    """The user says from their signed-in session whether the held withdrawal is theirs.

    "Not mine" cancels it at once and hardens the account (nothing an intruder could
    want); "mine" is recorded for the agent, who still verifies through a verified
    channel, because an intruder holding the session could say it too.
    """
    case = await service.case_for_withdrawal(session, withdrawal_id)
    if case is None or case.exchange_uid != exchange_uid:
        raise NotFound("held withdrawal", withdrawal_id)
    answer = "confirmed" if mine else "denied"
    if case.user_response is not None:
        if case.user_response != answer:
            raise Conflict(f"you already answered: {case.user_response}")
        return case
    case.user_response = answer
    case.user_responded_at = outbox.session_clock(session).now()
    await audit.append(
        session,
        audit.Actor("customer", exchange_uid),
        f"risk.user_{answer}",
        subject_type="security_case",
        subject_id=case.id,
        data={"withdrawal_id": withdrawal_id},
    )
    if not mine and case.status == "open":
        await close_case(
            session, exchange, case.id, None, "cancelled", "the user denied it from their session"
        )
    return case
