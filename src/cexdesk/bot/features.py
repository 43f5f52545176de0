"""Representations of a text for the intent engine, and the linear model on each.

``tfidf`` (word 1–2-grams and character 2–5-grams inside words) needs only
scikit-learn and works in every language. Before counting, Arabic spelling variants are
written one way (``clean``); Latin words are also counted without their accents
(``fold``: customers write "rut tien" as often as "rút tiền"); Chinese and Japanese,
written without spaces, give the word view their characters and character pairs (cut as
the knowledge base's search cuts them), so that 盗 or 提现 count inside a longer
clause. How a model analyses text is saved with it (``ANALYSIS``): a model saved before
keeps the analysis it was trained with. The embedding representations (``e5``,
``minilm``, see ``embedders.py``) are dense sentence vectors from an optional package.

A fitted linear model is kept as plain arrays (weights, bias, temperature), so a
trained engine is saved without pickling any object.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

# Chinese and Japanese are cut as the knowledge base's search cuts them: the same runs of
# characters, the same characters and character pairs.
from cexdesk.kb.search import _CJK as CJK_RUN
from cexdesk.kb.search import tokens as search_tokens

Floats = npt.NDArray[np.float64]
Matrix = Any  # a dense numpy array or a scipy CSR matrix
Embed = Callable[[Sequence[str]], npt.NDArray[np.float32]]


def normalise(text: str) -> str:
    """NFKC (full-width forms, compatibility characters) and case folding."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


# The text analysis a TF-IDF representation applies, saved with it so that a model
# keeps analysing text the way it was trained:
#   1. ``normalise``, then scikit-learn's words (2+ letters or digits) and char_wb n-grams.
#   2. ``clean`` (1 plus Arabic spelling variants merged); Chinese/Japanese runs cut into
#      characters and character pairs for the word view; Latin words also seen without
#      their accents in both views (``fold``).
ANALYSIS = 2
ANALYSES = (1, 2)

# Arabic: hamza/madda forms of alef to bare alef, ta marbuta to ha, alef maqsura to ya;
# tatweel and the short-vowel and other marks written above or below letters removed.
_ARABIC = str.maketrans(
    {
        "\u0623": "\u0627",  # أ
        "\u0625": "\u0627",  # إ
        "\u0622": "\u0627",  # آ
        "\u0671": "\u0627",  # ٱ (wasla)
        "\u0629": "\u0647",  # ة
        "\u0649": "\u064a",  # ى
        "\u0640": None,  # tatweel
        **{chr(mark): None for mark in range(0x064B, 0x0660)},  # harakat, shadda, sukun, ...
        "\u0670": None,  # superscript alef
    }
)
_ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")

# Latin letters without a decomposition that people still write without their mark.
_LATIN_EXTRA = {"đ": "d", "ł": "l", "ı": "i", "ø": "o"}


def clean(text: str) -> str:
    """``normalise``, and Arabic spelling variants written one way."""
    text = normalise(text)
    return text.translate(_ARABIC) if _ARABIC_LETTERS.search(text) else text


@functools.cache
def _fold_letter(letter: str) -> str:
    if letter in _LATIN_EXTRA:
        return _LATIN_EXTRA[letter]
    decomposed = unicodedata.normalize("NFD", letter)
    base, marks = decomposed[0], decomposed[1:]
    if marks and base.isascii() and all(unicodedata.combining(mark) for mark in marks):
        return base
    return letter


def fold(text: str) -> str:
    """Latin letters without their accents and tone marks ("rút tiền" -> "rut tien").

    Other scripts are left alone (Cyrillic й and ї are letters of their own).
    """
    if text.isascii():
        return text
    return "".join(_fold_letter(letter) for letter in text)


_WORDS = TfidfVectorizer(ngram_range=(1, 2), lowercase=False).build_analyzer()
_CHARS = TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), lowercase=False).build_analyzer()


