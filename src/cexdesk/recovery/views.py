"""Recovery routes: the self-service claim, the review queue, approvals and figures."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, status

from cexdesk.api.deps import Ctx, CurrentPrincipal, CurrentStaff, DbSession, ReadSession
from cexdesk.core.auth import Perm
from cexdesk.core.errors import Forbidden
from cexdesk.customers.models import Customer
from cexdesk.exchange.service import back_office, back_office_errors
from cexdesk.recovery import flows, service
from cexdesk.recovery.access import access_claim_by_id
from cexdesk.recovery.engine import DEFAULT_POLICY
from cexdesk.recovery.models import RecoveryClaim, RecoveryDetection
from cexdesk.recovery.schemas import (
    ClaimForm,
    ClaimOut,
    ClaimPage,
    ClaimReview,
    DetectionOut,
    DetectionPage,
    RecoveryFigures,
    Rejection,
)

router = APIRouter(tags=["recovery"])
# Where a desk keeps its own RecoveryPolicy (fees, minimums, age limits per case).
POLICY_KEY = "recovery_policy"

Status = Literal[
    "recovered", "in_review", "waiting", "not_recoverable", "rejected", "nothing_to_do"
]


def _out(claim: RecoveryClaim) -> ClaimOut:
    return ClaimOut(
        id=claim.id, customer_id=claim.customer_id, network=claim.chain, tx_hash=claim.tx_hash,
        asset=claim.asset, amount=claim.amount, source_address=claim.from_address,
        filed_at=claim.filed_at, case=claim.case, status=claim.status, reasons=claim.reasons,
        fee=claim.fee, net_amount=claim.net_amount,
        needs_second_approver=claim.needs_second_approver, credited_at=claim.credited_at,
    )  # fmt: skip


def _review(claim: RecoveryClaim) -> ClaimReview:
    return ClaimReview(
        **_out(claim).model_dump(), outcome=claim.outcome, usd_value=claim.usd_value,
        proposed_owner=claim.proposed_owner, evidence=claim.evidence,
        first_approver_id=claim.first_approver_id, second_approver_id=claim.second_approver_id,
        closed_note=claim.closed_note,
    )  # fmt: skip


@router.post("/recovery/claims", response_model=ClaimOut, status_code=status.HTTP_201_CREATED)
async def file_claim(
    form: ClaimForm, session: DbSession, principal: CurrentPrincipal, context: Ctx
) -> ClaimOut:
    """A deposit that did not arrive: tx hash, asset, network, amount and source address."""
    if not principal.is_customer:
        raise Forbidden("claims are filed by the user who sent the deposit")
    customer = await session.get(Customer, principal.id)
    assert customer is not None
    policy = context.services.get(POLICY_KEY, DEFAULT_POLICY)
    with back_office_errors():
        claim = await flows.file_claim(
            session, back_office(context.services), customer, form, policy
        )
    return _out(claim)


@router.get("/recovery/claims", response_model=ClaimPage)
async def list_claims(
    session: ReadSession,
    principal: CurrentPrincipal,
    status: Annotated[Status | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> ClaimPage:
    """A customer's own claims; for staff, everyone's (the review queue: status=in_review)."""
    if principal.is_customer:
        claims = await service.list_claims(
            session, customer_id=principal.id, status=status, limit=limit
        )
        return ClaimPage(items=[_review(c) for c in claims])  # own evidence is theirs to see
    principal.require(Perm.CUSTOMERS_READ)
    claims = await service.list_claims(session, customer_id=None, status=status, limit=limit)
    return ClaimPage(items=[_review(c) for c in claims])


@router.get("/recovery/claims/{claim_id}", response_model=ClaimReview)
async def show_claim(
    claim_id: int, session: ReadSession, principal: CurrentPrincipal
) -> ClaimReview:
    return _review(await access_claim_by_id(session, principal, claim_id))


@router.post("/recovery/claims/{claim_id}/approve", response_model=ClaimReview)
async def approve(
    claim_id: int, session: DbSession, staff: CurrentStaff, context: Ctx
) -> ClaimReview:
    """Approve and pay (a second, different approver above the limit)."""
    staff.require(Perm.MONEY_MOVE)
    await access_claim_by_id(session, staff, claim_id)
    with back_office_errors():
        return _review(
            await flows.approve(session, back_office(context.services), claim_id, staff.id)
        )


@router.post("/recovery/claims/{claim_id}/reject", response_model=ClaimReview)
async def reject(
    claim_id: int, body: Rejection, session: DbSession, staff: CurrentStaff
) -> ClaimReview:
    staff.require(Perm.MONEY_MOVE)
    await access_claim_by_id(session, staff, claim_id)
    return _review(await flows.reject(session, claim_id, staff.id, body.note))


@router.get("/recovery/figures", response_model=RecoveryFigures)
async def figures(session: ReadSession, staff: CurrentStaff) -> RecoveryFigures:
    """Recovered automatically and by hand, value and largest recovery, claims in review."""
    staff.require(Perm.CUSTOMERS_READ)
    return RecoveryFigures(**await service.figures(session))


@router.get("/recovery/detections", response_model=DetectionPage)
async def list_detections(
    session: ReadSession,
    staff: CurrentStaff,
    outcome: Annotated[str | None, Query(max_length=24)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 50,
) -> DetectionPage:
    """Uncredited deposits the exchange reported, decided before anyone claimed them."""
    staff.require(Perm.CUSTOMERS_READ)
    rows = await service.list_detections(session, outcome, limit)
    return DetectionPage(items=[_detection(d) for d in rows])


def _detection(d: RecoveryDetection) -> DetectionOut:
    return DetectionOut(
        id=d.id, network=d.chain, tx_hash=d.tx_hash, index=d.transfer_index, asset=d.asset,
        amount=d.amount, usd_value=d.usd_value, case=d.case, outcome=d.outcome,
        proposed_owner=d.proposed_owner, reasons=d.reasons, detected_at=d.detected_at,
    )  # fmt: skip
