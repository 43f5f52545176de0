"""The agent console: sign-in, offers, my conversations, team queues, one conversation.

Thin routes over the domains' services and flows, like the API's. Lists are pages of
at most ``QUEUE_PAGE`` rows, fetched as htmx fragments; ``static/js/console.js``
refreshes them when the realtime stream says something changed.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, File, Form, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError

from cexdesk.agents import flows as agent_flows
from cexdesk.agents import service as agent_service
from cexdesk.agents.throttle import client_address, login_throttle
from cexdesk.api.deps import (
    SESSION_COOKIE,
    Ctx,
    DbSession,
    ReadSession,
    clear_session_cookie,
    resolve_principal,
    same_origin,
    set_session_cookie,
)
from cexdesk.api.schemas import PathId
from cexdesk.compensation import order_cancellations
from cexdesk.compensation.schemas import OrderCancellationForm
from cexdesk.core.errors import DomainError, Forbidden, Invalid, Unauthorized
from cexdesk.exchange.service import back_office, back_office_errors
from cexdesk.routing import escalation
from cexdesk.routing import flows as routing_flows
from cexdesk.tickets import access
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.storage import AttachmentStorage, read_upload
from cexdesk.web import pages
from cexdesk.web.auth import ConsoleAgent, console_csrf
from cexdesk.web.templating import is_htmx, render

router = APIRouter(include_in_schema=False)

PRESENCES = ("online", "away", "offline")
SETTABLE_STATUSES = ("open", "pending", "on_hold", "solved")
Text = Annotated[str, Form(max_length=20_000)]


def _safe_next(target: str | None) -> str:
    """Only a path inside the console: never an open redirect to another site."""
    if not target or not target.startswith("/console") or target.startswith("//"):
        return "/console"
    return urlsplit(target).path or "/console"


@router.get("/console/login", response_class=HTMLResponse)
async def login_page(request: Request, context: Ctx, next: str | None = None) -> Response:
    try:
        principal = await resolve_principal(request, context)
    except DomainError:
        principal = None
    if principal is not None and principal.kind == "agent" and principal.via_cookie:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "console/login.html", next=_safe_next(next), error=None)


@router.post("/console/login", response_class=HTMLResponse)
async def login(
    request: Request,
    session: DbSession,
    context: Ctx,
    email: Annotated[str, Form(max_length=320)],
    password: Annotated[str, Form(max_length=1024)],
    totp: Annotated[str, Form(max_length=16)] = "",
    next: Annotated[str, Form(max_length=2000)] = "/console",
) -> Response:
    """Sign in from the form; the session cookie is the API's own."""
    if not same_origin(request.headers):
        raise Forbidden("sign-in must come from this site's own page")
    throttle = login_throttle(context)
    key = (email.strip().lower(), client_address(request))
    if throttle.retry_after(key) is not None:
        return render(
            request,
            "console/login.html",
            status_code=429,
            next=_safe_next(next),
            error="Too many failed sign-ins. Wait a few minutes and try again.",
        )
    ttl = timedelta(hours=context.settings.session_ttl_hours)
    try:
        signed = await agent_flows.sign_in(
            session, email, password, totp or None, ttl=ttl,
            user_agent=request.headers.get("user-agent"),
        )  # fmt: skip
    except Unauthorized as refused:
        throttle.failed(key)
        # Rendered, not raised: the request still commits the sign_in_failed audit entry.
        return render(
            request, "console/login.html", status_code=401, next=_safe_next(next),
            error=refused.detail,
        )  # fmt: skip
    throttle.succeeded(key)
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_session_cookie(response, signed.token, ttl, secure=context.settings.cookie_secure)
    return response


@router.post("/console/logout")
async def logout(
    request: Request, agent: ConsoleAgent, session: DbSession, context: Ctx
) -> Response:
    await agent_flows.sign_out(session, request.cookies.get(SESSION_COOKIE, ""))
    response = Response(status_code=200, headers={"HX-Redirect": "/console/login"})
    clear_session_cookie(response, secure=context.settings.cookie_secure)
    return response


