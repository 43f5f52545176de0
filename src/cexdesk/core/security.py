"""Secrets and signatures: passwords, TOTP, opaque tokens, exchange-signed user tokens."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pyotp
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from cexdesk.core.errors import Unauthorized

# argon2id; the default is the library's RFC 9106 "low memory" profile (64 MiB, 3 passes).
# Settings may lower it for tests and demos only (see Settings.argon2_memory_kib).
_hasher = PasswordHasher()


def configure_password_hashing(memory_kib: int, time_cost: int) -> None:
    """Set the cost of new hashes; existing hashes keep verifying with their own cost."""
    global _hasher
    if (_hasher.memory_cost, _hasher.time_cost) != (memory_kib, time_cost):
        _hasher = PasswordHasher(memory_cost=memory_kib, time_cost=time_cost)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# Verifying against this when the account does not exist keeps timing uniform.
DUMMY_PASSWORD_HASH = hash_password(secrets.token_urlsafe(16))


def new_totp_secret() -> str:
    return pyotp.random_base32()


def totp_now(secret: str, at: datetime) -> str:
    return pyotp.TOTP(secret).at(at)


def verify_totp(secret: str, code: str, at: datetime) -> bool:
    return totp_step(secret, code, at) is not None


def totp_step(secret: str, code: str, at: datetime) -> int | None:
    """The 30-second step the code belongs to (one step of clock drift either way), or None.

    Sign-in remembers the last step used, so a code seen over someone's shoulder or
    replayed from a log cannot open a second session.
    """
    code = code.strip().replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    now_step = int(totp.timecode(at))
    for step in (now_step, now_step - 1, now_step + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def new_token(prefix: str) -> str:
    """An opaque bearer token; only its hash is ever stored."""
    return f"{prefix}_{secrets.token_urlsafe(32)}"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _unb64(data: str) -> bytes:
    return base64.urlsafe_b64decode(data + "=" * (-len(data) % 4))


@dataclass(frozen=True)
class ExchangeIdentity:
    """What the exchange vouches for about a signed-in user."""

    uid: str
    name: str | None
    email: str | None
    language: str | None
    region: str | None
    vip_tier: int | None
    kyc_state: str | None
    issued_at: int
    expires_at: int


EXCHANGE_TOKEN_PREFIX = "ext1"  # noqa: S105


def sign_exchange_token(key: str, claims: dict[str, Any]) -> str:
    """What the exchange back office does; used by demo mode and tests."""
    body = _b64(json.dumps(claims, separators=(",", ":"), sort_keys=True).encode())
    signed = f"{EXCHANGE_TOKEN_PREFIX}.{body}"
    signature = hmac.new(key.encode(), signed.encode(), hashlib.sha256).digest()
    return f"{signed}.{_b64(signature)}"


def verify_exchange_token(key: str, token: str, *, now: datetime, max_age: int) -> ExchangeIdentity:
    """Check an end user's token: our prefix, HMAC-SHA256, not expired, not too long-lived."""
    parts = token.split(".")
    if len(parts) != 3 or parts[0] != EXCHANGE_TOKEN_PREFIX:
        raise Unauthorized("not an exchange user token")
    expected = hmac.new(key.encode(), f"{parts[0]}.{parts[1]}".encode(), hashlib.sha256).digest()
    try:
        given = _unb64(parts[2])
        claims = json.loads(_unb64(parts[1]))
    except (ValueError, json.JSONDecodeError) as error:
        raise Unauthorized("malformed exchange user token") from error
    if not hmac.compare_digest(expected, given):
        raise Unauthorized("exchange user token signature does not verify")
    if not isinstance(claims, dict) or any(
        isinstance(value, str) and "\x00" in value for value in claims.values()
    ):
        # U+0000 cannot be stored in PostgreSQL text; such a token is not one we accept.
        raise Unauthorized("malformed exchange user token")
    stamp = int(now.timestamp())
    try:
        issued_at, expires_at = int(claims["iat"]), int(claims["exp"])
        uid = str(claims["uid"])
    except (KeyError, TypeError, ValueError) as error:
        raise Unauthorized("exchange user token lacks uid, iat or exp") from error
    if expires_at <= stamp:
        raise Unauthorized("exchange user token has expired")
    if issued_at > stamp + 60 or expires_at - issued_at > max_age:
        raise Unauthorized("exchange user token is not short-lived")
    if not uid or len(uid) > MAX_UID_LENGTH:
        raise Unauthorized(f"exchange user token uid must be 1-{MAX_UID_LENGTH} characters")
    vip = claims.get("vip")
    # bool is an int in Python; "vip": true is not a tier.
    vip_ok = isinstance(vip, int) and not isinstance(vip, bool) and 0 <= vip <= MAX_VIP_TIER
    if vip is not None and not vip_ok:
        raise Unauthorized(f"exchange user token vip must be a tier from 0 to {MAX_VIP_TIER}")
    return ExchangeIdentity(
        uid=uid,
        name=_opt_str(claims.get("name")),
        email=_opt_str(claims.get("email")),
        language=_opt_str(claims.get("lang")),
        region=_short_claim(claims, "region", 8),
        vip_tier=vip if isinstance(vip, int) else None,
        kyc_state=_short_claim(claims, "kyc", 24),
        issued_at=issued_at,
        expires_at=expires_at,
    )


MAX_UID_LENGTH = 64  # customers.exchange_uid
MAX_VIP_TIER = 99


def _opt_str(value: object) -> str | None:
    return str(value)[:200] if value is not None else None


def _short_claim(claims: dict[str, Any], name: str, limit: int) -> str | None:
    """A code-like claim (region, KYC state): refused rather than cut if it is too long."""
    value = claims.get(name)
    if value is None:
        return None
    text = str(value)
    if not text or len(text) > limit:
        raise Unauthorized(f"exchange user token claim {name} must be 1-{limit} characters")
    return text


def csrf_token_for(session_token: str, secret_key: str) -> str:
    """Bound to the session, so a token lifted from one session fails in another."""
    return hmac.new(secret_key.encode(), b"csrf:" + session_token.encode(), "sha256").hexdigest()


HELP_SESSION_PREFIX = "hs1"


def sign_help_session(secret_key: str, customer_id: int, expires_at: int) -> str:
    """The help centre's own cookie for an end user an exchange token vouched for.

    Exchange tokens live minutes (they ride on every widget request); a customer reading
    the help centre should not be signed out mid-conversation, so cexdesk issues its
    own session, bound to the customer id and an expiry, signed with the secret key.
    """
    body = f"{HELP_SESSION_PREFIX}.{customer_id}.{expires_at}"
    mac = hmac.new(secret_key.encode(), b"help:" + body.encode(), hashlib.sha256).digest()
    return f"{body}.{_b64(mac)}"


def verify_help_session(secret_key: str, value: str, *, now: datetime) -> int | None:
    """The customer id a help-centre cookie names, or None if forged or expired."""
    parts = value.split(".")
    if len(parts) != 4 or parts[0] != HELP_SESSION_PREFIX:
        return None
    body = ".".join(parts[:3])
    expected = hmac.new(secret_key.encode(), b"help:" + body.encode(), hashlib.sha256).digest()
    try:
        given = _unb64(parts[3])
        customer_id, expires_at = int(parts[1]), int(parts[2])
    except ValueError:
        return None
    if not hmac.compare_digest(expected, given) or expires_at <= now.timestamp():
        return None
    return customer_id
