"""The help centre for end users, in the 15 languages: chat, request form, my requests.

An end user arrives signed in at the exchange: the exchange sends them to
``/help/signin#token=<exchange token>`` (the fragment never reaches a server log), the
page posts the token to ``/help/session`` and cexdesk answers with its own help-centre
cookie. Every page that shows or changes a conversation goes through the same
``tickets.access`` and ``tickets.flows`` as the API.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, File, Form, Path, Query, Request, UploadFile
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import Field, ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from cexdesk.api.deps import HELP_SESSION_COOKIE, Ctx, DbSession, ReadSession, same_origin
from cexdesk.api.schemas import PathId, StrictModel
from cexdesk.bot.texts import bot_text, recovery_reason
from cexdesk.core.auth import Principal
from cexdesk.core.errors import Conflict, Forbidden, Invalid, NotFound
from cexdesk.core.security import sign_help_session, verify_exchange_token
from cexdesk.customers import flows as customer_flows
from cexdesk.customers import service as customer_service
from cexdesk.customers.models import Customer
from cexdesk.exchange.chains import CHAINS
from cexdesk.exchange.service import (
    BackOfficeFailed,
    ExchangeNotConfigured,
    back_office,
    back_office_errors,
)
from cexdesk.intake.language import SUPPORTED
from cexdesk.kb import flows as kb_flows
from cexdesk.kb import render as kb_render
from cexdesk.kb import service as kb_service
from cexdesk.official import check as official_check
from cexdesk.official import service as official_service
from cexdesk.recovery import flows as recovery_flows
from cexdesk.recovery import service as recovery_service
from cexdesk.recovery.engine import DEFAULT_POLICY
from cexdesk.recovery.models import RecoveryClaim
from cexdesk.recovery.schemas import ClaimForm
from cexdesk.recovery.views import POLICY_KEY as RECOVERY_POLICY_KEY
from cexdesk.tickets import access
from cexdesk.tickets import flows as ticket_flows
from cexdesk.tickets import service as ticket_service
from cexdesk.tickets.models import Attachment, Ticket
from cexdesk.tickets.storage import AttachmentStorage, download_response, read_upload
from cexdesk.web import i18n
from cexdesk.web.auth import ChatCustomer, HelpCustomer, SignInNeeded, help_csrf
from cexdesk.web.templating import render

router = APIRouter(include_in_schema=False)

HELP_SESSION_HOURS = 8
READER_COOKIE = "cexdesk_reader"  # a random id, so an anonymous reader votes once
Language = Annotated[str, Path(max_length=8)]
CUSTOMER_STATUS = {"new": "status_open", "open": "status_open", "on_hold": "status_open",
                   "pending": "status_awaiting_you", "solved": "status_solved",
                   "closed": "status_solved"}  # fmt: skip


def _language(lang: str) -> str:
    if lang not in SUPPORTED:
        raise NotFound("language", lang)
    return lang


def _page(
    request: Request,
    context: Ctx,
    template: str,
    lang: str,
    customer: Principal | None,
    **values: Any,
) -> Response:
    return render(
        request,
        template,
        lang=lang,
        dir="rtl" if lang in i18n.RTL else "ltr",
        customer=customer,
        csrf=help_csrf(request, context) if customer else "",
        languages=SUPPORTED,
        path_tail=request.url.path.split("/", 3)[3] if request.url.path.count("/") >= 3 else "",
        **values,
    )


@router.get("/help")
async def help_root(request: Request) -> Response:
    lang = i18n.best_language(request.headers.get("accept-language"))
    return RedirectResponse(f"/help/{lang}", status_code=303)


@router.get("/help/language")
async def switch_language(to: Annotated[str, Query(max_length=8)] = "en") -> Response:
    """The language picker without script: straight to that language's home."""
    return RedirectResponse(f"/help/{_language(to)}", status_code=303)


@router.get("/help/signin", response_class=HTMLResponse)
async def signin_page(request: Request, context: Ctx) -> Response:
    """Reads the exchange token from the URL fragment (help.js) and trades it in."""
    lang = i18n.best_language(request.headers.get("accept-language"))
    return _page(request, context, "help/signin.html", lang, None)


