"""Taxonomy placement, flags and priority for real-looking messages in many languages."""

from __future__ import annotations

import pytest

from cexdesk.intake.classify import classify

CASES = [
    ("I sent XRP but forgot the destination tag, deposit not credited", "deposit", "missing-memo"),
    ("我充值USDT选错网络了，用的BEP20，还没到账", "deposit", "wrong-network"),
    ("Tôi nạp tiền 2 tiếng rồi mà chưa thấy về tài khoản", "deposit", None),
    ("Мой вывод средств заблокирован на 24 часа после смены пароля", "withdrawal", "security-lock"),
    ("提幣一直在審核中，請問什麼時候會完成？", "withdrawal", "risk-review-hold"),
    ("I lost my phone and need to reset Google Authenticator 2FA", "account", "2fa-reset"),
    ("My KYC failed because the face check did not pass", "kyc", "face-check-failed"),
    (
        "The seller did not release the USDT after I paid, I opened an appeal",
        "p2p",
        "seller-not-releasing",
    ),
    (
        "Mi posición de futuros fue liquidada sin motivo, liquidación injusta",
        "trading",
        "liquidation",
    ),
    ("API returns 429 rate limit errors on order placement", "api", None),
    (
        "Ich habe meine Belohnung aus der Kampagne nicht erhalten, bonus fehlt",
        "earn-promotions",
        None,
    ),
    ("Would be nice to have a dark mode, just a suggestion", "product-feedback", None),
]


@pytest.mark.parametrize(("text", "category", "subcategory"), CASES)
def test_messages_land_in_the_taxonomy(text: str, category: str, subcategory: str | None) -> None:
    result = classify(text)
    assert result.category == category, result
    if subcategory is not None:
        assert result.subcategory == subcategory, result


@pytest.mark.parametrize(
    "text",
    [
        "My account was hacked and all my BTC is gone",
        "有一笔提币不是我本人操作的，我的资产被盗了",
        "Tài khoản của tôi bị hack, có lệnh rút tiền lạ",
        "Мой аккаунт взломали, неизвестный вывод средств",
        "Hesabım hacklendi, param çalındı",
        "Mi cuenta fue hackeada y me robaron los fondos",
        "Mein Konto wurde gehackt",
        "تم اختراق حسابي وسرقة أموالي",
    ],
)
def test_security_emergencies_are_urgent(text: str) -> None:
    result = classify(text)
    assert result.emergency
    assert result.priority == "urgent"
    assert result.category == "security"


def test_flags_and_priority() -> None:
    complaint = classify("This is unacceptable, I want compensation for the delay")
    assert complaint.complaint
    assert complaint.priority == "high"
    manager = classify("Давайте мне руководителя, вы ужасная поддержка")
    assert manager.manager_request
    assert manager.strongly_negative
    assert classify("deposit question", vip_tier=3).priority == "high"
    assert classify("where is my deposit", amount_usd=25_000).priority == "high"
    assert classify("where is my deposit").priority == "normal"
    calm = classify("Thanks, the withdrawal arrived")
    assert not (calm.complaint or calm.manager_request or calm.strongly_negative or calm.emergency)


def test_unknown_topic_has_no_category() -> None:
    result = classify("hello")
    assert result.category is None
    assert result.priority == "normal"
