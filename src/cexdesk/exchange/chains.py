"""The chains and assets the exchange knows, and how their addresses and memos are checked."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from cexdesk.exchange import codecs


class AddressFormat(StrEnum):
    BITCOIN = "bitcoin"  # base58check P2PKH/P2SH and bech32/bech32m segwit
    EVM = "evm"  # 0x + 40 hex, EIP-55 checksum when mixed case
    TRON = "tron"  # base58check with version byte 0x41 ("T...")
    XRP = "xrp"  # base58check over Ripple's alphabet ("r...")
    STELLAR = "stellar"  # StrKey account ("G...")
    TON = "ton"  # user-friendly base64 with CRC16, or raw "wc:hex"


class MemoKind(StrEnum):
    DESTINATION_TAG = "destination_tag"  # XRP: an unsigned 32-bit integer
    MEMO = "memo"  # XLM: text up to 28 bytes or a 64-bit id
    COMMENT = "comment"  # TON: a text comment


@dataclass(frozen=True)
class Chain:
    code: str
    name: str
    address_format: AddressFormat
    native_asset: str
    confirmations: int
    # Deposits on memo chains go to one shared exchange address; the memo says whose they are.
    memo: MemoKind | None = None
    # A chain the exchange watches (its keys exist there) but does not credit deposits on.
    deposits_enabled: bool = True


class ListingStatus(StrEnum):
    LISTED = "listed"
    DELISTED = "delisted"


@dataclass(frozen=True)
class Listing:
    """One asset on one chain: where deposits of it are credited and from what amount."""

    asset: str
    chain: str
    contract: str | None  # token contract; None for the chain's native asset
    min_deposit: Decimal
    status: ListingStatus = ListingStatus.LISTED


CHAINS: dict[str, Chain] = {
    chain.code: chain
    for chain in (
        Chain("BTC", "Bitcoin", AddressFormat.BITCOIN, "BTC", confirmations=2),
        Chain("ETH", "Ethereum", AddressFormat.EVM, "ETH", confirmations=12),
        Chain("BSC", "BNB Smart Chain", AddressFormat.EVM, "BNB", confirmations=15),
        Chain("POLYGON", "Polygon PoS", AddressFormat.EVM, "POL", confirmations=128),
        Chain("ARBITRUM", "Arbitrum One", AddressFormat.EVM, "ETH", confirmations=12),
        Chain("TRON", "TRON", AddressFormat.TRON, "TRX", confirmations=20),
        Chain("XRP", "XRP Ledger", AddressFormat.XRP, "XRP", 1, MemoKind.DESTINATION_TAG),
        Chain("XLM", "Stellar", AddressFormat.STELLAR, "XLM", 1, MemoKind.MEMO),
        Chain("TON", "TON", AddressFormat.TON, "TON", 1, MemoKind.COMMENT),
        # Same legacy address format as Bitcoin; coins sent here to a BTC address are
        # the "wrong coin to an address" case.
        Chain("BCH", "Bitcoin Cash", AddressFormat.BITCOIN, "BCH", 6, deposits_enabled=False),
    )
}

_USDT = {
    "ETH": "0xdAC17F958D2ee523a2206206994597C13D831ec7",
    "BSC": "0x55d398326f99059fF775485246999027B3197955",
    "POLYGON": "0xc2132D05D31c914a87C6611C10748AEb04B58e8F",
    "ARBITRUM": "0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9",
    "TRON": "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    "TON": "EQCxE6mUtQJKFnGfaROTKOt1lZbDiiX1kCixRv7Nw2Id_sDs",
}
_USDC = {
    "ETH": "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
    "POLYGON": "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359",
    "ARBITRUM": "0xaf88d065e77c8cC2239327C5EDb3A432268e5831",
}

LISTINGS: tuple[Listing, ...] = (
    Listing("BTC", "BTC", None, Decimal("0.0001")),
    Listing("ETH", "ETH", None, Decimal("0.001")),
    Listing("ETH", "ARBITRUM", None, Decimal("0.001")),
    Listing("BNB", "BSC", None, Decimal("0.01")),
    Listing("POL", "POLYGON", None, Decimal("1")),
    Listing("TRX", "TRON", None, Decimal("10")),
    Listing("XRP", "XRP", None, Decimal("1")),
    Listing("XLM", "XLM", None, Decimal("1")),
    Listing("TON", "TON", None, Decimal("0.1")),
    *(Listing("USDT", chain, contract, Decimal("1")) for chain, contract in _USDT.items()),
    *(Listing("USDC", chain, contract, Decimal("1")) for chain, contract in _USDC.items()),
    # A delisted token: deposits of it are no longer credited.
    Listing(
        "LUNC",
        "BSC",
        "0x156ab3346823B651294766e23e6Cf87254d68962",
        Decimal("1000"),
        ListingStatus.DELISTED,
    ),
)


class InvalidAddress(ValueError):
    """An address or memo that is not valid on the chain it was given for."""


def chain(code: str) -> Chain:
    try:
        return CHAINS[code]
    except KeyError:
        raise InvalidAddress(f"unknown chain {code!r}") from None


def same_address_family(first: str, second: str) -> bool:
    """Whether an address on one chain is spelled, and keyed, the same on the other."""
    return chain(first).address_format is chain(second).address_format


_HEX40 = re.compile(r"0x[0-9a-fA-F]{40}")


def check_address(chain_code: str, address: str) -> None:
    """Raise ``InvalidAddress`` unless ``address`` is well formed with a valid checksum."""
    address_format = chain(chain_code).address_format
    try:
        _CHECKS[address_format](address)
    except codecs.CodecError as error:
        raise InvalidAddress(f"{chain_code} address {address!r}: {error}") from None


def is_valid_address(chain_code: str, address: str) -> bool:
    try:
        check_address(chain_code, address)
    except InvalidAddress:
        return False
    return True


def _check_bitcoin(address: str) -> None:
    if address[:3].lower() == "bc1":
        codecs.segwit_decode("bc", address)
        return
    payload = codecs.base58check_decode(address)
    if len(payload) != 21 or payload[0] not in (0x00, 0x05):
        raise codecs.CodecError("not a P2PKH or P2SH address")


def _check_evm(address: str) -> None:
    if not _HEX40.fullmatch(address):
        raise codecs.CodecError("expected 0x and 40 hex digits")
    body = address[2:]
    # All-lower or all-upper carries no checksum (EIP-55); mixed case must match it.
    if body.lower() != body and body.upper() != body and codecs.eip55(address) != address:
        raise codecs.CodecError("EIP-55 checksum does not match")


def _check_tron(address: str) -> None:
    payload = codecs.base58check_decode(address)
    if len(payload) != 21 or payload[0] != 0x41:
        raise codecs.CodecError("not a TRON account address")


def _check_xrp(address: str) -> None:
    payload = codecs.base58check_decode(address, codecs.RIPPLE_ALPHABET)
    if len(payload) != 21 or payload[0] != 0x00:
        raise codecs.CodecError("not an XRP account address")


def _check_stellar(address: str) -> None:
    if len(codecs.strkey_decode(codecs.STELLAR_ACCOUNT_VERSION, address)) != 32:
        raise codecs.CodecError("not a Stellar account id")


def _check_ton(address: str) -> None:
    codecs.ton_decode(address)


_CHECKS = {
    AddressFormat.BITCOIN: _check_bitcoin,
    AddressFormat.EVM: _check_evm,
    AddressFormat.TRON: _check_tron,
    AddressFormat.XRP: _check_xrp,
    AddressFormat.STELLAR: _check_stellar,
    AddressFormat.TON: _check_ton,
}


def check_memo(chain_code: str, memo: str) -> None:
    """Raise ``InvalidAddress`` unless ``memo`` is a valid memo or tag on the chain."""
    kind = chain(chain_code).memo
    if kind is None:
        raise InvalidAddress(f"{chain_code} has no memo or tag")
    if kind is MemoKind.DESTINATION_TAG:
        if not memo.isdigit() or int(memo) >= 2**32:
            raise InvalidAddress("an XRP destination tag is a whole number below 2^32")
    elif kind is MemoKind.MEMO:
        if len(memo.encode()) > 28 and not (memo.isdigit() and int(memo) < 2**64):
            raise InvalidAddress("a Stellar memo is up to 28 bytes of text or a 64-bit id")
    elif not memo or len(memo.encode()) > 120:
        raise InvalidAddress("a TON comment is 1 to 120 bytes")


def address_key(chain_code: str, address: str) -> str:
    """The form two spellings of one address share (EVM addresses ignore case)."""
    if chain(chain_code).address_format is AddressFormat.EVM:
        return address.lower()
    if address[:3].lower() == "bc1":
        return address.lower()
    return address


def find_listing(chain_code: str, asset: str) -> Listing | None:
    return _LISTINGS_BY_KEY.get((chain_code, asset))


def find_listing_by_contract(chain_code: str, contract: str) -> Listing | None:
    return _LISTINGS_BY_CONTRACT.get((chain_code, address_key(chain_code, contract)))


_LISTINGS_BY_KEY = {(listing.chain, listing.asset): listing for listing in LISTINGS}
_LISTINGS_BY_CONTRACT = {
    (listing.chain, address_key(listing.chain, listing.contract)): listing
    for listing in LISTINGS
    if listing.contract
}