def _with_folded(analyse: Callable[[str], list[str]], text: str) -> list[str]:
    """The terms of ``text``, then those of its accent-free spelling it does not already have."""
    terms: list[str] = analyse(text)
    folded = fold(text)
    if folded != text:
        terms += (Counter(analyse(folded)) - Counter(terms)).elements()
    return terms


def word_terms(text: str) -> list[str]:
    """Word 1-2-grams of a cleaned text; Chinese/Japanese runs as characters and pairs."""
    runs = CJK_RUN.findall(text)
    terms = _with_folded(_WORDS, CJK_RUN.sub(" ", text) if runs else text)
    for run in runs:
        terms += search_tokens(run)
    return terms


def char_terms(text: str) -> list[str]:
    """Character 2-5-grams inside the words of a cleaned text."""
    return _with_folded(_CHARS, text)


def _word_vectorizer(
    vocabulary: dict[str, int] | None = None, analysis: int = ANALYSIS
) -> TfidfVectorizer:
    return TfidfVectorizer(
        # The analysis 2 functions make their own n-grams.
        analyzer="word" if analysis == 1 else word_terms,
        ngram_range=(1, 2) if analysis == 1 else (1, 1),
        sublinear_tf=True,
        lowercase=False,
        vocabulary=vocabulary,
    )


def _char_vectorizer(
    vocabulary: dict[str, int] | None = None, min_df: int = 1, analysis: int = ANALYSIS
) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb" if analysis == 1 else char_terms,
        ngram_range=(2, 5) if analysis == 1 else (1, 1),
        sublinear_tf=True,
        lowercase=False,
        min_df=min_df,
        vocabulary=vocabulary,
    )


class Tfidf:
    """Word and character TF-IDF, stacked side by side."""

    name = "tfidf"
    sparse = True

    def __init__(self, analysis: int = ANALYSIS) -> None:
        if analysis not in ANALYSES:
            raise ValueError(
                f"this TF-IDF model analyses text in a way this version of cexdesk does not "
                f"know (version {analysis}, known {ANALYSES}): train it again "
                f"(cexdesk bot train)"
            )
        self.analysis = analysis
        self._clean = normalise if analysis == 1 else clean
        self._kinds: list[str] = []
        self._parts: list[TfidfVectorizer] = []
        self._fitted: tuple[list[str], Matrix] | None = None

    def fit(self, texts: Sequence[str]) -> None:
        cleaned = [self._clean(text) for text in texts]
        word = _word_vectorizer(analysis=self.analysis)
        char = _char_vectorizer(min_df=2, analysis=self.analysis)
        matrices = []
        try:
            matrices.append(word.fit_transform(cleaned))
        except ValueError:  # no word (nor Chinese character) anywhere: characters only
            word = None
        try:
            matrices.append(char.fit_transform(cleaned))
        except ValueError:  # a handful of texts sharing no n-gram: keep them all
            char = _char_vectorizer(min_df=1, analysis=self.analysis)
            matrices.append(char.fit_transform(cleaned))
        fitted = [("word", word), ("char", char)]
        self._kinds = [kind for kind, part in fitted if part is not None]
        self._parts = [part for _, part in fitted if part is not None]
        # Training transforms the texts it has just fitted on: they are analysed once.
        self._fitted = (list(texts), sparse.hstack(matrices).tocsr())

    def transform(self, texts: Sequence[str]) -> Matrix:
        if self._fitted is not None and self._fitted[0] == list(texts):
            matrix, self._fitted = self._fitted[1], None
            return matrix
        cleaned = [self._clean(text) for text in texts]
        return sparse.hstack([part.transform(cleaned) for part in self._parts]).tocsr()

    def state(self) -> tuple[dict[str, Any], dict[str, Floats]]:
        """JSON-safe settings (the analysis, the vocabularies) and the arrays (the idf weights)."""
        vocabularies = [{k: int(v) for k, v in part.vocabulary_.items()} for part in self._parts]
        arrays = {f"idf{i}": np.asarray(part.idf_) for i, part in enumerate(self._parts)}
        settings = {"analysis": self.analysis, "kinds": self._kinds, "vocabularies": vocabularies}
        return settings, arrays

    @classmethod
    def from_state(cls, settings: dict[str, Any], arrays: dict[str, Floats]) -> Tfidf:
        # Models saved before the analysis was recorded used the first one.
        made = cls(int(settings.get("analysis", 1)))
        for i, (kind, vocabulary) in enumerate(
            zip(settings["kinds"], settings["vocabularies"], strict=True)
        ):
            make = _word_vectorizer if kind == "word" else _char_vectorizer
            part = make(vocabulary, analysis=made.analysis)
            part.idf_ = arrays[f"idf{i}"]
            made._kinds.append(kind)
            made._parts.append(part)
        return made