class SessionIn(StrictModel):
    token: str = Field(min_length=10, max_length=4096)


@router.post("/help/session", status_code=204)
async def start_session(body: SessionIn, request: Request, context: Ctx) -> Response:
    """Trade an exchange token for the help-centre cookie."""
    if not same_origin(request.headers):
        raise Forbidden("the help-centre session starts from this site's own page")
    identity = verify_exchange_token(
        context.settings.exchange_token_key,
        body.token,
        now=context.clock.now(),
        max_age=context.settings.exchange_token_max_age_seconds,
    )
    principal = await customer_flows.principal_for_exchange_identity(context.db, identity)
    return _with_help_cookie(Response(status_code=204), context, principal.id)


def _with_help_cookie(response: Response, context: Ctx, customer_id: int) -> Response:
    ttl = timedelta(hours=HELP_SESSION_HOURS)
    expires = int((context.clock.now() + ttl).timestamp())
    response.set_cookie(
        HELP_SESSION_COOKIE,
        sign_help_session(context.settings.secret_key, customer_id, expires),
        max_age=int(ttl.total_seconds()),
        path="/",
        secure=context.settings.cookie_secure,
        httponly=True,
        samesite="lax",
    )
    return response


@router.post("/help/signout")
async def end_session(request: Request, customer: HelpCustomer, context: Ctx) -> Response:
    response = Response(status_code=200, headers={"HX-Redirect": "/help"})
    response.delete_cookie(HELP_SESSION_COOKIE, path="/", secure=context.settings.cookie_secure,
                           httponly=True, samesite="lax")  # fmt: skip
    return response


@router.get("/help/demo", response_class=HTMLResponse)
async def demo_people(request: Request, session: ReadSession, context: Ctx) -> Response:
    """Demo mode only: pick a demo customer instead of signing in at an exchange."""
    if not context.settings.demo:
        raise NotFound("page", "/help/demo")
    people, _ = await customer_service.list_customers(session, limit=30)
    people = [p for p in people if p.exchange_uid]
    return _page(request, context, "help/demo.html", "en", None, people=people)


@router.post("/help/demo/{customer_id}")
async def demo_sign_in(
    customer_id: PathId, request: Request, context: Ctx, session: ReadSession
) -> Response:
    if not context.settings.demo:
        raise NotFound("page", "/help/demo")
    if not same_origin(request.headers):
        raise Forbidden("demo sign-in starts from this site's own page")
    customer = await customer_service.get_customer(session, customer_id)
    if customer is None:
        raise NotFound("customer", customer_id)
    response = RedirectResponse(f"/help/{customer.language}/chat", status_code=303)
    return _with_help_cookie(response, context, customer.id)


@router.get("/help/{lang}", response_class=HTMLResponse)
async def home(
    lang: Language, request: Request, customer: HelpCustomer, session: ReadSession, context: Ctx
) -> Response:
    """Search, and every article by category, in the reader's language."""
    lang = _language(lang)
    by_category: dict[str, list[kb_service.Shown]] = {}
    for shown in await kb_service.published_articles(session, lang):
        by_category.setdefault(shown.category, []).append(shown)
    return _page(request, context, "help/home.html", lang, customer, by_category=by_category,
                 query="")  # fmt: skip


@router.get("/help/{lang}/search", response_class=HTMLResponse)
async def search(
    lang: Language,
    request: Request,
    customer: HelpCustomer,
    session: ReadSession,
    context: Ctx,
    q: Annotated[str, Query(max_length=500)] = "",
) -> Response:
    lang = _language(lang)
    found = await kb_service.search_articles(session, lang, q, limit=10) if q.strip() else []
    return _page(request, context, "help/search.html", lang, customer, query=q, found=found)


