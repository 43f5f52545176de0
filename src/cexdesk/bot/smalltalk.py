"""Greetings and thanks on their own, in the 15 languages (pure).

The intent engine refuses them as out of scope, which is right: they ask nothing. The bot
should still not answer "hi" or "thanks" with "I did not understand", nor count them as
unanswered turns on the way to a handoff, so the dialogue greets back or acknowledges.

Only a message that is nothing but a greeting or thanks counts ("hi, my deposit is
missing" is a question): after the known phrases, punctuation, emoji and a few filler
words are taken away, nothing may remain.
"""

from __future__ import annotations

import re
from typing import Final, Literal

from cexdesk.bot.handoff import fold

SmallTalk = Literal["greeting", "thanks"]

GREETING: Final = "greeting"
THANKS: Final = "thanks"

# Folded forms (lower case, no accents: see handoff.fold), longest first where one
# phrase contains another, so the whole phrase is taken away.
_GREETINGS = (
    # en
    "good morning", "good afternoon", "good evening", "hello there", "hi there",
    "hey there", "hello", "hiya", "hey", "hi", "yo",
    # zh-Hans / zh-Hant
    "早上好", "下午好", "晚上好", "您好", "你好", "哈喽", "嗨", "在吗", "在嗎",
    "早安", "午安", "晚安",
    # ru / uk
    "здравствуите", "добрыи день", "доброе утро", "добрыи вечер", "привет", "приветствую",
    "вітаю", "доброго дня", "добрии день", "привіт", "добрыд",
    # vi
    "xin chao", "chao ban", "chao shop", "chao ad", "chao admin", "chao",
    # id
    "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "halo", "hai",
    # tr
    "merhaba", "selamlar", "selam", "iyi gunler", "gunaydin", "iyi aksamlar",
    # es / pt-BR
    "buenos dias", "buenas tardes", "buenas noches", "buenas", "hola",
    "bom dia", "boa tarde", "boa noite", "ola", "oi",
    # fr
    "bonjour", "bonsoir", "salut", "coucou",
    # de
    "guten morgen", "guten tag", "guten abend", "hallo", "servus", "moin",
    # it
    "buongiorno", "buonasera", "ciao", "salve",
    # pl
    "dzien dobry", "dobry wieczor", "czesc", "witam", "hej",
    # ar (folded: ة → ه, ى → ي)
    "السلام عليكم", "مرحبا", "اهلا", "هلا", "صباح الخير", "مساء الخير",
)  # fmt: skip

_THANKS = (
    # en
    "thank you very much", "thank you so much", "thanks a lot", "many thanks",
    "thank you", "thanks", "thx", "ty", "cheers",
    # zh
    "非常感谢", "非常感謝", "谢谢你", "謝謝你", "谢谢", "謝謝", "感谢", "感謝", "多谢", "多謝",
    # ru / uk
    "большое спасибо", "спасибо", "благодарю", "дякую", "щиро дякую",
    # vi
    "cam on ban", "cam on nhieu", "cam on", "thank ban",
    # id
    "terima kasih banyak", "terima kasih", "makasih", "thanks ya",
    # tr
    "cok tesekkurler", "cok tesekkur ederim", "tesekkur ederim", "tesekkurler", "sagol",
    # es / pt-BR
    "muchas gracias", "gracias", "muito obrigado", "muito obrigada", "obrigado", "obrigada",
    "valeu",
    # fr
    "merci beaucoup", "merci bien", "merci",
    # de
    "vielen dank", "danke schon", "dankeschon", "danke",
    # it
    "grazie mille", "grazie",
    # pl
    "dziekuje bardzo", "dziekuje", "dzieki",
    # ar
    "شكرا جزيلا", "شكرا لك", "شكرا", "مشكور", "يعطيك العافيه",
)  # fmt: skip

# Words that may stand beside a greeting or thanks without making it a question.
_FILLER = frozenset(
    [
        "a", "again", "all", "bot", "assistant", "support", "team", "admin", "sir", "madam",
        "ok", "okay", "so", "much", "very",
        "ban", "em", "anh", "chi", "oi", "nhe", "nha", "ad", "ya", "kak", "min", "gan",
        "senor", "senora", "equipo", "tudo", "bem", "vous", "tout", "le", "monde", "alle",
        "zusammen", "tutti", "вам", "тебе",
        "啊", "呀", "哈", "呢", "吗", "嗎", "哦", "喔",
    ]
)  # fmt: skip

_SEPARATORS = re.compile(r"[\s\W_]+", re.UNICODE)
_MAX_CHARACTERS = 60
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _alternation(phrases: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted({fold(p) for p in phrases}, key=len, reverse=True)
    # Phrases in letters must stand as words; Chinese is written without spaces.
    return re.compile("|".join(_bounded(p) for p in ordered))


def _bounded(phrase: str) -> str:
    if _HAN.search(phrase):
        return re.escape(phrase)
    return rf"(?<!\w){re.escape(phrase)}(?!\w)"


_GREETING_PATTERN = _alternation(_GREETINGS)
_THANKS_PATTERN = _alternation(_THANKS)


def _only(pattern: re.Pattern[str], folded: str) -> bool:
    if not pattern.search(folded):
        return False
    rest = _SEPARATORS.split(pattern.sub(" ", folded))
    return all(word in _FILLER for word in rest if word)


def small_talk(text: str) -> SmallTalk | None:
    """ "greeting" or "thanks" when the message is only that, else None."""
    if len(text) > _MAX_CHARACTERS:
        return None
    folded = fold(text)
    if _only(_THANKS_PATTERN, folded):
        return THANKS
    if _only(_GREETING_PATTERN, folded):
        return GREETING
    return None
