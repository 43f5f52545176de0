"""What a support message names: tx hashes, addresses, memos, amounts, networks, order ids, UIDs.

Pure: no database, clock or network. Every pattern is compiled once at import.

Candidates are found by several patterns, then kept in order of how specific they are
(hashes and addresses, then memos, UIDs and order ids, then amounts, then networks), a
candidate overlapping one already kept being dropped: a tx hash is never also an order
id, "100 TON" is an amount and not also a network.

Addresses are checked with ``exchange.chains`` (and its codecs); one failing its
checksum is kept with ``valid=False`` so the bot can say it looks mistyped. Chains the
exchange does not list (Solana, a few EVM networks) are still recognised, so the bot can
say so: their entities carry ``chains=()`` and the chain's name in ``unlisted_chain``.

Digits are read in ASCII, Arabic-Indic and full-width forms (translated one character
for one, so offsets stay those of the original text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from cexdesk.exchange import codecs
from cexdesk.exchange.chains import CHAINS, AddressFormat, InvalidAddress, check_memo
from cexdesk.exchange.chains import is_valid_address as _is_valid_address

KINDS = ("tx_hash", "address", "memo", "amount", "network", "order_id", "uid")


@dataclass(frozen=True, slots=True)
class Entity:
    kind: str  # "tx_hash" | "address" | "memo" | "amount" | "network" | "order_id" | "uid"
    text: str  # as the user wrote it
    # Normalised: amount str(Decimal); network a chain code; address the form lookups use
    # (exchange.chains.address_key: EVM and bech32 in lower case, TON url-safe, others as
    # written); hex tx hashes in lower case (0x kept for EVM); memo and order id as
    # written, UID in lower case ("u-000042").
    value: str
    chains: tuple[str, ...] = ()  # chain codes (exchange.chains) the entity fits
    valid: bool = True  # False when an address fails its checksum or a memo fits no chain
    asset: str | None = None  # amounts: "USDT"; everything else: None
    start: int = 0
    end: int = 0
    # A chain the exchange does not list that the entity belongs to ("SOL"), chains=().
    unlisted_chain: str | None = None


def _codes(address_format: AddressFormat) -> tuple[str, ...]:
    return tuple(code for code, chain in CHAINS.items() if chain.address_format is address_format)


EVM_CHAINS = _codes(AddressFormat.EVM)
BITCOIN_FAMILY = _codes(AddressFormat.BITCOIN)
MEMO_CHAINS = tuple(code for code, chain in CHAINS.items() if chain.memo is not None)
# Chains whose transaction ids are 64 hex digits without 0x; XRP shows them upper case.
_HEX_HASH_CHAINS = tuple(
    code
    for code, chain in CHAINS.items()
    if chain.address_format is not AddressFormat.EVM and code != "XRP"
)
_HEX_HASH_CHAINS_UPPER = ("XRP", *_HEX_HASH_CHAINS)
_HEX_HASH_CHAINS_LOWER = (*_HEX_HASH_CHAINS, "XRP")

_DIGITS = str.maketrans(
    "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹０１２３４５６７８９",
    "0123456789" * 3,
)

_B58 = "1-9A-HJ-NP-Za-km-z"
# Neither a letter nor a digit on either side: "0x…" inside a URL path still matches.
_L = r"(?<![0-9A-Za-z])"
_R = r"(?![0-9A-Za-z])"
# Word edges for labels and names: Latin (with accents and Vietnamese), Cyrillic and
# Arabic letters, but not Han characters, which are written without spaces ("我的UID").
_LETTER = "0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff\u0400-\u04ff\u0621-\u064a\u0671-\u06d3"
_LB = f"(?<![{_LETTER}])"
_RB = f"(?![{_LETTER}])"

_EVM_HASH = re.compile(_L + r"0x[0-9a-fA-F]{64}" + _R)
_EVM_ADDRESS = re.compile(_L + r"0x[0-9a-fA-F]{40}" + _R)
_TON_RAW = re.compile(r"(?<![0-9A-Za-z:-])-?[01]:[0-9a-fA-F]{64}" + _R)
_HEX_HASH = re.compile(_L + r"[0-9a-fA-F]{64}" + _R)
_TON_B64_HASH = re.compile(r"(?<![0-9A-Za-z+/_-])[0-9A-Za-z+/_-]{43}=(?![0-9A-Za-z+/_=-])")
_TON_FRIENDLY = re.compile(r"(?<![0-9A-Za-z+/_-])[EUk0]Q[0-9A-Za-z+/_-]{46}(?![0-9A-Za-z+/_-])")
_BECH32 = re.compile(_L + r"(?:bc1|BC1)[0-9A-Za-z]{11,87}" + _R)
_BTC_LEGACY = re.compile(_L + f"[13][{_B58}]{{25,34}}" + _R)
_TRON = re.compile(_L + f"T[{_B58}]{{33}}" + _R)
_XRP = re.compile(_L + f"r[{codecs.RIPPLE_ALPHABET}]{{24,34}}" + _R)
_STELLAR = re.compile(_L + r"G[A-Z2-7]{55}" + _R)
# Solana: a 32-byte key (32-44 base58 characters) or a 64-byte signature (80-88).
_BASE58_RUN = re.compile(_L + f"[{_B58}]{{32,44}}" + _R)
_BASE58_SIGNATURE = re.compile(_L + f"[{_B58}]{{80,88}}" + _R)


def _looks_like_a_code(text: str) -> bool:
    """Not a word: a digit in it, or capitals after the first character."""
    return any(c.isdigit() for c in text) or any(c.isupper() for c in text[1:])


@lru_cache(maxsize=1024)
def _evm_checksum_matches(address: str) -> bool:
    """EIP-55 on a mixed-case address; Keccak in pure Python costs about 0.6 ms, so cached."""
    return _is_valid_address("ETH", address)


def _evm_address(address: str) -> tuple[str, bool]:
    """(lower-case form, valid): all-lower or all-upper spellings carry no checksum."""
    body = address[2:]
    mixed = body.lower() != body and body.upper() != body
    return "0x" + body.lower(), not mixed or _evm_checksum_matches(address)


def _base58_length(text: str) -> int:
    try:
        return len(codecs.base58_decode(text))
    except codecs.CodecError:
        return -1


# --- memos, order ids, UIDs: a label, a few filler words, the value ----------------

_MEMO_LABELS = (
    r"destination\s+tag",
    r"dest\.?\s+tag",
    r"memo\s*(?:/\s*tag|id)?",
    r"m[ée]mo",
    r"tag(?:\s+de\s+destino|\s+de\s+destination)?",
    r"ziel[\s-]?tag",
    r"etiqueta(?:\s+de\s+destino)?",
    r"[ée]tiquette(?:\s+de\s+destination)?",
    r"etichetta(?:\s+di\s+destinazione)?",
    r"(?:hedef\s+)?etiket(?:i)?",
    r"tag\s+docelowy",
    r"мемо",
    r"тег",
    r"(?:тег|метка|мітка)\s+(?:назначения|призначення)",
    r"метк[аиу]",
    r"мітк[аиу]",
    r"ghi\s+chú",
    r"thẻ(?:\s+đích)?",
    r"(?:ال)?ميمو",
    r"(?:ال)?مذكرة",
    r"(?:ال)?علامة(?:\s+الوجهة)?",
    r"(?:ال)?وسم",
    r"تاغ",
)
# Words that are a memo on TON but also ordinary words: their value must look like an id.
_COMMENT_LABELS = (
    r"comment",
    r"commentaire",
    r"kommentar",
    r"commento",
    r"comentario",
    r"comentário",
    r"komentarz",
    r"açıklama",
    r"комментари[йя]",
    r"коментар",
    r"verwendungszweck",
    r"catatan",
    r"nota",
)
_CJK_MEMO_LABELS = ("备注", "備註", "标签", "標籤", "标记", "標記", "留言", "数字标签", "數字標籤")

# Copulas and "number" words that may stand between a label and its value.
_FILLER_WORDS = (
    r"is",
    r"was",
    r"no\.?",
    r"n[°º]",
    r"nr\.?",
    r"number",
    r"num[ée]ro",
    r"número",
    r"nummer",
    r"numer",
    r"numero",
    r"numaras[ıi]",
    r"nomor",
    r"номер",
    r"số",
    r"mã",
    r"là",
    r"es",
    r"era",
    r"é",
    r"est",
    r"ist",
    r"war",
    r"è",
    r"jest",
    r"adalah",
    r"nya",
    r"это",
    r"цей",
    r"це",
    r"id",
    r"رقم",
    r"هو",
    r"هي",
    r"to",
    r"wäre",
    r"lautet",
    r"đúng",
    r"của\s+(?:tôi|mình)",
    r"saya",
    r"my",
    r"mi",
    r"meu",
    r"minha",
    r"mon",
    r"mein(?:e)?",
    r"il\s+mio",
    r"mój",
    r"moje",
    r"мой",
    r"моя",
    r"мій",
)
# Chinese between a label and its value: "备注是", "标签应该是", "备注填成", "订单号码".
_CJK_FILLERS = ("应该", "應該", "填成", "填的", "填写的", "填寫的", "写成", "寫成", "就", "我的")
_FILLER = (
    r"(?:[\s:：#＃=№.,\-—]|"
    + "|".join(_LB + word + _RB for word in _FILLER_WORDS)
    + r"|"
    + "|".join(_CJK_FILLERS)
    + r"|[是为為号號的编編码碼])*"
)

_MEMO = re.compile(
    r"(?:"
    + _LB
    + r"(?P<label>"
    + "|".join(_MEMO_LABELS)
    + r")"
    + _RB
    + r"|(?P<cjk>"
    + "|".join(_CJK_MEMO_LABELS)
    + r")|"
    + _LB
    + r"(?P<comment>"
    + "|".join(_COMMENT_LABELS)
    + r")"
    + _RB
    + r")"
    + _FILLER
    # A memo has a digit in it: "memo when depositing" names none.
    + r"(?P<value>(?=[A-Za-z_-]*\d)[0-9A-Za-z_-]{1,28})"
    + _RB,
    re.IGNORECASE,
)

_ORDER_WORDS = (
    r"orders?",
    r"order[\s_-]?id",
    r"ордер\w*",
    r"заказ\w*",
    r"замовленн\w*",
    r"lệnh",
    r"đơn(?:\s+hàng)?",
    r"pesanan",
    r"sipariş\w*",
    r"emri",
    r"orden",
    r"pedido",
    r"ordem",
    r"commande",
    r"ordre",
    r"auftrag\w*",
    r"bestellung",
    r"ordine",
    r"zleceni\w*",
    r"zamówieni\w*",
    r"(?:ال)?طلب",
    r"(?:ال)?أمر",
)
_CJK_ORDER_WORDS = ("订单", "訂單", "委托单", "委託單", "单号", "單號")
_ORDER = re.compile(
    r"(?:"
    + _LB
    + r"(?:"
    + "|".join(_ORDER_WORDS)
    + r")"
    + _RB
    + r"|(?:"
    + "|".join(_CJK_ORDER_WORDS)
    + r"))"
    + _FILLER
    + r"(?P<value>\d{5,32}|o-\d{3,12})"
    + _RB,
    re.IGNORECASE,
)

# The exchange's own order ids ("o-000123") need no label.
_EXCHANGE_ORDER_ID = re.compile(_L + r"o-\d{6,12}" + _R)

_UID_WORDS = (
    r"uid",
    r"user[\s_-]?id",
    r"account[\s_-]?id",
    r"my\s+id",
    r"id\s+(?:пользователя|користувача|người\s+dùng|pengguna|de\s+usuario|de\s+usuário"
    r"|do\s+usuário|utilisateur|utente|użytkownika|akun|аккаунта|акаунта)",
    r"kullanıcı\s+(?:id|kimliği)",
    r"identifiant",
    r"(?:benutzer|nutzer|kunden|konto)[\s-]?id",
    r"(?:معرف|رقم|هوية)\s+(?:المستخدم|الحساب)",
    r"айди",
)
_CJK_UID_WORDS = (
    "用户ID",
    "用戶ID",
    "用户 ID",
    "用戶 ID",
    "用户编号",
    "用戶編號",
    "账户ID",
    "帳戶ID",
)
_UID = re.compile(
    r"(?:"
    + _LB
    + r"(?:"
    + "|".join(_UID_WORDS)
    + r")"
    + _RB
    + r"|(?:"
    + "|".join(_CJK_UID_WORDS)
    + r"))"
    + _FILLER
    + r"(?P<value>\d{4,20}|u-\d{3,12})"
    + _RB,
    re.IGNORECASE,
)

# --- amounts ---------------------------------------------------------------------

# Symbols matched in any case; the others only in capitals, as they are also words
# ("sol", "op", "link", "dot", "ada", "dai").
_ASSETS_ANY_CASE = (
    "USDT", "USDC", "BTC", "ETH", "BNB", "TRX", "XRP", "XLM", "TON", "BCH", "LUNC", "POL",
    "MATIC", "DOGE", "LTC", "SHIB", "PEPE", "FDUSD", "AVAX", "HBAR", "ATOM", "USD", "EUR",
)  # fmt: skip
_ASSETS_CAPITALS = ("SOL", "OP", "ARB", "LINK", "DOT", "ADA", "DAI", "EOS", "TRUMP", "WLD")
_ASSET_WORDS = {
    "bitcoin": "BTC", "bitcoins": "BTC", "比特币": "BTC", "比特幣": "BTC", "биткоин": "BTC",
    "биткоина": "BTC", "биткоинов": "BTC", "біткоїн": "BTC", "біткоїна": "BTC",
    "ether": "ETH", "以太坊": "ETH", "以太币": "ETH", "以太幣": "ETH",
    "tether": "USDT", "泰达币": "USDT", "泰達幣": "USDT",
    "dollars": "USD", "dollar": "USD", "dólares": "USD", "dolares": "USD", "dollari": "USD",
    "долларов": "USD", "доларів": "USD", "美元": "USD", "美金": "USD", "دولار": "USD",
}  # fmt: skip
_ASSET_ALTERNATION = "|".join(
    sorted(
        (*_ASSETS_ANY_CASE, *(re.escape(w) for w in _ASSET_WORDS)),
        key=len,
        reverse=True,
    )
)
_ASSET_AFTER = (
    r"(?P<asset>(?i:"
    + _ASSET_ALTERNATION
    + r")|"
    + "|".join(_ASSETS_CAPITALS)
    + r")(?![0-9A-Za-z])"
)
_NUMBER = (
    r"(?P<number>\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)*|[.,]\d+)"
    r"(?P<multiplier>万|萬|千|亿|億|[kK](?![A-Za-z]))?"
)
# "100 USDT", "100USDT", "5万 USDT", "100个U", "100u" and "100 U" (Chinese slang for USDT).
_AMOUNT_AFTER = re.compile(
    f"(?<![{_LETTER}.,])"
    + _NUMBER
    + r"(?:\s*(?:个|個)?\s*"
    + _ASSET_AFTER
    + r"|(?P<u>(?:个|個)?\s?U|(?:个|個)?u)(?![0-9A-Za-z])|\s?(?P<fiat>R\$|\$|€))"
)
# "USDT 500", "USDT: 1,200", "$500".
_AMOUNT_BEFORE = re.compile(
    r"(?:(?<![0-9A-Za-z])(?P<asset>(?i:"
    + "|".join(_ASSETS_ANY_CASE)
    + r")|"
    + "|".join(_ASSETS_CAPITALS)
    + r")\s*:?\s*|(?P<fiat>R\$|(?<![A-Za-z])\$|€)\s?)"
    + _NUMBER
    # The whole number: not followed by a letter or by more digits after a separator.
    + r"(?!\w)(?![.,]\d)"
)
_FIAT_SIGNS = {"$": "USD", "R$": "BRL", "€": "EUR"}
# Languages that write 1.200,50: with one of them as the hint, "2.000" is two thousand
# and "1,200" one point two. Without a hint, "1,200" is 1200 and "2.000" is 2.
DOT_THOUSANDS_LANGUAGES = frozenset({"de", "es", "pt-BR", "it", "tr", "id", "vi"})
COMMA_DECIMAL_LANGUAGES = DOT_THOUSANDS_LANGUAGES | {"fr", "ru", "uk", "pl"}
_MULTIPLIERS = {"万": 10_000, "萬": 10_000, "千": 1_000, "亿": 10**8, "億": 10**8, "k": 1_000}


def parse_amount(
    number: str, multiplier: str | None = None, language: str | None = None
) -> Decimal | None:
    """A number as people write it: "1,200", "1.200,50", "1 200", "0,5"; None if unclear.

    With both separators the last one is the decimal point. With one kind only: several
    of them are thousands separators. A single separator followed by exactly three digits
    (and not after a lone zero) is where conventions differ: a comma there separates
    thousands ("1,200") unless ``language`` writes decimal commas, and a dot there is the
    decimal point ("1.500") unless ``language`` writes thousands with dots ("2.000" in
    German). Any other single separator is the decimal point ("0,5", "12,75", "1.5").
    """
    text = number.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    commas, dots = text.count(","), text.count(".")
    if commas and dots:
        decimal_mark = "," if text.rfind(",") > text.rfind(".") else "."
        thousands = "." if decimal_mark == "," else ","
        if text.count(decimal_mark) > 1:
            return None
        whole, _, fraction = text.partition(decimal_mark)
        if not _thousand_groups(whole.split(thousands)):
            return None
        text = whole.replace(thousands, "") + "." + fraction
    elif commas > 1 or dots > 1:
        groups = text.split("," if commas else ".")
        if not _thousand_groups(groups):
            return None
        text = "".join(groups)
    elif commas + dots == 1:
        mark = "," if commas else "."
        whole, _, fraction = text.partition(mark)
        thousands_like = len(fraction) == 3 and whole not in ("", "0") and len(whole) <= 3
        if mark == ",":
            grouped = thousands_like and language not in COMMA_DECIMAL_LANGUAGES
        else:
            grouped = thousands_like and language in DOT_THOUSANDS_LANGUAGES
        text = whole + fraction if grouped else whole + "." + fraction
    if text.startswith("."):
        text = "0" + text
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    if multiplier:
        value *= _MULTIPLIERS[multiplier.lower()]
    return value


def _thousand_groups(groups: list[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and all(len(group) == 3 for group in groups[1:])


# --- networks --------------------------------------------------------------------

# (pattern, chain code, case-sensitive): "TON" and "Optimism" only as names, since
# "ton" is French for "your" and optimism is a word.
_NETWORK_NAMES: tuple[tuple[str, str, bool], ...] = (
    (r"trc[\s-]?20", "TRON", False), (r"tron", "TRON", False), (r"трон", "TRON", False),
    (r"ترون", "TRON", False),
    (r"erc[\s-]?20", "ETH", False), (r"ethereum", "ETH", False),
    (r"eth\s+(?:mainnet|network|chain)", "ETH", False), (r"эфириум\w*", "ETH", False),
    (r"ефіріум\w*", "ETH", False), (r"(?:ال)?إيثر?يوم", "ETH", False),
    (r"bep[\s-]?20", "BSC", False), (r"bsc", "BSC", False),
    (r"bnb\s+(?:smart\s+)?chain", "BSC", False), (r"binance\s+smart\s+chain", "BSC", False),
    (r"arbitrum(?:\s+one)?", "ARBITRUM", False), (r"arb\s+one", "ARBITRUM", False),
    (r"арбитрум\w*", "ARBITRUM", False),
    (r"polygon(?:\s+pos)?", "POLYGON", False), (r"matic\s+(?:network|chain)", "POLYGON", False),
    (r"полигон\w*", "POLYGON", False),
    (r"bitcoin(?!\s+cash)", "BTC", False), (r"btc\s+(?:network|chain|mainnet)", "BTC", False),
    (r"биткоин\w*", "BTC", False), (r"біткоїн\w*", "BTC", False), (r"بيتكوين", "BTC", False),
    (r"bitcoin\s+cash", "BCH", False),
    (r"xrp\s*l(?:edger)?", "XRP", False), (r"ripple", "XRP", False),
    (r"stellar", "XLM", False),
    (r"TON", "TON", True), (r"toncoin", "TON", False), (r"the\s+open\s+network", "TON", False),
    (r"solana", "SOL", False), (r"sol\s+(?:network|chain)", "SOL", False),
    (r"SPL", "SOL", True), (r"солан\w*", "SOL", False), (r"سولانا", "SOL", False),
    (r"Optimism|OP\s+Mainnet", "OP", True), (r"optimism\s+(?:network|chain)", "OP", False),
    (r"avalanche(?:\s+c[\s-]?chain)?", "AVAXC", False), (r"avax\s+c[\s-]?chain", "AVAXC", False),
)  # fmt: skip
_CJK_NETWORK_NAMES = {
    "波场": "TRON", "波場": "TRON", "以太坊": "ETH", "币安智能链": "BSC", "幣安智能鏈": "BSC",
    "马蹄链": "POLYGON", "馬蹄鏈": "POLYGON", "比特币网络": "BTC", "比特幣網路": "BTC",
    "瑞波": "XRP", "恒星": "XLM", "索拉纳": "SOL", "索拉納": "SOL",
}  # fmt: skip
_UNLISTED_CHAINS = {"SOL": "Solana", "OP": "Optimism", "AVAXC": "Avalanche C-Chain"}
# One pattern for all names (one pass over the text): group n<i> is the i-th name.
_NETWORK = re.compile(
    _LB
    + "(?:"
    + "|".join(
        f"(?P<n{index}>{pattern if case_sensitive else f'(?i:{pattern})'})"
        for index, (pattern, _, case_sensitive) in enumerate(_NETWORK_NAMES)
    )
    + ")"
    + _RB
)
_NETWORK_CODES = {f"n{index}": code for index, (_, code, _) in enumerate(_NETWORK_NAMES)}
_CJK_NETWORK = re.compile("|".join(_CJK_NETWORK_NAMES))


def _network(text: str, code: str, start: int, end: int) -> Entity:
    if code in CHAINS:
        return Entity("network", text, code, (code,), start=start, end=end)
    return Entity("network", text, code, (), start=start, end=end, unlisted_chain=code)


# --- extraction ------------------------------------------------------------------


# Every hash and address has a run of at least 25 letters and digits.
_LONG_RUN = re.compile(r"[0-9A-Za-z+/_=:-]{25}")
_ANY_DIGIT = re.compile(r"[0-9]")


def extract_entities(text: str, language: str | None = None) -> tuple[Entity, ...]:
    """The entities of a message, without overlaps, in the order they appear.

    ``language`` (optional) only settles how "2.000" and "1,200" are read in amounts.
    """
    scan = text.translate(_DIGITS)
    kept: list[Entity] = []
    taken: list[tuple[int, int]] = []

    def keep(entity: Entity) -> None:
        if any(entity.start < end and start < entity.end for start, end in taken):
            return
        taken.append((entity.start, entity.end))
        kept.append(entity)

    # Most messages have no long code and many no digit: skip what cannot match.
    if _LONG_RUN.search(scan):
        for found in _hashes_and_addresses(scan, text):
            keep(found)
    if _ANY_DIGIT.search(scan):
        for found in _labelled(scan, text):
            keep(found)
        for found in _amounts(scan, text, language):
            keep(found)
    for found in _networks(scan, text):
        keep(found)
    return tuple(sorted(kept, key=lambda entity: entity.start))


def _hashes_and_addresses(scan: str, text: str) -> list[Entity]:
    found: list[Entity] = []
    for match in _EVM_HASH.finditer(scan):
        found.append(_entity("tx_hash", match, text, match.group().lower(), EVM_CHAINS))
    for match in _TON_RAW.finditer(scan):
        raw = match.group()
        valid = _is_valid_address("TON", raw)
        found.append(_entity("address", match, text, raw.lower(), ("TON",), valid=valid))
    for match in _EVM_ADDRESS.finditer(scan):
        canonical, valid = _evm_address(match.group())
        found.append(_entity("address", match, text, canonical, EVM_CHAINS, valid=valid))
    for match in _HEX_HASH.finditer(scan):
        hex_hash = match.group()
        upper = hex_hash.upper() == hex_hash and not hex_hash.isdigit()
        chains = _HEX_HASH_CHAINS_UPPER if upper else _HEX_HASH_CHAINS_LOWER
        found.append(_entity("tx_hash", match, text, hex_hash.lower(), chains))
    for match in _TON_FRIENDLY.finditer(scan):
        address = match.group()
        valid = _is_valid_address("TON", address)
        url_safe = address.replace("+", "-").replace("/", "_")
        found.append(_entity("address", match, text, url_safe, ("TON",), valid=valid))
    for match in _TON_B64_HASH.finditer(scan):
        if _looks_like_a_code(match.group()):
            found.append(_entity("tx_hash", match, text, match.group(), ("TON",)))
    for match in _BECH32.finditer(scan):
        address = match.group()
        valid = _is_valid_address("BTC", address)
        found.append(_entity("address", match, text, address.lower(), ("BTC",), valid=valid))
    for pattern, chain_code, chains in (
        (_BTC_LEGACY, "BTC", BITCOIN_FAMILY),
        (_TRON, "TRON", ("TRON",)),
        (_XRP, "XRP", ("XRP",)),
        (_STELLAR, "XLM", ("XLM",)),
    ):
        for match in pattern.finditer(scan):
            address = match.group()
            if not _looks_like_a_code(address):
                continue
            valid = _is_valid_address(chain_code, address)
            found.append(_entity("address", match, text, address, chains, valid=valid))
    for match in _BASE58_SIGNATURE.finditer(scan):
        if _base58_length(match.group()) == 64:
            found.append(_entity("tx_hash", match, text, match.group(), (), unlisted_chain="SOL"))
    for match in _BASE58_RUN.finditer(scan):
        candidate = match.group()
        if _looks_like_a_code(candidate) and _base58_length(candidate) == 32:
            found.append(_entity("address", match, text, candidate, (), unlisted_chain="SOL"))
    # Longer first: a raw TON address wins over the 64 hex digits inside it.
    found.sort(key=lambda entity: entity.start - entity.end)
    return found


def _entity(
    kind: str,
    match: re.Match[str],
    text: str,
    value: str,
    chains: tuple[str, ...],
    *,
    valid: bool = True,
    asset: str | None = None,
    unlisted_chain: str | None = None,
    group: int | str = 0,
) -> Entity:
    start, end = match.span(group)
    return Entity(kind, text[start:end], value, chains, valid, asset, start, end, unlisted_chain)


def _memo_chains(memo: str) -> tuple[str, ...]:
    fits = []
    for code in MEMO_CHAINS:
        try:
            check_memo(code, memo)
        except InvalidAddress:
            continue
        fits.append(code)
    return tuple(fits)


def _labelled(scan: str, text: str) -> list[Entity]:
    found: list[Entity] = []
    for match in _MEMO.finditer(scan):
        memo = match.group("value")
        if match.group("comment") and (len(memo) < 4 or not memo.isalnum()):
            continue
        chains = _memo_chains(memo)
        found.append(_entity("memo", match, text, memo, chains, valid=bool(chains), group="value"))
    for match in _UID.finditer(scan):
        found.append(_entity("uid", match, text, match.group("value").lower(), (), group="value"))
    for match in _ORDER.finditer(scan):
        found.append(_entity("order_id", match, text, match.group("value"), (), group="value"))
    for match in _EXCHANGE_ORDER_ID.finditer(scan):
        found.append(_entity("order_id", match, text, match.group(), ()))
    return found


def _amounts(scan: str, text: str, language: str | None) -> list[Entity]:
    found: list[Entity] = []
    for pattern in (_AMOUNT_AFTER, _AMOUNT_BEFORE):
        for match in pattern.finditer(scan):
            value = parse_amount(match.group("number"), match.group("multiplier"), language)
            if value is None:
                continue
            if match.group("asset"):
                written = match.group("asset")
                asset = _ASSET_WORDS.get(written.lower(), written.upper())
            elif match.groupdict().get("u"):
                asset = "USDT"
            else:
                asset = _FIAT_SIGNS[match.group("fiat")]
            found.append(_entity("amount", match, text, str(value), (), asset=asset))
    return found


def _networks(scan: str, text: str) -> list[Entity]:
    found: list[Entity] = []
    for match in _NETWORK.finditer(scan):
        start, end = match.span()
        code = _NETWORK_CODES[match.lastgroup or ""]
        found.append(_network(text[start:end], code, start, end))
    for match in _CJK_NETWORK.finditer(scan):
        start, end = match.span()
        found.append(_network(text[start:end], _CJK_NETWORK_NAMES[match.group()], start, end))
    found.sort(key=lambda entity: entity.start - entity.end)
    return found


def unlisted_chain_name(code: str) -> str | None:
    """The name of a chain the exchange does not list but the bot recognises ("Solana")."""
    return _UNLISTED_CHAINS.get(code)
