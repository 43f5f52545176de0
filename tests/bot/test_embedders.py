"""Embedders: the vector cache, and the real offline models when the extra is installed."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest

from cexdesk.bot import embedders
from cexdesk.bot.intents import IntentModel, train
from tests.bot import samples


class CountingEmbedder:
    """A stand-in model at the edge: a fixed vector per text, counting what it embeds."""

    def __init__(self) -> None:
        self.embedded: list[str] = []

    def __call__(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.embedded.extend(texts)
        rows = [
            np.frombuffer(text.encode("utf-8").ljust(16, b"_")[:16], dtype=np.uint8)
            for text in texts
        ]
        return np.array(rows, dtype=np.float32) / 255


def test_cache_embeds_each_text_once_and_keeps_vectors_on_disk(tmp_path: Path) -> None:
    model = CountingEmbedder()
    cached = embedders.CachedEmbedder("fake", model, tmp_path)
    first = cached(["deposit", "withdrawal", "deposit"])
    assert sorted(model.embedded) == ["deposit", "withdrawal"]
    assert np.array_equal(first[0], first[2])
    cached(["withdrawal", "2fa"])
    assert sorted(model.embedded) == ["2fa", "deposit", "withdrawal"]
    assert (tmp_path / "fake.npz").exists()

    reopened_model = CountingEmbedder()
    reopened = embedders.CachedEmbedder("fake", reopened_model, tmp_path)
    again = reopened(["deposit", "withdrawal"])
    assert reopened_model.embedded == []
    assert np.array_equal(again, first[:2])


def test_unknown_embedder_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown embedder"):
        embedders.get("word2vec")


def _require(name: str) -> None:
    if not embedders.available(name):
        pytest.skip(f"{name} needs the bot-embeddings extra (make bot-embeddings)")


@pytest.mark.parametrize("name", embedders.EMBEDDERS)
def test_real_embedder_gives_unit_vectors_that_group_meanings(name: str) -> None:
    _require(name)
    embed = embedders.get(name)
    vectors = embed(["my deposit has not arrived", "deposit not credited yet", "tell me a joke"])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_multilingual_engine_with_e5_saves_and_loads(tmp_path: Path) -> None:
    _require("e5")
    engine = train(samples.examples(with_out_of_scope=True), representations=("tfidf", "e5"))
    # A representation weighted 0 on validation is dropped; e5 carries this small set.
    assert "e5" in engine.representations
    assert set(engine.representations) <= {"tfidf", "e5"}
    path = tmp_path / "engine.npz"
    engine.save(path)
    loaded = IntentModel.load(path)
    texts = [text for text, _ in samples.TEST]
    assert np.allclose(loaded.probabilities(texts), engine.probabilities(texts), atol=1e-5)
    right = [
        p.intent == label for p, (_, label) in zip(loaded.predict(texts), samples.TEST, strict=True)
    ]
    assert sum(right) >= len(texts) - 1


def test_training_embeds_each_example_once() -> None:
    model = CountingEmbedder()
    examples = samples.examples()
    engine = train(examples, representations=("tfidf", "counting"), embedder=lambda _name: model)
    # Once for fitting or validation; the refit on both reuses those vectors.
    assert sorted(model.embedded) == sorted(text for text, _ in examples)
    assert engine.report["train_examples"] == len(examples)
