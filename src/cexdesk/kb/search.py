"""Lexical search over articles: BM25 with segmentation per script. Pure.

Words are runs of letters and digits, lower-cased and stripped of accents, so
"tiền" and "tien" meet. Chinese and Japanese have no spaces: their text is cut into
overlapping character pairs (and single characters), which finds 到账 in 没到账 where
a dictionary segmenter would have to know the word; Korean is written with spaces.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD = re.compile(r"[^\W_]+")
# Words too common in support questions to tell articles apart (English; other languages
# are weighted down by BM25's idf alone).
_STOP = frozenset(
    (
        "a",
        "an",
        "and",
        "are",
        "can",
        "do",
        "does",
        "for",
        "from",
        "have",
        "how",
        "i",
        "in",
        "is",
        "it",
        "my",
        "of",
        "on",
        "or",
        "the",
        "to",
        "was",
        "what",
        "when",
        "where",
        "why",
        "with",
        "you",
        "your",
        "me",
        "not",
    )
)


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("đ", "d")


def tokens(text: str) -> list[str]:
    """The terms of a text in any of the 15 languages."""
    lowered = text.lower()
    terms: list[str] = []
    for run in _CJK.findall(lowered):
        terms.extend(run)  # single characters, for one-character queries
        terms.extend(run[i : i + 2] for i in range(len(run) - 1))
    for word in _WORD.findall(_CJK.sub(" ", lowered)):
        folded = _fold(word)
        if folded and folded not in _STOP:
            terms.append(folded)
    return terms


@dataclass(frozen=True)
class Hit:
    key: str
    score: float


@dataclass
class Index:
    """BM25 (k1 1.2, b 0.75) over documents given as (key, text)."""

    k1: float = 1.2
    b: float = 0.75
    _docs: list[tuple[str, Counter[str], int]] = field(default_factory=list)
    _df: Counter[str] = field(default_factory=Counter)
    _total_length: int = 0

    @classmethod
    def of(cls, documents: Iterable[tuple[str, str]]) -> Index:
        index = cls()
        for key, text in documents:
            index.add(key, text)
        return index

    def add(self, key: str, text: str) -> None:
        terms = Counter(tokens(text))
        length = sum(terms.values())
        self._docs.append((key, terms, length))
        self._df.update(terms.keys())
        self._total_length += length

    def __len__(self) -> int:
        return len(self._docs)

    def search(self, query: str, limit: int = 10) -> list[Hit]:
        """Best matches first; documents sharing no term with the query are left out."""
        terms = set(tokens(query))
        if not terms or not self._docs:
            return []
        count = len(self._docs)
        average = self._total_length / count or 1.0
        idf = {
            t: math.log(1 + (count - self._df[t] + 0.5) / (self._df[t] + 0.5))
            for t in terms
            if self._df[t]
        }
        hits = []
        for key, frequencies, length in self._docs:
            score = 0.0
            for term, weight in idf.items():
                tf = frequencies.get(term, 0)
                if tf:
                    norm = self.k1 * (1 - self.b + self.b * length / average)
                    score += weight * tf * (self.k1 + 1) / (tf + norm)
            if score > 0:
                hits.append(Hit(key, score))
        hits.sort(key=lambda h: (-h.score, h.key))
        return hits[:limit]


def best_keys(index: Index, query: str, limit: int) -> Sequence[str]:
    return [hit.key for hit in index.search(query, limit)]
