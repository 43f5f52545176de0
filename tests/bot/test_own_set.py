"""cexdesk's own multilingual intent set (src/cexdesk/bot/data): shape and a trained engine."""

from __future__ import annotations

from collections import Counter

from cexdesk.bot import datasets
from cexdesk.bot.cli import OWN_DATA
from cexdesk.bot.intents import train
from cexdesk.intake.language import SUPPORTED


def test_covers_every_intent_in_the_15_languages_with_a_separate_test_split() -> None:
    data = datasets.load(OWN_DATA)
    intents = {label for _, label in data.train}
    assert len(intents) == 14
    assert {label for _, label in data.test} == intents
    assert set(data.test_languages) == set(SUPPORTED)
    per_language = Counter(data.test_languages)
    assert set(per_language.values()) == {2 * len(intents)}
    assert not {text for text, _ in data.train} & {text for text, _ in data.test}
    assert data.validation is None


def test_tfidf_engine_on_the_own_set_finds_most_test_intents() -> None:
    data = datasets.load(OWN_DATA)
    engine = train(data.train, seed=0)
    predictions = engine.predict([text for text, _ in data.test])
    right = sum(p.intent == label for p, (_, label) in zip(predictions, data.test, strict=True))
    # TF-IDF alone, 4 phrasings per intent and language: about 70 %; chance is 1 in 13.
    assert right / len(data.test) >= 0.6
