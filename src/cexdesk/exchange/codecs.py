"""Address encodings with their checksums: base58check, bech32/bech32m, EIP-55, StrKey, TON.

Written from the specifications (Bitcoin base58check, BIP-173/350, EIP-55 with
Keccak-256, Stellar SEP-23 StrKey, TON user-friendly addresses); the stdlib has no
Keccak-256 (``hashlib.sha3_256`` pads differently), so it is implemented here.
"""

from __future__ import annotations

import base64
import binascii
import hashlib

BITCOIN_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
RIPPLE_ALPHABET = "rpshnaf39wBUDNEGHJKLM4PQRST7VWXYZ2bcdeCg65jkm8oFqi1tuvAxyz"


class CodecError(ValueError):
    """The text is not a well-formed encoding or its checksum does not match."""


# --- base58check -------------------------------------------------------------------


def _double_sha256(data: bytes) -> bytes:
    return hashlib.sha256(hashlib.sha256(data).digest()).digest()


def base58_encode(data: bytes, alphabet: str = BITCOIN_ALPHABET) -> str:
    number = int.from_bytes(data, "big")
    digits = []
    while number:
        number, remainder = divmod(number, 58)
        digits.append(alphabet[remainder])
    leading_zeros = len(data) - len(data.lstrip(b"\0"))
    return alphabet[0] * leading_zeros + "".join(reversed(digits))


def base58_decode(text: str, alphabet: str = BITCOIN_ALPHABET) -> bytes:
    number = 0
    for char in text:
        index = alphabet.find(char)
        if index < 0:
            raise CodecError(f"character {char!r} is not base58")
        number = number * 58 + index
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    leading_zeros = len(text) - len(text.lstrip(alphabet[0]))
    return b"\0" * leading_zeros + body


def base58check_encode(payload: bytes, alphabet: str = BITCOIN_ALPHABET) -> str:
    return base58_encode(payload + _double_sha256(payload)[:4], alphabet)


def base58check_decode(text: str, alphabet: str = BITCOIN_ALPHABET) -> bytes:
    """The payload (version byte included) after checking the 4-byte checksum."""
    raw = base58_decode(text, alphabet)
    if len(raw) < 5:
        raise CodecError("too short for base58check")
    payload, checksum = raw[:-4], raw[-4:]
    if _double_sha256(payload)[:4] != checksum:
        raise CodecError("base58check checksum does not match")
    return payload


# --- bech32 / bech32m (BIP-173, BIP-350) -------------------------------------------

BECH32_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
BECH32_CONST = 1
BECH32M_CONST = 0x2BC830A3
_BECH32_GENERATOR = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _bech32_polymod(values: list[int]) -> int:
    checksum = 1
    for value in values:
        top = checksum >> 25
        checksum = (checksum & 0x1FFFFFF) << 5 ^ value
        for bit, generator in enumerate(_BECH32_GENERATOR):
            if (top >> bit) & 1:
                checksum ^= generator
    return checksum


def _hrp_expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert_bits(data: list[int] | bytes, from_bits: int, to_bits: int, pad: bool) -> list[int]:
    accumulator = 0
    bits = 0
    result = []
    max_value = (1 << to_bits) - 1
    for value in data:
        accumulator = (accumulator << from_bits) | value
        bits += from_bits
        while bits >= to_bits:
            bits -= to_bits
            result.append((accumulator >> bits) & max_value)
    if pad and bits:
        result.append((accumulator << (to_bits - bits)) & max_value)
    elif not pad and (bits >= from_bits or (accumulator << (to_bits - bits)) & max_value):
        raise CodecError("non-zero padding in bech32 data")
    return result