class Embedding:
    """Dense sentence vectors from an embedder (nothing to fit)."""

    sparse = False

    def __init__(self, name: str, embed: Embed) -> None:
        self.name = name
        self._embed = embed

    def fit(self, texts: Sequence[str]) -> None:
        return None

    def transform(self, texts: Sequence[str]) -> Matrix:
        return np.asarray(self._embed(list(texts)), dtype=np.float32)

    def state(self) -> tuple[dict[str, Any], dict[str, Floats]]:
        return {}, {}


Representation = Tfidf | Embedding


@dataclass
class Linear:
    """Scores ``x @ weights.T + bias`` turned into probabilities by a tempered softmax."""

    weights: Floats
    bias: Floats
    temperature: float = 1.0
    _by_feature: Floats = field(init=False, repr=False)

    def __post_init__(self) -> None:
        # Row-major (features x classes): a sparse row times it touches only its nonzeros.
        self._by_feature = np.ascontiguousarray(self.weights.T)

    def scores(self, features: Matrix) -> Floats:
        scores: Floats = np.asarray(features @ self._by_feature, dtype=np.float64) + self.bias
        return scores

    def log_probabilities(self, features: Matrix) -> Floats:
        return log_softmax(self.scores(features) / self.temperature)


def log_softmax(scores: Floats) -> Floats:
    shifted: Floats = scores - scores.max(axis=1, keepdims=True)
    result: Floats = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    return result


def fit_linear(features: Matrix, targets: npt.NDArray[np.int64], classes: int, c: float) -> Linear:
    """A linear SVM on sparse features, multinomial logistic regression on dense ones."""
    if sparse.issparse(features):
        model: Any = LinearSVC(C=c)
    else:
        model = LogisticRegression(C=c, max_iter=2000)
    model.fit(features, targets)
    weights = np.asarray(model.coef_, dtype=np.float64)
    bias = np.asarray(model.intercept_, dtype=np.float64)
    if weights.shape[0] == 1:  # two classes: one score for the second, its negative for the first
        weights = np.vstack([-weights / 2, weights / 2])
        bias = np.array([-bias[0] / 2, bias[0] / 2])
    full_w = np.zeros((classes, weights.shape[1]))
    full_b = np.full(classes, -1e3)  # a class absent from these targets never wins
    present = np.asarray(model.classes_, dtype=np.int64)
    full_w[present], full_b[present] = weights, bias
    return Linear(full_w, full_b)


def fit_temperature(linear: Linear, features: Matrix, targets: npt.NDArray[np.int64]) -> float:
    """The softmax temperature that minimises the log loss on held-out ``features``."""
    scores = linear.scores(features)
    rows = np.arange(len(targets))
    best, best_loss = 1.0, np.inf
    for temperature in np.geomspace(0.01, 10.0, 61):
        loss = -log_softmax(scores / temperature)[rows, targets].mean()
        if loss < best_loss:
            best, best_loss = float(temperature), float(loss)
    return best


def dumps(settings: dict[str, Any]) -> str:
    return json.dumps(settings, ensure_ascii=False, separators=(",", ":"))