@router.get("/help/{lang}/verify", response_class=HTMLResponse)
async def verify(
    lang: Language,
    request: Request,
    customer: HelpCustomer,
    session: ReadSession,
    context: Ctx,
    value: Annotated[str, Query(max_length=500)] = "",
) -> Response:
    """Is this e-mail, phone number, Telegram or X account, or link really ours?"""
    lang = _language(lang)
    found = None
    unreadable = False
    if value.strip():
        try:
            found = official_check.verdict(value, await official_service.registry(session))
        except official_check.Unreadable:
            unreadable = True
    return _page(request, context, "help/verify.html", lang, customer, value=value,
                 found=found, unreadable=unreadable)  # fmt: skip


@router.get("/help/{lang}/articles/{slug}", response_class=HTMLResponse)
async def article(
    lang: Language,
    slug: Annotated[str, Path(max_length=120)],
    request: Request,
    customer: HelpCustomer,
    session: ReadSession,
    context: Ctx,
) -> Response:
    lang = _language(lang)
    shown = await kb_service.article(session, slug, lang)
    if shown is None:
        raise NotFound("article", slug)
    return _page(request, context, "help/article.html", lang, customer, shown=shown,
                 html=kb_render.to_html(shown.body), voted=None)  # fmt: skip


@router.post("/help/{lang}/articles/{slug}/vote", response_class=HTMLResponse)
async def vote(
    lang: Language,
    slug: Annotated[str, Path(max_length=120)],
    request: Request,
    customer: HelpCustomer,
    session: DbSession,
    context: Ctx,
    helpful: Annotated[str, Form(pattern="^(yes|no)$")],
) -> Response:
    """Was this helpful? Signed-in readers vote as themselves, others by a reader cookie."""
    lang = _language(lang)
    if not same_origin(request.headers):
        raise Forbidden("votes come from this site's own pages")
    reader = request.cookies.get(READER_COOKIE) or secrets.token_urlsafe(16)
    voter = f"customer:{customer.id}" if customer else f"reader:{reader[:40]}"
    await kb_flows.vote(session, slug, lang, voter, helpful == "yes")
    response = render(request, "help/_voted.html", lang=lang, helpful=helpful == "yes")
    if customer is None:
        response.set_cookie(READER_COOKIE, reader, max_age=365 * 86400, httponly=True,
                            samesite="lax", secure=context.settings.cookie_secure)  # fmt: skip
    return response


@router.get("/help/{lang}/chat", response_class=HTMLResponse)
async def chat(
    lang: Language, request: Request, customer: HelpCustomer, context: Ctx, embed: bool = False
) -> Response:
    """The chat widget. With ``embed`` it is the page the exchange's sites frame
    (``static/js/embed.js``): no header, and the exchange's token arrives in the URL
    fragment and, when it runs out, by ``postMessage`` from an allowed origin."""
    lang = _language(lang)
    template = "help/embed_chat.html" if embed else "help/chat.html"
    return _page(
        request, context, template, lang, customer, strings=i18n.strings_for(lang),
        widget_origins=context.settings.widget_origins,
        bot={"on": "chat" in context.settings.bot_channels,
             "greeting": bot_text("greeting", lang), "human": bot_text("button_human", lang),
             "solved": bot_text("button_solved", lang)},
    )  # fmt: skip


@router.get("/help/{lang}/contact", response_class=HTMLResponse)
async def contact_form(
    lang: Language, request: Request, customer: HelpCustomer, context: Ctx
) -> Response:
    return _page(request, context, "help/contact.html", _language(lang), customer, created=None)


@router.post("/help/{lang}/contact", response_class=HTMLResponse)
async def submit_request(
    lang: Language,
    request: Request,
    customer: HelpCustomer,
    session: DbSession,
    context: Ctx,
    subject: Annotated[str, Form(min_length=1, max_length=300)],
    body: Annotated[str, Form(min_length=1, max_length=20_000)],
    files: Annotated[list[UploadFile], File()] = [],  # noqa: B006 (FastAPI reads, never mutates)
) -> Response:
    """A request from the form: a ticket on the ``web`` channel, through the intake, with
    up to ``MAX_FORM_FILES`` files on its first message."""
    lang = _language(lang)
    if customer is None:
        raise Forbidden("sign in at the exchange first")
    uploads = await _read_uploads(context, [f for f in files if f.filename])
    author = ticket_flows.Author.of(customer)
    created = await ticket_flows.create_ticket(
        session, customer.id, subject, body, "web", author=author
    )
    if uploads and created.message is not None:
        await ticket_flows.attach_to_message(
            session, _storage(context), created.ticket, created.message, author, uploads,
            max_bytes=context.settings.max_attachment_bytes,
        )  # fmt: skip
    return _page(request, context, "help/_created.html", lang, customer, created=created.ticket)


