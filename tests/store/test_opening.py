"""Opening a store: upgrades are all or nothing (even under SIGKILL), backups are written
once and never overwritten, a store an earlier sendtui left half-upgraded is rebuilt from
its backup, and a store is only made by an opening that may create one."""

import hashlib
import os
import random
import shutil
import sqlite3
import stat
import time
from pathlib import Path

import pytest

from sendtui.errors import StoreError
from sendtui.store import migrate
from sendtui.store.engines import error_line
from sendtui.store.backups import copy_database, valid_backup
from sendtui.store.migrate import head_revision
from sendtui.store.repo import Store
from tests.store.old_stores import (
    lost_rows,
    make_store_at,
    problems,
    revision_of,
    revisions,
    row_counts,
    start_upgrade,
    wait_until_ready,
)

OLD = revisions()[:-1]
KILLS_PER_REVISION = 2
HALF_0003 = ("CREATE VIRTUAL TABLE evidence_fts USING fts5(text, content='evidence', "
             "content_rowid='rowid')")


def files(folder: Path) -> dict[str, str]:
    """Every file in the folder and its sha256: what 'nothing changed' means."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


def upgraded_cleanly(path: Path, counts: dict) -> None:
    assert revision_of(path) == head_revision()
    assert problems(path) == []
    assert lost_rows(path, counts) == {}
    assert not [p.name for p in path.parent.iterdir() if ".partial-" in p.name]


@pytest.fixture(scope="module")
def old_stores(tmp_path_factory) -> dict[str, tuple[Path, dict]]:
    """A store at each earlier revision (300 entries), made once and copied per test."""
    folder = tmp_path_factory.mktemp("old")
    return {rev: (folder / f"at-{rev}.db", make_store_at(folder / f"at-{rev}.db", rev))
            for rev in OLD}


def copy_of(old_stores, revision: str, folder: Path) -> tuple[Path, dict]:
    template, counts = old_stores[revision]
    path = folder / "sendtui.db"
    shutil.copy(template, path)
    return path, counts


# --- all or nothing ------------------------------------------------------------------------

def test_every_earlier_revision_upgrades_with_its_rows(old_stores, tmp_path):
    for revision in OLD:
        folder = tmp_path / revision
        folder.mkdir()
        path, counts = copy_of(old_stores, revision, folder)
        Store.open(str(path)).close()
        upgraded_cleanly(path, counts)
        assert valid_backup(folder / f"sendtui.db.before-{revision}.bak", revision)


def test_a_kill_at_any_moment_of_an_upgrade_leaves_the_old_revision_or_head(old_stores,
                                                                           tmp_path):
    rng = random.Random(int(os.environ.get("SENDTUI_KILL_SEED", "12")))
    window = _upgrade_time(old_stores, tmp_path / "timed")
    seen = set()
    for revision in OLD:
        for n in range(KILLS_PER_REVISION):
            folder = tmp_path / f"{revision}-{n}"
            folder.mkdir()
            path, counts = copy_of(old_stores, revision, folder)
            child = start_upgrade(path)
            wait_until_ready(child)
            time.sleep(rng.uniform(0, window))
            child.kill()
            child.communicate()
            left = revision_of(path)
            assert left in (revision, head_revision())
            seen.add(left == revision)
            backup = folder / f"sendtui.db.before-{revision}.bak"
            assert not backup.exists() or valid_backup(backup, revision)
            store = Store.open(str(path))
            store.close()
            assert store.notices == []  # nothing half-done to recover from
            upgraded_cleanly(path, counts)
    assert seen == {True, False}, "the kills should land both before and after the commit"


def _upgrade_time(old_stores, folder: Path) -> float:
    """How long an uninterrupted upgrade takes in a child, from its imports to its exit."""
    folder.mkdir()
    path, _ = copy_of(old_stores, OLD[0], folder)
    child = start_upgrade(path)
    wait_until_ready(child)
    started = time.monotonic()
    child.communicate()
    return time.monotonic() - started


def test_an_upgrade_that_fails_half_way_changes_nothing(old_stores, tmp_path, monkeypatch):
    path, counts = copy_of(old_stores, "0002", tmp_path)
    before = files(tmp_path)
    real = migrate.upgrade

    def fails_after_the_ddl(conn, revision="head"):
        real(conn, revision)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(migrate, "upgrade", fails_after_the_ddl)
    with pytest.raises(StoreError, match="disk I/O error.*left as it was"):
        Store.open(str(path))
    assert files(tmp_path) == before  # no backup left either: the store is as it was
    monkeypatch.undo()
    Store.open(str(path)).close()
    upgraded_cleanly(path, counts)


# --- backups -------------------------------------------------------------------------------

def test_the_backup_is_verified_and_owner_only(old_stores, tmp_path):
    path, counts = copy_of(old_stores, "0005", tmp_path)
    Store.open(str(path)).close()
    backup = tmp_path / "sendtui.db.before-0005.bak"
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert valid_backup(backup, "0005")
    assert row_counts(backup) == counts


def test_a_valid_backup_is_kept_not_overwritten(old_stores, tmp_path):
    path, _ = copy_of(old_stores, "0005", tmp_path)
    backup = tmp_path / "sendtui.db.before-0005.bak"
    copy_database(old_stores["0005"][0], backup)
    earlier = hashlib.sha256(backup.read_bytes()).hexdigest()
    Store.open(str(path)).close()
    assert hashlib.sha256(backup.read_bytes()).hexdigest() == earlier
    assert not (tmp_path / "sendtui.db.before-0005.2.bak").exists()


@pytest.mark.parametrize("spoil", [
    lambda p: p.write_bytes(b"half a copy"),
    lambda p: copy_database(Path(p).with_name("sendtui.db"), p) or _set_revision(p, "0004"),
])
def test_an_invalid_backup_is_left_alone_and_a_new_name_used(old_stores, tmp_path, spoil):
    path, counts = copy_of(old_stores, "0005", tmp_path)
    backup = tmp_path / "sendtui.db.before-0005.bak"
    spoil(backup)
    earlier = backup.read_bytes()
    Store.open(str(path)).close()
    assert backup.read_bytes() == earlier
    second = tmp_path / "sendtui.db.before-0005.2.bak"
    assert valid_backup(second, "0005") and row_counts(second) == counts


def _set_revision(path: Path, revision: str) -> None:
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    db.close()


# --- a store an earlier sendtui left half-upgraded -----------------------------------------

def half_upgraded(old_stores, folder: Path, backup: str | None) -> tuple[Path, dict]:
    """A store at 0002 whose 0003 DDL partly ran (as a kill under an earlier sendtui left
    it), with the backup that sendtui wrote before: a good one, a half-upgraded one, none."""
    path, counts = copy_of(old_stores, "0002", folder)
    copy = folder / "sendtui.db.before-0002.bak"
    if backup == "good":
        copy_database(path, copy)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute(HALF_0003)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    if backup == "half-upgraded":  # the earlier sendtui copied the broken store over it
        copy_database(path, copy)
    return path, counts


def test_a_half_upgraded_store_is_rebuilt_from_its_backup(old_stores, tmp_path):
    path, counts = half_upgraded(old_stores, tmp_path, backup="good")
    store = Store.open(str(path), create=False)
    store.close()
    assert store.notices == ["sendtui.db was left half-upgraded by an earlier sendtui; "
                             "restored from sendtui.db.before-0002.bak and upgraded"]
    upgraded_cleanly(path, counts)
    assert valid_backup(tmp_path / "sendtui.db.before-0002.bak", "0002")


@pytest.mark.parametrize("backup", [None, "half-upgraded"])
def test_a_half_upgraded_store_without_a_usable_backup_is_refused_untouched(old_stores,
                                                                           tmp_path, backup):
    path, _ = half_upgraded(old_stores, tmp_path, backup)
    before = files(tmp_path)
    with pytest.raises(StoreError, match="half-upgraded .* no backup beside it") as caught:
        Store.open(str(path), create=False)
    assert "\n" not in str(caught.value)
    assert files(tmp_path) == before


# --- creating ------------------------------------------------------------------------------

def test_without_create_a_missing_store_is_refused_and_nothing_made(tmp_path):
    with pytest.raises(StoreError, match="no store at .*sendtui demo"):
        Store.open(str(tmp_path / "new" / "sendtui.db"), create=False)
    assert list(tmp_path.iterdir()) == []


def empty_database(path: Path) -> None:
    """A valid SQLite file with no tables."""
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.execute("DROP TABLE t")
    db.commit()
    db.close()


@pytest.mark.parametrize("make", [lambda p: p.write_bytes(b""), empty_database])
def test_without_create_an_empty_file_is_refused_untouched(tmp_path, make):
    path = tmp_path / "sendtui.db"
    make(path)
    before = files(tmp_path)
    with pytest.raises(StoreError, match="empty file, not a store|no store"):
        Store.open(str(path), create=False)
    assert files(tmp_path) == before


def test_with_create_a_store_is_made_owner_only_in_an_owner_only_folder(tmp_path):
    path = tmp_path / "new" / "sendtui.db"
    store = Store.open(str(path), create=True)
    store.close()
    assert store.created
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert revision_of(path) == head_revision()


def test_taking_back_a_new_store_leaves_nothing(tmp_path):
    store = Store.open(str(tmp_path / "new" / "sendtui.db"), create=True)
    store.take_back()
    assert list(tmp_path.iterdir()) == []
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    Store.open(str(empty), create=True).take_back()
    assert empty.read_bytes() == b"" and sorted(files(tmp_path)) == ["empty.db"]


def test_a_store_others_can_read_is_made_owner_only_with_a_notice(demo_db):
    os.chmod(demo_db, 0o644)
    store = Store.open(str(demo_db), create=False)
    store.close()
    assert stat.S_IMODE(demo_db.stat().st_mode) == 0o600
    assert store.notices == [f"{demo_db} could be read by others (mode 0644); "
                             "made owner-only (0600)"]
    assert Store.open(str(demo_db)).notices == []


# --- what an error says --------------------------------------------------------------------

def test_a_database_error_is_told_without_statement_parameters_or_stored_text():
    from sqlalchemy.exc import IntegrityError

    exc = IntegrityError("INSERT INTO evidence (text) VALUES (?)", ("Poppy Example",),
                         sqlite3.IntegrityError("NOT NULL constraint failed:\n evidence.at"))
    assert error_line(exc) == "NOT NULL constraint failed: evidence.at"
    undecodable = sqlite3.OperationalError(
        "Could not decode to UTF-8 column 'text' with text 'Poppy Example was out'")
    assert error_line(undecodable) == "Could not decode to UTF-8 column 'text'"
    server_said = Exception('duplicate key value violates unique constraint "ix_person_name_live"'
                            "\nDETAIL:  Key (inspection_id, lower(name::text))=(4a2c, poppy "
                            "example) already exists.")
    assert error_line(server_said) == ('duplicate key value violates unique constraint '
                                       '"ix_person_name_live"')
