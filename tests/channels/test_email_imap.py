"""IMAP polling against a real dovecot on loopback, started by the test as a throwaway.

Skips (with the reason) when dovecot is not installed or the tests are not root;
``.ci/run`` installs ``dovecot-imapd``.
"""

from __future__ import annotations

import asyncio
import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from cexdesk.app import AppContext
from cexdesk.channels.email import imap
from cexdesk.channels.models import InboundPayload
from cexdesk.core.settings import Settings
from tests import conftest
from tests.personas import Desk

DOVECOT = shutil.which("dovecot") or (
    "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
)
pytestmark = pytest.mark.skipif(
    DOVECOT is None or os.geteuid() != 0,
    reason="needs dovecot-imapd installed (apt-get install dovecot-imapd) and root to run it",
)
CONFIG = """
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
mail_location = maildir:~/Maildir
first_valid_uid = 1
passdb {{
  driver = static
  args = password=secret
}}
userdb {{
  driver = static
  args = uid=dovecot gid=dovecot home={root}/home/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Dovecot:
    root: Path
    port: int

    def url(self, user: str) -> str:
        return f"imap://{user}:secret@127.0.0.1:{self.port}/INBOX"

    def deliver(self, user: str, raw: bytes) -> None:
        """Drop a mail into the user's Maildir, as a local delivery agent would."""
        account = pwd.getpwnam("dovecot")
        maildir = self.root / "home" / user / "Maildir"
        for sub in ("cur", "new", "tmp"):
            (maildir / sub).mkdir(parents=True, exist_ok=True)
        for path in (self.root / "home", self.root / "home" / user, maildir, *maildir.iterdir()):
            os.chown(path, account.pw_uid, account.pw_gid)
        target = maildir / "new" / f"{time.time():.6f}.{uuid.uuid4().hex}.test"
        target.write_bytes(raw)
        os.chown(target, account.pw_uid, account.pw_gid)

    def seen(self, user: str) -> list[bytes]:
        client = imaplib.IMAP4("127.0.0.1", self.port, timeout=10)
        try:
            client.login(user, "secret")
            client.select("INBOX")
            _, data = client.uid("SEARCH", "SEEN")
            return list(data[0].split()) if data and data[0] else []
        finally:
            client.logout()


@pytest.fixture
def dovecot() -> Iterator[Dovecot]:
    # A short path: dovecot's unix sockets live under base_dir (108-byte limit).
    root = Path(tempfile.mkdtemp(prefix="dv"))
    root.chmod(0o755)
    server = Dovecot(root, free_port())
    (root / "dovecot.conf").write_text(CONFIG.format(root=root, port=server.port))
    assert DOVECOT is not None
    process = subprocess.Popen(
        [DOVECOT, "-F", "-c", str(root / "dovecot.conf")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                socket.create_connection(("127.0.0.1", server.port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"dovecot did not start: {process.stderr}") from None
                time.sleep(0.05)
        yield server
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def settings(database_url: str, tmp_path: Path, dovecot: Dovecot) -> Settings:
    dead = free_port()  # nothing listens here: this mailbox's failure must not block others
    return conftest.test_settings(
        database_url, tmp_path / "var", max_email_bytes=50_000, imap_poll_seconds=0.05,
        imap_mailboxes=[dovecot.url("support"), dovecot.url("vip"),
                        f"imap://x:y@127.0.0.1:{dead}/INBOX"],
    )  # fmt: skip


def mail(mid: str, sender: str, body: str) -> bytes:
    return (
        f"From: {sender}\r\nTo: support@cexdesk.example\r\nSubject: {mid}\r\n"
        f"Message-ID: <{mid}@example.com>\r\n\r\n{body}\r\n"
    ).encode()


async def outcomes(desk: Desk) -> dict[str, tuple[str, str | None]]:
    async with desk.ctx.db.reading() as session:
        return {
            p.source_key: (p.status, p.error) for p in await session.scalars(select(InboundPayload))
        }


async def test_mailboxes_are_polled_concurrently_and_marked_seen(
    desk: Desk, dovecot: Dovecot
) -> None:
    dovecot.deliver("support", mail("i1", "ann@example.com", "My deposit is missing"))
    dovecot.deliver("support", mail("big", "ann@example.com", "x" * 80_000))
    dovecot.deliver("support", b"\x00\x01garbage with no headers at all\xff")
    dovecot.deliver("support", mail("i2", "ben@example.com", "Unlock my account"))
    dovecot.deliver("vip", mail("v1", "whale@example.com", "Large withdrawal pending"))
    results = await imap.poll_all(desk.ctx)
    support, vip, dead = results.values()
    assert support == 4
    assert vip == 1
    assert isinstance(dead, OSError)
    await desk.settle()
    found = await outcomes(desk)
    assert found["<i1@example.com>"][0] == "processed"
    assert found["<i2@example.com>"][0] == "processed"
    assert found["<v1@example.com>"][0] == "processed"
    big = next(v for k, v in found.items() if k.startswith("imap:") and "too large" in (v[1] or ""))
    assert big[0] == "quarantined"
    garbage = [v for k, v in found.items() if k.startswith("imap:") and v is not big]
    assert [status for status, _ in garbage] == ["quarantined"]
    assert len(dovecot.seen("support")) == 4
    # Marked \\Seen: the next round stores nothing again.
    again = await imap.poll_all(desk.ctx)
    assert list(again.values())[:2] == [0, 0]
    assert len(await outcomes(desk)) == 5


async def test_the_poller_listener_keeps_polling(ctx: AppContext, dovecot: Dovecot) -> None:
    pollers = [item for item in ctx.listeners if isinstance(item, imap.ImapPoller)]
    assert len(pollers) == 1
    await pollers[0].start()
    try:
        dovecot.deliver("vip", mail("late", "whale@example.com", "arrived after start"))
        for _ in range(200):
            async with ctx.db.reading() as session:
                keys = set(await session.scalars(select(InboundPayload.source_key)))
            if "<late@example.com>" in keys:
                break
            await asyncio.sleep(0.05)
        assert "<late@example.com>" in keys
    finally:
        await pollers[0].stop()


def test_mailbox_urls() -> None:
    box = imap.mailbox_from_url("imaps://help%40ex.com:p%2Fw@mail.ex.com/Support%20Inbox")
    assert (box.tls, box.host, box.port, box.user, box.password, box.folder) == (
        True, "mail.ex.com", 993, "help@ex.com", "p/w", "Support Inbox")  # fmt: skip
    with pytest.raises(ValueError, match="imap"):
        imap.mailbox_from_url("pop3://a:b@c/INBOX")
