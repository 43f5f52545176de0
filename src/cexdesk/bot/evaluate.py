"""Scoring a trained intent engine on a labelled test split."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from cexdesk.bot.intents import IntentModel, Prediction


@dataclass
class Scores:
    examples: int
    # The top in-scope intent against the label, refusals ignored (closed-set accuracy).
    accuracy: float
    # In-scope examples answered with the right intent (a refusal counts as wrong).
    answered_accuracy: float
    refused: float
    # Out-of-scope examples refused; None when the split has none.
    oos_recall: float | None
    oos_examples: int
    per_language: dict[str, tuple[int, float]] = field(default_factory=dict)


def score(
    model: IntentModel,
    examples: Sequence[tuple[str, str]],
    languages: Sequence[str] = (),
) -> Scores:
    predictions = model.predict([text for text, _ in examples])
    return score_predictions(
        predictions, [label for _, label in examples], model.oos_label, languages
    )


def score_predictions(
    predictions: Sequence[Prediction],
    labels: Sequence[str],
    oos_label: str,
    languages: Sequence[str] = (),
) -> Scores:
    in_scope = [(p, y) for p, y in zip(predictions, labels, strict=True) if y != oos_label]
    out = [p for p, y in zip(predictions, labels, strict=True) if y == oos_label]
    n = max(len(in_scope), 1)
    by_language: dict[str, list[bool]] = defaultdict(list)
    for i, (p, y) in enumerate(zip(predictions, labels, strict=True)):
        if i < len(languages) and languages[i] and y != oos_label:
            by_language[languages[i]].append(p.intent == y)
    return Scores(
        examples=len(labels),
        accuracy=sum(p.intent == y for p, y in in_scope) / n,
        answered_accuracy=sum(p.label == y for p, y in in_scope) / n,
        refused=sum(not p.known for p, _ in in_scope) / n,
        oos_recall=(sum(not p.known for p in out) / len(out)) if out else None,
        oos_examples=len(out),
        per_language={
            language: (len(hits), sum(hits) / len(hits))
            for language, hits in sorted(by_language.items())
        },
    )
