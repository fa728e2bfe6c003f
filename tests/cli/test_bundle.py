"""`sendtui bundle export`: encrypted unless --plain, 0600, one line of counts, audited; every
path and passphrase file checked before anything is written; never a stored text in a line."""

from __future__ import annotations

import os
import stat

import pytest

from sendtui.importers.bundle import read_bundle
from sendtui.store import audit
from sendtui.store.repo import Store
from sendtui.store.revisions import all_revisions
from tests.cli.test_cli import ok, own_error, run, sha256
from tests.store.bundled import SECRET, tiny_store


@pytest.fixture
def tiny_db(db_path):
    store = Store.open(str(db_path))
    tiny_store(store)
    store.close()
    return db_path


@pytest.fixture
def passphrase(tmp_path):
    path = tmp_path / "passphrase.txt"
    path.write_text("staple battery horse correct\n")
    return path


def export(db, *args):
    return run("--inspection", "Wealdshire", "bundle", "export", *args, db=db)


def test_an_encrypted_bundle_is_written_0600_and_said_in_one_line(tiny_db, tmp_path,
                                                                  passphrase):
    out = tmp_path / "wealdshire.bundle"
    said = ok(export(tiny_db, "-o", out, "--passphrase-file", passphrase))
    assert said.count("\n") == 1 and "encrypted" in said and "2 evidence entries" in said
    assert SECRET not in said and "Ada" not in said
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert SECRET.encode() not in out.read_bytes()
    bundle = read_bundle(out, "staple battery horse correct", all_revisions())
    assert bundle.manifest.counts["evidence"] == 2 and bundle.manifest.counts["person"] == 1
    store = Store.open(str(tiny_db))
    try:
        logged = audit.entries(store, bundle.manifest.inspection_id)
    finally:
        store.close()
    assert [(e.action, e.detail) for e in logged] == [
        ("bundle exported", "wealdshire.bundle (encrypted)")]


def test_without_a_passphrase_it_is_refused_unless_plain(tiny_db, tmp_path):
    out = tmp_path / "b"
    line = own_error(export(tiny_db, "-o", out), 2)
    assert "--plain" in line and not out.exists()
    said = ok(export(tiny_db, "-o", out, "--plain"))
    assert "not encrypted" in said and stat.S_IMODE(os.stat(out).st_mode) == 0o600
    assert read_bundle(out, None, all_revisions()).manifest.counts["evidence"] == 2


def test_plain_and_a_passphrase_together_are_refused(tiny_db, tmp_path, passphrase):
    out = tmp_path / "b"
    own_error(export(tiny_db, "-o", out, "--plain", "--passphrase-file", passphrase), 2)
    assert not out.exists()


@pytest.mark.parametrize("make, says", [
    (lambda p: os.mkfifo(p), "a FIFO"),
    (lambda p: p.mkdir(), "a folder"),
    (lambda p: p.symlink_to(p.with_name("target")), "symbolic link"),
    (lambda p: p.write_text("mine"), "already exists"),
])
def test_never_onto_a_folder_fifo_link_or_existing_file(tiny_db, tmp_path, passphrase, make,
                                                        says):
    folder = tmp_path / "stick"
    folder.mkdir()
    out = folder / "b"
    make(out)
    before, store_sum = sorted(os.listdir(folder)), sha256(tiny_db)
    line = own_error(export(tiny_db, "-o", out, "--passphrase-file", passphrase), 2)
    assert says in line and sorted(os.listdir(folder)) == before
    assert sha256(tiny_db) == store_sum  # not even the audit log


def test_an_existing_regular_file_is_replaced_with_force(tiny_db, tmp_path, passphrase):
    out = tmp_path / "b"
    out.write_text("mine")
    ok(export(tiny_db, "-o", out, "--passphrase-file", passphrase, "--force"))
    assert out.read_bytes().startswith(b"SENDTUIB")


@pytest.mark.parametrize("make, says", [
    (lambda p: os.mkfifo(p), "a FIFO"),
    (lambda p: p.mkdir(), "a folder"),
    (lambda p: p.write_text(""), "empty"),
    (lambda p: p.write_text(f"{SECRET}\nsecond line\n"), "one line"),
    (lambda p: None, "cannot read"),
])
def test_a_passphrase_file_is_checked_like_any_input(tiny_db, tmp_path, make, says):
    pw, out = tmp_path / "pw", tmp_path / "b"
    make(pw)
    line = own_error(export(tiny_db, "-o", out, "--passphrase-file", pw), 2)
    assert says in line and SECRET not in line and not out.exists()


def test_the_bundle_holds_only_the_chosen_inspection(tiny_db, tmp_path, passphrase):
    out = tmp_path / "b"
    ok(run("--inspection", "Otherton", "bundle", "export", "-o", out, "--passphrase-file",
           passphrase, db=tiny_db))
    bundle = read_bundle(out, "staple battery horse correct", all_revisions())
    assert bundle.manifest.counts["evidence"] == 0 and bundle.manifest.counts["person"] == 1
