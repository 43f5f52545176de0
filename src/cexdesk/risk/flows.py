"""Risk use cases: screening a withdrawal for the exchange, and closing security cases."""

from __future__ import annotations

from decimal import Decimal

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
    build_summary,
    screen,
)
from cexdesk.risk.events import SecurityCaseClosed, WithdrawalStopped
from cexdesk.risk.models import SecurityCase, WithdrawalScreening
from cexdesk.risk.schemas import ScreenRequest

EXCHANGE = audit.Actor("integration", "exchange")


async def _priced(exchange: ExchangeBackOffice, assets: set[str]) -> dict[str, Decimal]:
    return {asset: await exchange.usd_price(asset) for asset in assets}


async def screen_withdrawal(
    session: AsyncSession,
    exchange: ExchangeBackOffice,
    request: ScreenRequest,
    policy: RiskPolicy = DEFAULT_POLICY,
) -> tuple[WithdrawalScreening, SecurityCase | None]:
    """Decide one withdrawal (once: a repeated request gets the first answer)."""
    existing = await service.screening_by_withdrawal(session, request.withdrawal_id)
    if existing is not None:
        return existing, await service.case_for_screening(session, existing.id)
    try:
        check_address(request.chain, request.destination)
    except InvalidAddress as error:
        raise Invalid("destination", str(error)) from None
    try:
        profile = await exchange.get_user(request.user_id)
    except UnknownUser:
        raise Invalid("user_id", "the exchange does not know this user") from None
    past = [
        w for w in await exchange.list_withdrawals(request.user_id) if w.id != request.withdrawal_id
    ]
    deposits = await exchange.list_deposits(request.user_id)
    prices = await _priced(
        exchange,
        {request.asset} | {w.asset for w in past} | {d.transfer.asset for d in deposits},
    )
    summary = build_summary(
        profile,
        past,
        {w.id: w.amount * prices[w.asset] for w in past},
        await exchange.list_address_book(request.user_id),
        [(d.transfer, d.transfer.amount * prices[d.transfer.asset]) for d in deposits],
        policy,
    )
    usd_value = request.amount * prices[request.asset]
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
        # The exchange retried while the first request was still in flight.
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
    agent_id: int,
    outcome: str,
    resolution: str,
) -> SecurityCase:
    """Release or cancel the held withdrawal; cancelling also signs the user out everywhere.

    Replays are safe: closing a closed case the same way returns it unchanged, and the
    exchange's release and cancel are themselves idempotent.
    """
    case = await service.case_for_update(session, case_id)
    if case is None:
        raise NotFound("security case", case_id)
    if case.status == outcome:
        return case
    if case.status != "open":
        raise Conflict(f"the case is already {case.status}")
    if outcome == "released":
        await exchange.release_withdrawal(case.withdrawal_id)
        revoked = 0
    else:
        await exchange.cancel_withdrawal(case.withdrawal_id, resolution)
        revoked = await exchange.revoke_sessions(case.exchange_uid)
    case.status = outcome
    case.closed_at = outbox.session_clock(session).now()
    case.closed_by = agent_id
    case.resolution = resolution
    await audit.append(
        session,
        audit.Actor("agent", str(agent_id)),
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
