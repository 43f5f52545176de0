"""Asking for a person and reporting a security emergency, in the 15 languages."""

from __future__ import annotations

import pytest

from cexdesk.bot.handoff import asks_for_human, fold, is_security_emergency

ASKS_FOR_A_PERSON = {
    "en": [
        "talk to a human",
        "agent",
        "Agent please",
        "real person",
        "operator",
        "CS",
        "I want to speak to a real person, this bot keeps sending me the same article",
        "Can you connect me with customer support? My deposit from yesterday is still missing",
        "are you a bot?",
    ],
    "zh-Hans": ["客服", "人工", "转人工", "真人", "我要人工客服", "你好，请帮我转接客服，谢谢"],
    "zh-Hant": [
        "轉人工",
        "真人客服",
        "我要找客服",
        "請幫我轉接客服人員",
        "不要機器人了，我要找真人",
    ],
    "ru": [
        "оператор",
        "Оператор!",
        "живой человек",
        "соедините с оператором",
        "Здравствуйте, я уже полчаса пишу боту, соедините меня пожалуйста с оператором",
        "нужен специалист",
    ],
    "uk": ["оператор", "жива людина", "з'єднайте з оператором, будь ласка", "потрібен фахівець"],
    "vi": [
        "nhân viên",
        "gặp người thật",
        "cho tôi gặp nhân viên hỗ trợ",
        "NHAN VIEN",
        "Tôi đã chờ rất lâu mà vẫn chưa được giải quyết, cho tôi nói chuyện với nhân viên",
    ],
    "id": ["manusia", "CS", "mau bicara dengan CS", "hubungkan saya ke agen", "orang asli"],
    "tr": ["insan", "temsilci", "müşteri temsilcisi", "canlı destek", "temsilciye bağlayın"],
    "es": ["humano", "agente", "quiero hablar con una persona real", "pásame con un asesor"],
    "pt-BR": ["atendente", "humano", "quero falar com um atendente", "atendimento humano"],
    "fr": ["conseiller", "un humain svp", "je veux parler à un conseiller", "vraie personne"],
    "de": ["Mitarbeiter", "Ich möchte mit einem Mitarbeiter sprechen", "echter Mensch bitte"],
    "it": ["operatore", "voglio parlare con un operatore", "persona reale"],
    "pl": ["konsultant", "chcę rozmawiać z konsultantem", "prawdziwy człowiek"],
    "ar": ["موظف", "أريد التحدث إلى إنسان", "اريد التحدث مع موظف", "خدمة العملاء من فضلك"],
}

NOT_ASKING = [
    "the agent told me to send BTC",
    "Someone pretending to be customer support asked me for my 2FA code on Telegram",
    "有人冒充客服让我转币",
    "Мошенник представился оператором и сказал перевести деньги",
    "my deposit has not arrived yet",
    "How do I reset my Google Authenticator?",
    "I transferred 500 USDT to a person on P2P but they did not release the coins",
    "I get an error from the API every time I place an order through the endpoint",
    "The user agent string in my API client is blocked, what headers do you accept?",
    "Withdrawal stuck in processing for hours",
    "人工智能交易机器人的手续费是多少",
]


@pytest.mark.parametrize(
    ("language", "text"),
    [(language, text) for language, texts in ASKS_FOR_A_PERSON.items() for text in texts],
)
def test_asks_for_a_person(language: str, text: str) -> None:
    assert asks_for_human(text, language)
    assert asks_for_human(text)  # the hint is not needed
    assert asks_for_human(text, "en")  # nor trusted: people mix languages


@pytest.mark.parametrize("text", NOT_ASKING)
def test_does_not_fire_on_stories_and_ordinary_questions(text: str) -> None:
    assert not asks_for_human(text)


def test_accents_and_case_do_not_matter() -> None:
    assert fold("NHÂN VIÊN") == fold("nhân viên") == "nhan vien"
    assert fold("Müşteri TEMSİLCİSİ") == "musteri temsilcisi"
    assert fold("أريد") == fold("اريد")
    assert asks_for_human("CONSEILLER")
    assert asks_for_human("konsultant")


