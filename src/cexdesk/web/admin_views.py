"""Admin pages: what failed and can be replayed (dead deliveries, inbound payloads),
the audit log, and who works here (agents, teams)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from pydantic import ValidationError

from cexdesk.agents import flows as agent_flows
from cexdesk.agents import service as agent_service
from cexdesk.agents.schemas import AgentPatch
from cexdesk.api.deps import Ctx, DbSession, ReadSession
from cexdesk.api.schemas import PathId
from cexdesk.channels import inbound
from cexdesk.core import audit, outbox
from cexdesk.core.auth import Perm, Principal, Role
from cexdesk.core.errors import Forbidden, Invalid, NotFound
from cexdesk.core.settings import Settings
from cexdesk.customers.flows import LANGUAGES
from cexdesk.sla import service as sla_service
from cexdesk.sla.serialise import policy_to_json
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service
from cexdesk.web import pages
from cexdesk.web.auth import ConsoleAgent, console_csrf
from cexdesk.web.templating import render

router = APIRouter(include_in_schema=False)


@dataclass(frozen=True)
class ChannelState:
    name: str
    configured: bool
    detail: str


def channel_states(settings: Settings) -> list[ChannelState]:
    """Which channels this desk has switched on (settings; secrets never shown)."""
    mailboxes = [urlsplit(m).hostname or "?" for m in settings.imap_mailboxes]
    origins = ", ".join(settings.widget_origins)
    return [
        ChannelState("live chat", True, "help centre chat and /api/v1/channels/chat/ws"),
        ChannelState("chat widget", bool(settings.widget_origins),
                     f"framed by {origins}" if origins else "set CEXDESK_WIDGET_ORIGINS"),
        ChannelState("web form and API", True, "/help/{lang}/contact and POST /api/v1/tickets"),
        ChannelState("email in (SMTP)", settings.smtp_listen_host is not None,
                     f"{settings.smtp_listen_host}:{settings.smtp_listen_port}"
                     if settings.smtp_listen_host else "set CEXDESK_SMTP_LISTEN_HOST"),
        ChannelState("email in (IMAP)", bool(mailboxes),
                     ", ".join(mailboxes) or "set CEXDESK_IMAP_MAILBOXES"),
        ChannelState("email out", settings.smtp_relay_host is not None,
                     f"via {settings.smtp_relay_host} as {settings.mail_from}"
                     if settings.smtp_relay_host else "set CEXDESK_SMTP_RELAY_HOST"),
        ChannelState("Telegram", settings.telegram_bot_token is not None,
                     "bot token set" if settings.telegram_bot_token
                     else "set CEXDESK_TELEGRAM_BOT_TOKEN"),
        ChannelState("X", settings.x_bearer_token is not None,
                     "account connected" if settings.x_bearer_token
                     else "set CEXDESK_X_BEARER_TOKEN"),
        ChannelState("phone", settings.phone_webhook_secret is not None,
                     "provider webhook on" if settings.phone_webhook_secret
                     else "set CEXDESK_PHONE_WEBHOOK_SECRET"),
    ]  # fmt: skip


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
        channels=channel_states(context.settings),
        policies=[(p.name, policy_to_json(p)) for p in await sla_service.policies(session)],
        macros=await ticket_service.list_macros(session, active_only=False),
        manages_macros=agent.can(Perm.MACROS_MANAGE),
        manages_agents=agent.can(Perm.AGENTS_MANAGE),
        roles=[r.value for r in Role if r is not Role.CUSTOMER],
        languages=LANGUAGES,
    )


@router.post("/console/admin/agents/{agent_id}", response_class=HTMLResponse)
async def change_agent(
    agent_id: PathId,
    agent: ConsoleAgent,
    session: DbSession,
    role: Annotated[str, Form(max_length=24)],
    tier: Annotated[int, Form(ge=1, le=3)],
    languages: Annotated[str, Form(max_length=200)],
    chat_capacity: Annotated[int, Form(ge=0, le=20)],
    ticket_capacity: Annotated[int, Form(ge=0, le=200)],
    active: Annotated[str, Form(max_length=8)] = "",
) -> Response:
    """Role, tier, languages, capacity and whether the account works, for admins; the
    same checks as ``PATCH /api/v1/agents/{id}`` (agents.flows.check_agent_change)."""
    target = await agent_service.get_agent(session, agent_id)
    if target is None:
        raise NotFound("agent", agent_id)
    try:
        patch = AgentPatch.model_validate({
            "role": role, "tier": tier, "chat_capacity": chat_capacity,
            "ticket_capacity": ticket_capacity, "active": bool(active),
            "languages": [lang.strip() for lang in languages.split(",") if lang.strip()],
        })  # fmt: skip
    except ValidationError as error:
        raise Invalid("agent", error.errors()[0]["msg"]) from None
    changes = patch.model_dump(exclude_unset=True)
    changes = {k: v for k, v in changes.items() if getattr(target, k) != v}
    agent_flows.check_agent_change(agent, target, changes)
    changed = await agent_flows.update_agent(
        session, target, changes, actor=agent_flows.actor_for(agent)
    )
    said = ", ".join(changed) if changed else "nothing"
    return HTMLResponse(f'<span class="ok">changed: {escape(said)}</span>')


@router.post("/console/admin/macros", response_class=HTMLResponse)
async def save_macro(
    request: Request,
    agent: ConsoleAgent,
    session: DbSession,
    name: Annotated[str, Form(min_length=1, max_length=120)],
    language: Annotated[str, Form(max_length=16)],
    text: Annotated[str, Form(min_length=1, max_length=10_000)],
    set_status: Annotated[str, Form(max_length=16)] = "",
) -> Response:
    """A new macro, or a text in one more language for a macro of that name."""
    agent.require(Perm.MACROS_MANAGE)
    existing = await ticket_service.macro_by_name(session, name)
    texts = {**(existing.texts if existing else {}), language: text}
    macro = await ticket_flows.save_macro(
        session, author=ticket_flows.Author.of(agent), name=name, texts=texts,
        category=existing.category if existing else None,
        set_status=set_status or (existing.set_status if existing else None), macro=existing,
    )  # fmt: skip
    return HTMLResponse(
        f'<p class="ok" id="macro-saved">Saved “{escape(macro.name)}” '
        f"({escape(', '.join(sorted(macro.texts)))}).</p>"
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
    await inbound.replay(session, payload_id, audit.Actor("agent", str(agent.id)))
    return HTMLResponse('<span class="ok">processing again</span>')
