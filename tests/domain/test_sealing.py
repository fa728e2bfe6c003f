"""The sealed container: what goes in comes out; a wrong passphrase, any flipped bit, any cut
and an unknown version are one BadFile, never a traceback nor half the data."""

from __future__ import annotations

import struct
import time
import zlib

import pytest

from sendtui.domain import sealing
from sendtui.domain.sealing import HEADER, seal, unseal
from sendtui.errors import BadFile

MANIFEST = b'{"format":1,"inspection_id":"i"}'
PAYLOAD = b'{"tables":[{"name":"evidence","rows":[["Poppy was out of school"]]}]}'
FAST = 10  # scrypt n = 2**10: each try takes a millisecond, so every bit can be tried


def flipped(data: bytes, bit: int) -> bytes:
    out = bytearray(data)
    out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


@pytest.mark.parametrize("passphrase", ["correct horse battery staple", None])
def test_what_is_sealed_is_what_comes_out(passphrase):
    opened = unseal(seal(MANIFEST, PAYLOAD, passphrase), passphrase)
    assert (opened.manifest, opened.payload) == (MANIFEST, PAYLOAD)
    assert opened.encrypted is (passphrase is not None)


def test_the_payload_is_not_readable_in_a_sealed_file():
    data = seal(MANIFEST, PAYLOAD, "pass phrase")
    assert b"Poppy" not in data and zlib.compress(PAYLOAD, 6) not in data
    assert MANIFEST in data  # readable, but authenticated (below)


def test_two_seals_of_the_same_rows_differ_by_salt_and_nonce():
    assert seal(MANIFEST, PAYLOAD, "pw") != seal(MANIFEST, PAYLOAD, "pw")


@pytest.mark.parametrize("wrong", ["pw ", "PW", "p", "pw\n", "pé"])
def test_a_wrong_passphrase_is_one_bad_file(wrong):
    with pytest.raises(BadFile, match="passphrase is wrong"):
        unseal(seal(MANIFEST, PAYLOAD, "pw", log_n=FAST), wrong)


def test_a_sealed_file_without_a_passphrase_asks_for_one():
    with pytest.raises(BadFile, match="give its passphrase"):
        unseal(seal(MANIFEST, PAYLOAD, "pw", log_n=FAST), None)


@pytest.mark.parametrize("passphrase", ["pw", None])
def test_every_single_bit_flip_is_caught(passphrase):
    data = seal(MANIFEST, PAYLOAD, passphrase, log_n=FAST)
    started = time.monotonic()
    for bit in range(len(data) * 8):
        with pytest.raises(BadFile):
            unseal(flipped(data, bit), passphrase)
    assert time.monotonic() - started < 20


@pytest.mark.parametrize("passphrase", ["pw", None])
def test_a_file_cut_at_any_length_or_grown_is_caught(passphrase):
    data = seal(MANIFEST, PAYLOAD, passphrase, log_n=FAST)
    for length in range(len(data)):
        with pytest.raises(BadFile):
            unseal(data[:length], passphrase)
    with pytest.raises(BadFile):
        unseal(data + b"\0", passphrase)


def test_not_a_bundle():
    for data in (b"", b"SQLite format 3\0" + bytes(100), b"SENDTUIB"):
        with pytest.raises(BadFile, match="not a sendtui bundle"):
            unseal(data, "pw")


def test_a_newer_container_version_says_update():
    data = bytearray(seal(MANIFEST, PAYLOAD, None))
    data[8] = 2
    with pytest.raises(BadFile, match="format 2.*update sendtui"):
        unseal(bytes(data), None)


def header_with(data: bytes, **changes) -> bytes:
    names = ("magic", "version", "mode", "log_n", "r", "p", "salt", "nonce", "manifest",
             "body", "payload")
    fields = dict(zip(names, HEADER.unpack_from(data)))
    fields.update(changes)
    return HEADER.pack(*fields.values()) + data[HEADER.size:]


def test_a_file_asking_for_a_huge_scrypt_cost_is_refused_before_deriving():
    data = header_with(seal(MANIFEST, PAYLOAD, "pw", log_n=FAST), log_n=30)
    started = time.monotonic()
    with pytest.raises(BadFile, match="damaged"):
        unseal(data, "pw")
    assert time.monotonic() - started < 0.5


def test_a_plain_file_inflating_past_its_stated_size_is_refused():
    """A forged plain file (its checksum recomputed) cannot make the reader inflate more than
    its header says."""
    import hashlib

    bomb = seal(MANIFEST, bytes(10_000_000), None)
    forged = header_with(bomb[:-32], payload=100)
    forged += hashlib.sha256(forged).digest()
    with pytest.raises(BadFile, match="damaged"):
        unseal(forged, None)


def test_the_default_cost_is_the_documented_one():
    assert (sealing.LOG_N, sealing.R, sealing.P) == (15, 8, 1)
    data = seal(MANIFEST, PAYLOAD, "pw")
    assert struct.unpack_from(">BBB", data, 10) == (15, 8, 1)
