"""Entities in support messages: hashes, addresses with their checksums, memos, amounts..."""

from __future__ import annotations

import itertools
import random
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cexdesk.bot.entities import EVM_CHAINS, KINDS, Entity, extract_entities, parse_amount
from cexdesk.exchange import codecs
from cexdesk.intake.language import SUPPORTED

RNG = random.Random(6)


def one(text: str, kind: str) -> Entity:
    found = [entity for entity in extract_entities(text) if entity.kind == kind]
    assert len(found) == 1, (text, extract_entities(text))
    return found[0]


def kinds(text: str) -> list[tuple[str, str]]:
    return [(entity.kind, entity.value) for entity in extract_entities(text)]


# --- addresses made with the codecs, and copies one character off -----------------


def evm_address(rng: random.Random) -> str:
    while True:
        address = codecs.eip55(rng.randbytes(20).hex())
        # A checksum needs letters to carry it.
        if sum(c.isalpha() for c in address[2:]) >= 6:
            return address


def btc_legacy(rng: random.Random) -> str:
    return codecs.base58check_encode(bytes([rng.choice((0x00, 0x05))]) + rng.randbytes(20))


def btc_segwit(rng: random.Random) -> str:
    return codecs.segwit_encode("bc", 0, rng.randbytes(20))


def btc_taproot(rng: random.Random) -> str:
    return codecs.segwit_encode("bc", 1, rng.randbytes(32))


def tron(rng: random.Random) -> str:
    return codecs.base58check_encode(b"\x41" + rng.randbytes(20))


def xrp(rng: random.Random) -> str:
    return codecs.base58check_encode(b"\x00" + rng.randbytes(20), codecs.RIPPLE_ALPHABET)


def stellar(rng: random.Random) -> str:
    return codecs.strkey_encode(codecs.STELLAR_ACCOUNT_VERSION, rng.randbytes(32))


def ton(rng: random.Random) -> str:
    return codecs.ton_encode(0, rng.randbytes(32), bounceable=rng.random() < 0.5)


def solana(rng: random.Random) -> str:
    while True:
        address = codecs.base58_encode(rng.randbytes(32))
        if len(address) >= 43:
            return address


def change_one_character(address: str, alphabet: str, rng: random.Random, skip: int) -> str:
    """The address with one character after the first ``skip`` replaced from its alphabet."""
    position = rng.randrange(skip, len(address) - 1)
    replacement = rng.choice([c for c in alphabet if c != address[position]])
    return address[:position] + replacement + address[position + 1 :]


def flip_case_of_one_letter(address: str, rng: random.Random) -> str:
    letters = [i for i, c in enumerate(address) if i >= 2 and c.isalpha()]
    position = rng.choice(letters)
    return address[:position] + address[position].swapcase() + address[position + 1 :]