MAX_FORM_FILES = 5


def _storage(context: Ctx) -> AttachmentStorage:
    return AttachmentStorage(context.settings.attachments_dir)


async def _read_uploads(context: Ctx, files: list[UploadFile]) -> list[tuple[str | None, bytes]]:
    if len(files) > MAX_FORM_FILES:
        raise Invalid("files", f"at most {MAX_FORM_FILES} files per request")
    limit = context.settings.max_attachment_bytes
    uploads = []
    for upload in files:
        uploads.append((upload.filename, await read_upload(upload, limit, str(upload.filename))))
    return uploads


@router.post("/help/chat/{ticket_id}/attachments", status_code=201)
async def chat_attachment(
    ticket_id: PathId,
    customer: ChatCustomer,
    session: DbSession,
    context: Ctx,
    file: Annotated[UploadFile, File()],
) -> dict[str, int]:
    """A file sent from the chat widget: a message of its own in the chat conversation,
    which the customer's and the agent's screens receive like any other."""
    ticket = await access.access_ticket_by_id(session, customer, ticket_id, write=True)
    if ticket.channel != "chat":
        raise Invalid("ticket_id", "not a chat conversation")
    [(filename, data)] = await _read_uploads(context, [file])
    author = ticket_flows.Author.of(customer)
    attachment = await ticket_flows.add_attachment(
        session, _storage(context), ticket, author, filename, data,
        max_bytes=context.settings.max_attachment_bytes,
    )  # fmt: skip
    replied = await ticket_flows.add_reply(
        session, ticket, author, f"📎 {attachment.filename}", attachment_ids=[attachment.id]
    )
    return {"message_id": replied.message.id, "attachment_id": attachment.id}


@router.get("/help/{lang}/requests", response_class=HTMLResponse)
async def my_requests(
    lang: Language, request: Request, customer: HelpCustomer, session: ReadSession, context: Ctx
) -> Response:
    lang = _language(lang)
    tickets: list[Ticket] = []
    if customer is not None:
        tickets, _ = await ticket_service.list_tickets(
            session,
            ticket_service.TicketFilters(requester_id=customer.id, hide_staff_only=True),
            before_id=None,
            limit=50,
        )
    return _page(request, context, "help/requests.html", lang, customer, tickets=tickets,
                 status_key=CUSTOMER_STATUS)  # fmt: skip


@router.get("/help/{lang}/requests/{ticket_id}", response_class=HTMLResponse)
async def one_request(
    lang: Language,
    ticket_id: PathId,
    request: Request,
    customer: HelpCustomer,
    session: ReadSession,
    context: Ctx,
) -> Response:
    lang = _language(lang)
    if customer is None:
        return RedirectResponse(f"/help/{lang}/requests", status_code=303)
    ticket = await access.access_ticket_by_id(session, customer, ticket_id)
    messages, _ = await ticket_service.messages_page(session, ticket.id, include_internal=False)
    files: dict[int | None, list[Attachment]] = {}
    for attachment in await access.visible_attachments(session, customer, ticket.id):
        files.setdefault(attachment.message_id, []).append(attachment)
    return _page(request, context, "help/request.html", lang, customer, ticket=ticket,
                 messages=messages, files=files, status_key=CUSTOMER_STATUS)  # fmt: skip


@router.get("/help/attachments/{attachment_id}")
async def download(
    attachment_id: PathId, customer: HelpCustomer, session: ReadSession, context: Ctx
) -> Response:
    """A file of the signed-in user's own conversations, as a download."""
    if customer is None:
        raise NotFound("attachment", attachment_id)
    attachment = await access.access_attachment_by_id(session, customer, attachment_id)
    return await download_response(_storage(context), attachment)


