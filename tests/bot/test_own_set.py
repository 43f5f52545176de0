"""cexdesk's own multilingual intent set (src/cexdesk/bot/data): shape and a trained engine."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Sequence

import pytest

from cexdesk.bot import datasets
from cexdesk.bot.cli import OWN_DATA
from cexdesk.bot.evaluate import score
from cexdesk.bot.features import fold
from cexdesk.bot.intents import OUT_OF_SCOPE, IntentModel, train
from cexdesk.intake.language import SUPPORTED


def test_covers_every_intent_in_the_15_languages_with_a_separate_test_split() -> None:
    data = datasets.load(OWN_DATA)
    labels = {label for _, label in data.train}
    assert OUT_OF_SCOPE in labels
    assert len(labels - {OUT_OF_SCOPE}) == 14
    assert {label for _, label in data.test} == labels
    assert set(data.test_languages) == set(SUPPORTED)
    # 2 test messages per intent and 4 out-of-scope ones in each language.
    per_language = Counter(data.test_languages)
    assert set(per_language.values()) == {2 * 14 + 4}
    out_of_scope = Counter(
        language
        for (_, label), language in zip(data.test, data.test_languages, strict=True)
        if label == OUT_OF_SCOPE
    )
    assert set(out_of_scope.values()) == {4}
    assert not {text for text, _ in data.train} & {text for text, _ in data.test}
    assert data.validation is None


def test_training_split_has_at_least_12_distinct_phrasings_per_intent_and_language() -> None:
    with (OWN_DATA / "train.csv").open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    texts = [row["text"] for row in rows]
    assert len(set(texts)) == len(texts)
    cells = Counter((row["language"], row["category"]) for row in rows)
    intents = {row["category"] for row in rows}
    assert {language for language, _ in cells} == set(SUPPORTED)
    assert OUT_OF_SCOPE in intents
    assert len(cells) == len(SUPPORTED) * len(intents)
    assert min(cells.values()) >= 12


@pytest.fixture(scope="module")
def data() -> datasets.Dataset:
    return datasets.load(OWN_DATA)


@pytest.fixture(scope="module")
def engine(data: datasets.Dataset) -> IntentModel:
    return train(data.train, seed=0)


def accuracy(engine: IntentModel, examples: Sequence[tuple[str, str]]) -> float:
    """The share of in-scope examples whose top intent is right (refused or not)."""
    examples = [(text, label) for text, label in examples if label != OUT_OF_SCOPE]
    predictions = engine.predict([text for text, _ in examples])
    right = sum(p.intent == label for p, (_, label) in zip(predictions, examples, strict=True))
    return right / len(examples)


def test_tfidf_engine_on_the_own_set_finds_most_test_intents(
    data: datasets.Dataset, engine: IntentModel
) -> None:
    # TF-IDF alone, 14 training phrasings per intent and language: 93.1 % (92.9 % before
    # accents were folded and Chinese cut into characters, 71 % with the former 4
    # phrasings; 93.3 % with the out-of-scope examples added); chance is 1 in 14. The
    # margin leaves room for small changes to the engine.
    assert accuracy(engine, data.test) >= 0.85


def test_tfidf_engine_on_the_own_set_refuses_most_out_of_scope_messages(
    data: datasets.Dataset, engine: IntentModel
) -> None:
    # Greetings, thanks, small talk, price speculation, other exchange topics (the test
    # split asks about airdrops, which training never mentions) and jokes, 4 per language:
    # 81.7 % refused (49 of 60; 51.7 % by the threshold alone before the set had
    # out-of-scope examples), with 89.8 % of in-scope messages answered right. The
    # threshold is chosen on a small held-out validation share, so it moves with the seed
    # (seeds 1 / 2: 81.7 % / 61.7 % refused, 90.0 % / 92.6 % answered right); the floors
    # sit below all three.
    scores = score(engine, data.test, data.test_languages)
    assert scores.oos_recall is not None
    assert scores.oos_recall >= 0.55
    assert scores.answered_accuracy >= 0.8


def test_vietnamese_test_messages_typed_without_accents_are_understood(
    data: datasets.Dataset, engine: IntentModel
) -> None:
    vietnamese = [
        (fold(text.casefold()), label)
        for (text, label), language in zip(data.test, data.test_languages, strict=True)
        if language == "vi"
    ]
    assert all(text.isascii() for text, _ in vietnamese)
    # 89.3 % (25 of 28; 92.9 % with their accents); 67.9 % before accents were folded.
    assert accuracy(engine, vietnamese) >= 0.75
