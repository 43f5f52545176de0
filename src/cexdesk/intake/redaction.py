"""Masking secrets before anything is stored or shown. Pure.

Seed phrases: 12-24 consecutive words of one BIP39 wordlist (every language the
wordlists exist in), with numbering and separators allowed between them. Chinese
wordlists are single common characters, so there the words must stand apart
(ordinary Chinese prose is never masked). Private keys: WIF and extended private
keys by their base58check checksum; 64-hex keys only next to words that say
"private key", because a bare 64-hex string is usually a transaction hash the
customer wants us to look up. Card numbers: Luhn-valid with a card-network prefix.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache
from importlib import resources

SEED_MIN_WORDS = 12
SEED_MAX_WORDS = 24
CJK_WORDLISTS = frozenset({"chinese_simplified", "chinese_traditional"})

MASK_SEED = "[seed phrase removed]"
MASK_KEY = "[private key removed]"

# Letters plus combining marks: pasted phrases are often NFKD ("a" + U+0301, kana + U+3099).
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u3099\u309a])+", re.UNICODE)
# What may stand between two words of a pasted phrase: spaces, commas, dots, dashes,
# numbering such as "1." or "(2)", line breaks.
_GAP = re.compile(r"^[\s,.;:、，。\-–—()\[\]#*\d]*$", re.UNICODE)
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_WIF = re.compile(
    r"(?<![1-9A-HJ-NP-Za-km-z])[5KLc9][1-9A-HJ-NP-Za-km-z]{50,51}(?![1-9A-HJ-NP-Za-km-z])"
)
_XPRV = re.compile(r"(?<![0-9A-Za-z])[xyztuvYZUV]prv[1-9A-HJ-NP-Za-km-z]{100,108}(?![0-9A-Za-z])")
_HEX_KEY = re.compile(r"(?<![0-9A-Za-z])(?:0x)?[0-9a-fA-F]{64}(?![0-9A-Za-z])")
_CARD = re.compile(r"(?<![\d])(?:\d[ \-]?){12,18}\d(?![\d])")
_KEY_WORDS = re.compile(
    "|".join(
        [
            r"priv(?:ate)?[\s_-]?key", r"secret[\s_-]?key", r"私钥", r"私鑰", r"秘密鍵",
            r"kh[oó]a\s+(?:ri[eê]ng|b[ií]\s+m[aậ]t)", r"приватн\w*\s+ключ", r"закрыт\w*\s+ключ",
            r"секретн\w*\s+ключ", r"kunci\s+pribadi", r"[öo]zel\s+anahtar", r"clave\s+privada",
            r"chave\s+privada", r"cl[ée]\s+priv[ée]e", r"privat\w*\s+schl[üu]ssel",
            r"chiave\s+privata", r"klucz\w*\s+prywatn\w*", r"المفتاح\s+الخاص",
        ]
    ),
    re.IGNORECASE | re.UNICODE,
)  # fmt: skip
KEY_CONTEXT_CHARS = 80


@dataclass(frozen=True)
class Finding:
    kind: str  # seed_phrase | private_key | card_number
    start: int
    end: int
    detail: str = ""  # the wordlist language, or the card's last four digits


@dataclass(frozen=True)
class Redacted:
    text: str
    findings: tuple[Finding, ...]

    @property
    def changed(self) -> bool:
        return bool(self.findings)

    @property
    def kinds(self) -> frozenset[str]:
        return frozenset(f.kind for f in self.findings)


def _fold(word: str) -> str:
    """Case-fold and drop accents, so "Ábaco", "abaco" and NFKD input all match."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def wordlists() -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """Every BIP39 wordlist shipped by the mnemonic package: folded set and exact order."""
    folder = resources.files("mnemonic") / "wordlist"
    result = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".txt"):
            continue
        words = tuple(w.strip() for w in entry.read_text("utf-8").splitlines() if w.strip())
        if len(words) == 2048:
            result[entry.name[:-4]] = (frozenset(_fold(w) for w in words), words)
    return result


def bip39_checksum_ok(words: list[str], language: str) -> bool:
    """Whether the phrase carries a valid BIP39 checksum in ``language``."""
    if len(words) % 3 or not SEED_MIN_WORDS <= len(words) <= SEED_MAX_WORDS:
        return False
    index = {_fold(w): i for i, w in enumerate(wordlists()[language][1])}
    try:
        bits = "".join(format(index[_fold(w)], "011b") for w in words)
    except KeyError:
        return False
    checksum_bits = len(bits) // 33
    entropy = int(bits[:-checksum_bits], 2).to_bytes(len(bits[:-checksum_bits]) // 8, "big")
    digest = format(hashlib.sha256(entropy).digest()[0], "08b")
    return bits[-checksum_bits:] == digest[:checksum_bits]


@cache
def _languages_by_word() -> dict[str, frozenset[str]]:
    """Each folded wordlist word and the wordlists that hold it."""
    found: dict[str, set[str]] = {}
    for language, (words, _ordered) in wordlists().items():
        for word in words:
            found.setdefault(word, set()).add(language)
    return {word: frozenset(languages) for word, languages in found.items()}


def _seed_spans(text: str) -> list[Finding]:
    tokens = [(m.start(), m.end(), _fold(m.group())) for m in _WORD.finditer(text)]
    # A phrase needs SEED_MIN_WORDS words of one list; a list that the whole text holds
    # fewer of cannot have one, so it is not walked (most messages skip every list).
    counts: Counter[str] = Counter()
    languages_by_word = _languages_by_word()
    for _start, _end, word in tokens:
        counts.update(languages_by_word.get(word, ()))
    findings: list[Finding] = []
    for language, (words, _ordered) in wordlists().items():
        if counts[language] < SEED_MIN_WORDS:
            continue
        cjk = language in CJK_WORDLISTS
        run: list[tuple[int, int, str]] = []

        def close_run(run: list[tuple[int, int, str]], language: str = language) -> None:
            if len(run) >= SEED_MIN_WORDS:
                findings.append(Finding("seed_phrase", run[0][0], run[-1][1], language))

        previous_end: int | None = None
        for start, end, word in tokens:
            if word.isdigit():
                continue  # numbering between words ("1. abandon 2. ability ...")
            in_list = word in words
            joined = previous_end is not None and bool(_GAP.match(text[previous_end:start]))
            if cjk and previous_end is not None and start == previous_end:
                joined = False  # CJK seed words must stand apart
            if in_list and (joined or not run):
                run.append((start, end, word))
            else:
                close_run(run)
                run = [(start, end, word)] if in_list else []
            previous_end = end
        close_run(run)
    return findings


def _b58decode(text: str) -> bytes | None:
    number = 0
    for ch in text:
        position = _BASE58.find(ch)
        if position < 0:
            return None
        number = number * 58 + position
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    leading = len(text) - len(text.lstrip("1"))
    return b"\x00" * leading + raw


def _base58check_ok(text: str) -> bool:
    raw = _b58decode(text)
    if raw is None or len(raw) < 5:
        return False
    payload, checksum = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == checksum


def _key_spans(text: str) -> list[Finding]:
    found = [
        Finding("private_key", m.start(), m.end())
        for pattern in (_WIF, _XPRV)
        for m in pattern.finditer(text)
        if _base58check_ok(m.group())
    ]
    keyword_spans = [(m.start(), m.end()) for m in _KEY_WORDS.finditer(text)]
    if keyword_spans:
        for m in _HEX_KEY.finditer(text):
            near = any(
                m.start() - KEY_CONTEXT_CHARS <= k_end and k_start <= m.end() + KEY_CONTEXT_CHARS
                for k_start, k_end in keyword_spans
            )
            if near:
                found.append(Finding("private_key", m.start(), m.end()))
    return found


def luhn_ok(digits: str) -> bool:
    total = 0
    for position, ch in enumerate(reversed(digits)):
        value = int(ch)
        if position % 2:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def _card_network(digits: str) -> bool:
    two, four = int(digits[:2]), int(digits[:4])
    return (
        digits[0] == "4"
        or 51 <= two <= 55
        or 2221 <= four <= 2720
        or two in (34, 37)
        or digits.startswith(("6011", "65", "35", "62"))
    )


def _card_spans(text: str) -> list[Finding]:
    found = []
    for m in _CARD.finditer(text):
        raw = m.group()
        digits = re.sub(r"\D", "", raw)
        grouped = raw != digits
        plausible_length = len(digits) in (15, 16) or (grouped and 13 <= len(digits) <= 19)
        if plausible_length and _card_network(digits) and luhn_ok(digits):
            found.append(Finding("card_number", m.start(), m.end(), digits[-4:]))
    return found


def _merge(findings: list[Finding]) -> list[Finding]:
    """Drop findings inside others; earlier and longer wins."""
    kept: list[Finding] = []
    for finding in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and finding.start < kept[-1].end:
            continue
        kept.append(finding)
    return kept


def redact(text: str) -> Redacted:
    """Mask seed phrases, private keys and card numbers; say what was found."""
    findings = _merge(_seed_spans(text) + _key_spans(text) + _card_spans(text))
    if not findings:
        return Redacted(text, ())
    pieces: list[str] = []
    cursor = 0
    for finding in findings:
        pieces.append(text[cursor : finding.start])
        if finding.kind == "seed_phrase":
            pieces.append(MASK_SEED)
        elif finding.kind == "private_key":
            pieces.append(MASK_KEY)
        else:
            pieces.append(f"[card •••• {finding.detail}]")
        cursor = finding.end
    pieces.append(text[cursor:])
    return Redacted("".join(pieces), tuple(findings))


# Sent to the customer, in their language, whenever something was masked.
SECRET_WARNING = {
    "en": "For your safety we removed a seed phrase, private key or card number from your "
    "message. Never share these with anyone, including support staff: we will never ask "
    "for them.",
    "zh-Hans": "为了您的安全，我们已从您的消息中删除了助记词、私钥或银行卡号。请勿向任何人"
    "（包括客服人员）透露这些信息，我们绝不会向您索取。",
    "zh-Hant": "為了您的安全，我們已從您的訊息中刪除了助記詞、私鑰或銀行卡號。請勿向任何人"
    "（包括客服人員）透露這些資訊，我們絕不會向您索取。",
    "ru": "В целях вашей безопасности мы удалили из сообщения сид-фразу, приватный ключ или "
    "номер карты. Никогда никому их не сообщайте, даже сотрудникам поддержки: мы никогда "
    "их не запрашиваем.",
    "uk": "Задля вашої безпеки ми видалили з повідомлення сід-фразу, приватний ключ або номер "
    "картки. Ніколи нікому їх не повідомляйте, навіть працівникам підтримки: ми ніколи їх "
    "не запитуємо.",
    "vi": "Vì sự an toàn của bạn, chúng tôi đã xóa cụm từ khôi phục, khóa riêng tư hoặc số thẻ "
    "khỏi tin nhắn. Tuyệt đối không chia sẻ chúng với bất kỳ ai, kể cả nhân viên hỗ trợ: "
    "chúng tôi sẽ không bao giờ yêu cầu.",
    "id": "Demi keamanan Anda, kami menghapus frasa pemulihan, kunci pribadi, atau nomor kartu "
    "dari pesan Anda. Jangan pernah membagikannya kepada siapa pun, termasuk staf dukungan: "
    "kami tidak akan pernah memintanya.",
    "tr": "Güvenliğiniz için mesajınızdan kurtarma ifadesini, özel anahtarı veya kart "
    "numarasını kaldırdık. Bunları destek ekibi dahil hiç kimseyle paylaşmayın: sizden asla "
    "istemeyiz.",
    "es": "Por su seguridad, eliminamos de su mensaje una frase semilla, una clave privada o un "
    "número de tarjeta. Nunca los comparta con nadie, ni siquiera con el equipo de soporte: "
    "jamás se los pediremos.",
    "pt-BR": "Para sua segurança, removemos da sua mensagem uma frase-semente, chave privada ou "
    "número de cartão. Nunca os compartilhe com ninguém, nem com a equipe de suporte: nunca "
    "vamos pedi-los.",
    "fr": "Pour votre sécurité, nous avons retiré de votre message une phrase de récupération, "
    "une clé privée ou un numéro de carte. Ne les communiquez jamais à personne, pas même au "
    "support : nous ne les demanderons jamais.",
    "de": "Zu Ihrer Sicherheit haben wir eine Seed-Phrase, einen privaten Schlüssel oder eine "
    "Kartennummer aus Ihrer Nachricht entfernt. Geben Sie diese niemals weiter, auch nicht an "
    "den Support: Wir werden nie danach fragen.",
    "it": "Per la tua sicurezza abbiamo rimosso dal messaggio una frase seed, una chiave "
    "privata o un numero di carta. Non condividerli mai con nessuno, nemmeno con l'assistenza: "
    "non te li chiederemo mai.",
    "pl": "Dla Twojego bezpieczeństwa usunęliśmy z wiadomości frazę seed, klucz prywatny lub "
    "numer karty. Nigdy nikomu ich nie udostępniaj, również pracownikom wsparcia: nigdy o nie "
    "nie poprosimy.",
    "ar": "حفاظًا على أمانك، أزلنا من رسالتك عبارة الاسترداد أو المفتاح الخاص أو رقم البطاقة. "
    "لا تشاركها أبدًا مع أي شخص، بما في ذلك فريق الدعم: لن نطلبها منك أبدًا.",
}


def secret_warning(language: str) -> str:
    return SECRET_WARNING.get(language, SECRET_WARNING["en"])
