"""HMAC signatures on requests between cexdesk and the exchange back office.

Both directions sign the same way with the key they share (``CEXDESK_EXCHANGE_TOKEN_KEY``):
the header ``X-Cexdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`` over
``"<t>." + "<METHOD> <path and query>\n" + body`` (see ``canonical``). The method and
path are signed so a signature cannot be moved to another request, and the timestamp
stops replays outside the tolerance window.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime

SIGNATURE_HEADER = "x-cexdesk-signature"
TOLERANCE_SECONDS = 300


class BadSignature(ValueError):
    """The signature is missing, malformed, too old, or does not match the body."""


def canonical(method: str, path: str, body: bytes) -> bytes:
    """The bytes a request's signature covers: method, path with query, body."""
    return f"{method.upper()} {path}\n".encode() + body


def sign(key: str, timestamp: int, body: bytes) -> str:
    """The signature header for ``body`` (a ``canonical`` request) at ``timestamp``."""
    digest = hmac.new(key.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def verify(
    key: str, header: str | None, body: bytes, now: datetime, tolerance: int = TOLERANCE_SECONDS
) -> None:
    """Raise ``BadSignature`` unless ``header`` signs ``body`` within the tolerance of ``now``."""
    if not header:
        raise BadSignature("the request is not signed")
    parts = dict(part.partition("=")[::2] for part in header.split(","))
    try:
        timestamp = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        raise BadSignature("malformed signature header") from None
    if abs(now.timestamp() - timestamp) > tolerance:
        raise BadSignature("the signature is too old or from the future")
    expected = sign(key, timestamp, body).partition(",v1=")[2]
    if not hmac.compare_digest(expected, given):
        raise BadSignature("the signature does not match")
