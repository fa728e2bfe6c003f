"""Every way the store can fail to open, as a user meets it on the command line: one line
on stderr, exit 2 or 3, and every byte of every file as it was (nothing made beside it).
Only the commands that make things (demo, inspection new) may make a store."""

import hashlib
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sendtui.cli import cli

MAKE_ONE = "make one with 'sendtui demo' or 'sendtui inspection new'"
READERS = [
    ["list", "settings"], ["list", "evidence", "--format", "json"], ["doctor"],
    ["inspection", "list"], ["check"], ["search", "school"], ["backup"],
    ["evidence", "add", "--line", "A1", "--source", "visit", "--text", "x"],
]
NEW_INSPECTION = ["inspection", "new", "--la", "Wealdshire", "--framework", "2016",
                  "--notified", "2020-03-02"]


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), *map(str, args)])


def one_line(result, code: int) -> str:
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit)
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("sendtui: "), result.stderr
    assert "Traceback" not in result.stdout
    return lines[0]


def files(folder: Path) -> dict[str, str]:
    """Every file under the folder and its sha256."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            if p.is_file() else "folder" for p in sorted(folder.rglob("*"))}


def empty_database(path: Path) -> Path:
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE t (x)")
    db.execute("DROP TABLE t")
    db.commit()
    db.close()
    return path


def change(path: Path, *statements: str) -> Path:
    """Change the store behind sendtui's back (as damage or another program would)."""
    db = sqlite3.connect(path)
    for statement in statements:
        db.execute(statement)
    db.commit()
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    return path


@pytest.fixture
def frozen():
    """Make a file or folder read-only even for root (chattr +i); undone afterwards."""
    done = []

    def freeze(path: Path) -> None:
        if os.geteuid() != 0:
            os.chmod(path, 0o500 if path.is_dir() else 0o400)
        elif subprocess.run(["chattr", "+i", str(path)], capture_output=True).returncode:
            pytest.skip("running as root where chattr +i is not possible")
        done.append(path)

    yield freeze
    for path in done:
        if os.geteuid() == 0:
            subprocess.run(["chattr", "-i", str(path)], check=True)
        os.chmod(path, 0o700 if path.is_dir() else 0o600)


# --- only commands that make things may make a store ---------------------------------------

@pytest.mark.parametrize("args", READERS)
def test_a_missing_store_is_refused_and_nothing_is_made(tmp_path, args):
    line = one_line(run(tmp_path / "new" / "sendtui.db", *args), 3)
    assert "there is no store at" in line and MAKE_ONE in line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", READERS[:4])
@pytest.mark.parametrize("make", [lambda p: p.write_bytes(b""), empty_database])
def test_an_empty_file_is_refused_untouched(tmp_path, args, make):
    make(tmp_path / "sendtui.db")
    before = files(tmp_path)
    assert MAKE_ONE in one_line(run(tmp_path / "sendtui.db", *args), 3)
    assert files(tmp_path) == before


@pytest.mark.parametrize("args", [["demo", "--no-open"], NEW_INSPECTION])
def test_commands_that_make_things_make_the_store(tmp_path, args):
    path = tmp_path / "new" / "sendtui.db"
    result = run(path, *args)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    empty = empty_database(tmp_path / "empty.db")
    assert run(empty, *args).exit_code == 0
    assert "Wealdshire" in run(empty, "inspection", "list").stdout


def test_a_command_that_makes_a_store_and_then_refuses_leaves_nothing(tmp_path):
    bad = ["inspection", "new", "--la", "  ", "--framework", "2016", "--notified", "2020-03-02"]
    one_line(run(tmp_path / "new" / "sendtui.db", *bad), 2)
    assert list(tmp_path.iterdir()) == []
    (tmp_path / "empty.db").write_bytes(b"")
    one_line(run(tmp_path / "empty.db", *bad), 2)
    assert files(tmp_path) == {"empty.db": hashlib.sha256(b"").hexdigest()}


def test_a_store_that_cannot_be_made_leaves_no_folder_behind(tmp_path):
    too_long = tmp_path / "new" / ("a" * 300) / "sendtui.db"
    assert "File name too long" in one_line(run(too_long, "demo", "--no-open"), 3)
    assert list(tmp_path.iterdir()) == []


def test_a_store_others_can_read_is_made_owner_only_with_a_notice(demo_db):
    os.chmod(demo_db, 0o644)
    result = run(demo_db, "list", "settings")
    assert result.exit_code == 0
    assert result.stderr == (f"sendtui: {demo_db} could be read by others (mode 0644); "
                             "made owner-only (0600)\n")
    assert stat.S_IMODE(demo_db.stat().st_mode) == 0o600


# --- refused, and every byte as it was -----------------------------------------------------

@pytest.mark.parametrize("damage, said", [
    (["DELETE FROM alembic_version"], "has no schema version"),
    (["PRAGMA writable_schema=ON",
      "UPDATE sqlite_master SET sql = 'CREATE TABLE person garbage (' WHERE name = 'person'"],
     "is corrupt (malformed database schema"),
    (["UPDATE alembic_version SET version_num = 'abc' || char(10) || 'def'"], "newer schema"),
])
def test_a_damaged_store_is_refused_in_one_line_untouched(demo_db, damage, said):
    change(demo_db, *damage)
    before = files(demo_db.parent)
    for args in READERS[:4] + [["demo", "--no-open"]]:
        assert said in one_line(run(demo_db, *args), 3)
    assert files(demo_db.parent) == before


