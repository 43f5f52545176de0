"""The intent engine a running desk uses, and reading one customer turn with it.

The engine is read from ``settings.bot_model`` (default ``<data_dir>/bot/cexdesk.npz``,
what ``cexdesk bot train cexdesk`` writes) when that file exists; otherwise it is
trained on cexdesk's own set with TF-IDF (about half a second), once per process.
Nothing is downloaded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import Any

from cexdesk.bot import datasets, intents
from cexdesk.bot.dialogue import Understanding
from cexdesk.bot.entities import Entity, extract_entities
from cexdesk.bot.handoff import asks_for_human, is_security_emergency
from cexdesk.bot.smalltalk import small_talk
from cexdesk.intake.language import detect

log = logging.getLogger(__name__)

SERVICE_KEY = "bot.intents"
OWN_DATA = Path(__file__).parent / "data"
OWN_SET = "cexdesk"
TOP = 3
# How sure the language detector must be before a turn's language overrides the ticket's.
LANGUAGE_CONFIDENCE = 0.8

_lock = asyncio.Lock()


def model_path(settings: Any) -> Path:
    configured: Path | None = getattr(settings, "bot_model", None)
    return configured or Path(settings.data_dir) / "bot" / f"{OWN_SET}.npz"


def build_model(path: Path | None) -> intents.IntentModel:
    """The saved engine at ``path`` if there is one, else one trained on cexdesk's set."""
    if path is not None and path.is_file():
        try:
            return intents.IntentModel.load(path)
        except (OSError, ValueError, KeyError) as error:
            log.warning("bot: cannot read the intent engine %s (%s); training one", path, error)
    own = datasets.load(OWN_DATA)
    return intents.train(own.train, representations=("tfidf",))


async def intent_model(services: dict[str, Any]) -> intents.IntentModel:
    """This process's engine, loaded or trained on first use (off the event loop)."""
    found: intents.IntentModel | None = services.get(SERVICE_KEY)
    if found is not None:
        return found
    async with _lock:
        found = services.get(SERVICE_KEY)
        if found is None:
            settings = services.get("settings")
            path = model_path(settings) if settings is not None else None
            found = await asyncio.to_thread(build_model, path)
            services[SERVICE_KEY] = found
    return found


def _without(text: str, entities: tuple[Entity, ...]) -> str:
    kept, at = [], 0
    for entity in sorted(entities, key=lambda e: e.start):
        if entity.end > entity.start >= at:
            kept.append(text[at : entity.start])
            at = entity.end
    kept.append(text[at:])
    return " ".join(kept)


class Warmup:
    """Loads (or trains) the engine when ``serve`` starts, so the first customer does not
    wait for it; a listener (``channels.chat.listeners``)."""

    def __init__(self, services: dict[str, Any]) -> None:
        self.services = services
        self.task: asyncio.Task[intents.IntentModel] | None = None

    async def start(self) -> None:
        self.task = asyncio.create_task(intent_model(self.services), name="bot-warmup")

    async def stop(self) -> None:
        if self.task is not None and not self.task.done():
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self.task


def understand(
    model: intents.IntentModel, text: str, language: str, button: str | None = None
) -> Understanding:
    """Everything the dialogue needs from one message (or a button press)."""
    if button is not None:
        return Understanding(text="", language=language, button=button)
    detected = detect(text, language)
    if detected.language != language and detected.confidence >= LANGUAGE_CONFIDENCE:
        language = detected.language
    entities = tuple(extract_entities(text))
    ranked: tuple[tuple[str, float], ...] = ()
    if any(c.isalpha() for c in _without(text, entities)):
        # A message that is only a hash, an address or a number says nothing the intent
        # engine could read (it would still name its nearest intent).
        prediction = model.predict_one(text)
        if prediction.known:
            ranked = tuple((name, float(p)) for name, p in prediction.ranked[:TOP])
    return Understanding(
        text=text,
        language=language,
        intents=ranked,
        entities=entities,
        asks_for_human=asks_for_human(text, language),
        security_emergency=is_security_emergency(text),
        small_talk=small_talk(text),
    )
