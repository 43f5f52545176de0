"""Address and memo validation per chain."""

from __future__ import annotations

import pytest

from cexdesk.exchange.chains import (
    InvalidAddress,
    address_key,
    check_memo,
    find_listing,
    find_listing_by_contract,
    is_valid_address,
    same_address_family,
)

VALID = [
    ("BTC", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
    ("BTC", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
    ("BTC", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"),
    ("BTC", "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"),
    ("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"),
    ("BSC", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"),  # lower case: no checksum
    ("ARBITRUM", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359"),
    ("POLYGON", "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB"),
    ("TRON", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
    ("XRP", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh"),
    ("XLM", "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ"),
    ("TON", "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N"),
]

INVALID = [
    ("BTC", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3"),  # checksum
    ("BTC", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),  # a TRON address
    ("ETH", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"),  # EIP-55 case flipped
    ("ETH", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea"),  # too short
    ("TRON", "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T"),
    ("TRON", "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),  # a Bitcoin address
    ("XRP", "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTi"),
    ("XLM", "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGA"),
    ("TON", "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2n"),
]


@pytest.mark.parametrize(("chain_code", "address"), VALID)
def test_valid_addresses(chain_code: str, address: str) -> None:
    assert is_valid_address(chain_code, address)


@pytest.mark.parametrize(("chain_code", "address"), INVALID)
def test_invalid_addresses(chain_code: str, address: str) -> None:
    assert not is_valid_address(chain_code, address)


def test_evm_chains_share_one_address_format() -> None:
    assert same_address_family("ETH", "BSC") and same_address_family("POLYGON", "ARBITRUM")
    assert not same_address_family("ETH", "TRON")
    assert address_key("BSC", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed") == address_key(
        "ETH", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"
    )


def test_memos() -> None:
    check_memo("XRP", "4294967295")
    with pytest.raises(InvalidAddress):
        check_memo("XRP", "4294967296")
    with pytest.raises(InvalidAddress):
        check_memo("XRP", "abc")
    check_memo("XLM", "hello")
    with pytest.raises(InvalidAddress):
        check_memo("XLM", "x" * 29)
    check_memo("TON", "123456")
    with pytest.raises(InvalidAddress):
        check_memo("ETH", "1")


def test_listings() -> None:
    usdt = find_listing("TRON", "USDT")
    assert usdt is not None and usdt.contract is not None
    assert find_listing_by_contract("TRON", usdt.contract) == usdt
    assert find_listing("BSC", "USDC") is None  # listed only on other EVM chains