ADDRESS_CASES = [
    # (maker, chains, alphabet for a one-character change, characters never changed)
    (btc_legacy, ("BTC", "BCH"), codecs.BITCOIN_ALPHABET, 1),
    (btc_segwit, ("BTC",), codecs.BECH32_CHARSET, 4),
    (btc_taproot, ("BTC",), codecs.BECH32_CHARSET, 4),
    (tron, ("TRON",), codecs.BITCOIN_ALPHABET, 1),
    (xrp, ("XRP",), codecs.RIPPLE_ALPHABET, 1),
    (stellar, ("XLM",), "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 2),
    (ton, ("TON",), "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 4),
]


@pytest.mark.parametrize(("make", "chains", "alphabet", "skip"), ADDRESS_CASES)
def test_valid_addresses_are_found_and_one_character_off_is_flagged(
    make: object, chains: tuple[str, ...], alphabet: str, skip: int
) -> None:
    assert callable(make)
    rng = random.Random(str(chains))
    for _ in range(20):
        address: str = make(rng)
        found = one(f"please send it to {address} thanks", "address")
        assert (found.text, found.chains, found.valid) == (address, chains, True)
        typo = change_one_character(address, alphabet, rng, skip)
        mistyped = one(f"I withdrew to {typo}, is that right?", "address")
        assert (mistyped.text, mistyped.chains, mistyped.valid) == (typo, chains, False)
        assert mistyped.value == typo.lower() if typo[:3] == "bc1" else typo


def test_evm_addresses_fit_every_evm_chain_and_a_broken_checksum_is_flagged() -> None:
    rng = random.Random(55)
    for _ in range(10):
        address = evm_address(rng)
        found = one(f"my deposit address {address}", "address")
        assert found.chains == EVM_CHAINS == ("ETH", "BSC", "POLYGON", "ARBITRUM")
        assert found.valid
        assert found.value == address.lower()
        # No checksum to check in one case: valid, and the same address.
        assert one(address.lower(), "address").valid
        assert one("0x" + address[2:].upper(), "address").value == address.lower()
        wrong = one(f"to {flip_case_of_one_letter(address, rng)}", "address")
        assert not wrong.valid
        assert wrong.value == address.lower()


def test_a_mistyped_hex_digit_in_a_checksummed_evm_address_is_flagged() -> None:
    rng = random.Random(56)
    address = evm_address(rng)
    position = next(i for i in range(2, 42) if address[i].isdigit())
    digit = "1" if address[position] != "1" else "2"
    assert not one(address[:position] + digit + address[position + 1 :], "address").valid


def test_bech32_in_capitals_is_the_same_address() -> None:
    address = btc_segwit(RNG)
    found = one(f"BTC to {address.upper()}", "address")
    assert (found.value, found.valid) == (address, True)


def test_raw_ton_addresses_and_solana_keys_are_addresses() -> None:
    raw = "0:" + RNG.randbytes(32).hex()
    assert one(f"wallet {raw}", "address").chains == ("TON",)
    key = solana(RNG)
    found = one(f"Solana address {key}", "address")
    assert (found.chains, found.unlisted_chain) == ((), "SOL")


@settings(max_examples=25, deadline=None)
@given(st.binary(min_size=20, max_size=20), st.sampled_from(["en", "zh", "ru", "ar"]))
def test_any_tron_or_bitcoin_address_in_any_sentence_is_valid(body: bytes, lang: str) -> None:
    sentence = {
        "en": "I sent USDT to {} yesterday",
        "zh": "我转到了{}这个地址",
        "ru": "отправил на адрес {}, не пришло",
        "ar": "أرسلت إلى العنوان {} أمس",
    }[lang]
    for address, chains in (
        (codecs.base58check_encode(b"\x41" + body), ("TRON",)),
        (codecs.base58check_encode(b"\x00" + body), ("BTC", "BCH")),
        (codecs.segwit_encode("bc", 0, body), ("BTC",)),
    ):
        found = one(sentence.format(address), "address")
        assert (found.text, found.chains, found.valid) == (address, chains, True)


# --- transaction hashes -------------------------------------------------------------


def test_evm_hashes_fit_the_evm_chains() -> None:
    tx = "0x" + RNG.randbytes(32).hex()
    found = one(f"txid: {tx}", "tx_hash")
    assert (found.value, found.chains) == (tx, EVM_CHAINS)
    found = one(f"https://etherscan.io/tx/{tx.upper().replace('0X', '0x')}", "tx_hash")
    assert found.value == tx


def test_a_bare_64_hex_hash_fits_several_chains_xrp_first_in_capitals() -> None:
    digest = RNG.randbytes(32).hex()
    lower = one(f"hash {digest}", "tx_hash")
    assert lower.chains[0] == "BTC"
    assert set(lower.chains) == {"BTC", "BCH", "TRON", "XRP", "XLM", "TON"}
    upper = one(f"XRP tx {digest.upper()}", "tx_hash")
    assert upper.chains[0] == "XRP"
    assert upper.value == digest
    assert set(upper.chains) == set(lower.chains)


def test_ton_base64_hashes_and_solana_signatures() -> None:
    import base64

    ton_hash = base64.b64encode(RNG.randbytes(32)).decode()
    assert one(f"TON tx {ton_hash}", "tx_hash").chains == ("TON",)
    signature = codecs.base58_encode(RNG.randbytes(64))
    found = one(f"solscan says {signature}", "tx_hash")
    assert (found.chains, found.unlisted_chain) == ((), "SOL")


def test_a_hash_is_never_also_an_order_id_or_an_amount() -> None:
    digits = "".join(RNG.choice("0123456789") for _ in range(64))
    assert kinds(f"order {digits}") == [("tx_hash", digits)]
    tx = RNG.randbytes(32).hex()
    assert [k for k, _ in kinds(f"订单号 {tx} 100 USDT")] == ["tx_hash", "amount"]


# --- memos and tags ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "memo"),
    [
        ("memo 123456", "123456"),
        ("I forgot the MEMO: 884422", "884422"),
        ("tag: 99", "99"),
        ("destination tag is 1234567", "1234567"),
        ("Memo/Tag 445566", "445566"),
        ("我的备注是 203040", "203040"),
        ("備註：778899", "778899"),
        ("标签 556677 忘记填了", "556677"),
        ("мемо 3344556", "3344556"),
        ("я указал тег 12345 неправильно", "12345"),
        ("мітка призначення 8877", "8877"),
        ("ghi chú là 246810", "246810"),
        ("Saya lupa memo 135790", "135790"),
        ("etiket 99887766 yanlış", "99887766"),
        ("la etiqueta de destino es 20202020", "20202020"),
        ("esqueci a tag de destino 314159", "314159"),
        ("le tag de destination 271828 manquait", "271828"),
        ("Ziel-Tag 161803 vergessen", "161803"),
        ("ho sbagliato il memo: 5566", "5566"),
        ("zapomniałem tag docelowy 424242", "424242"),
        ("نسيت الميمو؟ الميمو 909090", "909090"),
        ("علامة الوجهة 707070", "707070"),
        ("TON comment 80808080", "80808080"),
        ("XLM memo ABC123", "ABC123"),
    ],
)
def test_memos_and_tags_in_many_languages(text: str, memo: str) -> None:
    found = one(text, "memo")
    assert found.value == memo
    assert text[found.start : found.end] == memo


def test_memo_words_without_a_memo_give_none() -> None:
    for text in (
        "I forgot the memo when depositing",
        "tag me when you reply",
        "a comment about your fees",
        "备注忘记填了",
        "мемо не указал",
    ):
        assert not [e for e in extract_entities(text) if e.kind == "memo"], text


def test_a_memo_knows_the_chains_it_fits() -> None:
    assert one("tag 4294967295", "memo").chains == ("XRP", "XLM", "TON")
    assert one("tag 4294967296", "memo").chains == ("XLM", "TON")  # above a 32-bit tag
    assert one("memo abc123def456", "memo").chains == ("XLM", "TON")


# --- amounts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "asset"),
    [
        ("I sent 0.5 BTC", "0.5", "BTC"),
        ("deposited 1,200 USDT", "1200", "USDT"),
        ("überwiesen: 1.200,50 USDT", "1200.50", "USDT"),
        ("1,200.50 USDC", "1200.50", "USDC"),
        ("envoyé 0,25 ETH", "0.25", "ETH"),
        ("отправил 1 500 USDT", "1500", "USDT"),
        ("转了100u", "100", "USDT"),
        ("100个U还没到", "100", "USDT"),
        ("充值 5万 USDT", "50000", "USDT"),
        ("5万U", "50000", "USDT"),
        ("3k usdt", "3000", "USDT"),
        ("USDT 750", "750", "USDT"),
        ("XRP: 2,000", "2000", "XRP"),
        ("$250 missing", "250", "USD"),
        ("lost 2 bitcoin", "2", "BTC"),
        ("12 TON", "12", "TON"),
        ("3 SOL", "3", "SOL"),
        ("أرسلت ١٠٠ USDT", "100", "USDT"),
        ("１００ USDT", "100", "USDT"),
        ("0.00012 btc", "0.00012", "BTC"),
        ("1,000,000 LUNC", "1000000", "LUNC"),
        ("比特币 0.3", None, None),
    ],
)
def test_amounts_with_their_assets(text: str, value: str | None, asset: str | None) -> None:
    amounts = [e for e in extract_entities(text) if e.kind == "amount"]
    if value is None:
        assert not amounts
        return
    assert [(e.value, e.asset) for e in amounts] == [(value, asset)]
    assert Decimal(amounts[0].value) == Decimal(value)


