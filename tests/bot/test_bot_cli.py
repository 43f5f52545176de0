"""``cexdesk bot train`` / ``cexdesk bot eval`` on small sets written in the public layouts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from typer.testing import CliRunner

from cexdesk.cli import app
from tests.bot import samples

runner = CliRunner()


def _write_csv(
    path: Path, pairs: list[tuple[str, str]], languages: list[str] | None = None
) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "category"] + (["language"] if languages else []))
        for i, (text, label) in enumerate(pairs):
            writer.writerow([text, label] + ([languages[i]] if languages else []))


def _banking_like(root: Path) -> None:
    folder = root / "tiny"
    folder.mkdir()
    _write_csv(folder / "train.csv", samples.examples())
    languages = [
        "zh" if any("\u4e00" <= ch <= "\u9fff" for ch in t) else "xx" for t, _ in samples.TEST
    ]
    _write_csv(folder / "test.csv", samples.TEST, languages)


def _clinc_like(root: Path) -> None:
    folder = root / "tinyclinc"
    folder.mkdir()
    examples = samples.examples()
    data = {
        "train": [[t, label] for t, label in examples[::2] + examples[1::4]],
        "val": [[t, label] for t, label in examples[3::4]],
        "test": [[t, label] for t, label in samples.TEST],
        "oos_train": [[t, "oos"] for t in samples.OUT_OF_SCOPE[:5]],
        "oos_val": [[t, "oos"] for t in samples.OUT_OF_SCOPE[5:]],
        "oos_test": [["what is the weather tomorrow in Berlin", "oos"], ["tell me a joke", "oos"]],
    }
    (folder / "data_full.json").write_text(json.dumps(data, ensure_ascii=False))


def test_train_then_eval_a_csv_set(tmp_path: Path) -> None:
    _banking_like(tmp_path)
    model = tmp_path / "engines" / "tiny.npz"
    common = ["--datasets", str(tmp_path), "--model", str(model)]
    trained = runner.invoke(app, ["bot", "train", "tiny", *common, "--with", "tfidf", "--quiet"])
    assert trained.exit_code == 0, trained.output
    assert "trained tiny: 44 examples, 4 intents, with tfidf" in trained.output
    assert model.exists()

    result = runner.invoke(app, ["bot", "eval", "tiny", *common])
    assert result.exit_code == 0, result.output
    accuracy = next(line for line in result.output.splitlines() if "accuracy" in line)
    assert float(accuracy.split()[1].rstrip("%")) >= 80.0
    assert "out-of-scope recall" not in result.output
    # Per-language lines, for sets whose test split names the language.
    assert any(line.split()[0] == "zh" for line in result.output.splitlines() if line.strip())


def test_clinc_layout_reports_out_of_scope_recall(tmp_path: Path) -> None:
    _clinc_like(tmp_path)
    model = tmp_path / "clinc.npz"
    common = ["--datasets", str(tmp_path), "--model", str(model)]
    trained = runner.invoke(app, ["bot", "train", "tinyclinc", *common, "--with", "tfidf"])
    assert trained.exit_code == 0, trained.output
    assert "tfidf: C=" in trained.output  # progress lines unless --quiet

    result = runner.invoke(app, ["bot", "eval", "tinyclinc", *common])
    assert result.exit_code == 0, result.output
    assert "in-scope accuracy" in result.output
    recall = next(line for line in result.output.splitlines() if "out-of-scope recall" in line)
    assert "(2 examples)" in recall


def test_eval_without_a_trained_engine_says_what_to_run(tmp_path: Path) -> None:
    _banking_like(tmp_path)
    result = runner.invoke(
        app,
        ["bot", "eval", "tiny", "--datasets", str(tmp_path), "--model", str(tmp_path / "x.npz")],
    )
    assert result.exit_code == 2
    assert "cexdesk bot train tiny" in result.output


def test_unknown_set_and_unknown_representation_are_refused(tmp_path: Path) -> None:
    missing = runner.invoke(app, ["bot", "train", "nothing", "--datasets", str(tmp_path)])
    assert missing.exit_code == 2
    assert "cannot read the set 'nothing'" in missing.output
    _banking_like(tmp_path)
    wrong = runner.invoke(
        app, ["bot", "train", "tiny", "--datasets", str(tmp_path), "--with", "tfidf,word2vec"]
    )
    assert wrong.exit_code == 2
    assert "word2vec" in wrong.output
