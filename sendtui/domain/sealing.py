"""The sealed container of a bundle: bytes in, bytes out, no files and no store.

    seal(manifest, payload, passphrase) -> bytes
    unseal(data, passphrase) -> Unsealed(manifest, payload, encrypted)

and in pieces, so that a payload is never whole in memory (an export compresses its lines as
they come, a reader decodes them as they are inflated):

    seal_body(manifest, body, payload_size, passphrase) -> bytes    body: zlib, level 1
    open_body(data, passphrase) -> Opened(manifest, body, payload_size, encrypted)
    inflated(body, payload_size) -> the payload's pieces; BadFile at the end if it is not whole

Layout (big-endian), version 1:

    magic   8  b"SENDTUIB"
    version 1  1
    mode    1  0 plain, 1 AES-256-GCM
    log_n   1  scrypt cost: n = 2**log_n (0 when plain)
    r, p    1+1 scrypt block size and parallelism (0 when plain)
    salt   16  random (zeros when plain)
    nonce  12  random (zeros when plain)
    sizes  4+8+8  manifest bytes, body bytes, payload bytes once decompressed
    manifest      JSON, readable without the passphrase but authenticated
    body          zlib(payload); sealed: AES-256-GCM of it (16-byte tag at the end)
    [plain only]  sha256 of everything before it (32 bytes)

Sealed: the key is scrypt(passphrase, salt, n, r, p), 32 bytes, fresh for every file (random
salt), so a random nonce never repeats under a key; the header and the manifest are the
associated data, so a change to any byte of the file fails authentication. n = 2**15 (32 MB,
under 0.1 s on a laptop) keeps an export well under 2 s; the cost is in the header, so a later
version may raise it and still read these files. Plain: the sha256 tells a damaged file (a
flipped bit, a cut copy) but anyone can recompute it; it is not a seal.

Every failure to read is one BadFile (a user error, exit 2) that says what, never which bytes:
a wrong passphrase and a tampered file cannot be told apart and are named together.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

from sendtui.errors import BadFile

MAGIC = b"SENDTUIB"
VERSION = 1
PLAIN, SEALED = 0, 1
LOG_N, R, P = 15, 8, 1
# what a reader accepts: n above 2**17 (128 MB with r = 8) would let a file ask for GBs
LOG_N_RANGE, R_RANGE, P_RANGE = range(10, 18), range(1, 17), range(1, 5)
HEADER = struct.Struct(">8sBBBBB16s12sIQQ")
DIGEST = 32
TAG = 16
MAX_MANIFEST = 1 << 20
MAX_PAYLOAD = 1 << 30  # 1 GB once decompressed; 50,000 evidence entries are about 40 MB
NOT_A_BUNDLE = "is not a sendtui bundle"
DAMAGED = "is damaged or cut short"


@dataclass(frozen=True)
class Unsealed:
    manifest: bytes
    payload: bytes
    encrypted: bool


@dataclass(frozen=True)
class Opened:
    manifest: bytes
    body: bytes  # zlib of the payload, decrypted and authenticated
    payload_size: int
    encrypted: bool


def seal(manifest: bytes, payload: bytes, passphrase: str | None, log_n: int = LOG_N) -> bytes:
    """The file's bytes: encrypted under `passphrase`, or plain (with a sha256) when None."""
    body = zlib.compress(payload, 1)  # 1: ~3x faster than 6, ~15% larger
    return seal_body(manifest, body, len(payload), passphrase, log_n)


def seal_body(manifest: bytes, body: bytes, payload_size: int, passphrase: str | None,
              log_n: int = LOG_N) -> bytes:
    """`seal` of a payload already compressed (a zlib stream of `payload_size` bytes)."""
    if passphrase is None:
        head = _header(PLAIN, 0, 0, 0, bytes(16), bytes(12), manifest, len(body), payload_size)
        data = b"".join((head, manifest, body))
        return data + hashlib.sha256(data).digest()
    if not passphrase:
        raise ValueError("an empty passphrase seals nothing")
    salt, nonce = os.urandom(16), os.urandom(12)
    head = _header(SEALED, log_n, R, P, salt, nonce, manifest, len(body) + TAG, payload_size)
    cipher = _aead(passphrase, salt, log_n, R, P)
    return head + manifest + cipher.encrypt(nonce, body, head + manifest)


