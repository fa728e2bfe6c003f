"""`sendtui bundle import`: what arrived in one line per kind, nothing twice, a preview that
changes nothing; and a bundle that is not exactly what was sealed (a wrong passphrase, any one
bit flipped, cut at any length) refused with exit 2, one line, the store untouched. The
command on both engines (a laptop's bundle into another laptop's file or into the office's
PostgreSQL database); every flip and cut through the reader on SQLite only: they test the
bundle file, not the store."""

from __future__ import annotations

import functools
import random

import pytest

from sendtui.domain import sealing
from sendtui.errors import BadFile
from sendtui.importers.bundle import open_bundle
from sendtui.records.bundle import encode
from sendtui.store.bundle_rows import bundle_rows, manifest_of
from sendtui.store.revisions import all_revisions
from tests.cli.test_cli import ok, own_error, run
from tests.fingerprint import fingerprint
from tests.store.bundled import SECRET, tiny_store
from tests.store.replicas import LAPTOPS, laptop

PASSPHRASE = "staple battery horse correct"
SAMPLE = 20  # flips and cuts tried through the command itself (every one through the reader)
BOTH_ENGINES = True


@pytest.fixture
def sealed(tmp_path):
    """A small encrypted bundle (one inspection: a person, two entries) as bytes and as a
    file; scrypt at its cheapest accepted cost (2**10) to keep the loops fast."""
    store = laptop(tmp_path / "laptop-a.db", LAPTOPS[0])
    ins_id = tiny_store(store)
    tables = bundle_rows(store, ins_id)
    data = sealing.seal(*encode(manifest_of(store, ins_id, tables), tables), PASSPHRASE,
                        log_n=10)
    store.close()
    path = tmp_path / "a.bundle"
    path.write_bytes(data)
    return data, path


@pytest.fixture
def phrase(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text(PASSPHRASE + "\n")
    return path


@pytest.fixture
def target(demo_target):
    """Another laptop's store, or the office's server, opened once already (its device is
    known to it)."""
    ok(run("list", "people", "--format", "json", db=demo_target))
    return demo_target


@pytest.fixture
def cached_key(monkeypatch):
    """The key derived once per (passphrase, salt, cost): every flip of the body or the
    manifest decrypts with the real AES-GCM, without paying scrypt again for the same key."""
    monkeypatch.setattr(sealing, "_aead", functools.cache(sealing._aead))


def importing(db, path, *args):
    return run("bundle", "import", path, *args, db=db)


def test_every_single_bit_flip_is_refused(sealed, cached_key):
    data, _ = sealed
    assert open_bundle(data, PASSPHRASE, all_revisions()).manifest.counts["evidence"] == 2
    for bit in range(len(data) * 8):
        flipped = bytearray(data)
        flipped[bit // 8] ^= 1 << (bit % 8)
        with pytest.raises(BadFile) as refused:
            open_bundle(bytes(flipped), PASSPHRASE, all_revisions())
        assert "\n" not in str(refused.value) and SECRET not in str(refused.value)


def test_every_cut_is_refused(sealed, cached_key):
    data, _ = sealed
    for length in range(len(data)):
        with pytest.raises(BadFile):
            open_bundle(data[:length], PASSPHRASE, all_revisions())


def test_a_wrong_passphrase_is_refused_and_nothing_changes(sealed, target, tmp_path):
    wrong = tmp_path / "wrong.txt"
    wrong.write_text("staple battery horse incorrect\n")
    before = fingerprint(target)
    line = own_error(importing(target, sealed[1], "--passphrase-file", wrong), 2)
    assert "passphrase is wrong" in line and fingerprint(target) == before


def test_flipped_or_cut_files_are_refused_by_the_command(sealed, target, phrase, tmp_path):
    data, _ = sealed
    chosen = random.Random(17)
    before = fingerprint(target)
    damaged = []
    for bit in chosen.sample(range(len(data) * 8), SAMPLE):
        flipped = bytearray(data)
        flipped[bit // 8] ^= 1 << (bit % 8)
        damaged.append(bytes(flipped))
    damaged += [data[:n] for n in chosen.sample(range(len(data)), SAMPLE)]
    path = tmp_path / "damaged.bundle"
    for bad in damaged:
        path.write_bytes(bad)
        line = own_error(importing(target, path, "--passphrase-file", phrase), 2)
        assert "damaged.bundle" in line and SECRET not in line
        assert fingerprint(target) == before


def test_an_encrypted_bundle_needs_its_passphrase(sealed, target):
    before = fingerprint(target)
    line = own_error(importing(target, sealed[1]), 2)
    assert "--passphrase-file" in line and fingerprint(target) == before


def test_import_says_what_arrived_and_a_second_time_nothing_new(sealed, target, phrase):
    said = ok(importing(target, sealed[1], "--passphrase-file", phrase))
    lines = said.splitlines()
    assert lines[0].startswith("the bundle from A laptop brought: ") and " new" in lines[0]
    assert "  evidence entries: 2 new" in lines and "  people: 1 new" in lines
    assert SECRET not in said
    ins_id = open_bundle(sealed[0], PASSPHRASE, all_revisions()).manifest.inspection_id
    listed = ok(run("--inspection", ins_id, "list", "evidence", "--format", "json", db=target))
    assert SECRET in listed  # the entry's text arrived with it
    again = ok(importing(target, sealed[1], "--passphrase-file", phrase))
    assert again == "the bundle from A laptop brought: nothing new\n"


def test_a_preview_changes_nothing(sealed, target, phrase):
    before = fingerprint(target)
    said = ok(importing(target, sealed[1], "--passphrase-file", phrase, "--preview"))
    assert said.startswith("the bundle from A laptop would bring: ")
    assert "  evidence entries: 2 new" in said.splitlines()
    assert fingerprint(target) == before
    assert "brought: " in ok(importing(target, sealed[1], "--passphrase-file", phrase))