@router.post("/help/{lang}/requests/{ticket_id}/reply", response_class=HTMLResponse)
async def reply_to_request(
    lang: Language,
    ticket_id: PathId,
    request: Request,
    customer: HelpCustomer,
    session: DbSession,
    context: Ctx,
    body: Annotated[str, Form(min_length=1, max_length=20_000)],
) -> Response:
    lang = _language(lang)
    if customer is None:
        raise Forbidden("sign in at the exchange first")
    if not body.strip():
        raise Invalid("body", "write something first")
    ticket = await access.access_ticket_by_id(session, customer, ticket_id, write=True)
    replied = await ticket_flows.add_reply(session, ticket, ticket_flows.Author.of(customer), body)
    # A reply to a closed request opens a follow-up: show that one.
    target = replied.ticket.id
    return Response(headers={"HX-Redirect": f"/help/{lang}/requests/{target}"})


# --- deposit claims -------------------------------------------------------------------

# The form's fields (short names: the bot links ``?tx=…&asset=…&network=…&amount=…``)
# and the claim's fields they fill.
CLAIM_FIELDS = {"tx": "tx_hash", "asset": "asset", "network": "network", "amount": "amount",
                "source": "source_address", "note": "note"}  # fmt: skip
CLAIM_FIELD_OF = {claim: form for form, claim in CLAIM_FIELDS.items()}
CLAIM_ERRORS = {"tx": "claim_error_tx", "asset": "claim_error_asset",
                "network": "claim_error_network", "amount": "claim_error_amount",
                "source": "claim_error_source", "note": "claim_error_note"}  # fmt: skip
CLAIM_STATUSES = ("recovered", "in_review", "waiting", "not_recoverable", "rejected",
                  "nothing_to_do")  # fmt: skip
CLAIM_STATUS = {status: f"claim_status_{status}" for status in CLAIM_STATUSES}
FormText = Annotated[str, Form(max_length=20_000)]


def claim_outcome(claim: RecoveryClaim, lang: str) -> str:
    """How a claim went, in the customer's language."""
    asset = str(claim.evidence.get("transfer", {}).get("asset") or claim.asset)
    if claim.status == "recovered":
        return i18n.text(lang, "claim_paid", amount=claim.net_amount, asset=asset, fee=claim.fee)
    if claim.status == "not_recoverable":
        values = claim.evidence.get("reason_values") or {}
        reason = recovery_reason(
            claim.evidence.get("reason_code"), lang, "; ".join(claim.reasons),
            {str(k): str(v) for k, v in values.items()},
        )  # fmt: skip
        return i18n.text(lang, "claim_refused", reason=reason)
    key = {"waiting": "claim_waiting", "rejected": "claim_rejected",
           "nothing_to_do": "claim_nothing"}.get(claim.status, "claim_in_review")  # fmt: skip
    return i18n.text(lang, key)


async def _claim_page(
    request: Request,
    context: Ctx,
    session: AsyncSession,
    lang: str,
    customer: Principal,
    values: dict[str, str],
    *,
    errors: dict[str, str] | None = None,
    filed: RecoveryClaim | None = None,
    fragment: bool = False,
) -> Response:
    claims = await recovery_service.list_claims(
        session, customer_id=customer.id, status=None, limit=50
    )
    template = "help/_claim.html" if fragment else "help/claim.html"
    return _page(
        request, context, template, lang, customer, values=values, errors=errors or {},
        filed=filed, outcome=claim_outcome(filed, lang) if filed else "", claims=claims,
        outcomes={c.id: claim_outcome(c, lang) for c in claims}, status_key=CLAIM_STATUS,
        networks=list(CHAINS.values()),
    )  # fmt: skip


