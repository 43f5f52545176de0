"""Bot reply latency for a knowledge-base answer, in one process.

One reply is what ``bot.flows`` computes for a customer's message apart from the
database writes: reading the turn (language, the intent engine, entities, the handoff
and emergency detectors: ``bot.runtime.understand``), ``dialogue.lookups_needed``, the
knowledge-base search in the customer's language (BM25 over the starter articles, as
``kb.service.search_hits`` ranks them from its cached index) plus the intent's own
article, and ``dialogue.respond``. The intent engine is the one a desk trains at start
(TF-IDF on cexdesk's own set); the index is built once per language, as the service
caches it. Questions: cexdesk's own test set (15 languages, phrasings the engine was not
trained on), each answered once per round, one at a time, timed one by one; the
percentiles are over the replies that are knowledge-base answers (kind "article"),
with the p95 of every reply beside them.

Baselines in the same run: the knowledge-base search alone, and the intent engine
alone (``predict_one``), for the same questions.
Several rounds; the figures are the median of the rounds' p50 and p95.
Run: .venv/bin/python bench/bot_reply.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections import Counter

from cexdesk.bot import datasets, dialogue, runtime
from cexdesk.bot.dialogue import ArticleRef, BotState, Facts
from cexdesk.kb import content, render, search
from cexdesk.kb.service import fallbacks

TARGET_P95_MS = 50.0


def build_indexes(
    languages: set[str],
) -> dict[str, tuple[search.Index, dict[str, tuple[str, str]]]]:
    """Per language: the BM25 index and slug -> (title, language shown), as the service
    builds them (title twice, tags, the body as plain text; English where missing)."""
    articles = content.read_articles()
    built = {}
    for language in languages:
        shown: dict[str, tuple[str, str, str]] = {}
        for article in articles:
            for candidate in fallbacks(language):
                if candidate in article.texts:
                    title, body = article.texts[candidate]
                    shown[article.slug] = (title, " ".join(article.tags), body)
                    break
        index = search.Index.of(
            (slug, " ".join([title, title, tags, render.plain_text(body)]))
            for slug, (title, tags, body) in shown.items()
        )
        built[language] = (index, {slug: (t[0], language) for slug, t in shown.items()})
    return built


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    own = datasets.load(runtime.OWN_DATA)
    questions = [
        (text, language) for (text, _), language in zip(own.test, own.test_languages, strict=True)
    ]
    started = time.perf_counter()
    model = runtime.build_model(None)
    train_seconds = time.perf_counter() - started
    indexes = build_indexes({language for _, language in questions})

    def kb_search(text: str, language: str) -> list[ArticleRef]:
        index, titles = indexes[language]
        return [
            ArticleRef(
                hit.key, titles[hit.key][0], f"/help/{language}/articles/{hit.key}", hit.score
            )
            for hit in index.search(text, 3)
        ]

    def reply(text: str, language: str) -> dialogue.BotReply:
        understanding = runtime.understand(model, text, language)
        state = BotState()
        dialogue.lookups_needed(understanding, state, signed_in=False)
        articles = kb_search(text, understanding.language)
        if understanding.intents:
            slug = dialogue.INTENT_ARTICLES.get(understanding.intents[0][0])
            _, titles = indexes[understanding.language]
            if slug in titles:
                url = f"/help/{understanding.language}/articles/{slug}"
                articles.insert(0, ArticleRef(slug, titles[slug][0], url, by_intent=True))
        answer, _ = dialogue.respond(understanding, state, articles, Facts(), signed_in=False)
        return answer

    for text, language in questions[:20]:  # warm caches and code paths
        reply(text, language)

    rounds: list[tuple[float, ...]] = []
    kinds: Counter[str] = Counter()
    for _ in range(args.rounds):
        bot_ms, search_ms, every_ms, intent_ms = [], [], [], []
        for text, language in questions:
            t0 = time.perf_counter()
            answer = reply(text, language)
            elapsed = (time.perf_counter() - t0) * 1000
            every_ms.append(elapsed)
            if answer.kind == dialogue.ARTICLE:  # the knowledge-base answers
                bot_ms.append(elapsed)
            kinds[answer.kind] += 1
            t0 = time.perf_counter()
            kb_search(text, language)
            search_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            model.predict_one(text)
            intent_ms.append((time.perf_counter() - t0) * 1000)
        rounds.append((percentile(bot_ms, 0.5), percentile(bot_ms, 0.95),
                       percentile(search_ms, 0.5), percentile(search_ms, 0.95),
                       percentile(every_ms, 0.95), percentile(intent_ms, 0.5),
                       percentile(intent_ms, 0.95)))  # fmt: skip

    p50, p95, s50, s95, all95, i50, i95 = (
        statistics.median(r[i] for r in rounds) for i in range(7)
    )
    print(f"machine: {os.cpu_count()} cores; intent engine trained in {train_seconds:.2f} s")
    print(f"{len(questions)} questions x {args.rounds} rounds; answers: {dict(kinds)}")
    print(
        f"bot reply        p50 {p50:6.2f} ms   p95 {p95:6.2f} ms  (target p95 < {TARGET_P95_MS} ms)"
    )
    print(f"any reply (every kind)                 p95 {all95:6.2f} ms")
    print(f"kb search alone  p50 {s50:6.2f} ms   p95 {s95:6.2f} ms")
    print(f"intent engine    p50 {i50:6.2f} ms   p95 {i95:6.2f} ms")
    print(f"ratio bot / search: p50 {p50 / s50:.1f}x, p95 {p95 / s95:.1f}x")
    print("p95 target", "met" if p95 < TARGET_P95_MS else "MISSED")


if __name__ == "__main__":
    main()
