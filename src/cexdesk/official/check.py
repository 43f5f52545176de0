"""The official-channel check as a pure function: a value against the registry.

What a user pastes (an e-mail address, a phone number, a Telegram or X handle or link,
a web address) is read into one or more ``Candidate`` s (kind and normalised value). A
candidate is official when it equals an active registry entry of its kind; a web
address or e-mail is also official under an official domain (``help.example.com`` under
``example.com``). Anything else that resembles an entry (the same letters after
homoglyphs and separators are folded, the official name inside it, or one or two
characters off) is flagged as a lookalike: that is how impostors dress up.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit


class Kind(StrEnum):
    EMAIL = "email"  # one address
    DOMAIN = "domain"  # web addresses and e-mail under it, subdomains included
    PHONE = "phone"  # E.164 digits
    TELEGRAM = "telegram"  # a handle, without the @
    X = "x"  # a handle, without the @


@dataclass(frozen=True)
class Entry:
    id: int
    kind: Kind
    value: str  # normalised with ``normalise``
    label: str


@dataclass(frozen=True)
class Candidate:
    kind: Kind
    value: str


@dataclass(frozen=True)
class Verdict:
    official: bool
    candidates: tuple[Candidate, ...]
    matched: Entry | None = None
    lookalike_of: Entry | None = None
    reason: str = ""


class Unreadable(ValueError):
    """Nothing in the value reads as an address, number, handle or link."""


_TELEGRAM_HOSTS = {"t.me", "telegram.me", "telegram.dog"}
_X_HOSTS = {"x.com", "twitter.com", "mobile.twitter.com", "www.x.com", "www.twitter.com"}
_HANDLE = re.compile(r"^@?([A-Za-z0-9_]{3,32})$")
_EMAIL = re.compile(r"^[^@\s]+@([^@\s]+\.[^@\s]+)$")
_PHONE = re.compile(r"^\+?[\d\s().\-]{7,24}$")
_HOST = re.compile(r"^[^\s/@:]+\.[^\s/@:]+$")

# Letters people take for others: Cyrillic and Greek lookalikes, digits for letters.
_CONFUSABLE = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k",
        "м": "m", "т": "t", "н": "h", "в": "b", "і": "i", "ј": "j", "ѕ": "s", "ԁ": "d",
        "ο": "o", "α": "a", "ε": "e", "ι": "i", "ν": "v", "ρ": "p", "τ": "t", "κ": "k",
        "0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "8": "b", "9": "g",
        "i": "l", "|": "l", "$": "s", "@": "a",
        "-": "", "_": "", ".": "",
    }
)  # fmt: skip


def _idna(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            with contextlib.suppress(UnicodeError):  # not valid punycode: keep it as it is
                label = label.encode("ascii").decode("idna")
        labels.append(label)
    return unicodedata.normalize("NFKC", ".".join(labels))


def normalise(kind: Kind, value: str) -> str:
    """The one spelling a registry entry and a candidate are compared in."""
    value = unicodedata.normalize("NFKC", value.strip())
    if kind is Kind.PHONE:
        return "+" + re.sub(r"\D", "", value)
    if kind in (Kind.TELEGRAM, Kind.X):
        return value.removeprefix("@").lower()
    if kind is Kind.EMAIL:
        local, _, domain = value.rpartition("@")
        return f"{local.lower()}@{_idna(domain)}"
    return _idna(value.removeprefix("www.") if value.lower().startswith("www.") else value)


def read(value: str) -> tuple[Candidate, ...]:
    """What the value could be; a bare handle could be Telegram or X, so it is both."""
    text = unicodedata.normalize("NFKC", value.strip())
    if not text:
        raise Unreadable("empty")
    lowered = text.lower()
    if "://" in lowered or lowered.startswith(("www.", "t.me/", "x.com/", "twitter.com/")):
        url = text if "://" in text else f"https://{text}"
        parts = urlsplit(url)
        host = _idna(parts.hostname or "")
        if not host:
            raise Unreadable("a link without a host")
        first = parts.path.strip("/").split("/")[0] if parts.path else ""
        if host in _TELEGRAM_HOSTS and _HANDLE.match(first):
            return (Candidate(Kind.TELEGRAM, normalise(Kind.TELEGRAM, first)),)
        if host in _X_HOSTS and _HANDLE.match(first):
            return (Candidate(Kind.X, normalise(Kind.X, first)),)
        return (Candidate(Kind.DOMAIN, normalise(Kind.DOMAIN, host)),)
    if (found := _EMAIL.match(text)) is not None:
        return (
            Candidate(Kind.EMAIL, normalise(Kind.EMAIL, text)),
            Candidate(Kind.DOMAIN, normalise(Kind.DOMAIN, found.group(1))),
        )
    if _PHONE.match(text) and 7 <= len(re.sub(r"\D", "", text)) <= 15:
        return (Candidate(Kind.PHONE, normalise(Kind.PHONE, text)),)
    if _HANDLE.match(text):
        handle = normalise(Kind.TELEGRAM, text)
        return (Candidate(Kind.TELEGRAM, handle), Candidate(Kind.X, handle))
    if _HOST.match(text):
        return (Candidate(Kind.DOMAIN, normalise(Kind.DOMAIN, text)),)
    raise Unreadable("not an e-mail address, phone number, handle or link")


def _skeleton(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.translate(_CONFUSABLE).replace("rn", "m").replace("vv", "w")


def _distance(a: str, b: str, cap: int = 3) -> int:
    """Levenshtein distance, stopping early past ``cap``."""
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > cap:
            return cap + 1
        previous = current
    return previous[-1]


def _name(kind: Kind, value: str) -> str:
    """The part impostors imitate: a domain without its suffix, an address's local part."""
    if kind is Kind.DOMAIN:
        labels = value.split(".")
        return ".".join(labels[:-1]) if len(labels) > 1 else value
    if kind is Kind.EMAIL:
        local, _, domain = value.partition("@")
        return f"{local}@{_name(Kind.DOMAIN, domain)}"
    return value