def test_words_that_are_also_symbols_only_count_in_capitals() -> None:
    assert not [e for e in extract_entities("hace 3 sol y calor") if e.kind == "amount"]
    assert not [e for e in extract_entities("I have 2 dot points") if e.kind == "amount"]


@pytest.mark.parametrize(
    ("number", "value"),
    [
        ("1,200", "1200"),
        ("1.200,50", "1200.50"),
        ("1,200.5", "1200.5"),
        ("0,5", "0.5"),
        ("12,75", "12.75"),
        ("0,500", "0.500"),
        ("1.5", "1.5"),
        ("1.200.000", "1200000"),
        ("1 200", "1200"),
        (".5", "0.5"),
        ("1.2.3", None),
        ("1,2,3", None),
    ],
)
def test_parse_amount(number: str, value: str | None) -> None:
    parsed = parse_amount(number)
    assert (None if parsed is None else str(parsed)) == value


@pytest.mark.parametrize(
    ("number", "language", "value"),
    [
        ("2.000", None, "2.000"),
        ("2.000", "en", "2.000"),
        ("2.000", "de", "2000"),
        ("2.000", "vi", "2000"),
        ("0.500", "de", "0.500"),
        ("1,200", None, "1200"),
        ("1,200", "en", "1200"),
        ("1,200", "fr", "1.200"),
        ("1.200,50", "en", "1200.50"),
        ("1,200.50", "de", "1200.50"),
    ],
)
def test_a_language_settles_ambiguous_separators(
    number: str, language: str | None, value: str
) -> None:
    assert str(parse_amount(number, language=language)) == value