async def _console(
    request: Request, agent: ConsoleAgent, session: ReadSession, context: Ctx, ticket_id: int | None
) -> Response:
    me = await pages.agent_header(session, agent.id)
    conversation = (
        await pages.conversation(session, agent, ticket_id, pages.exchange_of(context.services))
        if ticket_id is not None
        else None
    )
    if conversation is not None and is_htmx(request):
        return render(request, "console/_conversation.html", c=conversation, me=me)
    return render(
        request,
        "console/index.html",
        me=me,
        csrf=console_csrf(request, context),
        c=conversation,
        now=context.clock.now(),
        presences=PRESENCES,
        statuses=SETTABLE_STATUSES,
    )


@router.get("/console", response_class=HTMLResponse)
async def console(
    request: Request, agent: ConsoleAgent, session: ReadSession, context: Ctx
) -> Response:
    return await _console(request, agent, session, context, None)


@router.get("/console/tickets/{ticket_id}", response_class=HTMLResponse)
async def conversation(
    ticket_id: PathId, request: Request, agent: ConsoleAgent, session: ReadSession, context: Ctx
) -> Response:
    return await _console(request, agent, session, context, ticket_id)


@router.get("/console/tickets/{ticket_id}/live", response_class=HTMLResponse)
async def conversation_live(
    ticket_id: PathId, request: Request, agent: ConsoleAgent, session: ReadSession
) -> Response:
    """The parts of a conversation that change under the agent: timeline and clocks."""
    c = await pages.conversation(session, agent, ticket_id, panel=False)
    return render(request, "console/_live.html", c=c)


@router.get("/console/offers", response_class=HTMLResponse)
async def offers(
    request: Request, agent: ConsoleAgent, session: ReadSession, context: Ctx
) -> Response:
    now = context.clock.now()
    rows = await pages.pending_offers(session, agent.id, now)
    return render(request, "console/_offers.html", offers=rows, now=now)


@router.post("/console/offers/{offer_id}/accept")
async def accept_offer(offer_id: PathId, agent: ConsoleAgent, session: DbSession) -> Response:
    ticket = await routing_flows.accept_offer(session, offer_id, agent.id)
    return Response(headers={"HX-Redirect": f"/console/tickets/{ticket.id}"})


@router.post("/console/offers/{offer_id}/decline", response_class=HTMLResponse)
async def decline_offer(
    offer_id: PathId, request: Request, agent: ConsoleAgent, session: DbSession, context: Ctx
) -> Response:
    await routing_flows.decline_offer(session, offer_id, agent.id)
    now = context.clock.now()
    rows = [o for o in await pages.pending_offers(session, agent.id, now) if o.id != offer_id]
    return render(request, "console/_offers.html", offers=rows, now=now)


@router.get("/console/mine", response_class=HTMLResponse)
async def mine(request: Request, agent: ConsoleAgent, session: ReadSession) -> Response:
    rows = await pages.my_conversations(session, agent.id)
    return render(request, "console/_mine.html", tickets=rows)


@router.get("/console/queue", response_class=HTMLResponse)
async def queue(
    request: Request,
    agent: ConsoleAgent,
    session: ReadSession,
    after: Annotated[str | None, Query(max_length=200)] = None,
) -> Response:
    """A page of my teams' waiting queue, in the order routing will place it."""
    page = await pages.team_queue(session, agent.id, after)
    return render(request, "console/_queue.html", page=page)


@router.post("/console/presence", response_class=HTMLResponse)
async def presence(
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    value: Annotated[str, Form(max_length=16)],
) -> Response:
    if value not in PRESENCES:
        raise Invalid("presence", f"must be one of {', '.join(PRESENCES)}")
    row = await agent_service.get_agent(session, agent.id)
    assert row is not None
    await agent_flows.update_agent(
        session, row, {"presence": value}, actor=agent_flows.actor_for(agent)
    )
    return render(request, "console/_presence.html", current=value, presences=PRESENCES)