def unseal(data: bytes, passphrase: str | None, where: str = "the bundle") -> Unsealed:
    """The manifest and payload of `data`, every byte checked; BadFile (naming `where`)
    for anything else: not a bundle, a newer version, damaged, cut short, a wrong or missing
    passphrase."""
    opened = open_body(data, passphrase, where)
    payload = b"".join(inflated(opened.body, opened.payload_size, where))
    return Unsealed(opened.manifest, payload, opened.encrypted)


def open_body(data: bytes, passphrase: str | None, where: str = "the bundle") -> Opened:
    """`unseal` up to the compressed payload: the header checked, the body decrypted and
    authenticated (or the plain file's sha256 checked); `inflated` gives the payload."""
    if len(data) < HEADER.size or not data.startswith(MAGIC):
        raise BadFile(f"{where} {NOT_A_BUNDLE}")
    (_, version, mode, log_n, r, p, salt, nonce, manifest_size, body_size,
     payload_size) = HEADER.unpack_from(data)
    if version != VERSION:
        raise BadFile(f"{where} is a bundle of format {version}, which this sendtui cannot "
                      f"read (it reads format {VERSION}): update sendtui")
    if mode not in (PLAIN, SEALED):
        raise BadFile(f"{where} {DAMAGED}")
    trailer = DIGEST if mode == PLAIN else 0
    if (manifest_size > MAX_MANIFEST or payload_size > MAX_PAYLOAD
            or len(data) != HEADER.size + manifest_size + body_size + trailer):
        raise BadFile(f"{where} {DAMAGED}")
    head_end = HEADER.size + manifest_size
    manifest, body = data[HEADER.size:head_end], data[head_end:head_end + body_size]
    if mode == PLAIN:
        if hashlib.sha256(data[:-DIGEST]).digest() != data[-DIGEST:]:
            raise BadFile(f"{where} {DAMAGED} (its checksum does not match)")
    else:
        body = _opened(data[:head_end], body, passphrase, salt, nonce, (log_n, r, p), where)
    return Opened(manifest, body, payload_size, mode == SEALED)


def _header(mode, log_n, r, p, salt, nonce, manifest, body_size, payload_size) -> bytes:
    return HEADER.pack(MAGIC, VERSION, mode, log_n, r, p, salt, nonce, len(manifest),
                       body_size, payload_size)


def _aead(passphrase: str, salt: bytes, log_n: int, r: int, p: int):
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # ~50 ms: when used
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    key = Scrypt(salt=salt, length=32, n=2 ** log_n, r=r, p=p).derive(
        passphrase.encode("utf-8"))
    return AESGCM(key)


def _opened(associated: bytes, body: bytes, passphrase: str | None, salt: bytes,
            nonce: bytes, cost: tuple[int, int, int], where: str) -> bytes:
    from cryptography.exceptions import InvalidTag

    if passphrase is None:
        raise BadFile(f"{where} is encrypted: give its passphrase (--passphrase-file)")
    log_n, r, p = cost
    if log_n not in LOG_N_RANGE or r not in R_RANGE or p not in P_RANGE or len(body) < TAG:
        raise BadFile(f"{where} {DAMAGED}")
    try:
        return _aead(passphrase, salt, log_n, r, p).decrypt(nonce, body, associated)
    except InvalidTag:
        raise BadFile(f"{where} cannot be opened: the passphrase is wrong, or the file was "
                      "changed or damaged") from None


def inflated(body: bytes, size: int, where: str = "the bundle",
             piece: int = 1 << 20) -> Iterator[bytes]:
    """zlib.decompress in pieces of up to `piece` bytes, but never more than the header said
    (`size`), and only a whole stream: BadFile after the last piece otherwise."""
    inflater, left, given = zlib.decompressobj(), body, 0
    try:
        while left or not inflater.eof:
            out = inflater.decompress(left, piece)
            left = inflater.unconsumed_tail
            given += len(out)
            if given > size or (not out and not left and not inflater.eof):
                break
            if out:
                yield out
    except zlib.error:
        raise BadFile(f"{where} {DAMAGED}") from None
    if given != size or not inflater.eof or inflater.unused_data:
        raise BadFile(f"{where} {DAMAGED}")