def test_a_value_damaged_inside_passes_the_checks_but_is_refused_in_one_line(demo_db):
    change(demo_db, "UPDATE event SET start = '2026-11-30 10:45:00.00000' || char(16) "
                    "WHERE rowid = (SELECT min(rowid) FROM event)")
    before = files(demo_db.parent)
    line = one_line(run(demo_db, "list", "events", "--format", "json"), 3)
    assert "a value that cannot be read" in line and "10:45" not in line
    assert files(demo_db.parent) == before


def test_a_row_pointing_nowhere_is_refused_in_one_line(demo_db):
    change(demo_db, "UPDATE event_person SET person_id = 'gone' "
                    "WHERE rowid = (SELECT min(rowid) FROM event_person)")
    line = one_line(run(demo_db, "check"), 3)
    assert "damaged (a row of event_person refers to a missing row of person)" in line


def test_rows_that_do_not_fit_together_are_refused_in_one_line(demo_db):
    """A person moved to another inspection (a flipped id) while still on a visit."""
    other = run(demo_db, "inspection", "new", "--la", "Fenmarch", "--framework", "2023",
                "--notified", "2024-01-08").stdout.strip()
    change(demo_db, f"UPDATE person SET inspection_id = '{other}' "
                    "WHERE id = (SELECT person_id FROM event_person LIMIT 1)")
    line = one_line(run(demo_db, "--inspection", "Weald", "check"), 3)
    assert "rows that do not fit together" in line


def test_a_database_error_never_shows_what_was_being_stored(demo_db):
    change(demo_db, "CREATE TRIGGER refuse BEFORE INSERT ON evidence "
                    "BEGIN SELECT RAISE(ABORT, 'refused by a trigger'); END")
    result = run(demo_db, "evidence", "add", "--line", "A1", "--source", "visit",
                 "--text", "Poppy Sentinel was out of school", "--case-ref", "EHC-SENTINEL")
    assert one_line(result, 3) == "sendtui: the store cannot be used: refused by a trigger"


def test_a_read_only_store_file_is_refused_in_one_line(demo_db, frozen):
    frozen(demo_db)
    before = files(demo_db.parent)
    assert "is read-only" in one_line(run(demo_db, "list", "settings"), 3)
    assert files(demo_db.parent) == before


def test_a_read_only_folder_is_refused_in_one_line(demo_db, frozen):
    frozen(demo_db.parent)
    before = files(demo_db.parent)
    line = one_line(run(demo_db, "list", "settings"), 3)
    assert f"the folder {demo_db.parent} is read-only" in line and "demo.db-wal" in line
    assert "cannot be made" in one_line(run(demo_db.parent / "new.db", "demo", "--no-open"), 3)
    assert files(demo_db.parent) == before


# --- what --db may name --------------------------------------------------------------------

@pytest.mark.parametrize("target, said", [
    ("postgresql+nosuch://u:secret@host/db", "Can't load plugin"),
    ("mysql://u@host/db", "its driver is not installed"),
    ("foo://", "Can't load plugin: sqlalchemy.dialects:foo"),
    ("sqlite://", "in-memory"),
    ("sqlite:///:memory:", "in-memory"),
    ("sqlite:///s.db?mode=ro", "read-only"),
    ("sqlite:///file:/p/s.db?mode=ro&uri=true", "read-only"),
    ("sqlite:///s.db?timeout=1", "options (timeout=1) are not supported"),
    ("sqlite+pysqlcipher:///s.db", "not supported"),
])
def test_a_url_that_cannot_be_used_is_refused_in_one_line_and_nothing_made(
        tmp_path, monkeypatch, target, said):
    monkeypatch.chdir(tmp_path)
    line = one_line(run(target, "list", "settings"), 3)
    assert said in line and "secret" not in line
    assert list(tmp_path.iterdir()) == []


def test_an_empty_db_option_is_bad_input_not_the_default_store(tmp_path):
    assert "--db is empty" in one_line(run("", "list", "settings"), 2)
    assert "--db is empty" in one_line(run("  ", "doctor"), 2)
    assert "NUL" in one_line(run("sqlite:///s%00.db", "demo", "--no-open"), 2)


def test_a_sqlite_file_uri_names_the_file(demo_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(f"sqlite:///file:{demo_db}?uri=true", "list", "settings")
    assert result.exit_code == 0 and "Ashby" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.db"]


@pytest.mark.parametrize("make, said", [
    (lambda p: os.mkfifo(p), "is a FIFO (named pipe), not a store file"),
    (lambda p: p.mkdir(), "is a folder, not a store file"),
    (lambda p: p.symlink_to("/dev/null"), "is a device, not a store file"),
])
def test_a_special_file_is_refused_at_once(tmp_path, make, said):
    target = tmp_path / "store"
    make(target)
    before = sorted(p.name for p in tmp_path.iterdir())
    done = subprocess.run([sys.executable, "-m", "sendtui", "--db", str(target), "list",
                           "settings"], capture_output=True, text=True, timeout=30,
                          env=dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2])))
    assert done.returncode == 3 and done.stdout == ""
    assert done.stderr in (f"sendtui: {target} {said}\n", f"sendtui: /dev/null {said}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_old_store_is_upgraded_by_any_command_with_its_backup(tmp_path):
    from tests.store.old_stores import make_store_at

    path = tmp_path / "sendtui.db"
    make_store_at(path, "0004", entries=20)
    result = run(path, "list", "evidence", "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert result.stdout.count('"id"') == 20
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sendtui.db",
                                                          "sendtui.db.before-0004.bak"]
