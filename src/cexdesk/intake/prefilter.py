"""Which of many case-insensitive patterns can match a text at all, by literal tests. Pure.

Running every lexicon pattern over every message cost about 3 ms a message (372
regular expressions; one big alternation of them was slower still). Nearly all of them
fail, and each contains a word the text would have to hold, so this module extracts
such required literals ("anchors") from each pattern once and, per message, runs only
the patterns one of whose anchors occurs in the message. It never changes a result: an
anchor is a string that every match of its pattern contains, compared under the same
case folding as ``re.IGNORECASE``; a pattern without one always runs.

The anchors come from Python's own parse of the pattern (``re._parser``, the module
``re.compile`` uses) and the folding from its own table of extra case equivalences
(``re._casefix``), so they follow re exactly instead of a second reading of it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from re import _casefix as sre_casefix  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

# A run of plain text forked by character sets into more spellings than this ends.
MAX_SPELLINGS = 16


def _canonical_table() -> dict[int, int]:
    """Characters that re.IGNORECASE treats as equal although their simple lower-case
    forms differ (re._casefix, the table re.compile itself uses), each mapped to the
    smallest member of its class."""
    classes: dict[int, set[int]] = {}
    for code, others in sre_casefix._EXTRA_CASES.items():
        members = {code, *others}
        for member in list(members):
            members |= classes.get(member, set())
        for member in members:
            classes[member] = members
    return {code: min(members) for code, members in classes.items() if min(members) != code}


_CANONICAL = _canonical_table()


def fold(text: str) -> str:
    """The text as re.IGNORECASE compares it: simple lower case, equivalent letters merged.

    ``str.lower`` gives the simple lower-case mapping for every character but U+0130
    (İ, whose full mapping adds a combining dot); re lowers it to a plain "i".
    """
    return text.replace("\u0130", "i").lower().translate(_CANONICAL)


def _anchors(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Literals one of which every match of this parsed sequence contains, or None.

    Among the alternatives found (a run of plain characters; a group, a branch or a
    repeat of at least one that has anchors of its own) the one whose shortest anchor
    is longest wins, as the most selective.
    """
    candidates: list[frozenset[str]] = []
    # The plain text read so far, as its spellings: a small set like [ée] forks it.
    run: list[str] = [""]

    def end_run() -> None:
        if run[0]:
            candidates.append(frozenset(run))
        run[:] = [""]

    for op, value in items:
        if op is sre.LITERAL:
            run[:] = [spelling + chr(value) for spelling in run]
            continue
        if op is sre.IN and all(kind is sre.LITERAL for kind, _ in value):
            letters = [chr(code) for _, code in value]
            if len(run) * len(letters) <= MAX_SPELLINGS:
                run[:] = [spelling + letter for spelling in run for letter in letters]
                continue
        end_run()
        found: frozenset[str] | None = None
        if op is sre.SUBPATTERN:
            found = _anchors(value[-1])
        elif op is sre.BRANCH:
            branches = [_anchors(b) for b in value[1]]
            if branches and all(branches):
                found = frozenset(a for b in branches if b for a in b)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, item = value
            if low >= 1:
                found = _anchors(item)
        elif op is sre.ATOMIC_GROUP:
            found = _anchors(value)
        if found:
            candidates.append(found)
    end_run()
    if not candidates:
        return None
    return max(candidates, key=lambda c: min(len(a) for a in c))


def anchors_of(pattern: str) -> frozenset[str] | None:
    """Folded literals one of which every case-insensitive match of ``pattern`` holds."""
    found = _anchors(list(sre_parse.parse(pattern, re.IGNORECASE | re.UNICODE)))
    if found is None or any(not a for a in found):
        return None
    return frozenset(fold(a) for a in found)


@dataclass(frozen=True)
class Prefilter:
    """Patterns by position; ``candidates`` names those that may match a text."""

    always: tuple[int, ...]  # patterns without anchors
    by_anchor: dict[str, tuple[int, ...]]
    # The anchors grouped by their first two characters (one-character anchors by
    # that character), so a text is only searched for anchors that can start in it.
    by_start: dict[str, tuple[str, ...]]

    @classmethod
    def build(cls, patterns: Iterable[str]) -> Prefilter:
        always: list[int] = []
        by_anchor: dict[str, list[int]] = {}
        for position, pattern in enumerate(patterns):
            found = anchors_of(pattern)
            if found is None:
                always.append(position)
                continue
            for anchor in found:
                by_anchor.setdefault(anchor, []).append(position)
        by_start: dict[str, list[str]] = {}
        for anchor in by_anchor:
            by_start.setdefault(anchor[:2], []).append(anchor)
        return cls(
            tuple(always),
            {a: tuple(p) for a, p in by_anchor.items()},
            {s: tuple(a) for s, a in by_start.items()},
        )

    def candidates(self, text: str) -> set[int]:
        """Positions of the patterns that can match ``text``: the rest cannot."""
        folded = fold(text)
        starts = set(folded)
        starts.update(folded[i : i + 2] for i in range(len(folded) - 1))
        found = set(self.always)
        for start in starts.intersection(self.by_start):
            for anchor in self.by_start[start]:
                if anchor in folded:
                    found.update(self.by_anchor[anchor])
        return found