async def _after_write(
    request: Request, session: DbSession, agent: ConsoleAgent, ticket_id: int
) -> Response:
    await session.flush()
    c = await pages.conversation(
        session, agent, ticket_id, pages.exchange_of(request.app.state.ctx.services)
    )
    me = await pages.agent_header(session, agent.id)
    return render(request, "console/_conversation.html", c=c, me=me)


@router.post("/console/tickets/{ticket_id}/reply", response_class=HTMLResponse)
async def reply(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    context: Ctx,
    body: Text,
    kind: Annotated[str, Form(pattern="^(reply|note)$")] = "reply",
    status: Annotated[str, Form(max_length=16)] = "",
    file: Annotated[UploadFile | None, File()] = None,
) -> Response:
    """A public reply (optionally moving the status) or an internal note, with a file."""
    if not body.strip():
        raise Invalid("body", "write something first")
    ticket = await access.access_ticket_by_id(session, agent, ticket_id, write=True)
    author = ticket_flows.Author.of(agent)
    attachment_ids = []
    if file is not None and file.filename:
        limit = context.settings.max_attachment_bytes
        data = await read_upload(file, limit)
        storage = AttachmentStorage(context.settings.attachments_dir)
        attachment = await ticket_flows.add_attachment(
            session, storage, ticket, author, file.filename, data, max_bytes=limit
        )
        attachment_ids.append(attachment.id)
    if kind == "note":
        await ticket_flows.add_note(session, ticket, author, body, attachment_ids=attachment_ids)
    else:
        if status and status not in SETTABLE_STATUSES:
            raise Invalid("status", f"must be one of {', '.join(SETTABLE_STATUSES)}")
        await ticket_flows.add_reply(
            session, ticket, author, body, status=status or None, attachment_ids=attachment_ids
        )
    return await _after_write(request, session, agent, ticket_id)


@router.get("/console/tickets/{ticket_id}/macro", response_class=HTMLResponse)
async def macro(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: ReadSession,
    macro_id: Annotated[str, Query(max_length=20)] = "",
) -> Response:
    """The reply box filled with a macro for this ticket (language, names filled in)."""
    ticket = await access.access_ticket_by_id(session, agent, ticket_id)
    chosen = await ticket_service.get_macro(session, int(macro_id)) if macro_id.isdigit() else None
    if chosen is None or not chosen.active:
        return render(request, "console/_reply_body.html", text="")
    text = await ticket_service.macro_reply(session, chosen, ticket, agent.display_name)
    return render(request, "console/_reply_body.html", text=text, set_status=chosen.set_status)


@router.post("/console/tickets/{ticket_id}/status", response_class=HTMLResponse)
async def change_status(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    status: Annotated[str, Form(max_length=16)],
) -> Response:
    if status not in SETTABLE_STATUSES:
        raise Invalid("status", f"must be one of {', '.join(SETTABLE_STATUSES)}")
    ticket = await access.access_ticket_by_id(session, agent, ticket_id, write=True)
    access.check_staff_write(agent)
    await ticket_flows.update_ticket(
        session, ticket, {"status": status}, author=ticket_flows.Author.of(agent)
    )
    return await _after_write(request, session, agent, ticket_id)


@router.post("/console/tickets/{ticket_id}/escalate", response_class=HTMLResponse)
async def escalate(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    summary: Annotated[str, Form(max_length=4000)],
    tried: Annotated[str, Form(max_length=4000)] = "",
) -> Response:
    """Hand the conversation to tier 2 with the written handover."""
    parent = await access.access_ticket_by_id(session, agent, ticket_id, write=True)
    await escalation.escalate(session, parent, agent.id, summary, tried, [])
    return await _after_write(request, session, agent, ticket_id)


