"""Macros: canned replies with a text per language and placeholders (``tickets.macros``)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter
from pydantic import BaseModel, Field

from cexdesk.api.deps import CurrentStaff, DbSession, ReadSession
from cexdesk.api.schemas import PathId, StrictModel
from cexdesk.core.auth import Perm
from cexdesk.core.errors import NotFound
from cexdesk.tickets import access, flows, service
from cexdesk.tickets.models import Macro

router = APIRouter(tags=["macros"])

MacroText = Annotated[str, Field(max_length=10_000)]


class MacroIn(StrictModel):
    name: str = Field(min_length=1, max_length=120)
    texts: dict[Annotated[str, Field(max_length=16)], MacroText] = Field(min_length=1)
    category: str | None = Field(default=None, max_length=40)
    set_status: str | None = Field(default=None, max_length=16)
    active: bool = True


class MacroOut(BaseModel):
    id: int
    name: str
    texts: dict[str, str]
    category: str | None
    set_status: str | None
    active: bool

    @classmethod
    def of(cls, macro: Macro) -> MacroOut:
        return cls(id=macro.id, name=macro.name, texts=dict(macro.texts), category=macro.category,
                   set_status=macro.set_status, active=macro.active)  # fmt: skip


class MacroReply(BaseModel):
    body: str
    set_status: str | None


@router.get("/macros", response_model=list[MacroOut])
async def list_macros(
    session: ReadSession, staff: CurrentStaff, all: bool = False
) -> list[MacroOut]:
    """Active macros by name (``all=true``: the retired ones too)."""
    return [MacroOut.of(m) for m in await service.list_macros(session, active_only=not all)]


@router.post("/macros", status_code=201, response_model=MacroOut)
async def create_macro(body: MacroIn, session: DbSession, staff: CurrentStaff) -> MacroOut:
    staff.require(Perm.MACROS_MANAGE)
    macro = await flows.save_macro(session, author=flows.Author.of(staff), **body.model_dump())
    return MacroOut.of(macro)


@router.put("/macros/{macro_id}", response_model=MacroOut)
async def update_macro(
    macro_id: PathId, body: MacroIn, session: DbSession, staff: CurrentStaff
) -> MacroOut:
    staff.require(Perm.MACROS_MANAGE)
    macro = await service.get_macro(session, macro_id)
    if macro is None:
        raise NotFound("macro", macro_id)
    saved = await flows.save_macro(
        session, author=flows.Author.of(staff), macro=macro, **body.model_dump()
    )
    return MacroOut.of(saved)


@router.get("/tickets/{ticket_id}/macros/{macro_id}", response_model=MacroReply)
async def macro_for_ticket(
    ticket_id: PathId, macro_id: PathId, session: ReadSession, staff: CurrentStaff
) -> MacroReply:
    """The macro as a reply to this ticket: its language, its customer, your name."""
    ticket = await access.access_ticket_by_id(session, staff, ticket_id)
    macro = await service.get_macro(session, macro_id)
    if macro is None or not macro.active:
        raise NotFound("macro", macro_id)
    body = await service.macro_reply(session, macro, ticket, staff.display_name)
    return MacroReply(body=body, set_status=macro.set_status)
