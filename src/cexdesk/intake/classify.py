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
from cexdesk.intake.prefilter import Prefilter

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


FLAGS = ("COMPLAINT", "MANAGER_REQUEST", "STRONG_NEGATIVE")


@dataclass(frozen=True)
class _Lexicon:
    """Every lexicon pattern compiled, in one numbered list, with its literal prefilter."""

    patterns: tuple[re.Pattern[str], ...]
    topics: tuple[tuple[tuple[str, str | None], tuple[int, ...]], ...]
    flags: dict[str, tuple[int, ...]]
    prefilter: Prefilter

    def matching(self, text: str) -> set[int]:
        """Positions of the patterns that match ``text`` (only candidates are run)."""
        patterns = self.patterns
        return {i for i in self.prefilter.candidates(text) if patterns[i].search(text)}


@cache
def _lexicon() -> _Lexicon:
    sources: list[str] = []

    def number(group: tuple[str, ...]) -> tuple[int, ...]:
        sources.extend(group)
        return tuple(range(len(sources) - len(group), len(sources)))

    topics = tuple((topic, number(pats)) for topic, pats in lexicon.TOPICS.items())
    flags = {name: number(getattr(lexicon, name)) for name in FLAGS}
    return _Lexicon(tuple(_compile(p) for p in sources), topics, flags, Prefilter.build(sources))


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
    found = _lexicon()
    matched = found.matching(text)
    scores: dict[str, int] = {}
    sub_scores: dict[tuple[str, str], int] = {}
    for (topic, subtopic), positions in found.topics:
        hits = len(matched.intersection(positions)) if matched else 0
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
    complaint = not matched.isdisjoint(found.flags["COMPLAINT"])
    manager = not matched.isdisjoint(found.flags["MANAGER_REQUEST"])
    negative = not matched.isdisjoint(found.flags["STRONG_NEGATIVE"])
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
