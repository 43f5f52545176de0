"""A small multilingual labelled set for the engine's tests, written for them."""

from __future__ import annotations

TRAIN: dict[str, list[str]] = {
    "deposit_missing": [
        "my deposit has not arrived",
        "deposit not credited to my account yet",
        "I sent USDT two hours ago and it is still not in my balance",
        "where is my deposit, the transaction is confirmed on chain",
        "the coins I deposited are missing",
        "我的充值还没有到账",
        "充值一直没到账怎么办",
        "Мой депозит до сих пор не зачислен",
        "депозит не пришёл на счёт",
        "mi depósito no ha llegado a mi cuenta",
        "Tôi đã nạp tiền nhưng chưa thấy số dư",
    ],
    "withdrawal_pending": [
        "my withdrawal is still pending",
        "withdrawal stuck in processing for hours",
        "why is my withdrawal not sent yet",
        "the withdrawal has been under review since yesterday",
        "I withdrew BTC and it never left the exchange",
        "我的提币一直在审核中",
        "提现还在处理中",
        "вывод средств завис в обработке",
        "мой вывод до сих пор в ожидании",
        "mi retiro sigue pendiente",
        "Lệnh rút tiền của tôi vẫn đang chờ xử lý",
    ],
    "reset_2fa": [
        "I lost my phone and cannot get my 2FA codes",
        "reset my google authenticator please",
        "my authenticator app was deleted, how do I log in",
        "I need to reset two factor authentication",
        "the 2FA code is always wrong",
        "我的谷歌验证器丢了，怎么重置",
        "手机丢了无法获取两步验证码",
        "потерял телефон с аутентификатором, сбросьте 2FA",
        "не могу войти, нет кода двухфакторной аутентификации",
        "perdí mi autenticador de dos factores",
        "Tôi bị mất điện thoại có Google Authenticator",
    ],
    "talk_to_human": [
        "I want to talk to a human",
        "let me speak with a real person",
        "connect me to an agent please",
        "stop the bot, I need a human operator",
        "can I talk to customer support staff",
        "我要人工客服",
        "转人工",
        "позовите оператора",
        "хочу поговорить с живым человеком",
        "quiero hablar con una persona",
        "Tôi muốn nói chuyện với nhân viên",
    ],
}

OUT_OF_SCOPE = [
    "what is the weather in Paris tomorrow",
    "tell me a joke about cats",
    "recommend a good pizza recipe",
    "who won the football match last night",
    "how tall is the Eiffel tower",
    "明天北京天气怎么样",
    "расскажи анекдот",
    "¿cuál es la capital de Australia?",
]

# Not in TRAIN: the engine has to generalise to them.
TEST: list[tuple[str, str]] = [
    ("my deposit still has not arrived in my account", "deposit_missing"),
    ("充值还没到账", "deposit_missing"),
    ("депозит до сих пор не пришёл", "deposit_missing"),
    ("my withdrawal is pending for a long time", "withdrawal_pending"),
    ("提币还在审核", "withdrawal_pending"),
    ("вывод средств в ожидании", "withdrawal_pending"),
    ("please reset my 2FA, I lost my authenticator", "reset_2fa"),
    ("谷歌验证器丢了", "reset_2fa"),
    ("I want to speak to a human agent", "talk_to_human"),
    ("转人工客服", "talk_to_human"),
    ("хочу поговорить с оператором", "talk_to_human"),
]


def examples(with_out_of_scope: bool = False) -> list[tuple[str, str]]:
    pairs = [(text, label) for label, texts in TRAIN.items() for text in texts]
    if with_out_of_scope:
        pairs += [(text, "oos") for text in OUT_OF_SCOPE]
    return pairs