def segwit_encode(hrp: str, version: int, program: bytes) -> str:
    data = [version, *_convert_bits(program, 8, 5, pad=True)]
    const = BECH32_CONST if version == 0 else BECH32M_CONST
    polymod = _bech32_polymod([*_hrp_expand(hrp), *data, 0, 0, 0, 0, 0, 0]) ^ const
    checksum = [(polymod >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(BECH32_CHARSET[d] for d in data + checksum)


def segwit_decode(hrp: str, text: str) -> tuple[int, bytes]:
    """(witness version, program) of a segwit address, checking bech32 vs bech32m."""
    if text.lower() != text and text.upper() != text:
        raise CodecError("bech32 must not mix upper and lower case")
    text = text.lower()
    separator = text.rfind("1")
    if separator < 1 or separator + 7 > len(text) or len(text) > 90:
        raise CodecError("malformed bech32")
    if text[:separator] != hrp:
        raise CodecError(f"bech32 prefix is not {hrp}")
    try:
        data = [BECH32_CHARSET.index(c) for c in text[separator + 1 :]]
    except ValueError:
        raise CodecError("character is not bech32") from None
    const = _bech32_polymod(_hrp_expand(hrp) + data)
    version = data[0]
    if const != (BECH32_CONST if version == 0 else BECH32M_CONST):
        raise CodecError("bech32 checksum does not match")
    if version > 16:
        raise CodecError("witness version above 16")
    program = bytes(_convert_bits(data[1:-6], 5, 8, pad=False))
    if not 2 <= len(program) <= 40 or (version == 0 and len(program) not in (20, 32)):
        raise CodecError("witness program has the wrong length")
    return version, program


# --- Keccak-256 and EIP-55 ---------------------------------------------------------


def _keccak_round_constants() -> list[int]:
    def rc_bit(t: int) -> int:
        register = 1
        for _ in range(t % 255):
            register <<= 1
            if register & 0x100:
                register ^= 0x171
        return register & 1

    return [
        sum(rc_bit(j + 7 * round_index) << ((1 << j) - 1) for j in range(7))
        for round_index in range(24)
    ]


def _keccak_rotations() -> list[int]:
    rotations = [0] * 25
    x, y = 1, 0
    for t in range(24):
        rotations[x + 5 * y] = ((t + 1) * (t + 2) // 2) % 64
        x, y = y, (2 * x + 3 * y) % 5
    return rotations


_RC = _keccak_round_constants()
_ROT = _keccak_rotations()
_MASK64 = (1 << 64) - 1


def _keccak_f(state: list[int]) -> None:
    for round_constant in _RC:
        columns = [
            state[x] ^ state[x + 5] ^ state[x + 10] ^ state[x + 15] ^ state[x + 20]
            for x in range(5)
        ]
        for x in range(5):
            right = columns[(x + 1) % 5]
            d = columns[(x - 1) % 5] ^ (((right << 1) | (right >> 63)) & _MASK64)
            for y in range(0, 25, 5):
                state[x + y] ^= d
        moved = [0] * 25
        for x in range(5):
            for y in range(5):
                lane = state[x + 5 * y]
                r = _ROT[x + 5 * y]
                moved[y + 5 * ((2 * x + 3 * y) % 5)] = (
                    ((lane << r) | (lane >> (64 - r))) & _MASK64 if r else lane
                )
        for y in range(0, 25, 5):
            row = moved[y : y + 5]
            for x in range(5):
                state[x + y] = row[x] ^ (~row[(x + 1) % 5] & row[(x + 2) % 5])
        state[0] ^= round_constant


def keccak256(data: bytes) -> bytes:
    """Keccak-256 as Ethereum uses it (original padding 0x01, not SHA3's 0x06)."""
    rate = 136
    padded = bytearray(data)
    padded.append(0x01)
    padded.extend(b"\0" * (-len(padded) % rate))
    padded[-1] |= 0x80
    state = [0] * 25
    for offset in range(0, len(padded), rate):
        block = padded[offset : offset + rate]
        for i in range(rate // 8):
            state[i] ^= int.from_bytes(block[8 * i : 8 * i + 8], "little")
        _keccak_f(state)
    return b"".join(lane.to_bytes(8, "little") for lane in state[:4])


def eip55(address_hex: str) -> str:
    """The EIP-55 mixed-case form of a 40-hex-digit address (with or without 0x)."""
    body = address_hex.removeprefix("0x").lower()
    digest = keccak256(body.encode()).hex()
    return "0x" + "".join(
        c.upper() if c.isalpha() and int(digest[i], 16) >= 8 else c for i, c in enumerate(body)
    )


# --- CRC16-XModem, Stellar StrKey, TON ---------------------------------------------


def crc16_xmodem(data: bytes) -> int:
    return binascii.crc_hqx(data, 0)


STELLAR_ACCOUNT_VERSION = 6 << 3  # "G..."


def strkey_encode(version: int, payload: bytes) -> str:
    body = bytes([version]) + payload
    checksum = crc16_xmodem(body).to_bytes(2, "little")
    return base64.b32encode(body + checksum).decode().rstrip("=")


def strkey_decode(version: int, text: str) -> bytes:
    if len(text) % 8 not in (0, 3, 5, 7) or text.upper() != text:
        raise CodecError("malformed StrKey")
    try:
        raw = base64.b32decode(text + "=" * (-len(text) % 8))
    except binascii.Error:
        raise CodecError("StrKey is not base32") from None
    if len(raw) < 3 or raw[0] != version:
        raise CodecError("wrong StrKey version byte")
    body, checksum = raw[:-2], raw[-2:]
    if crc16_xmodem(body).to_bytes(2, "little") != checksum:
        raise CodecError("StrKey checksum does not match")
    return body[1:]


TON_BOUNCEABLE = 0x11
TON_NON_BOUNCEABLE = 0x51
TON_TESTNET = 0x80


def ton_encode(workchain: int, account: bytes, *, bounceable: bool = True) -> str:
    tag = TON_BOUNCEABLE if bounceable else TON_NON_BOUNCEABLE
    body = bytes([tag, workchain & 0xFF]) + account
    return base64.urlsafe_b64encode(body + crc16_xmodem(body).to_bytes(2, "big")).decode()


def ton_decode(text: str) -> tuple[int, bytes]:
    """(workchain, 32-byte account id) of a raw ``wc:hex`` or user-friendly address."""
    if ":" in text:
        workchain_text, _, account_hex = text.partition(":")
        try:
            workchain, account = int(workchain_text), bytes.fromhex(account_hex)
        except ValueError:
            raise CodecError("malformed raw TON address") from None
        if workchain not in (0, -1) or len(account) != 32:
            raise CodecError("raw TON address has the wrong workchain or length")
        return workchain, account
    if len(text) != 48:
        raise CodecError("a user-friendly TON address has 48 characters")
    try:
        raw = base64.urlsafe_b64decode(text.replace("+", "-").replace("/", "_"))
    except (binascii.Error, ValueError):
        raise CodecError("TON address is not base64") from None
    tag, workchain_byte, account, checksum = raw[0], raw[1], raw[2:34], raw[34:]
    if tag & ~TON_TESTNET not in (TON_BOUNCEABLE, TON_NON_BOUNCEABLE):
        raise CodecError("unknown TON address tag")
    if crc16_xmodem(raw[:34]).to_bytes(2, "big") != checksum:
        raise CodecError("TON address checksum does not match")
    return (workchain_byte - 256 if workchain_byte > 127 else workchain_byte), account