def test_fiat_signs() -> None:
    assert [(e.value, e.asset) for e in extract_entities("R$ 500, $20 e 15€")] == [
        ("500", "BRL"),
        ("20", "USD"),
        ("15", "EUR"),
    ]


# --- networks, order ids, UIDs ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("sent via TRC20", "TRON"),
        ("USDT-TRC20", "TRON"),
        ("on the ERC-20 network", "ETH"),
        ("erc20", "ETH"),
        ("BEP20 instead", "BSC"),
        ("BSC", "BSC"),
        ("BNB Smart Chain", "BSC"),
        ("Arbitrum One", "ARBITRUM"),
        ("polygon", "POLYGON"),
        ("Bitcoin network", "BTC"),
        ("Bitcoin Cash", "BCH"),
        ("on TON", "TON"),
        ("XRP Ledger", "XRP"),
        ("Stellar", "XLM"),
        ("用波场转的", "TRON"),
        ("TRC20链", "TRON"),
        ("по сети Арбитрум", "ARBITRUM"),
        ("عبر شبكة ترون، ", "TRON"),
    ],
)
def test_networks_map_to_chain_codes(text: str, code: str) -> None:
    found = one(text, "network")
    assert (found.value, found.chains, found.unlisted_chain) == (code, (code,), None)


def test_chains_the_exchange_does_not_list_are_named_without_chain_codes() -> None:
    found = one("I sent it on Solana", "network")
    assert (found.value, found.chains, found.unlisted_chain) == ("SOL", (), "SOL")
    assert one("Optimism", "network").unlisted_chain == "OP"


def test_french_ton_is_not_the_ton_network() -> None:
    assert not [e for e in extract_entities("ton adresse est fausse") if e.kind == "network"]


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("order 22791234567890123456", "order_id", "22791234567890123456"),
        ("Order #1234567 is stuck", "order_id", "1234567"),
        ("order number: 98765432", "order_id", "98765432"),
        ("P2P订单号：2279123456789", "order_id", "2279123456789"),
        ("訂單編號 556677889900", "order_id", "556677889900"),
        ("номер ордера 1122334455", "order_id", "1122334455"),
        ("mã lệnh 99887766", "order_id", "99887766"),
        ("pedido 123456789", "order_id", "123456789"),
        ("commande n° 7654321", "order_id", "7654321"),
        ("zlecenie nr 5556667", "order_id", "5556667"),
        ("رقم الطلب 123456789", "order_id", "123456789"),
        ("order o-000123 is still open", "order_id", "o-000123"),
        ("what happened to o-004567?", "order_id", "o-004567"),
        ("UID 12345678", "uid", "12345678"),
        ("my UID: 87654321", "uid", "87654321"),
        ("user id is 10203040", "uid", "10203040"),
        ("我的UID是 12345678", "uid", "12345678"),
        ("用户ID：55667788", "uid", "55667788"),
        ("ID пользователя 99887766", "uid", "99887766"),
        ("ID de usuario: 11223344", "uid", "11223344"),
        ("Benutzer-ID 44556677", "uid", "44556677"),
        ("معرف المستخدم 55443322", "uid", "55443322"),
        ("UID u-000042", "uid", "u-000042"),
    ],
)
def test_order_ids_and_uids(text: str, kind: str, value: str) -> None:
    found = one(text, kind)
    assert found.value == value
    assert text[found.start : found.end] == found.text


# --- whole messages ------------------------------------------------------------------


