"""crypto-js's algorithms, on hashlib, hmac and `cryptography` (bytes cross as hex text).

The JS side (lib/crypto-js.js) keeps crypto-js's data types (WordArray, CipherParams) and
encoders; everything that computes a digest, derives a key or runs a cipher is here.
"""

from __future__ import annotations

import hashlib
import hmac
import os
from typing import Any, Callable

from .host import HostError

# crypto-js's SHA3 is Keccak as submitted (padding byte 0x01), not FIPS 202 SHA-3 (0x06).
_KECCAK_ROUNDS = [
    0x0000000000000001, 0x0000000000008082, 0x800000000000808A, 0x8000000080008000,
    0x000000000000808B, 0x0000000080000001, 0x8000000080008081, 0x8000000000008009,
    0x000000000000008A, 0x0000000000000088, 0x0000000080008009, 0x000000008000000A,
    0x000000008000808B, 0x800000000000008B, 0x8000000000008089, 0x8000000000008003,
    0x8000000000008002, 0x8000000000000080, 0x000000000000800A, 0x800000008000000A,
    0x8000000080008081, 0x8000000000008080, 0x0000000080000001, 0x8000000080008008,
]
_KECCAK_ROTATIONS = [
    [0, 36, 3, 41, 18], [1, 44, 10, 45, 2], [62, 6, 43, 15, 61], [28, 55, 25, 21, 56], [27, 20, 39, 8, 14],
]
_MASK = (1 << 64) - 1


def _keccak_f(state: list[list[int]]) -> None:
    for constant in _KECCAK_ROUNDS:
        c = [state[x][0] ^ state[x][1] ^ state[x][2] ^ state[x][3] ^ state[x][4] for x in range(5)]
        d = [c[(x - 1) % 5] ^ (((c[(x + 1) % 5] << 1) | (c[(x + 1) % 5] >> 63)) & _MASK) for x in range(5)]
        for x in range(5):
            for y in range(5):
                state[x][y] ^= d[x]
        b = [[0] * 5 for _ in range(5)]
        for x in range(5):
            for y in range(5):
                r = _KECCAK_ROTATIONS[x][y]
                v = state[x][y]
                b[y][(2 * x + 3 * y) % 5] = ((v << r) | (v >> (64 - r))) & _MASK if r else v
        for x in range(5):
            for y in range(5):
                state[x][y] = b[x][y] ^ ((~b[(x + 1) % 5][y]) & b[(x + 2) % 5][y])
        state[0][0] ^= constant


# Keccak and RC4 run in pure Python (no library has crypto-js's variants), so a host call cannot be
# interrupted while they work: their inputs are capped to keep one call within a couple of seconds.
_KECCAK_MAX = 256 * 1024
_RC4_MAX = 8 * 2**20