@router.post("/console/tickets/{ticket_id}/transfer", response_class=HTMLResponse)
async def transfer(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    team_id: Annotated[int, Form(ge=1)],
) -> Response:
    """Hand the conversation to another team's queue (it leaves the current assignee)."""
    ticket = await access.access_ticket_by_id(session, agent, ticket_id, write=True)
    access.check_staff_write(agent)
    access.check_assignment(agent, ticket.assignee_id, None)
    await ticket_flows.update_ticket(
        session, ticket, {"team_id": team_id, "assignee_id": None},
        author=ticket_flows.Author.of(agent),
    )  # fmt: skip
    return await _after_write(request, session, agent, ticket_id)


@router.post("/console/tickets/{ticket_id}/consult", response_class=HTMLResponse)
async def consult(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    team_id: Annotated[int, Form(ge=1)],
    question: Annotated[str, Form(min_length=1, max_length=4000)],
) -> Response:
    """Ask an expert team (product, tech, legal) in a side conversation."""
    ticket = await access.access_ticket_by_id(session, agent, ticket_id, write=True)
    await escalation.consult(session, ticket, agent.id, question, team_id)
    return await _after_write(request, session, agent, ticket_id)


@router.post("/console/tickets/{ticket_id}/merge", response_class=HTMLResponse)
async def merge(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    target_id: Annotated[int, Form(ge=1)],
) -> Response:
    """Merge this conversation into another of the same customer's; this one closes."""
    access.check_staff_write(agent)
    source, target = await access.access_ticket_pair_for_write(session, agent, ticket_id, target_id)
    await ticket_flows.merge_tickets(session, source, target, author=ticket_flows.Author.of(agent))
    return await _after_write(request, session, agent, ticket_id)


@router.post("/console/tickets/{ticket_id}/resolve", response_class=HTMLResponse)
async def resolve_escalation(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    resolution: Text,
    tell_customer: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Tier 2 solves the escalation child; the resolution flows back to the conversation.

    With ``tell_customer`` the engineer also answers the customer on the original
    conversation, so the user hears it at once rather than after tier 1 relays it.
    """
    if not resolution.strip():
        raise Invalid("resolution", "write the resolution first")
    child = await access.access_ticket_by_id(session, agent, ticket_id, write=True)
    row = await escalation.escalation_by_child(session, child.id)
    if row is None:
        raise Invalid("ticket", "this conversation is not an escalation")
    author = ticket_flows.Author.of(agent)
    if tell_customer:
        parent = await access.access_ticket_by_id(session, agent, row.parent_id, write=True)
        await ticket_flows.add_reply(session, parent, author, resolution)
    await ticket_flows.add_reply(session, child, author, resolution, status="solved")
    return await _after_write(request, session, agent, ticket_id)


@router.post("/console/tickets/{ticket_id}/cancel-orders", response_class=HTMLResponse)
async def cancel_orders(
    ticket_id: PathId,
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    context: Ctx,
    order_id: Annotated[list[str], Form(max_length=100)],
    reason: Annotated[str, Form(max_length=2000)],
) -> Response:
    """Cancel the requester's selected open orders: at once within the agent's limits,
    else once a second person approves (``compensation.order_cancellations``)."""
    access.check_staff_write(agent)
    ticket = await access.access_ticket_by_id(session, agent, ticket_id, write=True)
    try:
        form = OrderCancellationForm(order_ids=order_id, reason=reason.strip())
    except ValidationError as error:
        first = error.errors()[0]
        raise Invalid(str(first["loc"][0]), first["msg"]) from None
    with back_office_errors():
        await order_cancellations.request(
            session, back_office(context.services), ticket, agent, form,
            order_cancellations.KIND.limits(context.services),
        )  # fmt: skip
    return await _after_write(request, session, agent, ticket_id)