def test_entities_never_overlap_and_their_offsets_point_at_their_text() -> None:
    rng = random.Random(7)
    pieces = [
        lambda: f"{rng.randint(1, 9999)} USDT",
        lambda: "0x" + rng.randbytes(32).hex(),
        lambda: rng.randbytes(32).hex(),
        lambda: tron(rng),
        lambda: xrp(rng),
        lambda: f"memo {rng.randint(1000, 99999999)}",
        lambda: f"order {rng.randint(10**8, 10**12)}",
        lambda: f"UID {rng.randint(10**7, 10**9)}",
        lambda: rng.choice(["TRC20", "BEP20", "Arbitrum", "Polygon", "TON", "Solana"]),
        lambda: rng.choice(["我的充值", "где мой депозит", "help", "لم يصل", "，", ", "]),
    ]
    for _ in range(200):
        text = " ".join(rng.choice(pieces)() for _ in range(rng.randint(1, 8)))
        found = extract_entities(text)
        for entity in found:
            assert entity.kind in KINDS
            assert text[entity.start : entity.end] == entity.text
        spans = sorted((entity.start, entity.end) for entity in found)
        assert all(first[1] <= second[0] for first, second in itertools.pairwise(spans))


def test_a_message_with_everything() -> None:
    address = tron(RNG)
    tx = RNG.randbytes(32).hex()
    text = f"Hi, I sent 1,250.5 USDT (TRC20) to {address}, txid {tx}, UID 12345678. Help!"
    assert kinds(text) == [
        ("amount", "1250.5"),
        ("network", "TRON"),
        ("address", address),
        ("tx_hash", tx),
        ("uid", "12345678"),
    ]


def test_plain_messages_have_no_entities() -> None:
    for text in (
        "",
        "Hello, I need help with my account",
        "我的账户被冻结了",
        "Мой аккаунт заблокирован",
        "I have been waiting 3 hours",
        "reset 2FA please, code 123456 does not work",
        "version 1.2.3 of the app crashes",
        "Rechtsschutzversicherungsgesellschaften",
    ):
        assert extract_entities(text) == (), text


# --- a corpus of realistic support messages ------------------------------------------

_CORPUS_RNG = random.Random(2026)
EVM = evm_address(_CORPUS_RNG)
EVM_HASH = "0x" + _CORPUS_RNG.randbytes(32).hex()
TRON = tron(_CORPUS_RNG)
TRON_HASH = _CORPUS_RNG.randbytes(32).hex()
BTC = btc_legacy(_CORPUS_RNG)
BTC_SEGWIT = btc_segwit(_CORPUS_RNG)
BTC_HASH = _CORPUS_RNG.randbytes(32).hex()
XRP = xrp(_CORPUS_RNG)
XRP_HASH = _CORPUS_RNG.randbytes(32).hex().upper()
XLM = stellar(_CORPUS_RNG)
TON = ton(_CORPUS_RNG)
SOL = solana(_CORPUS_RNG)
TRON_TYPO = change_one_character(TRON, codecs.BITCOIN_ALPHABET, _CORPUS_RNG, 1)
PLACES = {
    "evm": EVM,
    "evm_hash": EVM_HASH,
    "tron": TRON,
    "tron_hash": TRON_HASH,
    "btc": BTC,
    "btc_segwit": BTC_SEGWIT,
    "btc_hash": BTC_HASH,
    "xrp": XRP,
    "xrp_hash": XRP_HASH,
    "xlm": XLM,
    "ton": TON,
    "sol": SOL,
    "tron_typo": TRON_TYPO,
}
VALUES = {**PLACES, "evm": EVM.lower(), "xrp_hash": XRP_HASH.lower()}

