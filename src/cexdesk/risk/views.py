"""Risk routes: the screening endpoint the exchange calls, and security cases for staff."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request

from cexdesk.api.deps import Ctx, CurrentPrincipal, CurrentStaff, DbSession, ReadSession
from cexdesk.core.auth import Perm
from cexdesk.core.errors import Forbidden, NotFound
from cexdesk.customers.models import Customer
from cexdesk.exchange.service import back_office, back_office_errors, read_signed
from cexdesk.risk import flows, investigations, service
from cexdesk.risk.access import access_case_by_id
from cexdesk.risk.engine import DEFAULT_POLICY
from cexdesk.risk.models import Investigation, SecurityCase, WithdrawalScreening
from cexdesk.risk.schemas import (
    CaseClose,
    CasePage,
    CloseIn,
    EntryIn,
    EntryOut,
    InvestigationIn,
    InvestigationOut,
    ReasonOut,
    RiskFigures,
    ScreenRequest,
    ScreenResponse,
    SecurityCaseOut,
    StepIn,
    UpdateIn,
    UserAnswer,
    UserAnswerOut,
)
from cexdesk.risk.summaries import SummaryStore

router = APIRouter(tags=["risk"])
# Where a desk keeps its own RiskPolicy (rules, weights, thresholds, blocklist).
POLICY_KEY = "risk_policy"
SUMMARIES_KEY = "risk_summaries"  # this process's SummaryStore


def _case_out(case: SecurityCase, screening: WithdrawalScreening) -> SecurityCaseOut:
    return SecurityCaseOut(
        id=case.id, exchange_uid=case.exchange_uid, withdrawal_id=case.withdrawal_id,
        status=case.status, opened_at=case.opened_at, closed_at=case.closed_at,
        closed_by=case.closed_by, resolution=case.resolution, action=screening.action,
        score=screening.score, reasons=[ReasonOut(**r) for r in screening.reasons],
        ticket_id=case.ticket_id, steps=case.steps, user_response=case.user_response,
    )  # fmt: skip


@router.post("/risk/screen", response_model=ScreenResponse)
async def screen_withdrawal(request: Request, session: DbSession, context: Ctx) -> ScreenResponse:
    """Allow, hold or block a withdrawal before the exchange broadcasts it (signed requests)."""
    payload = await read_signed(
        request, context.settings.exchange_token_key, context.clock.now(), ScreenRequest
    )
    policy = context.services.get(POLICY_KEY, DEFAULT_POLICY)
    store = context.services.setdefault(SUMMARIES_KEY, SummaryStore())
    with back_office_errors():
        screening, case = await flows.screen_withdrawal(
            session, back_office(context.services), payload, policy, store
        )
    return ScreenResponse(
        withdrawal_id=screening.withdrawal_id,
        action=screening.action,
        score=screening.score,
        reasons=[ReasonOut(**r) for r in screening.reasons],
        case_id=case.id if case else None,
    )


@router.get("/risk/cases", response_model=CasePage)
async def list_cases(
    session: ReadSession,
    staff: CurrentStaff,
    status: Annotated[Literal["open", "released", "cancelled"] | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> CasePage:
    """Security cases, newest first (the security team)."""
    staff.require(Perm.SECURITY_CASES)
    rows = await service.list_cases(session, status, limit)
    return CasePage(items=[_case_out(case, screening) for case, screening in rows])


@router.get("/risk/cases/{case_id}", response_model=SecurityCaseOut)
async def show_case(case_id: int, session: ReadSession, staff: CurrentStaff) -> SecurityCaseOut:
    return _case_out(*await access_case_by_id(session, staff, case_id))


async def _close(
    case_id: int, outcome: str, body: CaseClose, session: DbSession, staff: CurrentStaff, ctx: Ctx
) -> SecurityCaseOut:
    await access_case_by_id(session, staff, case_id)
    with back_office_errors():
        case = await flows.close_case(
            session, back_office(ctx.services), case_id, staff.id, outcome, body.resolution
        )
    return _case_out(*await access_case_by_id(session, staff, case.id))


@router.post("/risk/cases/{case_id}/release", response_model=SecurityCaseOut)
async def release(
    case_id: int, body: CaseClose, session: DbSession, staff: CurrentStaff, context: Ctx
) -> SecurityCaseOut:
    """The user confirmed the withdrawal through a verified channel: let it go."""
    return await _close(case_id, "released", body, session, staff, context)


@router.post("/risk/cases/{case_id}/cancel", response_model=SecurityCaseOut)
async def cancel(
    case_id: int, body: CaseClose, session: DbSession, staff: CurrentStaff, context: Ctx
) -> SecurityCaseOut:
    """Not the user's: cancel it (the amount returns to the balance) and end every session."""
    return await _close(case_id, "cancelled", body, session, staff, context)


@router.post("/risk/cases/{case_id}/steps", response_model=SecurityCaseOut)
async def record_step(
    case_id: int, body: StepIn, session: DbSession, staff: CurrentStaff
) -> SecurityCaseOut:
    """Tick a playbook step (contacted, reminded of the official-channel check, re-verified)."""
    await access_case_by_id(session, staff, case_id)
    await flows.record_step(session, case_id, staff.id, body.step, body.note)
    return _case_out(*await access_case_by_id(session, staff, case_id))


