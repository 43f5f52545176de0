"""The intent engine: trained on any labelled set, it names the intent of a message or
says it does not know.

Pure: no database, no clock. Training takes ``(text, label)`` pairs:

1. A validation set is held out (given, or a stratified share of the training set).
2. Each representation (``tfidf`` always; ``e5``/``minilm`` embeddings when their
   package is installed) gets a linear model; its regularisation and its softmax
   temperature are chosen on the validation set.
3. The representations' probabilities are combined (a weighted mean of their log
   probabilities) with weights chosen on the validation set, and so is the confidence
   threshold under which the engine answers "I don't know".
4. With ``refit`` the linear models are trained again on training and validation data
   together, keeping every choice made on validation.

Examples labelled ``oos_label`` (out of scope) are trained as a class of their own,
and predicting it is a refusal. The threshold maximises, on validation, the mean of
in-scope accuracy and out-of-scope recall when there are out-of-scope examples (or the
in-scope accuracy at a required out-of-scope recall, ``oos_recall``), and
otherwise the share of answers that are right or rightly refused (a wrong answer
refused counts as good as a right answer given).

A trained engine is saved as one ``.npz`` file (arrays plus a JSON header), loaded
without pickle.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from cexdesk.bot.features import (
    Embedding,
    Floats,
    Linear,
    Representation,
    Tfidf,
    dumps,
    fit_linear,
    fit_temperature,
    log_softmax,
)

FORMAT = "cexdesk-intents/1"
OUT_OF_SCOPE = "oos"

# Regularisation tried on validation for each kind of representation.
SPARSE_C = (0.25, 0.7)
DENSE_C = (10.0, 40.0)

Examples = Sequence[tuple[str, str]]
EmbedderFactory = Callable[[str], Callable[[Sequence[str]], Any]]
Progress = Callable[[str], None]
Ints = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Prediction:
    """The engine's answer for one text.

    ``label`` is None when the engine does not know (out of scope or not confident);
    ``intent`` is then still the in-scope intent it found most likely.
    """

    label: str | None
    intent: str
    confidence: float
    ranked: tuple[tuple[str, float], ...]

    @property
    def known(self) -> bool:
        return self.label is not None


@dataclass
class _Part:
    representation: Representation
    linear: Linear
    weight: float
    c: float


@dataclass
class IntentModel:
    """A trained engine. Build one with :func:`train` or :meth:`load`."""

    labels: list[str]
    oos_label: str
    parts: list[_Part]
    threshold: float
    report: dict[str, Any] = field(default_factory=dict)

    @property
    def intents(self) -> list[str]:
        """The in-scope intents it knows."""
        return [label for label in self.labels if label != self.oos_label]

    @property
    def representations(self) -> list[str]:
        return [part.representation.name for part in self.parts]

    def probabilities(self, texts: Sequence[str]) -> Floats:
        """Row per text, column per label (``labels`` order)."""
        return _combine(
            [p.linear.log_probabilities(p.representation.transform(texts)) for p in self.parts],
            [p.weight for p in self.parts],
        )

    def predict(self, texts: Sequence[str], top: int = 3) -> list[Prediction]:
        if not texts:
            return []
        return _decide(self.probabilities(texts), self.labels, self.oos_label, self.threshold, top)

    def predict_one(self, text: str) -> Prediction:
        return self.predict([text])[0]

    def save(self, path: Path) -> None:
        """One ``.npz`` file: the arrays and a JSON header; nothing is pickled."""
        header: dict[str, Any] = {
            "format": FORMAT,
            "labels": self.labels,
            "oos_label": self.oos_label,
            "threshold": self.threshold,
            "report": self.report,
            "parts": [],
        }
        arrays: dict[str, Any] = {}
        for i, part in enumerate(self.parts):
            settings, state_arrays = part.representation.state()
            header["parts"].append(
                {
                    "name": part.representation.name,
                    "settings": settings,
                    "weight": part.weight,
                    "c": part.c,
                    "temperature": part.linear.temperature,
                }
            )
            arrays[f"p{i}_weights"] = part.linear.weights.astype(np.float32)
            arrays[f"p{i}_bias"] = part.linear.bias
            for key, value in state_arrays.items():
                arrays[f"p{i}_{key}"] = value
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as out:
            np.savez_compressed(out, header=np.array(dumps(header)), **arrays)

    @classmethod
    def load(cls, path: Path, embedder: EmbedderFactory | None = None) -> IntentModel:
        """The engine saved at ``path``; embedding parts need their package installed."""
        with np.load(path, allow_pickle=False) as stored:
            arrays = {key: stored[key] for key in stored.files}
        header = json.loads(str(arrays.pop("header")))
        if header.get("format") != FORMAT:
            raise ValueError(f"{path} is not a saved intent engine ({FORMAT})")
        factory = embedder or _default_embedder
        parts = []
        for i, spec in enumerate(header["parts"]):
            prefix = f"p{i}_"
            own = {k.removeprefix(prefix): v for k, v in arrays.items() if k.startswith(prefix)}
            linear = Linear(
                own.pop("weights").astype(np.float64), own.pop("bias"), spec["temperature"]
            )
            representation: Representation
            if spec["name"] == "tfidf":
                representation = Tfidf.from_state(spec["settings"], own)
            else:
                representation = Embedding(spec["name"], factory(spec["name"]))
            parts.append(_Part(representation, linear, spec["weight"], spec["c"]))
        return cls(
            header["labels"], header["oos_label"], parts, header["threshold"], header["report"]
        )


def _default_embedder(name: str) -> Callable[[Sequence[str]], Any]:
    from cexdesk.bot import embedders

    return embedders.embedder(name)


def _combine(log_probabilities: list[Floats], weights: Sequence[float]) -> Floats:
    mixed = sum(w * lp for w, lp in zip(weights, log_probabilities, strict=True))
    return np.exp(log_softmax(np.asarray(mixed)))


def _in_scope(probabilities: Floats, labels: Sequence[str], oos_label: str) -> Floats:
    """The probabilities with the out-of-scope column (if any) masked out."""
    masked = probabilities.copy()
    if oos_label in labels:
        masked[:, labels.index(oos_label)] = -1.0
    return masked


def _decide(
    probabilities: Floats, labels: Sequence[str], oos_label: str, threshold: float, top: int
) -> list[Prediction]:
    in_scope = _in_scope(probabilities, labels, oos_label)
    best = in_scope.argmax(axis=1)
    overall = probabilities.argmax(axis=1)
    answers = []
    for row, (b, o) in enumerate(zip(best, overall, strict=True)):
        confidence = float(probabilities[row, b])
        refused = labels[o] == oos_label or confidence < threshold
        order = np.argsort(-in_scope[row])[:top]
        ranked = tuple(
            (labels[i], float(probabilities[row, i])) for i in order if in_scope[row, i] >= 0
        )
        answers.append(Prediction(None if refused else labels[b], labels[b], confidence, ranked))
    return answers


def choose_threshold(
    probabilities: Floats,
    targets: Ints,
    labels: Sequence[str],
    oos_label: str,
    oos_recall: float | None = None,
) -> tuple[float, dict[str, float]]:
    """The refusal threshold that does best on validation (see the module's docstring).

    With ``oos_recall`` (and out-of-scope examples): the threshold with the best
    in-scope accuracy among those refusing at least that share of them.
    """
    in_scope = _in_scope(probabilities, labels, oos_label)
    best = in_scope.argmax(axis=1)
    confidence = in_scope.max(axis=1)
    oos_index = labels.index(oos_label) if oos_label in labels else -1
    said_oos = probabilities.argmax(axis=1) == oos_index
    is_oos = targets == oos_index
    right = (best == targets) & ~said_oos
    candidates = np.unique(np.concatenate([[0.0], confidence]))
    scores = []
    for t in candidates:
        accepted = ~said_oos & (confidence >= t)
        if is_oos.any() and (~is_oos).any():
            in_acc = (right & accepted)[~is_oos].mean()
            recall = (~accepted)[is_oos].mean()
            if oos_recall is None:
                scores.append(0.5 * (in_acc + recall))
            else:
                scores.append(in_acc if recall >= oos_recall else -1.0)
        else:
            scores.append(((right & accepted) | (~right & ~accepted)).mean())
    # Among equally good thresholds take the middle one: the least tuned to this sample.
    top = np.flatnonzero(np.isclose(scores, max(scores)))
    threshold = float(candidates[top[len(top) // 2]])
    accepted = ~said_oos & (confidence >= threshold)
    summary = {
        "threshold": threshold,
        "accuracy": float(right[~is_oos].mean()) if (~is_oos).any() else 0.0,
        "in_scope_accuracy": float((right & accepted)[~is_oos].mean()) if (~is_oos).any() else 0.0,
        "oos_recall": float((~accepted)[is_oos].mean()) if is_oos.any() else 0.0,
    }
    return threshold, summary


def _weight_grid(n: int, step: float = 0.1) -> list[tuple[float, ...]]:
    if n == 1:
        return [(1.0,)]
    ticks = round(1 / step)
    grid = [
        tuple(k / ticks for k in combo)
        for combo in itertools.product(range(ticks + 1), repeat=n)
        if sum(combo) == ticks
    ]
    return grid


def _accuracy_and_loss(probabilities: Floats, targets: Ints) -> tuple[float, float]:
    accuracy = float((probabilities.argmax(axis=1) == targets).mean())
    loss = float(-np.log(np.maximum(probabilities[np.arange(len(targets)), targets], 1e-12)).mean())
    return accuracy, loss


def _holdout(targets: Ints, share: float, seed: int) -> tuple[Ints, Ints]:
    """A stratified split: every label keeps at least one training example."""
    rng = np.random.default_rng(seed)
    train: list[int] = []
    held: list[int] = []
    for label in np.unique(targets):
        rows = rng.permutation(np.flatnonzero(targets == label))
        cut = min(len(rows) - 1, round(len(rows) * share))
        held.extend(int(i) for i in rows[:cut])
        train.extend(int(i) for i in rows[cut:])
    return np.sort(np.array(train, dtype=np.int64)), np.sort(np.array(held, dtype=np.int64))


def train(
    examples: Examples,
    *,
    validation: Examples | None = None,
    representations: Sequence[str] = ("tfidf",),
    oos_label: str = OUT_OF_SCOPE,
    embedder: EmbedderFactory | None = None,
    holdout: float = 0.15,
    oos_recall: float | None = None,
    refit: bool = True,
    seed: int = 0,
    progress: Progress | None = None,
) -> IntentModel:
    """Train an engine on ``examples`` (see the module's docstring for the steps)."""
    say = progress or (lambda _message: None)
    texts = [text for text, _ in examples]
    labels = sorted({label for _, label in examples} | {label for _, label in validation or ()})
    if len([label for label in labels if label != oos_label]) < 2:
        raise ValueError("an intent engine needs examples of at least two intents")
    index = {label: i for i, label in enumerate(labels)}
    held_out = True
    targets = np.array([index[label] for _, label in examples], dtype=np.int64)
    if validation:
        fit_texts, fit_targets = texts, targets
        val_texts = [text for text, _ in validation]
        val_targets = np.array([index[label] for _, label in validation], dtype=np.int64)
    else:
        fit_rows, val_rows = _holdout(targets, holdout, seed)
        if not len(val_rows):  # too few examples to hold any out: choose on training (optimistic)
            held_out, val_rows = False, fit_rows
        fit_texts, fit_targets = [texts[i] for i in fit_rows], targets[fit_rows]
        val_texts, val_targets = [texts[i] for i in val_rows], targets[val_rows]
    factory = embedder or _default_embedder

    parts: list[_Part] = []
    val_log_probabilities: list[Floats] = []
    # Embeddings have nothing to fit: the refit reuses them rather than embed again.
    embedded: dict[str, tuple[Any, Any]] = {}
    report: dict[str, Any] = {
        "train_examples": len(examples),
        "labels": len(labels),
        "validation": "held out" if held_out else "the training set (too few to hold out)",
    }
    for name in representations:
        representation: Representation = (
            Tfidf() if name == "tfidf" else Embedding(name, factory(name))
        )
        say(f"{name}: features of {len(fit_texts) + len(val_texts)} texts")
        representation.fit(fit_texts)
        fit_x = representation.transform(fit_texts)
        val_x = representation.transform(val_texts)
        if not representation.sparse:
            embedded[name] = (fit_x, val_x)
        best: tuple[float, float, Linear, float] | None = None
        for c in SPARSE_C if representation.sparse else DENSE_C:
            linear = fit_linear(fit_x, fit_targets, len(labels), c)
            linear.temperature = fit_temperature(linear, val_x, val_targets)
            accuracy, loss = _accuracy_and_loss(
                np.exp(linear.log_probabilities(val_x)), val_targets
            )
            say(f"{name}: C={c} validation accuracy {accuracy:.4f}")
            if best is None or (accuracy, -loss) > (best[0], -best[1]):
                best = (accuracy, loss, linear, c)
        assert best is not None
        accuracy, _, linear, c = best
        report[f"{name}_validation_accuracy"] = accuracy
        parts.append(_Part(representation, linear, 1.0, c))
        val_log_probabilities.append(linear.log_probabilities(val_x))

    ranked = []
    for weights in _weight_grid(len(parts)):
        accuracy, loss = _accuracy_and_loss(_combine(val_log_probabilities, weights), val_targets)
        ranked.append((accuracy, -loss, weights))
    accuracy, _, weights = max(ranked)
    for part, weight in zip(parts, weights, strict=True):
        part.weight = weight
    # A representation weighted 0 would cost time at every prediction for nothing.
    kept = [i for i, part in enumerate(parts) if part.weight > 0]
    parts = [parts[i] for i in kept]
    val_log_probabilities = [val_log_probabilities[i] for i in kept]
    combined = _combine(val_log_probabilities, [part.weight for part in parts])
    threshold, summary = choose_threshold(combined, val_targets, labels, oos_label, oos_recall)
    report.update({"weights": dict(zip(representations, weights, strict=True))})
    report.update({f"validation_{k}": v for k, v in summary.items()})
    say(
        f"combined: weights {weights}, validation accuracy {accuracy:.4f}, "
        f"threshold {threshold:.3f}"
    )

    if refit and held_out:
        all_texts = list(fit_texts) + list(val_texts)
        all_targets = np.concatenate([fit_targets, val_targets])
        for part in parts:
            name = part.representation.name
            say(f"{name}: refit on {len(all_texts)} texts")
            if name in embedded:
                features = np.vstack(embedded[name])
            else:
                part.representation.fit(all_texts)
                features = part.representation.transform(all_texts)
            temperature = part.linear.temperature
            part.linear = fit_linear(features, all_targets, len(labels), part.c)
            part.linear.temperature = temperature
    return IntentModel(labels, oos_label, parts, threshold, report)
