"""Redaction corpus: real BIP39 phrases in every wordlist language, keys, cards, and
ordinary messages that must come through untouched."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest
from mnemonic import Mnemonic

from cexdesk.intake.redaction import (
    MASK_KEY,
    MASK_SEED,
    SECRET_WARNING,
    bip39_checksum_ok,
    redact,
    wordlists,
)

LANGUAGES = sorted(wordlists())
ENTROPY = {
    12: bytes(range(16)),
    18: bytes(range(100, 124)),
    24: hashlib.sha256(b"cexdesk").digest(),
}


def phrase(language: str, words: int) -> str:
    return str(Mnemonic(language).to_mnemonic(ENTROPY[words]))


def test_every_bip39_language_is_loaded() -> None:
    assert {"english", "chinese_simplified", "chinese_traditional", "japanese", "korean",
            "spanish", "french", "italian", "czech", "portuguese"} <= set(LANGUAGES)  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("words", [12, 18, 24])
def test_pasted_phrase_is_masked(language: str, words: int) -> None:
    secret = phrase(language, words)
    assert bip39_checksum_ok(secret.replace("\u3000", " ").split(" "), language)
    result = redact(f"Help! Someone stole my coins. My wallet words: {secret} please check")
    assert result.kinds == {"seed_phrase"}
    assert MASK_SEED in result.text
    for word in secret.replace("\u3000", " ").split(" ")[2:-2]:
        assert f" {word} " not in result.text


@pytest.mark.parametrize("language", ["english", "spanish", "french", "japanese", "korean",
                                      "chinese_simplified"])  # fmt: skip
def test_numbered_comma_and_line_layouts_are_masked(language: str) -> None:
    words = phrase(language, 12).replace("\u3000", " ").split(" ")
    numbered = " ".join(f"{i}. {w}" for i, w in enumerate(words, 1))
    lines = "\n".join(words)
    commas = ", ".join(words)
    for layout in (numbered, lines, commas):
        assert redact(layout).kinds == {"seed_phrase"}, layout


def test_accents_and_capitals_do_not_hide_a_phrase() -> None:
    spanish = phrase("spanish", 12)
    shouted = spanish.upper()
    unaccented = "".join(
        c for c in unicodedata.normalize("NFKD", spanish) if not unicodedata.combining(c)
    )
    composed = unicodedata.normalize("NFC", spanish)
    assert unaccented != spanish
    for variant in (shouted, unaccented, composed):
        assert redact(variant).kinds == {"seed_phrase"}, variant


ORDINARY = [
    "My deposit has not arrived after one hour, the network shows enough confirmations.",
    "I want to change my phone number and reset 2FA because I lost my old device.",
    "Please check order 58231 — the price moved and my margin position was liquidated.",
    "我的充值还没有到账，已经过了两个小时，交易哈希我已经提供了，请帮我查一下是什么原因。",
    "我忘记填写标签了，请问这笔瑞波币充值还能找回吗？我愿意支付手续费，谢谢你们的帮助和支持。",
    "提幣一直在審核中，請問什麼時候可以完成？我已經完成了身份認證和人臉識別。",
    "Tôi đã nạp USDT qua mạng TRC20 nhưng chưa thấy số dư, xin hãy kiểm tra giúp tôi.",
    "Мой вывод средств заблокирован на 24 часа после смены пароля, это нормально?",
    "Мій депозит не зараховано, я відправив монети через неправильну мережу.",
    "Deposit saya belum masuk, saya sudah menunggu lebih dari satu jam.",
    "Para çekme işlemim beklemede, lütfen yardımcı olur musunuz?",
    "Mi retiro está pendiente desde ayer, ¿pueden revisar la dirección de destino?",
    "Meu depósito via P2P não foi liberado pelo vendedor, abri uma apelação.",
    "Mon dépôt n'est pas crédité, j'ai oublié le mémo pour le XRP.",
    "Meine Auszahlung wurde wegen einer Sicherheitsprüfung angehalten, was muss ich tun?",
    "Il mio prelievo è bloccato da ieri, potete verificare per favore?",
    "Moja wypłata jest wstrzymana, czy możecie sprawdzić dlaczego?",
    "لم يصل إيداعي بعد، أرسلت العملات عبر شبكة خاطئة، هل يمكن استردادها؟",
    # English wordlist words, but far from twelve in a row.
    "abandon ability able about above absent absorb: is that the list the scammer gave?",
    # Transaction hashes and addresses the customer wants us to look up.
    "txid 3a1b0c7e4f5d6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d on BTC",
    "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060 ERC20 USDT",
    "Send to 0x742d35Cc6634C0532925a3b844Bc454e4438f44e",
    "or to bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",
    "Order 1234567890123456 failed and UID 100234567 cannot log in",
]


@pytest.mark.parametrize("message", ORDINARY)
def test_ordinary_messages_are_untouched(message: str) -> None:
    result = redact(message)
    assert result.findings == ()
    assert result.text == message


def _wif(secret: bytes) -> str:
    payload = b"\x80" + secret + b"\x01"
    raw = payload + hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4]
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    number, out = int.from_bytes(raw, "big"), ""
    while number:
        number, rest = divmod(number, 58)
        out = alphabet[rest] + out
    return out


def test_private_keys_are_masked() -> None:
    wif = _wif(hashlib.sha256(b"k").digest())
    xprv = Mnemonic.to_hd_master_key(Mnemonic.to_seed(phrase("english", 12)))
    assert redact(f"here is my key {wif} thanks").kinds == {"private_key"}
    assert MASK_KEY in redact(f"backup: {xprv}").text
    hex_key = hashlib.sha256(b"secret").hexdigest()
    assert redact(f"my private key is {hex_key}").kinds == {"private_key"}
    assert redact(f"私钥：{hex_key}").kinds == {"private_key"}
    assert redact(f"khóa riêng của tôi: 0x{hex_key}").kinds == {"private_key"}
    # A corrupted WIF (bad checksum) is not a key.
    broken = wif[:-1] + ("2" if wif[-1] != "2" else "3")
    assert redact(f"code {broken}").findings == ()


@pytest.mark.parametrize(
    "card", ["4111 1111 1111 1111", "5555-5555-5555-4444", "378282246310005", "4012888888881881"]
)
def test_card_numbers_are_masked_to_last_four(card: str) -> None:
    result = redact(f"I paid with card {card} yesterday")
    assert result.kinds == {"card_number"}
    assert f"•••• {card[-4:]}" in result.text
    assert card not in result.text


def test_warning_exists_in_all_fifteen_languages() -> None:
    assert len(SECRET_WARNING) == 15
    assert all(text.strip() for text in SECRET_WARNING.values())
