"""Classification into the taxonomy, complaint and risk flags, and the priority. Pure.

A lexicon baseline (``lexicon.py``) that works from the first message in all 15
languages; the trainable intent engine of the bot can override the category when it
is confident. Security emergencies always win: a message that says the account was
hacked or funds left without the owner is urgent whatever else it mentions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from cexdesk.intake import lexicon

EMERGENCY_SUBCATEGORIES = frozenset(
    {"suspected-compromise", "unauthorised-withdrawal", "stolen-funds"}
)
# When two categories score the same, the one that matters more for the customer wins.
PRECEDENCE = (
    "security", "withdrawal", "deposit", "p2p", "account", "kyc", "trading",
    "api", "fees", "earn-promotions", "compliance", "product-feedback",
)  # fmt: skip
HIGH_VALUE_USD = 10_000.0
# Customers say what is wrong up front; what follows in a long message is mostly pasted
# history and logs. Reading only this much keeps the cost per message bounded.
READ_CHARS = 1000


def _compile(pattern: str) -> re.Pattern[str]:
    # Latin-script phrases must start a word; CJK and Arabic have no such boundary.
    if pattern[:1].isascii() and pattern[:1].isalpha():
        pattern = r"(?<![A-Za-z\u00c0-\u024f])" + f"(?:{pattern})"
    return re.compile(pattern, re.IGNORECASE | re.UNICODE)


@cache
def _compiled() -> dict[tuple[str, str | None], tuple[re.Pattern[str], ...]]:
    return {topic: tuple(_compile(p) for p in pats) for topic, pats in lexicon.TOPICS.items()}


@cache
def _flag(name: str) -> tuple[re.Pattern[str], ...]:
    return tuple(_compile(p) for p in getattr(lexicon, name))


def _any(patterns: tuple[re.Pattern[str], ...], text: str) -> bool:
    return any(p.search(text) for p in patterns)


@dataclass(frozen=True)
class Classification:
    category: str | None
    subcategory: str | None
    score: int
    priority: str
    emergency: bool
    complaint: bool
    manager_request: bool
    strongly_negative: bool
    reasons: tuple[str, ...] = field(default_factory=tuple)


def classify(
    text: str,
    *,
    vip_tier: int = 0,
    amount_usd: float | None = None,
) -> Classification:
    """Category, sub-category, flags and priority for a customer's message."""
    text = text[:READ_CHARS]
    scores: dict[str, int] = {}
    sub_scores: dict[tuple[str, str], int] = {}
    for (topic, subtopic), patterns in _compiled().items():
        hits = sum(1 for p in patterns if p.search(text))
        if not hits:
            continue
        weight = hits if subtopic is None else 3 * hits
        scores[topic] = scores.get(topic, 0) + weight
        if subtopic is not None:
            sub_scores[(topic, subtopic)] = hits
    emergency_hits = [sub for (cat, sub) in sub_scores if sub in EMERGENCY_SUBCATEGORIES]
    reasons: list[str] = []
    category: str | None = None
    if emergency_hits:
        category = "security"
        reasons.append("security emergency: " + ", ".join(sorted(emergency_hits)))
    elif scores:
        category = max(scores, key=lambda c: (scores[c], -PRECEDENCE.index(c)))
    subcategory = None
    if category is not None:
        candidates = {sub: hits for (cat, sub), hits in sub_scores.items() if cat == category}
        if category == "security" and emergency_hits:
            candidates = {s: h for s, h in candidates.items() if s in EMERGENCY_SUBCATEGORIES}
        if candidates:
            subcategory = max(
                candidates, key=lambda s: (candidates[s], s in EMERGENCY_SUBCATEGORIES)
            )
    complaint = _any(_flag("COMPLAINT"), text)
    manager = _any(_flag("MANAGER_REQUEST"), text)
    negative = _any(_flag("STRONG_NEGATIVE"), text)
    emergency = bool(emergency_hits)
    if emergency:
        priority = "urgent"
    elif vip_tier > 0 or complaint or category == "p2p" or (amount_usd or 0) >= HIGH_VALUE_USD:
        priority = "high"
        reasons.append(
            "vip" if vip_tier > 0 else "complaint" if complaint
            else "p2p dispute" if category == "p2p" else "high value"
        )  # fmt: skip
    elif category == "security":
        priority = "high"
    elif category == "product-feedback":
        priority = "low"
    else:
        priority = "normal"
    return Classification(
        category=category,
        subcategory=subcategory,
        score=scores.get(category, 0) if category else 0,
        priority=priority,
        emergency=emergency,
        complaint=complaint,
        manager_request=manager,
        strongly_negative=negative,
        reasons=tuple(reasons),
    )