# (language, message with {placeholders}, the entities expected in order as (kind, value));
# "mixed" messages are extracted without a language hint.
CORPUS: list[tuple[str, str, list[tuple[str, str]]]] = [
    # en
    (
        "en",
        "Hi, I deposited 250 USDT via TRC20 about 3 hours ago and it still hasn't shown up. "
        "TxID: {tron_hash}",
        [("amount", "250"), ("network", "TRON"), ("tx_hash", "{tron_hash}")],
    ),
    (
        "en",
        "sent 0.05 BTC from my Ledger to {btc_segwit}, hash {btc_hash}, 1 confirmation so far",
        [("amount", "0.05"), ("address", "{btc_segwit}"), ("tx_hash", "{btc_hash}")],
    ),
    (
        "en",
        "I withdrew 1.25 ETH to {evm} on Arbitrum but my wallet shows nothing. "
        "https://arbiscan.io/tx/{evm_hash}",
        [
            ("amount", "1.25"),
            ("address", "{evm}"),
            ("network", "ARBITRUM"),
            ("tx_hash", "{evm_hash}"),
        ],
    ),
    (
        "en",
        "Forgot the destination tag!! Sent 500 XRP to {xrp}, tx {xrp_hash}. My tag is 10448722",
        [
            ("amount", "500"),
            ("address", "{xrp}"),
            ("tx_hash", "{xrp_hash}"),
            ("memo", "10448722"),
        ],
    ),
    (
        "en",
        "Is {tron_typo} a valid TRON address? The app refuses it",
        [("address", "{tron_typo}"), ("network", "TRON")],
    ),
    (
        "en",
        "my UID is 31415926, the P2P order 22791234567890123456 is still not released",
        [
            ("uid", "31415926"),
            ("order_id", "22791234567890123456"),
        ],
    ),
    ("en", "I have waited 24 hours and 2FA code 123456 does not work", []),
    ("en", "BTC/USDT chart froze at 98,000, version 3.2.1 of the app", []),
    ("en", "Contact me at john.doe@example.com or +1 415 555 0134", []),
    ("en", "$5k went missing after the BEP-20 deposit", [("amount", "5000"), ("network", "BSC")]),
    (
        "en",
        "1 BTC = 98000 USD, why is my balance 0.3btc?",
        [
            ("amount", "1"),
            ("amount", "98000"),
            ("amount", "0.3"),
        ],
    ),
    (
        "en",
        "Sent USDT on Solana to my ERC20 address {evm}",
        [
            ("network", "SOL"),
            ("network", "ETH"),
            ("address", "{evm}"),
        ],
    ),
    ("en", "withdraw 3 SOL to {sol} please", [("amount", "3"), ("address", "{sol}")]),
    (
        "en",
        "XLM deposit to {xlm} memo 4410021, 120 XLM, not credited",
        [("address", "{xlm}"), ("memo", "4410021"), ("amount", "120")],
    ),
    (
        "en",
        "TON: sent 15 TON to {ton} without the comment",
        [("network", "TON"), ("amount", "15"), ("address", "{ton}")],
    ),
    # zh-Hans
    (
        "zh-Hans",
        "你好，我昨天通过波场充值了1,000 USDT，到现在还没到账，哈希是{tron_hash}",
        [("network", "TRON"), ("amount", "1000"), ("tx_hash", "{tron_hash}")],
    ),
    ("zh-Hans", "充了500u到{tron}，备注没填", [("amount", "500"), ("address", "{tron}")]),
    (
        "zh-Hans",
        "XRP充值忘记填标签了，标签应该是 88231004，金额 3,000 XRP",
        [
            ("memo", "88231004"),
            ("amount", "3000"),
        ],
    ),
    (
        "zh-Hans",
        "我的UID：20488811，订单号：1788224455 一直没放币",
        [
            ("uid", "20488811"),
            ("order_id", "1788224455"),
        ],
    ),
    (
        "zh-Hans",
        "提币5万U到 {evm} 用的BSC链",
        [("amount", "50000"), ("address", "{evm}"), ("network", "BSC")],
    ),
    ("zh-Hans", "ETH 用 Arbitrum 转的，0.8 ETH", [("network", "ARBITRUM"), ("amount", "0.8")]),
    # zh-Hant
    (
        "zh-Hant",
        "我用ERC20儲值了2,500 USDT，交易雜湊：{evm_hash}",
        [
            ("network", "ETH"),
            ("amount", "2500"),
            ("tx_hash", "{evm_hash}"),
        ],
    ),
    ("zh-Hant", "儲值XLM時備註填成 77120，應該是 77210", [("memo", "77120")]),
    ("zh-Hant", "訂單編號 99887766554433 的賣家不放幣", [("order_id", "99887766554433")]),
    ("zh-Hant", "請幫我查 UID 50203040 的提領", [("uid", "50203040")]),
    # ru
    (
        "ru",
        "Здравствуйте! Отправил 1 500 USDT по сети TRC20 на адрес {tron}, хеш {tron_hash}",
        [
            ("amount", "1500"),
            ("network", "TRON"),
            ("address", "{tron}"),
            ("tx_hash", "{tron_hash}"),
        ],
    ),
    ("ru", "Забыл указать мемо при депозите XLM, мемо 300455", [("memo", "300455")]),
    (
        "ru",
        "Мой ID пользователя 77441122, ордер 5566778899 завис",
        [
            ("uid", "77441122"),
            ("order_id", "5566778899"),
        ],
    ),
    (
        "ru",
        "вывел 0,75 ETH через Арбитрум, а дошло не всё",
        [
            ("amount", "0.75"),
            ("network", "ARBITRUM"),
        ],
    ),
    ("ru", "Перевёл 2 000 000 TRX, когда зачислят?", [("amount", "2000000")]),
    # uk
    (
        "uk",
        "Надіслав 300 USDT мережею BEP20, тег 55667",
        [
            ("amount", "300"),
            ("network", "BSC"),
            ("memo", "55667"),
        ],
    ),
    (
        "uk",
        "ID користувача 88112233, виведення 0,5 BTC на {btc}",
        [
            ("uid", "88112233"),
            ("amount", "0.5"),
            ("address", "{btc}"),
        ],
    ),
    ("uk", "Мітка призначення 1234 — я її пропустив", [("memo", "1234")]),
    # vi
    (
        "vi",
        "Tôi nạp 200 USDT qua mạng TRC20 nhưng chưa thấy, mã giao dịch {tron_hash}",
        [
            ("amount", "200"),
            ("network", "TRON"),
            ("tx_hash", "{tron_hash}"),
        ],
    ),
    ("vi", "Quên ghi chú khi nạp XRP, ghi chú đúng là 90807060", [("memo", "90807060")]),
    (
        "vi",
        "UID của tôi là 66554433, mã lệnh 123456789 bị treo",
        [
            ("uid", "66554433"),
            ("order_id", "123456789"),
        ],
    ),
    ("vi", "rút 1.000.000 TRX về ví {tron}", [("amount", "1000000"), ("address", "{tron}")]),
    # id
    (
        "id",
        "Saya deposit 150 USDT lewat BSC ke {evm} tapi belum masuk",
        [
            ("amount", "150"),
            ("network", "BSC"),
            ("address", "{evm}"),
        ],
    ),
    ("id", "Lupa memo waktu kirim XLM, memo saya 700123", [("memo", "700123")]),
    (
        "id",
        "UID saya 44332211, pesanan 778899001122 belum dilepas",
        [
            ("uid", "44332211"),
            ("order_id", "778899001122"),
        ],
    ),
    # tr
    (
        "tr",
        "TRC20 ile 750 USDT yatırdım, hash {tron_hash}, hâlâ gelmedi",
        [
            ("network", "TRON"),
            ("amount", "750"),
            ("tx_hash", "{tron_hash}"),
        ],
    ),
    ("tr", "XRP yatırırken etiket yazmayı unuttum, hedef etiketi 445566", [("memo", "445566")]),
    (
        "tr",
        "Kullanıcı ID 99001122, sipariş numarası 334455667788",
        [
            ("uid", "99001122"),
            ("order_id", "334455667788"),
        ],
    ),
    # es
    (
        "es",
        "Envié 0,25 BTC a {btc_segwit} y no ha llegado, hash {btc_hash}",
        [
            ("amount", "0.25"),
            ("address", "{btc_segwit}"),
            ("tx_hash", "{btc_hash}"),
        ],
    ),
    (
        "es",
        "Olvidé la etiqueta de destino al depositar XRP; la etiqueta es 2233445",
        [
            ("memo", "2233445"),
        ],
    ),
    (
        "es",
        "Mi ID de usuario: 12312312. La orden 90909090 P2P sigue abierta",
        [
            ("uid", "12312312"),
            ("order_id", "90909090"),
        ],
    ),
    ("es", "Deposité 1.200,50 USDT por Polygon", [("amount", "1200.50"), ("network", "POLYGON")]),
    # pt-BR
    (
        "pt-BR",
        "Fiz um depósito de 300 USDT pela rede BEP20 e não caiu. Hash: {evm_hash}",
        [
            ("amount", "300"),
            ("network", "BSC"),
            ("tx_hash", "{evm_hash}"),
        ],
    ),
    ("pt-BR", "Esqueci o memo, mandei 50 XLM para {xlm}", [("amount", "50"), ("address", "{xlm}")]),
    (
        "pt-BR",
        "Meu ID de usuário é 56565656, pedido 1212121212",
        [
            ("uid", "56565656"),
            ("order_id", "1212121212"),
        ],
    ),
    ("pt-BR", "Saquei R$ 500 em USDT, 98,5 USDT chegaram", [("amount", "500"), ("amount", "98.5")]),
    # fr
    (
        "fr",
        "J'ai envoyé 0,5 ETH sur le réseau Arbitrum à {evm}, hash {evm_hash}",
        [
            ("amount", "0.5"),
            ("network", "ARBITRUM"),
            ("address", "{evm}"),
            ("tx_hash", "{evm_hash}"),
        ],
    ),
    ("fr", "ton adresse de dépôt ne marche pas, j'ai mis le mémo 556677", [("memo", "556677")]),
    (
        "fr",
        "Mon identifiant : 11223344, commande n° 99887766",
        [
            ("uid", "11223344"),
            ("order_id", "99887766"),
        ],
    ),
    # de
    (
        "de",
        "Ich habe 2.000 USDT über ERC-20 eingezahlt, TxID {evm_hash}",
        [
            ("amount", "2000"),
            ("network", "ETH"),
            ("tx_hash", "{evm_hash}"),
        ],
    ),
    (
        "de",
        "Memo vergessen! XRP an {xrp}, Ziel-Tag wäre 12121212 gewesen",
        [
            ("address", "{xrp}"),
            ("memo", "12121212"),
        ],
    ),
    (
        "de",
        "Meine Benutzer-ID: 70707070, Auftrag 4455667788",
        [
            ("uid", "70707070"),
            ("order_id", "4455667788"),
        ],
    ),
    ("de", "Am 12.05. habe ich 0,1 BTC abgehoben", [("amount", "0.1")]),
    # it
    (
        "it",
        "Ho depositato 400 USDT su Polygon ma non è arrivato nulla",
        [
            ("amount", "400"),
            ("network", "POLYGON"),
        ],
    ),
    ("it", "ho dimenticato il memo: 8080808 per il deposito XLM", [("memo", "8080808")]),
    (
        "it",
        "ID utente 13131313, ordine 2424242424",
        [("uid", "13131313"), ("order_id", "2424242424")],
    ),
    # pl
    (
        "pl",
        "Wysłałem 600 USDT siecią TRC20 na {tron}, hash {tron_hash}",
        [
            ("amount", "600"),
            ("network", "TRON"),
            ("address", "{tron}"),
            ("tx_hash", "{tron_hash}"),
        ],
    ),
    ("pl", "Zapomniałem memo przy wpłacie XLM, memo to 909091", [("memo", "909091")]),
    (
        "pl",
        "ID użytkownika 24682468, zlecenie nr 1357913579",
        [
            ("uid", "24682468"),
            ("order_id", "1357913579"),
        ],
    ),
    # ar
    (
        "ar",
        "أرسلت 500 USDT عبر شبكة ترون إلى {tron} ولم يصل حتى الآن",
        [
            ("amount", "500"),
            ("network", "TRON"),
            ("address", "{tron}"),
        ],
    ),
    ("ar", "نسيت كتابة الميمو، الميمو هو 454545", [("memo", "454545")]),
    (
        "ar",
        "معرف المستخدم ٣٣٤٤٥٥٦٦ ورقم الطلب ١٢٣٤٥٦٧٨٩",
        [
            ("uid", "33445566"),
            ("order_id", "123456789"),
        ],
    ),
    (
        "ar",
        "رمز المعاملة {evm_hash} على شبكة BEP20",
        [("tx_hash", "{evm_hash}"), ("network", "BSC")],
    ),
    # mixed
    (
        "mixed",
        "hello 你好, sent 100U via TRC20, UID 10101010, пожалуйста помогите",
        [
            ("amount", "100"),
            ("network", "TRON"),
            ("uid", "10101010"),
        ],
    ),
    (
        "mixed",
        "TXID:{tron_hash}\nAddress:{tron}\nAmount:1,000USDT",
        [
            ("tx_hash", "{tron_hash}"),
            ("address", "{tron}"),
            ("amount", "1000"),
        ],
    ),
]


@pytest.mark.parametrize(("language", "template", "expected"), CORPUS, ids=lambda v: str(v)[:40])
def test_realistic_support_messages(
    language: str, template: str, expected: list[tuple[str, str]]
) -> None:
    text = template.format(**PLACES)
    hint = None if language == "mixed" else language
    found = [(e.kind, e.value) for e in extract_entities(text, language=hint)]
    assert found == [(kind, value.format(**VALUES)) for kind, value in expected]


def test_the_corpus_is_large_and_multilingual() -> None:
    assert len(CORPUS) >= 60
    assert {language for language, _, _ in CORPUS} >= set(SUPPORTED)