def keccak(data: bytes, output_bits: int) -> bytes:
    """Keccak[c = 2 * output_bits] with the original 0x01 padding (crypto-js's `SHA3`)."""
    if len(data) > _KECCAK_MAX:
        raise HostError(f"CryptoJS.SHA3 over {len(data)} bytes is not supported (up to {_KECCAK_MAX}: "
                        "Keccak runs in pure Python here)", "RangeError")
    if output_bits not in (224, 256, 384, 512):
        raise HostError(f"CryptoJS.SHA3 outputLength must be 224, 256, 384 or 512, got {output_bits}", "RangeError")
    rate = 200 - 2 * (output_bits // 8)
    padded = bytearray(data) + b"\x01" + b"\x00" * ((-len(data) - 1) % rate)
    padded[-1] |= 0x80
    state = [[0] * 5 for _ in range(5)]
    for start in range(0, len(padded), rate):
        block = padded[start:start + rate]
        for i in range(rate // 8):
            state[i % 5][i // 5] ^= int.from_bytes(block[8 * i:8 * i + 8], "little")
        _keccak_f(state)
    out = b"".join(state[i % 5][i // 5].to_bytes(8, "little") for i in range(25))
    return out[: output_bits // 8]


_HASHES = {"MD5": "md5", "SHA1": "sha1", "SHA224": "sha224", "SHA256": "sha256", "SHA384": "sha384",
           "SHA512": "sha512", "RIPEMD160": "ripemd160"}


def _digest_fn(name: str, output_bits: int = 512) -> Callable[[bytes], bytes]:
    if name == "SHA3":
        return lambda data: keccak(data, output_bits)
    algorithm = _HASHES.get(name)
    if algorithm is None:
        raise HostError(f"CryptoJS.{name} is not supported")
    try:
        hashlib.new(algorithm)
    except ValueError:
        raise HostError(f"CryptoJS.{name} is not available in this Python's OpenSSL") from None
    return lambda data: hashlib.new(algorithm, data).digest()


def _block_size(name: str) -> int:
    return {"SHA384": 128, "SHA512": 128}.get(name, 64)


def _bytes(data: Any) -> bytes:
    """What the JS side sends: hex text for a WordArray, {"text": s} for a string (UTF-8, as crypto-js)."""
    if isinstance(data, dict):
        try:
            return str(data.get("text", "")).encode("utf-8")
        except UnicodeEncodeError:
            raise HostError("URI malformed", "URIError") from None  # crypto-js's Utf8.parse fails the same way
    try:
        return bytes.fromhex(str(data))
    except ValueError:
        raise HostError("CryptoJS: malformed data", "TypeError") from None


def digest(name: str, data: Any, output_bits: int = 512) -> str:
    return _digest_fn(name, output_bits)(_bytes(data)).hex()


def hmac_digest(name: str, key_data: Any, data_in: Any, output_bits: int = 512) -> str:
    key, data = _bytes(key_data), _bytes(data_in)
    if name in _HASHES:
        try:
            return hmac.new(key, data, _HASHES[name]).hexdigest()
        except ValueError:
            pass
    fn = _digest_fn(name, output_bits)
    block = 200 - 2 * (output_bits // 8) if name == "SHA3" else _block_size(name)
    if len(key) > block:
        key = fn(key)
    key = key.ljust(block, b"\x00")
    inner = fn(bytes(b ^ 0x36 for b in key) + data)
    return fn(bytes(b ^ 0x5C for b in key) + inner).hex()


def pbkdf2(name: str, password: Any, salt: Any, key_bytes: int, iterations: int) -> str:
    if name not in _HASHES or name == "RIPEMD160":
        raise HostError(f"CryptoJS.PBKDF2 with hasher {name} is not supported (MD5, SHA1, SHA2 are)")
    if not 0 < key_bytes <= 1 << 20 or not 0 < iterations <= 5_000_000:
        raise HostError("CryptoJS.PBKDF2: keySize (up to 1 MiB) and iterations (up to 5,000,000) must be positive",
                        "RangeError")
    return hashlib.pbkdf2_hmac(_HASHES[name], _bytes(password), _bytes(salt), iterations, key_bytes).hex()


def evpkdf(name: str, password_in: Any, salt_in: Any, key_bytes: int, iterations: int) -> str:
    """OpenSSL's EVP_BytesToKey, as crypto-js's EvpKDF: D_i = H^count(D_{i-1} || password || salt)."""
    if not 0 < key_bytes <= 1 << 16 or not 0 < iterations * (key_bytes // 16 + 1) <= 1_000_000:
        raise HostError("CryptoJS.EvpKDF: keySize and iterations must be positive and together at most a million rounds",
                        "RangeError")
    fn = _digest_fn(name)
    password, salt = _bytes(password_in), _bytes(salt_in)
    out, block = b"", b""
    while len(out) < key_bytes:
        block = fn(block + password + salt)
        for _ in range(iterations - 1):
            block = fn(block)
        out += block
    return out[:key_bytes].hex()


def random_bytes(count: int) -> str:
    if not 0 <= count <= 1 << 20:
        raise HostError("CryptoJS.lib.WordArray.random: too many bytes", "RangeError")
    return os.urandom(count).hex()


# ---- ciphers --------------------------------------------------------------------------------

_BLOCK = {"AES": 16, "DES": 8, "TripleDES": 8}


def _pad(data: bytes, padding: str, block: int) -> bytes:
    count = block - len(data) % block
    if padding == "Pkcs7":
        return data + bytes([count]) * count
    if padding == "AnsiX923":
        return data + b"\x00" * (count - 1) + bytes([count])
    if padding == "Iso10126":
        return data + os.urandom(count - 1) + bytes([count])
    if padding == "Iso97971":
        data = data + b"\x80"
        return data + b"\x00" * (-len(data) % block)
    if padding == "ZeroPadding":
        return data + b"\x00" * (-len(data) % block)
    return data  # NoPadding


def _unpad(data: bytes, padding: str) -> bytes:
    if not data or padding == "NoPadding":
        return data
    if padding in ("Pkcs7", "AnsiX923", "Iso10126"):
        count = data[-1]  # crypto-js does not check the padding bytes: a wrong key gives garbage or ""
        return data[: len(data) - count] if count <= len(data) else b""
    stripped = data.rstrip(b"\x00")
    if padding == "Iso97971":
        return stripped[:-1]
    return stripped  # ZeroPadding


def _algorithm(name: str, key: bytes) -> Any:
    from cryptography.hazmat.primitives.ciphers import algorithms

    if name == "AES":
        if len(key) not in (16, 24, 32):
            raise HostError(f"CryptoJS.AES: the key is {len(key)} bytes; AES takes 16, 24 or 32", "RangeError")
        return algorithms.AES(key)
    from cryptography.hazmat.decrepit.ciphers.algorithms import TripleDES

    if name == "DES":
        if len(key) < 8:
            raise HostError(f"CryptoJS.DES: the key is {len(key)} bytes; DES takes 8", "RangeError")
        return TripleDES(key[:8] * 3)  # three equal keys: single DES
    if name == "TripleDES":
        if len(key) < 24 and len(key) not in (16,):
            raise HostError(f"CryptoJS.TripleDES: the key is {len(key)} bytes; 3DES takes 24 (or 16)", "RangeError")
        return TripleDES(key[:24])
    raise HostError(f"CryptoJS.{name} is not supported")


def _mode(name: str, iv: bytes, block: int) -> Any:
    from cryptography.hazmat.primitives.ciphers import modes

    old_modes: Any = modes
    try:  # CFB and OFB moved to the "decrepit" package in newer releases
        from cryptography.hazmat.decrepit.ciphers import modes as decrepit_modes

        old_modes = decrepit_modes
    except ImportError:
        pass
    iv = (iv + b"\x00" * block)[:block]  # crypto-js: a missing IV acts as zeros
    table: dict[str, Callable[[], Any]] = {
        "CBC": lambda: modes.CBC(iv), "ECB": lambda: modes.ECB(), "CFB": lambda: old_modes.CFB(iv),
        "OFB": lambda: old_modes.OFB(iv), "CTR": lambda: modes.CTR(iv),
    }
    if name not in table:
        raise HostError(f"CryptoJS.mode.{name} is not supported (CBC, ECB, CFB, OFB, CTR are)")
    return table[name]()


def _rc4(key: bytes, data: bytes, drop: int) -> bytes:
    """RC4 written out: `cryptography`'s ARC4 refuses keys under 5 bytes, which crypto-js takes."""
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) & 255
        state[i], state[j] = state[j], state[i]
    out = bytearray(len(data))
    i = j = 0
    for n in range(drop + len(data)):
        i = (i + 1) & 255
        j = (j + state[i]) & 255
        state[i], state[j] = state[j], state[i]
        if n >= drop:
            out[n - drop] = data[n - drop] ^ state[(state[i] + state[j]) & 255]
    return bytes(out)


def cipher(name: str, encrypt: bool, mode: str, padding: str, key_hex: str, iv_hex: str, data_in: Any,
           drop: int = 0) -> str:
    """Runs one crypto-js cipher over the whole message; returns the output bytes as hex."""
    from cryptography.hazmat.primitives.ciphers import Cipher

    key, iv, data = _bytes(key_hex), _bytes(iv_hex), _bytes(data_in)
    if name in ("RC4", "RC4Drop"):
        if not 1 <= len(key) <= 256:
            raise HostError(f"CryptoJS.{name}: the key is {len(key)} bytes; RC4 takes 1 to 256", "RangeError")
        if len(data) + drop > _RC4_MAX:
            raise HostError(f"CryptoJS.{name} over {_RC4_MAX} bytes is not supported (RC4 runs in pure Python here)",
                            "RangeError")
        return _rc4(key, data, drop).hex()
    block = _BLOCK.get(name)
    if block is None:
        raise HostError(f"CryptoJS.{name} is not supported (AES, DES, TripleDES, RC4, RC4Drop are)")
    engine = Cipher(_algorithm(name, key), _mode(mode, iv, block))
    if encrypt:
        plain = _pad(data, padding, block)
        size = len(plain)
        if len(plain) % block:
            plain += b"\x00" * (-len(plain) % block)  # NoPadding: crypto-js cuts the last block to size
        encryptor = engine.encryptor()
        return (encryptor.update(plain) + encryptor.finalize())[:size].hex()
    size = len(data)
    if size % block:
        data += b"\x00" * (-size % block)
    decryptor = engine.decryptor()
    return _unpad((decryptor.update(data) + decryptor.finalize())[:size], padding).hex()
