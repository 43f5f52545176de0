"""Address codecs against the published test vectors of their specifications."""

from __future__ import annotations

import pytest

from cexdesk.exchange import codecs


def test_keccak256_matches_ethereum_vectors() -> None:
    assert codecs.keccak256(b"").hex() == (
        "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"
    )
    assert codecs.keccak256(b"abc").hex() == (
        "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45"
    )
    # A message longer than one 136-byte block.
    assert codecs.keccak256(b"a" * 200) != codecs.keccak256(b"a" * 201)


@pytest.mark.parametrize(
    "address",
    [
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
        "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ],
)
def test_eip55_vectors(address: str) -> None:
    assert codecs.eip55(address.lower()) == address


def test_bech32_and_bech32m() -> None:
    program = bytes.fromhex("751e76e8199196d454941c45d1b3a323f1433bd6")
    address = codecs.segwit_encode("bc", 0, program)
    assert address == "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"
    assert codecs.segwit_decode("bc", address.upper()) == (0, program)
    version, taproot = codecs.segwit_decode(
        "bc", "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297"
    )
    assert version == 1 and len(taproot) == 32
    # A v0 program under the bech32m constant (and the reverse) is refused.
    with pytest.raises(codecs.CodecError):
        codecs.segwit_decode("bc", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5")


def test_base58check_round_trip_and_checksum() -> None:
    payload = codecs.base58check_decode("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")
    assert payload.hex() == "0077bff20c60e522dfaa3350c39b030a5d004e839a"
    assert codecs.base58check_encode(payload) == "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"
    with pytest.raises(codecs.CodecError):
        codecs.base58check_decode("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")


def test_strkey_and_ton() -> None:
    account = codecs.strkey_decode(
        codecs.STELLAR_ACCOUNT_VERSION, "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ"
    )
    assert codecs.strkey_encode(codecs.STELLAR_ACCOUNT_VERSION, account) == (
        "GA7QYNF7SOWQ3GLR2BGMZEHXAVIRZA4KVWLTJJFC7MGXUA74P7UJVSGZ"
    )
    workchain, ton_account = codecs.ton_decode("EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N")
    assert workchain == 0
    assert codecs.ton_encode(0, ton_account) == "EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2N"
    assert codecs.ton_decode(f"0:{ton_account.hex()}") == (0, ton_account)
    with pytest.raises(codecs.CodecError):
        codecs.ton_decode("EQCD39VS5jcptHL8vMjEXrzGaRcCVYto7HUn4bpAOg8xqB2M")
