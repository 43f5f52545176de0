"""IMAP polling: new mail in each configured mailbox is stored, then marked \\Seen.

Mailboxes (``imap://user:pass@host:port/INBOX``, ``imaps://`` for TLS) are polled
concurrently; one that fails is logged and never holds up the others. Within a
mailbox each message is fetched on its own (``BODY.PEEK[]``, so nothing is marked
read before it is stored), committed, and only then flagged ``\\Seen``: a crash
between the two fetches the message again, and the payload's source key makes that
a no-op. A message over ``max_email_bytes`` keeps only its headers, under a content
type the parser quarantines with the reason, so an admin sees it and the rest flow.
"""

from __future__ import annotations

import asyncio
import contextlib
import imaplib
import logging
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

from cexdesk.channels import inbound
from cexdesk.channels.email.parse import CHANNEL, CONTENT_TYPE, HEADERS_ONLY, message_ids

log = logging.getLogger(__name__)

_SIZE = re.compile(rb"RFC822\.SIZE (\d+)")


@dataclass(frozen=True)
class Mailbox:
    tls: bool
    host: str
    port: int
    user: str
    password: str
    folder: str

    @property
    def label(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.folder}"


def mailbox_from_url(url: str) -> Mailbox:
    parts = urlsplit(url)
    if parts.scheme not in {"imap", "imaps"} or not parts.hostname:
        raise ValueError(f"not an imap:// or imaps:// URL: {parts.scheme}://{parts.hostname}")
    tls = parts.scheme == "imaps"
    return Mailbox(
        tls=tls,
        host=parts.hostname,
        port=parts.port or (993 if tls else 143),
        user=unquote(parts.username or ""),
        password=unquote(parts.password or ""),
        folder=unquote(parts.path.lstrip("/")) or "INBOX",
    )


@dataclass(frozen=True)
class Fetched:
    uid: str
    source_key: str
    raw: bytes
    content_type: str


class Connection:
    """One imaplib session; every method blocks and runs in a worker thread."""

    def __init__(self, mailbox: Mailbox) -> None:
        self.mailbox = mailbox
        self.client: imaplib.IMAP4 | None = None
        self.uidvalidity = "0"

    def open(self) -> list[str]:
        """Log in, select the folder; the UIDs of unseen messages."""
        box = self.mailbox
        kind = imaplib.IMAP4_SSL if box.tls else imaplib.IMAP4
        self.client = kind(box.host, box.port, timeout=30)
        self.client.login(box.user, box.password)
        status, _ = self.client.select(_quote(box.folder))
        if status != "OK":
            raise RuntimeError(f"cannot select {box.folder}")
        validity = self.client.response("UIDVALIDITY")[1]
        if validity and validity[0]:
            self.uidvalidity = validity[0].decode() if isinstance(validity[0], bytes) else "0"
        status, data = self.client.uid("SEARCH", "UNSEEN")
        if status != "OK" or not data or not data[0]:
            return []
        return [uid.decode() for uid in data[0].split()]

    def fetch(self, uid: str, max_bytes: int) -> Fetched:
        assert self.client is not None
        _, sized = self.client.uid("FETCH", uid, "(RFC822.SIZE)")
        size_match = _SIZE.search(b" ".join(_flatten(sized)))
        size = int(size_match.group(1)) if size_match else 0
        too_big = size > max_bytes
        part = "BODY.PEEK[HEADER]" if too_big else "BODY.PEEK[]"
        status, data = self.client.uid("FETCH", uid, f"({part})")
        body = next((item[1] for item in data if isinstance(item, tuple)), None)
        if status != "OK" or not isinstance(body, bytes):
            raise RuntimeError(f"FETCH {uid} answered {status}")
        key = f"imap:{self.mailbox.label}:{self.uidvalidity}:{uid}"
        if too_big:
            note = f"X-Cexdesk-Refused: {size} bytes over the limit of {max_bytes}\r\n"
            return Fetched(uid, key, note.encode() + body, HEADERS_ONLY)
        found = message_ids(_header_text(body, "message-id"))
        return Fetched(uid, found[0] if found else key, body, CONTENT_TYPE)

    def mark_seen(self, uid: str) -> None:
        assert self.client is not None
        self.client.uid("STORE", uid, "+FLAGS", "(\\Seen)")

    def close(self) -> None:
        if self.client is None:
            return
        try:
            self.client.logout()
        except Exception:  # the server may already be gone; nothing to clean up then
            log.debug("IMAP logout failed for %s", self.mailbox.label, exc_info=True)
        self.client = None


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _flatten(data: list[Any]) -> list[bytes]:
    flat: list[bytes] = []
    for item in data:
        if isinstance(item, tuple):
            flat.extend(x for x in item if isinstance(x, bytes))
        elif isinstance(item, bytes):
            flat.append(item)
    return flat


def _header_text(raw: bytes, name: str) -> str:
    head = raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    for line in head.decode("utf-8", "replace").splitlines():
        key, colon, value = line.partition(":")
        if colon and key.strip().lower() == name:
            return value.strip()
    return ""


async def poll_mailbox(context: Any, mailbox: Mailbox) -> int:
    """Store every unseen message of one mailbox; how many were stored."""
    connection = Connection(mailbox)
    stored = 0
    try:
        uids = await asyncio.to_thread(connection.open)
        for uid in uids:
            try:
                fetched = await asyncio.to_thread(
                    connection.fetch, uid, context.settings.max_email_bytes
                )
            except (imaplib.IMAP4.abort, OSError):
                raise  # the connection is gone: the next poll starts over
            except Exception:
                log.exception("IMAP %s: could not fetch UID %s", mailbox.label, uid)
                continue
            async with context.db.transaction() as session:
                await inbound.store(session, CHANNEL, fetched.source_key, fetched.raw,
                                    fetched.content_type)  # fmt: skip
            await asyncio.to_thread(connection.mark_seen, uid)
            stored += 1
    finally:
        await asyncio.to_thread(connection.close)
    return stored


async def poll_all(context: Any) -> dict[str, int | BaseException]:
    """Poll every configured mailbox at once; a failure is reported, never raised."""
    mailboxes = [mailbox_from_url(url) for url in context.settings.imap_mailboxes]
    results = await asyncio.gather(
        *(poll_mailbox(context, box) for box in mailboxes), return_exceptions=True
    )
    outcome: dict[str, int | BaseException] = {}
    for box, result in zip(mailboxes, results, strict=True):
        if isinstance(result, BaseException):
            if not isinstance(result, Exception):
                raise result  # cancellation and the like
            log.warning("IMAP %s: poll failed: %s", box.label, result)
        outcome[box.label] = result
    return outcome


class ImapPoller:
    """Polls every ``imap_poll_seconds``; start()/stop() with the process."""

    def __init__(self, context: Any) -> None:
        self.context = context
        self.task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            try:
                await poll_all(self.context)
            except Exception:
                log.exception("IMAP poll round failed")
            await asyncio.sleep(self.context.settings.imap_poll_seconds)

    async def start(self) -> None:
        self.task = asyncio.create_task(self._run(), name="imap-poller")

    async def stop(self) -> None:
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.task
            self.task = None
