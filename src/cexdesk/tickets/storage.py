"""Attachment files on local disk, content-addressed by SHA-256, and what we accept.

The type is decided by the file's first bytes, never by the name or the client's
Content-Type; anything not on the allow-list is refused.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

from anyio import to_thread
from fastapi import Response, UploadFile

from cexdesk.core.errors import NotFound, PayloadTooLarge

if TYPE_CHECKING:
    from cexdesk.tickets.models import Attachment

ALLOWED_TYPES = (
    "image/png",
    "image/jpeg",
    "image/gif",
    "image/webp",
    "application/pdf",
    "application/zip",
    "text/plain",
    "text/csv",
)
MAX_FILENAME = 200


def sniff(data: bytes, filename: str = "") -> str | None:
    """The allowed type these bytes are, or None."""
    head = data[:16]
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "application/zip"
    if _looks_like_text(data):
        return "text/csv" if filename.lower().endswith(".csv") else "text/plain"
    return None


def _looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return False
    try:
        # A multi-byte character may be cut at the sample's end.
        sample.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(sample) - 4:
            return False
    lowered = sample.lstrip().lower()
    # Markup a browser would render is not "plain text", whatever it claims.
    return not lowered.startswith((b"<!doctype", b"<html", b"<svg", b"<?xml", b"<script"))


def sanitise_filename(name: str | None) -> str:
    """Keep the readable part of a client's file name: no paths, controls or leading dots."""
    value = unicodedata.normalize("NFC", name or "")
    value = value.replace("\\", "/").rsplit("/", 1)[-1]
    # Cc: control characters; Cf: invisible format characters such as RTL overrides.
    value = "".join(c for c in value if unicodedata.category(c) not in {"Cc", "Cf", "Zl", "Zp"})
    value = " ".join(value.split())
    value = value.lstrip(". ").rstrip(" ")
    for bad in ':*?"<>|':
        value = value.replace(bad, "_")
    if len(value) > MAX_FILENAME:
        stem, dot, ext = value.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            value = stem[: MAX_FILENAME - len(ext) - 1] + "." + ext
        else:
            value = value[:MAX_FILENAME]
    return value or "attachment"


@dataclass(frozen=True)
class Stored:
    sha256: str
    key: str
    size: int


class AttachmentStorage:
    """Files under ``root/ab/cd/<sha256>``; the same bytes are stored once."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        if "/" not in key or ".." in key or key.startswith("/"):
            raise ValueError(f"bad storage key {key!r}")
        return self.root / key

    async def put(self, data: bytes) -> Stored:
        digest = hashlib.sha256(data).hexdigest()
        key = f"{digest[:2]}/{digest[2:4]}/{digest}"
        await to_thread.run_sync(self._write, key, data)
        return Stored(digest, key, len(data))

    def _write(self, key: str, data: bytes) -> None:
        target = self.path(key)
        if target.exists() and target.stat().st_size == len(data):
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a crash never leaves a half file under the final name.
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".upload-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    async def read(self, key: str) -> bytes:
        return await to_thread.run_sync(self.path(key).read_bytes)


async def download_response(storage: AttachmentStorage, attachment: Attachment) -> Response:
    """A stored file as a download: never rendered, never cached, sandboxed if opened."""
    try:
        data = await storage.read(attachment.storage_key)
    except FileNotFoundError:
        raise NotFound("attachment file", attachment.id) from None
    ascii_name = attachment.filename.encode("ascii", "replace").decode().replace('"', "_")
    disposition = (
        f'attachment; filename="{ascii_name.replace("?", "_")}"; '
        f"filename*=UTF-8''{quote(attachment.filename, safe='')}"
    )
    return Response(
        data,
        media_type=attachment.content_type,
        headers={
            "Content-Disposition": disposition,
            "X-Content-Type-Options": "nosniff",
            "Content-Security-Policy": "default-src 'none'; sandbox",
            "Cache-Control": "private, no-store",
        },
    )


async def read_upload(upload: UploadFile, limit: int, name: str = "the file") -> bytes:
    """An uploaded file's bytes, refused (413) past ``limit`` without reading all of it."""
    data = await upload.read(limit + 1)
    if len(data) > limit:
        raise PayloadTooLarge(f"{name} exceeds the limit of {limit} bytes")
    return data
