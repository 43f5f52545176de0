"""Labelled intent sets read from disk, split into train / validation / test.

Two layouts are understood, those of the public sets under ``shared/datasets``:

* CSV (BANKING77): ``train.csv`` and ``test.csv``, optionally ``validation.csv``, with
  the columns ``text`` and ``category``, plus ``language`` when the set is multilingual
  (cexdesk's own set), where out-of-scope examples have the category ``oos``;
* CLINC150: ``data_full.json`` with ``train``/``val``/``test`` lists of ``[text,
  intent]`` and their out-of-scope counterparts ``oos_train``/``oos_val``/``oos_test``,
  whose examples get the label ``oos``.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass, field
from pathlib import Path

from cexdesk.bot.intents import OUT_OF_SCOPE

Pairs = list[tuple[str, str]]


@dataclass
class Dataset:
    name: str
    train: Pairs
    test: Pairs
    validation: Pairs | None = None
    # The language of each test example, for sets that carry one.
    test_languages: list[str] = field(default_factory=list)

    @property
    def has_out_of_scope(self) -> bool:
        return any(label == OUT_OF_SCOPE for _, label in self.test)


class DatasetError(ValueError):
    """The folder holds no labelled set in a known layout."""


def _read_csv(path: Path) -> tuple[Pairs, list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or not {"text", "category"} <= set(reader.fieldnames):
            raise DatasetError(f"{path}: needs the columns text and category")
        rows = list(reader)
    pairs = [(row["text"], row["category"]) for row in rows]
    return pairs, [row.get("language") or "" for row in rows]


def _read_clinc(path: Path, name: str) -> Dataset:
    data = json.loads(path.read_text(encoding="utf-8"))

    def split(key: str) -> Pairs:
        pairs = [(str(text), str(label)) for text, label in data.get(key, [])]
        pairs += [(str(text), OUT_OF_SCOPE) for text, _ in data.get(f"oos_{key}", [])]
        return pairs

    if "train" not in data or "test" not in data:
        raise DatasetError(f"{path}: needs train and test lists")
    return Dataset(name, split("train"), split("test"), split("val") or None)


def load(folder: Path) -> Dataset:
    """The labelled set in ``folder`` (see the module's docstring for the layouts)."""
    if (folder / "data_full.json").exists():
        return _read_clinc(folder / "data_full.json", folder.name)
    if (folder / "train.csv").exists() and (folder / "test.csv").exists():
        train, _ = _read_csv(folder / "train.csv")
        test, languages = _read_csv(folder / "test.csv")
        validation = None
        if (folder / "validation.csv").exists():
            validation, _ = _read_csv(folder / "validation.csv")
        return Dataset(folder.name, train, test, validation, languages)
    raise DatasetError(f"{folder}: no train.csv/test.csv nor data_full.json")