@router.get("/help/{lang}/recovery/claim", response_class=HTMLResponse)
async def claim_form(
    lang: Language,
    request: Request,
    customer: HelpCustomer,
    session: ReadSession,
    context: Ctx,
    tx: Annotated[str, Query(max_length=200)] = "",
    asset: Annotated[str, Query(max_length=40)] = "",
    network: Annotated[str, Query(max_length=40)] = "",
    amount: Annotated[str, Query(max_length=80)] = "",
    source: Annotated[str, Query(max_length=200)] = "",
) -> Response:
    """Claim a deposit that did not arrive, prefilled from the query (the bot's link),
    and the customer's own claims with how each went."""
    lang = _language(lang)
    if customer is None:
        raise SignInNeeded("/help/signin")
    values = {"tx": tx.strip(), "asset": asset.strip(), "network": network.strip(),
              "amount": amount.strip(), "source": source.strip(), "note": ""}  # fmt: skip
    return await _claim_page(request, context, session, lang, customer, values)


@router.post("/help/{lang}/recovery/claim", response_class=HTMLResponse)
async def file_claim(
    lang: Language,
    request: Request,
    customer: HelpCustomer,
    session: DbSession,
    context: Ctx,
    tx: FormText = "",
    asset: FormText = "",
    network: FormText = "",
    amount: FormText = "",
    source: FormText = "",
    note: FormText = "",
) -> Response:
    """File the claim through ``recovery.flows`` (the API's rules, fees, minimums and
    idempotency) and show the outcome; bad input comes back with its values and why."""
    lang = _language(lang)
    if customer is None:
        raise SignInNeeded("/help/signin")
    values = {"tx": tx.strip(), "asset": asset.strip().upper(), "network": network.strip(),
              "amount": amount.strip(), "source": source.strip(),
              "note": note.strip()}  # fmt: skip
    errors: dict[str, str] = {}
    try:
        form = ClaimForm.model_validate(
            {claim: values[field] for field, claim in CLAIM_FIELDS.items() if values[field]}
            | {"note": values["note"] or None}
        )
    except ValidationError as error:
        for problem in error.errors():
            field = CLAIM_FIELD_OF.get(str(problem["loc"][0]) if problem["loc"] else "", "tx")
            errors.setdefault(field, i18n.text(lang, CLAIM_ERRORS[field]))
        return await _claim_page(request, context, session, lang, customer, values,
                                 errors=errors, fragment=True)  # fmt: skip
    claimant = await session.get(Customer, customer.id)
    if claimant is None:
        raise NotFound("customer", customer.id)
    policy = context.services.get(RECOVERY_POLICY_KEY, DEFAULT_POLICY)
    try:
        # A claim that cannot be filed leaves nothing behind, as the API's would not.
        async with session.begin_nested():
            with back_office_errors():
                filed = await recovery_flows.file_claim(
                    session, back_office(context.services), claimant, form, policy
                )
    except Invalid as error:
        errors = _claim_error(error, lang)
    except Conflict as error:
        # The deposit went to someone else already (``flows._pay``), or the exchange refused.
        paid = "already been paid" in error.detail
        errors = {"": i18n.text(lang, "claim_error_already_paid" if paid else
                                "claim_error_unavailable")}  # fmt: skip
    except (BackOfficeFailed, ExchangeNotConfigured):
        errors = {"": i18n.text(lang, "claim_error_unavailable")}
    if errors:
        return await _claim_page(request, context, session, lang, customer, values,
                                 errors=errors, fragment=True)  # fmt: skip
    empty = dict.fromkeys(CLAIM_FIELDS, "")
    return await _claim_page(request, context, session, lang, customer, empty, filed=filed,
                             fragment=True)  # fmt: skip


def _claim_error(error: Invalid, lang: str) -> dict[str, str]:
    """The recovery flow's refusal of a claim's details, in the customer's language."""
    field = str(error.errors[0]["field"]) if error.errors else ""
    if field == "tx_hash":
        return {"tx": i18n.text(lang, "claim_error_tx_not_found")}
    if field in CLAIM_FIELD_OF:
        form_field = CLAIM_FIELD_OF[field]
        return {form_field: i18n.text(lang, CLAIM_ERRORS[form_field])}
    return {"": i18n.text(lang, "claim_error_account")}
