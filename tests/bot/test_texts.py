"""The bot's own sentences: every key in the 15 languages, with the same placeholders."""

from __future__ import annotations

import csv
import re
import string

import pytest

from cexdesk.bot.cli import OWN_DATA
from cexdesk.bot.intents import OUT_OF_SCOPE
from cexdesk.bot.texts import LANGUAGES, TEXT_KEYS, bot_text, texts_for
from cexdesk.exchange.values import KycState
from cexdesk.intake.language import SUPPORTED

REQUIRED = {
    "greeting": set(),
    "article_intro": {"title", "url"},
    "ask_helpful": set(),
    "unknown": set(),
    "clarify": {"options"},
    "clarify_or": set(),
    "ask_tx_hash": set(),
    "ask_sign_in": {"url"},
    "deposit_credited": {"amount", "asset", "time"},
    "deposit_confirming": {"amount", "asset", "confirmations", "required"},
    "deposit_not_found": set(),
    "deposit_missing_memo_claim": {"amount", "asset", "url"},
    "deposit_wrong_network_claim": {"amount", "asset", "network", "url"},
    "deposit_not_recoverable": {"reason"},
    "deposit_under_review": set(),
    "address_checksum_invalid": {"address"},
    "withdrawal_none": set(),
    "withdrawal_processing": {"amount", "asset", "time"},
    "withdrawal_sent": {"amount", "asset", "tx_hash"},
    "withdrawal_security_lock": {"until"},
    "withdrawal_risk_hold": set(),
    "account_frozen": set(),
    "account_not_frozen": set(),
    "kyc_state": {"state"},
    "handoff_connecting": set(),
    "handoff_security": set(),
    "handoff_low_confidence": set(),
    "button_human": set(),
    "button_solved": set(),
    "button_not_solved": set(),
    "solved_thanks": set(),
    "context_reset": set(),
}


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def intents_in_training_set() -> set[str]:
    """The set's intents; its out-of-scope examples are refused, never offered."""
    with (OWN_DATA / "train.csv").open(encoding="utf-8") as file:
        return {row["category"] for row in csv.DictReader(file)} - {OUT_OF_SCOPE}


def test_the_languages_are_the_desks_15() -> None:
    assert set(LANGUAGES) == set(SUPPORTED)
    assert len(LANGUAGES) == 15


def test_every_required_key_exists_with_its_placeholders_in_english() -> None:
    for key, names in REQUIRED.items():
        assert key in TEXT_KEYS
        assert placeholders(texts_for(key)["en"]) == names, key


def test_intent_labels_and_kyc_states_exist() -> None:
    intents = intents_in_training_set() | {"account_frozen"}
    assert {f"intent.{name}" for name in intents} <= TEXT_KEYS
    assert {f"kyc.{state.value}" for state in KycState} <= TEXT_KEYS


@pytest.mark.parametrize("key", sorted(TEXT_KEYS))
def test_every_key_in_every_language_with_the_english_placeholders(key: str) -> None:
    texts = texts_for(key)
    assert set(texts) == set(LANGUAGES), key
    english = placeholders(texts["en"])
    for language, text in texts.items():
        assert text.strip() == text and text, (key, language)
        assert placeholders(text) == english, (key, language)


def test_translations_are_translated() -> None:
    cjk = re.compile(r"[\u4e00-\u9fff]")
    arabic = re.compile(r"[\u0600-\u06ff]")
    cyrillic = re.compile(r"[\u0400-\u04ff]")
    for key in TEXT_KEYS:
        texts = texts_for(key)
        assert cjk.search(texts["zh-Hans"]) or key == "intent.api_keys", key
        assert arabic.search(texts["ar"]), key
        assert cyrillic.search(texts["ru"]) and cyrillic.search(texts["uk"]), key
        if len(texts["en"]) > 30:
            # Whole sentences: every language its own, Chinese scripts apart.
            assert len(set(texts.values())) >= 14, key
            assert texts["zh-Hans"] != texts["zh-Hant"], key
            assert texts["ru"] != texts["uk"], key


def test_filling_placeholders() -> None:
    text = bot_text("deposit_confirming", "de", amount="0.5", asset="BTC", confirmations="1",
                    required="2")  # fmt: skip
    assert "0.5 BTC" in text and "1" in text and "2" in text
    assert "{" not in text
    assert bot_text("kyc_state", "zh-Hans", state=bot_text("kyc.pending", "zh-Hans")) == (
        "您的身份认证（KYC）状态：审核中。"
    )


def test_an_unknown_language_falls_back_to_english_and_an_unknown_key_raises() -> None:
    assert bot_text("greeting", "ja") == bot_text("greeting", "en")
    assert bot_text("greeting", "") == bot_text("greeting", "en")
    with pytest.raises(KeyError):
        bot_text("no_such_key", "en")
    with pytest.raises(KeyError):
        bot_text("ask_sign_in", "en")  # {url} left without a value


def test_extra_parameters_are_ignored() -> None:
    assert bot_text("greeting", "fr", url="x") == bot_text("greeting", "fr")
