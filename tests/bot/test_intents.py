"""The intent engine on a small multilingual set: train, predict, refuse, save and load."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cexdesk.bot import intents
from cexdesk.bot.intents import IntentModel, choose_threshold, train
from tests.bot import samples


@pytest.fixture(scope="module")
def engine() -> IntentModel:
    return train(samples.examples(), seed=1)


@pytest.fixture(scope="module")
def engine_with_oos() -> IntentModel:
    return train(samples.examples(with_out_of_scope=True), seed=1)


def test_knows_the_intents_it_was_trained_on(engine: IntentModel) -> None:
    assert engine.intents == sorted(samples.TRAIN)
    assert engine.representations == ["tfidf"]


def test_names_unseen_phrasings_in_several_languages(engine: IntentModel) -> None:
    predictions = engine.predict([text for text, _ in samples.TEST])
    right = [p.intent == label for p, (_, label) in zip(predictions, samples.TEST, strict=True)]
    assert sum(right) >= len(samples.TEST) - 1, [
        (text, p.intent) for p, (text, _) in zip(predictions, samples.TEST, strict=True)
    ]


def test_prediction_ranks_intents_with_probabilities(engine: IntentModel) -> None:
    prediction = engine.predict_one("I want to talk to a human")
    assert prediction.intent == "talk_to_human"
    assert prediction.ranked[0] == ("talk_to_human", pytest.approx(prediction.confidence))
    assert len(prediction.ranked) == 3
    probabilities = [p for _, p in prediction.ranked]
    assert probabilities == sorted(probabilities, reverse=True)
    assert 0 < prediction.confidence <= 1


def test_probabilities_sum_to_one(engine: IntentModel) -> None:
    probabilities = engine.probabilities(["deposit", "转人工", ""])
    assert probabilities.shape == (3, len(engine.labels))
    assert np.allclose(probabilities.sum(axis=1), 1.0)


def test_refuses_out_of_scope_messages(engine_with_oos: IntentModel) -> None:
    assert engine_with_oos.oos_label in engine_with_oos.labels
    assert "oos" not in engine_with_oos.intents
    for text in ["what is the weather tomorrow in Berlin", "tell me a joke please"]:
        prediction = engine_with_oos.predict_one(text)
        assert prediction.label is None, (text, prediction)
        assert not prediction.known
        assert prediction.intent in engine_with_oos.intents
    answered = engine_with_oos.predict_one("my deposit has not arrived yet")
    assert answered.label == "deposit_missing"


def test_refuses_below_the_threshold(engine: IntentModel) -> None:
    strict = IntentModel(engine.labels, engine.oos_label, engine.parts, threshold=1.01)
    prediction = strict.predict_one("my deposit has not arrived")
    assert prediction.label is None
    assert prediction.intent == "deposit_missing"
    lenient = IntentModel(engine.labels, engine.oos_label, engine.parts, threshold=0.0)
    assert lenient.predict_one("my deposit has not arrived").label == "deposit_missing"


def test_save_and_load_give_the_same_answers(engine_with_oos: IntentModel, tmp_path: Path) -> None:
    path = tmp_path / "engine.npz"
    engine_with_oos.save(path)
    loaded = IntentModel.load(path)
    texts = [text for text, _ in samples.TEST] + samples.OUT_OF_SCOPE
    assert loaded.labels == engine_with_oos.labels
    assert loaded.threshold == engine_with_oos.threshold
    assert np.allclose(loaded.probabilities(texts), engine_with_oos.probabilities(texts), atol=1e-6)
    # Weights are stored as float32: the same answers, probabilities to ~1e-7.
    before = [(p.label, p.intent) for p in engine_with_oos.predict(texts)]
    assert [(p.label, p.intent) for p in loaded.predict(texts)] == before


def test_saved_file_is_loaded_without_pickle(engine: IntentModel, tmp_path: Path) -> None:
    path = tmp_path / "engine.npz"
    engine.save(path)
    with np.load(path, allow_pickle=False) as stored:
        assert "header" in stored.files
        assert all(stored[key].dtype != object for key in stored.files)


def test_refuses_a_file_that_is_not_an_engine(tmp_path: Path) -> None:
    path = tmp_path / "other.npz"
    np.savez(path, header=np.array('{"format": "something else"}'))
    with pytest.raises(ValueError, match="not a saved intent engine"):
        IntentModel.load(path)


def test_given_validation_set_is_used_instead_of_a_hold_out() -> None:
    examples = samples.examples()
    validation = [(text, label) for text, label in samples.TEST]
    engine = train(examples, validation=validation, refit=False)
    assert engine.report["train_examples"] == len(examples)
    assert engine.report["validation_accuracy"] >= 0.8


def test_needs_two_intents() -> None:
    with pytest.raises(ValueError, match="at least two intents"):
        train([("hello", "greet"), ("hi", "greet"), ("weather", "oos")])


def test_hold_out_keeps_every_label_in_training() -> None:
    targets = np.array([0] * 10 + [1] * 2 + [2], dtype=np.int64)
    kept, held = intents._holdout(targets, 0.3, seed=0)
    assert set(targets[kept]) == {0, 1, 2}
    assert len(held) == 3 + 1
    assert not set(kept) & set(held)


def test_threshold_balances_in_scope_accuracy_and_out_of_scope_recall() -> None:
    labels = ["a", "b", "oos"]
    # Two confident right answers, one unsure right answer, two unsure out-of-scope.
    probabilities = np.array(
        [
            [0.9, 0.05, 0.05],
            [0.1, 0.85, 0.05],
            [0.6, 0.3, 0.1],
            [0.45, 0.4, 0.15],
            [0.3, 0.35, 0.35],
        ]
    )
    targets = np.array([0, 1, 0, 2, 2])
    threshold, summary = choose_threshold(probabilities, targets, labels, "oos")
    assert 0.45 < threshold <= 0.6
    assert summary["in_scope_accuracy"] == 1.0
    assert summary["oos_recall"] == 1.0


def test_threshold_without_out_of_scope_refuses_wrong_unsure_answers() -> None:
    labels = ["a", "b"]
    probabilities = np.array([[0.95, 0.05], [0.1, 0.9], [0.55, 0.45], [0.8, 0.2]])
    targets = np.array([0, 1, 1, 0])  # the unsure third answer is wrong
    threshold, summary = choose_threshold(probabilities, targets, labels, "oos")
    assert 0.55 < threshold <= 0.8
    assert summary["accuracy"] == 0.75


def test_threshold_for_a_required_out_of_scope_recall() -> None:
    labels = ["a", "b", "oos"]
    # In-scope answers at 0.9, 0.5 and 0.4; out-of-scope ones at 0.45 and 0.35.
    probabilities = np.array(
        [
            [0.9, 0.05, 0.05],
            [0.5, 0.3, 0.2],
            [0.2, 0.4, 0.4],
            [0.45, 0.3, 0.25],
            [0.35, 0.33, 0.32],
        ]
    )
    targets = np.array([0, 0, 1, 2, 2])
    lenient, summary = choose_threshold(probabilities, targets, labels, "oos", oos_recall=0.5)
    assert 0.35 < lenient <= 0.4
    assert summary["in_scope_accuracy"] == 1.0
    assert summary["oos_recall"] == 0.5
    strict, summary = choose_threshold(probabilities, targets, labels, "oos", oos_recall=1.0)
    assert 0.45 < strict <= 0.5
    assert summary["oos_recall"] == 1.0
    assert summary["in_scope_accuracy"] == pytest.approx(2 / 3)


def test_trains_on_a_handful_of_examples() -> None:
    engine = train([("deposit", "money_in"), ("withdraw", "money_out")])
    assert engine.report["validation"] == "the training set (too few to hold out)"
    assert engine.predict_one("deposit").intent == "money_in"
    assert engine.predict_one("withdraw").intent == "money_out"
