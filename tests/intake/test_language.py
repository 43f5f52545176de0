"""Language of short support messages in the 15 languages."""

from __future__ import annotations

import pytest

from cexdesk.intake.language import SUPPORTED, chinese_variant, detect

SAMPLES = {
    "en": "My deposit has not arrived after two hours, can you check it?",
    "zh-Hans": "我的充值还没有到账，请帮我查一下",
    "zh-Hant": "我的提幣一直在審核中，請問什麼時候會完成？",
    "ru": "Мой вывод средств заблокирован после смены пароля",
    "uk": "Мій депозит досі не зараховано, що робити?",
    "vi": "Tôi đã nạp tiền nhưng chưa thấy số dư trong tài khoản",
    "id": "Deposit saya belum masuk ke akun, tolong dibantu",
    "tr": "Para çekme işlemim neden beklemede, lütfen yardım edin",
    "es": "Mi retiro está pendiente desde ayer, ¿qué pasa?",
    "pt-BR": "Meu depósito ainda não caiu na conta, o que aconteceu?",
    "fr": "Mon dépôt n'est toujours pas crédité sur mon compte",
    "de": "Meine Einzahlung ist noch nicht auf meinem Konto angekommen",
    "it": "Il mio deposito non è ancora arrivato sul conto",
    "pl": "Moja wpłata nadal nie dotarła na konto, co się stało?",
    "ar": "لم يصل إيداعي إلى حسابي حتى الآن، أرجو المساعدة",
}


def test_samples_cover_all_languages() -> None:
    assert set(SAMPLES) == set(SUPPORTED)


@pytest.mark.parametrize(("language", "text"), sorted(SAMPLES.items()))
def test_each_language_is_recognised(language: str, text: str) -> None:
    assert detect(text).language == language


def test_short_messages_take_the_profile_language() -> None:
    assert detect("ok", "vi").language == "vi"
    assert detect("thanks!", "de").reason == "profile"
    tx = "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060"
    assert detect(tx, "tr").language == "tr"


def test_simplified_and_traditional_chinese() -> None:
    assert chinese_variant("这个账户怎么还没有认证") == "zh-Hans"
    assert chinese_variant("這個帳戶怎麼還沒有認證") == "zh-Hant"
