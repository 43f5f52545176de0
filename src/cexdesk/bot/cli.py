"""``cexdesk bot``: train and evaluate the intent engine on a labelled set.

A set is a folder under the datasets folder (by default ``shared/datasets`` beside
the project: ``banking77``, ``clinc150``) in one of the layouts ``datasets.py``
reads, or ``cexdesk`` for the bot's own multilingual set shipped in
``cexdesk/bot/data``. Nothing is downloaded; the sets are read where they are.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    # Imported inside the commands: scikit-learn should not slow down every `cexdesk` run.
    from cexdesk.bot import datasets, evaluate, intents

app = typer.Typer(no_args_is_help=True, help="The bot's intent engine.")

OWN_SET = "cexdesk"
OWN_DATA = Path(__file__).parent / "data"
DEFAULT_DATASETS = Path(__file__).resolve().parents[3].parent / "shared" / "datasets"
MODELS = Path("var") / "bot"

# The default representations per set, among those installed: English MiniLM helps
# only English sets; e5 is multilingual but embeds ~20-80 sentences a second here,
# too slow for the 5-minute training budget on the 10,000+ examples of the public sets.
AUTO_ENGLISH = ("tfidf", "minilm")
AUTO_MULTILINGUAL = ("tfidf", "e5")

DatasetsOption = typer.Option(DEFAULT_DATASETS, "--datasets", help="folder holding the sets")
ModelOption = typer.Option(None, "--model", help="engine file (default: var/bot/SET.npz)")
CacheOption = typer.Option(MODELS / "cache", help="embedding cache folder")


def _load(name: str, folder: Path) -> datasets.Dataset:
    from cexdesk.bot import datasets

    path = OWN_DATA if name == OWN_SET else folder / name
    try:
        return datasets.load(path)
    except (OSError, datasets.DatasetError) as error:
        typer.echo(f"cexdesk bot: cannot read the set {name!r}: {error}", err=True)
        raise typer.Exit(2) from error


def _representations(choice: str, dataset: datasets.Dataset) -> list[str]:
    from cexdesk.bot import embedders

    if choice != "auto":
        wanted = [name.strip() for name in choice.split(",") if name.strip()]
        unknown = [n for n in wanted if n != "tfidf" and n not in embedders.EMBEDDERS]
        missing = [n for n in wanted if n in embedders.EMBEDDERS and not embedders.available(n)]
        if unknown or missing:
            problem = f"unknown {unknown}" if unknown else f"not installed {missing}"
            typer.echo(
                f"cexdesk bot: representations {problem} (tfidf, "
                f"{', '.join(embedders.EMBEDDERS)}; embeddings need make bot-embeddings)",
                err=True,
            )
            raise typer.Exit(2)
        return wanted
    multilingual = len({language for language in dataset.test_languages if language}) > 1
    auto = AUTO_MULTILINGUAL if multilingual else AUTO_ENGLISH
    return [n for n in auto if n == "tfidf" or embedders.available(n)]


def _model_path(model: Path | None, dataset: str) -> Path:
    return model or MODELS / f"{dataset}.npz"


@app.command("train")
def train_command(
    dataset: str = typer.Argument(..., help="banking77, clinc150, cexdesk or another folder"),
    datasets_folder: Path = DatasetsOption,
    model: Path | None = ModelOption,
    representations: str = typer.Option(
        "auto", "--with", help="comma list of tfidf, e5, minilm; auto: what is installed"
    ),
    cache: Path = CacheOption,
    no_cache: bool = typer.Option(False, "--no-cache", help="embed everything afresh"),
    seed: int = typer.Option(0, help="seed of the validation hold-out"),
    oos_recall: float | None = typer.Option(
        None,
        "--oos-recall",
        min=0.0,
        max=1.0,
        help="refusal threshold: best in-scope accuracy at this out-of-scope recall "
        "on validation (default: the best mean of the two)",
    ),
    quiet: bool = typer.Option(False, "--quiet", help="print only the summary"),
) -> None:
    """Train on the set's training split (validation: its own, or held out) and save."""
    from cexdesk.bot import embedders, intents

    data = _load(dataset, datasets_folder)
    chosen = _representations(representations, data)
    folder = None if no_cache else cache
    started = time.perf_counter()
    engine = intents.train(
        data.train,
        validation=data.validation,
        representations=chosen,
        embedder=lambda name: embedders.embedder(name, folder),
        seed=seed,
        oos_recall=oos_recall,
        progress=None
        if quiet
        else (lambda line: typer.echo(f"  [{time.perf_counter() - started:5.1f} s] {line}")),
    )
    seconds = time.perf_counter() - started
    engine.report["train_seconds"] = round(seconds, 1)
    path = _model_path(model, dataset)
    engine.save(path)
    typer.echo(
        f"trained {dataset}: {len(data.train)} examples, {len(engine.intents)} intents, "
        f"with {'+'.join(chosen)} in {seconds:.1f} s; refusal threshold "
        f"{engine.threshold:.3f}; saved to {path}"
    )


@app.command("eval")
def eval_command(
    dataset: str = typer.Argument(..., help="banking77, clinc150, cexdesk or another folder"),
    datasets_folder: Path = DatasetsOption,
    model: Path | None = ModelOption,
    cache: Path = CacheOption,
    no_cache: bool = typer.Option(False, "--no-cache", help="embed everything afresh"),
) -> None:
    """Score a trained engine on the set's test split."""
    from cexdesk.bot import embedders, evaluate, intents

    data = _load(dataset, datasets_folder)
    path = _model_path(model, dataset)
    if not path.exists():
        typer.echo(f"cexdesk bot: no engine at {path}; run `cexdesk bot train {dataset}`", err=True)
        raise typer.Exit(2)
    folder = None if no_cache else cache
    try:
        engine = intents.IntentModel.load(path, lambda name: embedders.embedder(name, folder))
    except embedders.EmbedderUnavailable as error:
        typer.echo(f"cexdesk bot: {error}", err=True)
        raise typer.Exit(2) from error
    started = time.perf_counter()
    scores = evaluate.score(engine, data.test, data.test_languages)
    seconds = time.perf_counter() - started
    for line in _describe(dataset, engine, scores, seconds):
        typer.echo(line)


def _describe(
    dataset: str, engine: intents.IntentModel, scores: evaluate.Scores, seconds: float
) -> Sequence[str]:
    lines = [
        f"{dataset}: {scores.examples} test examples, engine {'+'.join(engine.representations)}"
        f" (threshold {engine.threshold:.3f})",
        f"  accuracy             {scores.accuracy:.2%}  (in-scope examples, top intent)",
    ]
    if scores.oos_recall is not None:
        lines += [
            f"  in-scope accuracy    {scores.answered_accuracy:.2%}  (right intent and answered)",
            f"  out-of-scope recall  {scores.oos_recall:.2%}  ({scores.oos_examples} examples)",
        ]
    else:
        lines.append(f"  answered and right   {scores.answered_accuracy:.2%}")
    lines.append(f"  refused (in-scope)   {scores.refused:.2%}")
    for language, (count, accuracy) in scores.per_language.items():
        lines.append(f"  {language:<8} {accuracy:7.2%}  ({count} examples)")
    lines.append(f"  predicted in {seconds:.1f} s")
    return lines
