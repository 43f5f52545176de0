"""Representations of a text for the intent engine, and the linear model on each.

``tfidf`` (word 1–2-grams and character 2–5-grams inside words) needs only
scikit-learn and works in every language, Chinese included, because character n-grams
need no segmentation. The embedding representations (``e5``, ``minilm``, see
``embedders.py``) are dense sentence vectors from an optional package.

A fitted linear model is kept as plain arrays (weights, bias, temperature), so a
trained engine is saved without pickling any object.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.svm import LinearSVC

Floats = npt.NDArray[np.float64]
Matrix = Any  # a dense numpy array or a scipy CSR matrix
Embed = Callable[[Sequence[str]], npt.NDArray[np.float32]]


def normalise(text: str) -> str:
    """NFKC (full-width forms, compatibility characters) and case folding."""
    return unicodedata.normalize("NFKC", text).casefold().strip()


def _word_vectorizer(vocabulary: dict[str, int] | None = None) -> TfidfVectorizer:
    return TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, lowercase=False, vocabulary=vocabulary
    )


def _char_vectorizer(vocabulary: dict[str, int] | None = None, min_df: int = 1) -> TfidfVectorizer:
    return TfidfVectorizer(
        analyzer="char_wb",
        ngram_range=(2, 5),
        sublinear_tf=True,
        lowercase=False,
        min_df=min_df,
        vocabulary=vocabulary,
    )


class Tfidf:
    """Word and character TF-IDF, stacked side by side."""

    name = "tfidf"
    sparse = True

    def __init__(self) -> None:
        self._parts: list[TfidfVectorizer] = []

    def fit(self, texts: Sequence[str]) -> None:
        cleaned = [normalise(text) for text in texts]
        word, char = _word_vectorizer(), _char_vectorizer(min_df=2)
        try:
            word.fit(cleaned)
        except ValueError:  # no word of two characters anywhere: characters only
            word = None
        try:
            char.fit(cleaned)
        except ValueError:  # a handful of texts sharing no n-gram: keep them all
            char = _char_vectorizer(min_df=1)
            char.fit(cleaned)
        self._parts = [part for part in (word, char) if part is not None]

    def transform(self, texts: Sequence[str]) -> Matrix:
        cleaned = [normalise(text) for text in texts]
        return sparse.hstack([part.transform(cleaned) for part in self._parts]).tocsr()

    def state(self) -> tuple[dict[str, Any], dict[str, Floats]]:
        """JSON-safe settings (the vocabularies) and the arrays (the idf weights)."""
        kinds = ["word" if part.analyzer == "word" else "char" for part in self._parts]
        vocabularies = [{k: int(v) for k, v in part.vocabulary_.items()} for part in self._parts]
        arrays = {f"idf{i}": np.asarray(part.idf_) for i, part in enumerate(self._parts)}
        return {"kinds": kinds, "vocabularies": vocabularies}, arrays

    @classmethod
    def from_state(cls, settings: dict[str, Any], arrays: dict[str, Floats]) -> Tfidf:
        made = cls()
        for i, (kind, vocabulary) in enumerate(
            zip(settings["kinds"], settings["vocabularies"], strict=True)
        ):
            part = (_word_vectorizer if kind == "word" else _char_vectorizer)(vocabulary)
            part.idf_ = arrays[f"idf{i}"]
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
