"""A bundle file from a tiny store: written 0600, read back row for row; a wrong passphrase,
any flipped bit, any cut or a newer schema is one BadFile that never quotes the rows."""

from __future__ import annotations

import os
import stat
from functools import cache

import pytest

from sendtui.domain import sealing
from sendtui.domain.sealing import seal
from sendtui.errors import BadFile, ExportError, FileRefused
from sendtui.exports.bundle import write_bundle
from sendtui.importers.bundle import open_bundle, read_bundle, read_passphrase
from sendtui.records.bundle import FORMAT, encode
from sendtui.store.bundle_rows import bundle_rows, manifest_of
from sendtui.store.revisions import all_revisions
from tests.domain.test_sealing import FAST, flipped
from tests.store.bundled import SECRET, tiny_store

KNOWN = all_revisions()


@pytest.fixture
def tiny(store):
    ins_id = tiny_store(store)
    tables = bundle_rows(store, ins_id)
    return manifest_of(store, ins_id, tables), tables


@pytest.mark.parametrize("passphrase", ["a long passphrase", None])
def test_rows_out_are_rows_in_table_by_table(tiny, tmp_path, passphrase):
    manifest, tables = tiny
    done = write_bundle(tmp_path / "b", manifest, tables, passphrase, plain=True)
    assert stat.S_IMODE(os.stat(done.path).st_mode) == 0o600
    back = read_bundle(done.path, passphrase, KNOWN)
    assert [t.name for t in back.tables] == [t.name for t in tables]
    for out, came in zip(tables, back.tables):
        assert (came.columns, came.rows) == (out.columns, out.rows), out.name
    assert back.manifest.counts == done.counts
    assert (back.manifest.inspection_id, back.manifest.origin) == (manifest.inspection_id,
                                                                   manifest.origin)


def test_no_passphrase_needs_plain(tiny, tmp_path):
    with pytest.raises(ExportError, match="--plain"):
        write_bundle(tmp_path / "b", *tiny, None)
    assert not (tmp_path / "b").exists()


def test_an_existing_file_is_replaced_only_with_force(tiny, tmp_path):
    (tmp_path / "b").write_text("mine")
    with pytest.raises(FileRefused, match="already exists"):
        write_bundle(tmp_path / "b", *tiny, "pw")
    write_bundle(tmp_path / "b", *tiny, "pw", force=True)
    assert read_bundle(tmp_path / "b", "pw", KNOWN).manifest.counts["evidence"] == 2


def sealed(tiny, passphrase, log_n=FAST, **changes) -> bytes:
    manifest, tables = tiny
    manifest_bytes, payload = encode(manifest.__class__(**{**manifest.__dict__, **changes}),
                                     tables)
    return seal(manifest_bytes, payload, passphrase, log_n=log_n)


def test_a_wrong_passphrase_says_so_without_the_rows(tiny, tmp_path):
    path = tmp_path / "b"
    write_bundle(path, *tiny, "right")
    with pytest.raises(BadFile) as refused:
        read_bundle(path, "wrong", KNOWN)
    assert "passphrase is wrong" in str(refused.value) and SECRET not in str(refused.value)


@pytest.mark.parametrize("passphrase", ["pw", None])
def test_every_single_bit_flip_of_a_bundle_is_caught(tiny, passphrase, monkeypatch):
    """The key is derived once per salt and cost (a flip elsewhere leaves them alone): the
    decryption and its tag check still run for every flip."""
    monkeypatch.setattr(sealing, "_aead", cache(sealing._aead))
    data = sealed(tiny, passphrase)
    for bit in range(len(data) * 8):  # ~33,000 flips of a 4 kB bundle
        with pytest.raises(BadFile):
            open_bundle(flipped(data, bit), passphrase, KNOWN)


@pytest.mark.parametrize("passphrase", ["pw", None])
def test_a_bundle_cut_at_every_length(tiny, passphrase):
    data = sealed(tiny, passphrase)
    for length in range(len(data)):
        with pytest.raises(BadFile):
            open_bundle(data[:length], passphrase, KNOWN)


def test_a_cut_file_on_disk_is_one_bad_file_naming_it(tiny, tmp_path):
    path = tmp_path / "b"
    path.write_bytes(sealed(tiny, "pw")[:-1])
    with pytest.raises(BadFile, match=f"^{path} is damaged"):
        read_bundle(path, "pw", KNOWN)


def test_a_bundle_of_a_newer_schema_says_update(tiny, tmp_path):
    path = tmp_path / "b"
    path.write_bytes(sealed(tiny, "pw", schema="9999"))
    with pytest.raises(BadFile, match="newer sendtui.*update"):
        read_bundle(path, "pw", KNOWN)


def test_a_bundle_of_a_newer_row_format_says_update(tiny, tmp_path):
    path = tmp_path / "b"
    path.write_bytes(sealed(tiny, "pw", format=FORMAT + 1))
    with pytest.raises(BadFile, match=f"format {FORMAT + 1}.*update"):
        read_bundle(path, "pw", KNOWN)


@pytest.mark.parametrize("content, says", [
    (b"", "empty"), (b"  \n", "empty"), (b"one\ntwo\n", "one line"),
    (b"\xff\xfe", "not UTF-8"), (b"x" * 2000, "files of up to"),
])
def test_a_passphrase_file_that_cannot_be_used(tmp_path, content, says):
    path = tmp_path / "pw"
    path.write_bytes(content)
    with pytest.raises(BadFile, match=says) as refused:
        read_passphrase(path)
    assert "two" not in str(refused.value) and "xxx" not in str(refused.value)


def test_a_passphrase_is_its_one_line(tmp_path):
    path = tmp_path / "pw"
    path.write_bytes(b"  spaces count, the line break does not \r\n")
    assert read_passphrase(path) == "  spaces count, the line break does not "


@pytest.mark.parametrize("make, says", [(os.mkfifo, "a FIFO"), (os.mkdir, "a folder")])
def test_a_passphrase_file_that_is_not_a_file(tmp_path, make, says):
    path = tmp_path / "pw"
    make(path)
    with pytest.raises(BadFile, match=says):
        read_passphrase(path)