EMERGENCIES = {
    "en": [
        "My account was hacked",
        "I've been hacked, all my BTC is gone",
        "There is a withdrawal I did not make!",
        "unauthorized withdrawal of 3 ETH from my account",
        "someone logged into my account and changed my email",
        "my funds are gone",
        "I think I was the victim of a SIM swap, my phone has no signal",
    ],
    "zh-Hans": ["我的账户被盗了", "有一笔提币不是我操作的", "有人登录了我的账户", "我的币被转走了"],
    "zh-Hant": ["我的帳戶被盜了", "有一筆提幣不是我操作的", "帳戶被未經授權存取", "資產被轉走"],
    "ru": ["Мой аккаунт взломали", "Не я выводил эти средства", "кто-то вывел мои USDT"],
    "uk": ["Мій акаунт зламали", "Хтось вивів мої кошти", "вкрали всі гроші"],
    "vi": ["Tài khoản của tôi bị hack", "có lệnh rút tiền lạ", "không phải tôi rút tiền"],
    "id": ["Akun saya diretas", "dana saya hilang", "bukan saya yang menarik dana itu"],
    "tr": ["Hesabım hacklendi", "yetkisiz çekim yapıldı", "param çalındı"],
    "es": ["Me hackearon la cuenta", "hay un retiro que no hice", "me robaron los fondos"],
    "pt-BR": ["Minha conta foi hackeada", "saque que não fiz", "roubaram meus bitcoins"],
    "fr": ["Mon compte a été piraté", "retrait non autorisé", "quelqu'un s'est connecté"],
    "de": ["Mein Konto wurde gehackt", "Auszahlung nicht von mir", "Geld gestohlen"],
    "it": ["Il mio account è stato hackerato", "prelievo non autorizzato", "mi hanno rubato"],
    "pl": ["Moje konto zostało zhakowane", "nieautoryzowana wypłata", "ukradli mi środki"],
    "ar": ["تم اختراق حسابي", "سحب غير مصرح به من حسابي", "سرقوا أموالي"],
}

NOT_EMERGENCIES = [
    "How do I avoid getting hacked?",
    "Tips to protect my account from hackers",
    "如何防止账户被盗？",
    "my deposit has not arrived yet",
    "I want to talk to a human",
    "withdrawal pending since yesterday",
    "How long does KYC take?",
]


@pytest.mark.parametrize(
    "text", [text for texts in EMERGENCIES.values() for text in texts], ids=lambda t: t[:30]
)
def test_security_emergencies_in_every_language(text: str) -> None:
    assert is_security_emergency(text)


@pytest.mark.parametrize("text", NOT_EMERGENCIES)
def test_not_emergencies(text: str) -> None:
    assert not is_security_emergency(text)


@pytest.mark.parametrize(
    "text",
    [
        "my password was changed without my permission",
        "alguien cambió mi correo sin mi permiso",
        "mon e-mail a été modifié sans mon autorisation",
        "meine Telefonnummer wurde ohne meine Zustimmung geändert",
        "密码未经我同意被修改了",
        "تم تغيير كلمة المرور دون علمي",
    ],
)
def test_security_changes_the_customer_did_not_make(text: str) -> None:
    assert is_security_emergency(text)


def test_an_affiliate_agent_is_not_a_request_for_one() -> None:
    assert not asks_for_human("I want to become an agent of your affiliate program")


def test_an_explicit_report_wins_over_a_prevention_question() -> None:
    assert is_security_emergency("My account was hacked, how do I protect what is left?")


def test_the_intent_sets_own_phrasings_are_caught() -> None:
    from cexdesk.bot import datasets
    from cexdesk.bot.cli import OWN_DATA

    data = datasets.load(OWN_DATA)
    examples = [*data.train, *data.test]
    humans = [text for text, label in examples if label == "talk_to_human"]
    hacked = [text for text, label in examples if label == "account_hacked"]
    missed_humans = [text for text in humans if not asks_for_human(text)]
    missed_hacks = [text for text in hacked if not is_security_emergency(text)]
    assert not missed_humans
    assert not missed_hacks
    others = [text for text, label in examples if label not in ("talk_to_human", "account_hacked")]
    assert [text for text in others if asks_for_human(text)] == []
    assert [text for text in others if is_security_emergency(text)] == []
