"""Attachments: sniffed types, sanitised names, limits, and who may download."""

from __future__ import annotations

from pathlib import Path

import httpx
from sqlalchemy import func, select

from cexdesk.tickets.models import Attachment
from cexdesk.tickets.storage import sanitise_filename, sniff
from tests.personas import Desk, Person

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"


async def upload(
    person: Person, ticket_id: int, name: str, data: bytes, ctype: str = "image/png"
) -> httpx.Response:
    return await person.post(
        f"/api/v1/tickets/{ticket_id}/attachments", files={"file": (name, data, ctype)}
    )


async def attachment_count(desk: Desk) -> int:
    async with desk.ctx.db.reading() as session:
        return int(
            (await session.execute(select(func.count()).select_from(Attachment))).scalar_one()
        )


async def new_ticket(person: Person) -> int:
    response = await person.post("/api/v1/tickets", json={"subject": "Proof", "body": "see file"})
    assert response.status_code == 201
    ticket_id: int = response.json()["id"]
    return ticket_id


async def test_upload_attach_and_download(desk: Desk) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    tom = await desk.staff("tom")
    ticket_id = await new_ticket(alice)

    # The client says text/plain; the bytes say PNG, and the bytes win.
    sent = await upload(
        alice, ticket_id, "../../etc/\u202eGNP.exe  screenshot.png", PNG, "text/plain"
    )
    assert sent.status_code == 201, sent.text
    meta = sent.json()
    assert meta["content_type"] == "image/png"
    assert meta["filename"] == "GNP.exe screenshot.png"
    assert meta["size"] == len(PNG)
    stored = Path(desk.ctx.settings.attachments_dir)
    assert (stored / meta["sha256"][:2] / meta["sha256"][2:4] / meta["sha256"]).read_bytes() == PNG

    reply = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies",
        json={"body": "here it is", "attachment_ids": [meta["id"]]},
    )
    assert reply.status_code == 201, reply.text
    shown = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()
    assert [a["id"] for a in shown["attachments"]] == [meta["id"]]
    assert shown["attachments"][0]["message_id"] == reply.json()["message"]["id"]

    got = await tom.get(meta["url"])
    assert got.status_code == 200 and got.content == PNG
    assert got.headers["x-content-type-options"] == "nosniff"
    assert got.headers["content-disposition"].startswith("attachment;")
    assert got.headers["content-type"] == "image/png"
    assert (await alice.get(meta["url"])).status_code == 200
    assert (await bob.get(meta["url"])).status_code == 404
    assert (await desk.anonymous().get(meta["url"])).status_code == 401
    # An upload binds to one message only.
    twice = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies",
        json={"body": "again", "attachment_ids": [meta["id"]]},
    )
    assert twice.status_code == 422


async def test_agent_files_on_notes_stay_internal(desk: Desk) -> None:
    alice = await desk.customer("alice")
    tom = await desk.staff("tom")
    ticket_id = await new_ticket(alice)
    internal = (await upload(tom, ticket_id, "chain-analysis.pdf", PDF, "application/pdf")).json()
    public = (await upload(tom, ticket_id, "steps.txt", "1. Öffnen\n2. 打开\n".encode(), "")).json()
    assert internal["content_type"] == "application/pdf"
    assert public["content_type"] == "text/plain"
    # Not yet sent: the customer cannot see either.
    assert (await alice.get(internal["url"])).status_code == 404
    assert (await alice.get(public["url"])).status_code == 404
    await tom.post(
        f"/api/v1/tickets/{ticket_id}/notes",
        json={"body": "trace", "attachment_ids": [internal["id"]]},
    )
    await tom.post(
        f"/api/v1/tickets/{ticket_id}/replies",
        json={"body": "try this", "attachment_ids": [public["id"]]},
    )
    assert (await alice.get(internal["url"])).status_code == 404
    assert (await alice.get(public["url"])).status_code == 200
    seen = (await alice.get(f"/api/v1/tickets/{ticket_id}")).json()["attachments"]
    assert [a["id"] for a in seen] == [public["id"]]
    staff_seen = (await tom.get(f"/api/v1/tickets/{ticket_id}")).json()["attachments"]
    assert {a["id"] for a in staff_seen} == {internal["id"], public["id"]}
    # A customer cannot attach someone else's upload to their message.
    stolen = (await upload(tom, ticket_id, "x.png", PNG)).json()
    refused = await alice.post(
        f"/api/v1/tickets/{ticket_id}/replies",
        json={"body": "mine", "attachment_ids": [stolen["id"]]},
    )
    assert refused.status_code == 422


async def test_bad_files_are_refused_and_nothing_is_stored(desk: Desk) -> None:
    alice = await desk.customer("alice")
    bob = await desk.customer("bob")
    ticket_id = await new_ticket(alice)
    before = await attachment_count(desk)
    exe = await upload(
        alice, ticket_id, "invoice.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100, "application/pdf"
    )
    assert exe.status_code == 415
    assert exe.headers["content-type"] == "application/problem+json"
    html = await upload(
        alice, ticket_id, "note.txt", b"<html><script>alert(1)</script>", "text/plain"
    )
    assert html.status_code == 415
    empty = await upload(alice, ticket_id, "empty.png", b"")
    assert empty.status_code == 422
    limit = desk.ctx.settings.max_attachment_bytes
    big = await upload(alice, ticket_id, "big.png", PNG + b"\x00" * limit)
    assert big.status_code == 413
    assert big.headers["content-type"] == "application/problem+json"
    missing = await alice.post(f"/api/v1/tickets/{ticket_id}/attachments", data={"x": "y"})
    assert missing.status_code == 422
    others = await upload(bob, ticket_id, "a.png", PNG)
    assert others.status_code == 404
    assert await attachment_count(desk) == before


def test_sniff_and_names() -> None:
    assert sniff(b"GIF89a....") == "image/gif"
    assert sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 ") == "image/webp"
    assert sniff(b"\xff\xd8\xff\xe0") == "image/jpeg"
    assert sniff(b"PK\x03\x04rest") == "application/zip"
    assert sniff(b"a,b\n1,2\n", "export.csv") == "text/csv"
    assert sniff(b"\x00\x01binary") is None
    assert sniff(b"<svg onload=alert(1)>") is None
    assert sanitise_filename("..\\..\\boot.ini") == "boot.ini"
    assert sanitise_filename("...hidden") == "hidden"
    assert sanitise_filename("提现截图.png") == "提现截图.png"
    assert sanitise_filename("a\x00b\nc.txt") == "abc.txt"
    assert sanitise_filename("") == "attachment"
    assert sanitise_filename("/") == "attachment"
    long = sanitise_filename("x" * 500 + ".pdf")
    assert len(long) == 200 and long.endswith(".pdf")
