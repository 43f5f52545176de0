"""Greetings and thanks on their own are answered in kind, never as "I did not understand"."""

from __future__ import annotations

import pytest

from cexdesk.bot import dialogue
from cexdesk.bot.dialogue import BotState, Facts, Understanding, respond
from cexdesk.bot.smalltalk import GREETING, THANKS, small_talk
from cexdesk.bot.texts import bot_text

FACTS = Facts(claim_url="/help/en/articles/deposit-recovery-claim", sign_in_url="/help/signin")


@pytest.mark.parametrize(
    "text",
    ["hi", "Hello!", "hi there bot", "你好呀", "您好，在吗？", "xin chào", "Xin chao ad",
     "привет", "Вітаю!", "مرحبا", "السلام عليكم", "Hola, buenas", "bom dia", "Bonjour",
     "Guten Tag", "ciao", "Dzień dobry", "Merhaba", "halo kak"],
)  # fmt: skip
def test_a_greeting_alone_is_a_greeting(text: str) -> None:
    assert small_talk(text) == GREETING


@pytest.mark.parametrize(
    "text",
    ["thanks", "ok thanks!", "Thank you so much", "谢谢", "謝謝你", "cảm ơn bạn", "cam on nhieu",
     "спасибо", "дякую", "شكرا جزيلا", "gracias 🙏", "obrigado!", "merci beaucoup",
     "Danke schön", "grazie mille", "dzięki", "teşekkürler", "terima kasih"],
)  # fmt: skip
def test_thanks_alone_is_thanks(text: str) -> None:
    assert small_talk(text) == THANKS


@pytest.mark.parametrize(
    "text",
    ["hi, my deposit is missing", "thank you for nothing, where is my BTC", "how are you",
     "你好，我的充值没到账", "xin chào, rút tiền bị treo", "привет, где мой депозит",
     "hola necesito ayuda con mi retiro", "chaos", "history", "tyre", "Hallo, Auszahlung?"],
)  # fmt: skip
def test_a_question_that_opens_with_a_greeting_is_a_question(text: str) -> None:
    assert small_talk(text) is None


@pytest.mark.parametrize(("said", "key"), [(GREETING, "greeting"), (THANKS, "you_are_welcome")])
@pytest.mark.parametrize("language", ["en", "vi", "ar"])
def test_the_bot_answers_in_kind_without_counting_an_unanswered_turn(
    said: str, key: str, language: str
) -> None:
    state = BotState(unanswered=1, last_intent="fees")
    understanding = Understanding(text="…", language=language, small_talk=said)
    reply, after = respond(understanding, state, (), FACTS, True)
    assert reply.kind == dialogue.SMALL_TALK
    assert reply.text == bot_text(key, language)
    assert reply.handoff is None
    assert after.unanswered == 1 and after.last_intent == "fees"