@router.post("/risk/withdrawals/{withdrawal_id}/answer", response_model=UserAnswerOut)
async def answer(
    withdrawal_id: str,
    body: UserAnswer,
    session: DbSession,
    principal: CurrentPrincipal,
    context: Ctx,
) -> UserAnswerOut:
    """The signed-in user confirms or denies a held withdrawal of theirs."""
    if not principal.is_customer:
        raise Forbidden("only the user can answer for their withdrawal")
    customer = await session.get(Customer, principal.id)
    if customer is None or customer.exchange_uid is None:
        raise NotFound("held withdrawal", withdrawal_id)
    with back_office_errors():
        case = await flows.answer_from_user(
            session, back_office(context.services), customer.exchange_uid, withdrawal_id, body.mine
        )
    assert case.user_response is not None
    return UserAnswerOut(
        withdrawal_id=withdrawal_id, user_response=case.user_response, status=case.status
    )


@router.get("/risk/figures", response_model=RiskFigures)
async def figures(session: ReadSession, staff: CurrentStaff) -> RiskFigures:
    """Withdrawals held and blocked, false holds, users protected, value kept."""
    staff.require(Perm.SECURITY_CASES)
    return RiskFigures(**await service.figures(session))


async def _investigation_out(
    session: DbSession | ReadSession, investigation_id: int
) -> InvestigationOut:
    found = await session.get(Investigation, investigation_id)
    if found is None:
        raise NotFound("investigation", investigation_id)
    entries = await investigations.timeline(session, investigation_id)
    return InvestigationOut(
        id=found.id, exchange_uid=found.exchange_uid, ticket_id=found.ticket_id,
        summary=found.summary, status=found.status, opened_at=found.opened_at,
        update_every_hours=found.update_every_hours, next_update_due=found.next_update_due,
        last_update_at=found.last_update_at, closed_at=found.closed_at,
        timeline=[
            EntryOut(
                id=e.id, at=e.at, kind=e.kind, text=e.text, agent_id=e.agent_id, team=e.team,
                chain=e.chain, address=e.address, done_at=e.done_at,
            )
            for e in entries
        ],
    )  # fmt: skip


@router.post("/risk/investigations", response_model=InvestigationOut, status_code=201)
async def open_investigation(
    body: InvestigationIn, session: DbSession, staff: CurrentStaff
) -> InvestigationOut:
    """Open a stolen-funds investigation with its update clock (the security team)."""
    staff.require(Perm.SECURITY_CASES)
    found = await investigations.open_investigation(
        session, staff.id, body.exchange_uid, body.summary, body.update_every_hours, body.ticket_id
    )
    return await _investigation_out(session, found.id)


@router.get("/risk/investigations/{investigation_id}", response_model=InvestigationOut)
async def show_investigation(
    investigation_id: int, session: ReadSession, staff: CurrentStaff
) -> InvestigationOut:
    staff.require(Perm.SECURITY_CASES)
    return await _investigation_out(session, investigation_id)


@router.post("/risk/investigations/{investigation_id}/entries", response_model=InvestigationOut)
async def add_entry(
    investigation_id: int, body: EntryIn, session: DbSession, staff: CurrentStaff
) -> InvestigationOut:
    """A note, a traced address, or a task for security or legal."""
    staff.require(Perm.SECURITY_CASES)
    await investigations.add_entry(
        session, investigation_id, staff.id, body.kind, body.text,
        team=body.team, chain=body.chain, address=body.address,
    )  # fmt: skip
    return await _investigation_out(session, investigation_id)


@router.post(
    "/risk/investigations/{investigation_id}/tasks/{entry_id}/done",
    response_model=InvestigationOut,
)
async def complete_task(
    investigation_id: int, entry_id: int, session: DbSession, staff: CurrentStaff
) -> InvestigationOut:
    staff.require(Perm.SECURITY_CASES)
    await investigations.complete_task(session, investigation_id, entry_id, staff.id)
    return await _investigation_out(session, investigation_id)


@router.post("/risk/investigations/{investigation_id}/updates", response_model=InvestigationOut)
async def send_update(
    investigation_id: int, body: UpdateIn, session: DbSession, staff: CurrentStaff
) -> InvestigationOut:
    """Tell the user how the investigation stands; the update clock starts again."""
    staff.require(Perm.SECURITY_CASES)
    await investigations.send_update(session, investigation_id, staff.id, body.text)
    return await _investigation_out(session, investigation_id)


@router.post("/risk/investigations/{investigation_id}/close", response_model=InvestigationOut)
async def close_investigation(
    investigation_id: int, body: CloseIn, session: DbSession, staff: CurrentStaff
) -> InvestigationOut:
    staff.require(Perm.SECURITY_CASES)
    await investigations.close(session, investigation_id, staff.id, body.note)
    return await _investigation_out(session, investigation_id)