def _under(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


def _resembles(candidate: str, official: str) -> bool:
    a, b = _skeleton(candidate), _skeleton(official)
    if len(b) < 3:
        return a == b
    if b in a:
        return True  # "cexdesk-support", "cexdesk.com.verify-login"
    return _distance(a, b) <= (1 if len(b) < 6 else 2)


def verdict(value: str, registry: Sequence[Entry], kind: Kind | None = None) -> Verdict:
    """Official (with the entry), a lookalike of an entry, or simply not ours.

    ``kind`` says what the asker means ("@name" on Telegram, not on X).
    """
    candidates = read(value)
    if kind is not None:
        # An address is official under an official domain too.
        wanted = {kind, Kind.DOMAIN} if kind is Kind.EMAIL else {kind}
        candidates = tuple(c for c in candidates if c.kind in wanted)
        if not candidates:
            raise Unreadable(f"does not read as a {kind.value}")
    for candidate in candidates:
        for entry in registry:
            if entry.kind is candidate.kind and entry.value == candidate.value:
                return Verdict(True, candidates, matched=entry, reason="in the registry")
            if (
                entry.kind is Kind.DOMAIN
                and candidate.kind is Kind.DOMAIN
                and _under(candidate.value, entry.value)
            ):
                return Verdict(True, candidates, matched=entry, reason=f"under {entry.value}")
    # The closest imitation: an entry of the same kind first, then the fewest edits.
    best: tuple[tuple[int, int], Entry] | None = None
    for candidate in candidates:
        for entry in registry:
            if entry.kind is Kind.PHONE or candidate.kind is Kind.PHONE:
                continue  # a number one digit off is just another number
            mine, theirs = _name(candidate.kind, candidate.value), _name(entry.kind, entry.value)
            if _resembles(mine, theirs):
                rank = (int(entry.kind is not candidate.kind), _distance(mine, theirs))
                if best is None or rank < best[0]:
                    best = (rank, entry)
    if best is not None:
        imitated = best[1]
        return Verdict(
            False, candidates, lookalike_of=imitated,
            reason=f"imitates the official {imitated.kind.value} {imitated.value}",
        )  # fmt: skip
    return Verdict(False, candidates, reason="not in the registry of official channels")
