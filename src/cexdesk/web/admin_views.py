"""Admin pages: what failed and can be replayed (dead deliveries, inbound payloads),
the audit log, and who works here (agents, teams)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from cexdesk.agents import service as agent_service
from cexdesk.api.deps import Ctx, DbSession, ReadSession
from cexdesk.api.schemas import PathId
from cexdesk.channels import inbound
from cexdesk.core import audit, outbox
from cexdesk.core.auth import Perm, Principal
from cexdesk.core.errors import Forbidden
from cexdesk.web import pages
from cexdesk.web.auth import ConsoleAgent, console_csrf
from cexdesk.web.templating import render

router = APIRouter(include_in_schema=False)


def _check_admin(agent: Principal) -> None:
    if not (agent.can(Perm.OUTBOX_MANAGE) or agent.can(Perm.AUDIT_READ)):
        raise Forbidden("the admin pages are for admins and auditors")


@router.get("/console/admin", response_class=HTMLResponse)
async def admin(
    request: Request, agent: ConsoleAgent, session: ReadSession, context: Ctx
) -> Response:
    _check_admin(agent)
    manages = agent.can(Perm.OUTBOX_MANAGE)
    agents, _ = await agent_service.list_agents(session, limit=200)
    return render(
        request,
        "console/admin.html",
        me=await pages.agent_header(session, agent.id),
        csrf=console_csrf(request, context),
        now=context.clock.now(),
        presences=("online", "away", "offline"),
        manages=manages,
        dead=await outbox.list_dead(session, limit=50) if manages else [],
        failed=(
            await inbound.list_payloads(session, status="quarantined", limit=50)
            + await inbound.list_payloads(session, status="failed", limit=50)
            if manages
            else []
        ),
        entries=await audit.list_entries(session, limit=50) if agent.can(Perm.AUDIT_READ) else [],
        agents=agents,
        teams=await agent_service.list_teams(session),
    )


@router.post("/console/admin/dead-letters/{delivery_id}/replay", response_class=HTMLResponse)
async def replay_dead_letter(
    delivery_id: PathId, agent: ConsoleAgent, session: DbSession
) -> Response:
    agent.require(Perm.OUTBOX_MANAGE)
    await outbox.replay_dead(session, delivery_id)
    await audit.append(
        session, audit.Actor("agent", str(agent.id)), "outbox.delivery_replayed",
        subject_type="event_delivery", subject_id=delivery_id,
    )  # fmt: skip
    return HTMLResponse('<span class="ok">queued again</span>')


@router.post("/console/admin/inbound/{payload_id}/replay", response_class=HTMLResponse)
async def replay_inbound(payload_id: PathId, agent: ConsoleAgent, session: DbSession) -> Response:
    agent.require(Perm.OUTBOX_MANAGE)
    payload = await inbound.replay(session, payload_id)
    await audit.append(
        session, audit.Actor("agent", str(agent.id)), "inbound.replayed",
        subject_type="inbound_payload", subject_id=payload.id,
    )  # fmt: skip
    return HTMLResponse('<span class="ok">processing again</span>')
