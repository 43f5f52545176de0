"""The supervisor view: queues per team and language, agents and their load, the
watch list and today's SLA attainment; taking over and reassigning conversations."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from cexdesk.api.deps import Ctx, DbSession, ReadSession
from cexdesk.api.schemas import PathId
from cexdesk.bot import analytics as bot_analytics
from cexdesk.bot import views as bot_views
from cexdesk.core.auth import Perm
from cexdesk.routing import flows as routing_flows
from cexdesk.tickets import access
from cexdesk.tickets import flows as ticket_flows
from cexdesk.web import pages
from cexdesk.web.auth import ConsoleAgent, console_csrf
from cexdesk.web.templating import render

router = APIRouter(include_in_schema=False)

# The desk's published promises, drawn as the line each day's bars are held against.
ATTAINMENT_GOALS = {"chat_pickup": 0.91, "first_reply": 0.97}


@router.get("/console/supervisor", response_class=HTMLResponse)
async def supervisor(
    request: Request, agent: ConsoleAgent, session: ReadSession, context: Ctx
) -> Response:
    agent.require(Perm.TICKETS_ASSIGN_OTHERS)
    now = context.clock.now()
    return render(
        request,
        "console/supervisor.html",
        me=await pages.agent_header(session, agent.id),
        csrf=console_csrf(request, context),
        now=now,
        presences=("online", "away", "offline"),
        board=await pages.supervisor_board(session, now),
        goals=ATTAINMENT_GOALS,
    )


@router.get("/console/supervisor/bot", response_class=HTMLResponse)
async def bot(
    request: Request, agent: ConsoleAgent, session: ReadSession, context: Ctx, days: int = 7
) -> Response:
    """How the bot does: sessions, containment, handoff reasons, knowledge gaps, articles."""
    agent.require(Perm.TICKETS_ASSIGN_OTHERS)
    days = min(max(days, 1), 366)
    since, until, now = bot_views.period(session, days)
    return render(
        request, "console/bot.html", me=await pages.agent_header(session, agent.id),
        csrf=console_csrf(request, context), now=now, days=days,
        presences=("online", "away", "offline"),
        figures=await bot_analytics.figures(session, since, until, now),
    )  # fmt: skip


@router.get("/console/supervisor/board", response_class=HTMLResponse)
async def board(
    request: Request, agent: ConsoleAgent, session: ReadSession, context: Ctx
) -> Response:
    agent.require(Perm.TICKETS_ASSIGN_OTHERS)
    now = context.clock.now()
    return render(
        request, "console/_board.html", board=await pages.supervisor_board(session, now),
        now=now, goals=ATTAINMENT_GOALS,
    )  # fmt: skip


@router.post("/console/tickets/{ticket_id}/assign", response_class=HTMLResponse)
async def assign(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    assignee: Annotated[str, Form(max_length=20)],
) -> Response:
    """Take a conversation over ("me") or hand it to someone, within their capacity."""
    new_assignee = agent.id if assignee == "me" else int(assignee) if assignee.isdigit() else None
    ticket = await access.access_ticket_by_id(session, agent, ticket_id, write=True)
    access.check_staff_write(agent)
    access.check_assignment(agent, ticket.assignee_id, new_assignee)
    if new_assignee is not None and new_assignee != ticket.assignee_id:
        await routing_flows.check_capacity(session, new_assignee, ticket.channel)
    await ticket_flows.update_ticket(
        session, ticket, {"assignee_id": new_assignee}, author=ticket_flows.Author.of(agent)
    )
    await session.flush()
    c = await pages.conversation(
        session, agent, ticket_id, pages.exchange_of(request.app.state.ctx.services)
    )
    me = await pages.agent_header(session, agent.id)
    return render(request, "console/_conversation.html", c=c, me=me)
