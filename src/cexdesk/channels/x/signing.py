"""The HMAC-SHA256 that X uses both to answer the CRC challenge and to sign deliveries."""

from __future__ import annotations

import base64
import hashlib
import hmac


def signature(consumer_secret: str, data: bytes) -> str:
    """``sha256=`` + base64 of HMAC-SHA256(consumer secret, data)."""
    digest = hmac.new(consumer_secret.encode(), data, hashlib.sha256).digest()
    return "sha256=" + base64.b64encode(digest).decode()


def check(consumer_secret: str, data: bytes, given: str) -> bool:
    """Whether ``given`` is the signature of ``data``; constant time."""
    return hmac.compare_digest(signature(consumer_secret, data).encode(), given.encode())
