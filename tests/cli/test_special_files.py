"""`-o`, `backup -o` and imports on the command line: special files are refused in one line
(exit 2) before anything is written or read; an existing file is replaced only with --force."""

from __future__ import annotations

import os
import stat
import time

import pytest

from tests.cli.test_cli import GIAS, new_inspection, ok, own_error, run, sha256


def test_export_replaces_an_existing_file_only_with_force(demo_db, tmp_path):
    out = tmp_path / "week.ics"
    out.write_text("mine")
    line = own_error(run("export", "ics", "-o", out, db=demo_db), 2)
    assert "already exists: add --force" in line and out.read_text() == "mine"
    ok(run("export", "ics", "-o", out, "--force", db=demo_db))
    assert out.read_text().startswith("BEGIN:VCALENDAR")


@pytest.mark.parametrize("make, says", [
    (lambda p: os.mkfifo(p), "a FIFO"),
    (lambda p: p.mkdir(), "a folder"),
    (lambda p: p.symlink_to(p.with_name("target.ics")), "symbolic link"),
])
def test_export_never_writes_onto_a_special_file(demo_db, tmp_path, make, says):
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "out.ics"
    make(path)
    assert says in own_error(run("export", "ics", "-o", path, "--force", db=demo_db), 2)
    assert os.listdir(folder) == ["out.ics"]  # no temporary file, no link target made


@pytest.mark.parametrize("device", ["/dev/full", "/dev/null"])
def test_export_onto_a_device_leaves_the_device_alone(demo_db, device):
    line = own_error(run("export", "evidence", "--format", "csv", "-o", device, "--force",
                         db=demo_db), 2)
    assert "is a device" in line and stat.S_ISCHR(os.stat(device).st_mode)


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="Linux /proc")
def test_export_into_proc_is_one_line(demo_db):
    own_error(run("export", "ics", "-o", "/proc/self/status", db=demo_db), 2)
    assert "cannot write" in own_error(run("export", "ics", "-o", "/proc/self/status",
                                           "--force", db=demo_db), 2)


def test_export_to_a_missing_folder_is_refused(demo_db, tmp_path):
    line = own_error(run("export", "ics", "-o", tmp_path / "no" / "x.ics", db=demo_db), 2)
    assert "there is no folder" in line and not (tmp_path / "no").exists()


def test_backup_to_a_folder_a_text_file_or_a_missing_folder_is_one_line(demo_db, tmp_path):
    text = tmp_path / "notes.txt"
    text.write_text("my notes")
    (tmp_path / "dir").mkdir()
    store = sha256(demo_db)
    assert "is a folder" in own_error(run("backup", "-o", tmp_path / "dir", db=demo_db), 2)
    assert "add --force" in own_error(run("backup", "-o", text, db=demo_db), 2)
    assert "there is no folder" in own_error(
        run("backup", "-o", tmp_path / "new" / "b.db", db=demo_db), 2)
    assert not (tmp_path / "new").exists() and text.read_text() == "my notes"
    assert sha256(demo_db) == store
    assert "is a device" in own_error(run("backup", "-o", "/dev/null", "--force", db=demo_db), 2)


def test_backup_replaces_an_older_copy_with_force(demo_db, tmp_path):
    (tmp_path / "out").mkdir()
    copy = tmp_path / "out" / "copy.db"
    ok(run("backup", "-o", copy, db=demo_db))
    first = sha256(copy)
    ok(run("names", "add", "Sam Reid", db=demo_db))
    ok(run("backup", "-o", copy, "--force", db=demo_db))
    assert sha256(copy) != first
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert os.listdir(tmp_path / "out") == ["copy.db"]


@pytest.mark.parametrize("what", ["settings", "people", "schedule"])
def test_import_from_a_device_or_fifo_fails_at_once(db_path, tmp_path, what):
    new_inspection(db_path)
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for source in ("/dev/zero", fifo, tmp_path):
        started = time.monotonic()
        line = own_error(run("import", what, source, db=db_path), 2)
        assert time.monotonic() - started < 5 and "not a file to read" in line


def test_import_of_a_file_over_200_mb_is_refused_with_its_size(db_path, tmp_path):
    new_inspection(db_path)
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(201_000_000)  # sparse: no disk used
    line = own_error(run("import", "settings", big, db=db_path), 2)
    assert "201 MB" in line and "200 MB" in line


def test_import_still_reads_a_regular_file(db_path):
    new_inspection(db_path)
    assert "settings added" in ok(run("import", "settings", GIAS, db=db_path))


def test_a_bad_config_or_today_stops_the_app_in_one_line(demo_db, monkeypatch):
    """Before the terminal is taken over: exit 2, one line (it once crashed with exit 0)."""
    from sendtui.config import config_file

    monkeypatch.setenv("SENDTUI_TODAY", "x")
    for args in (["run"], [], ["export", "ics", "-o", "-"]):
        assert "SENDTUI_TODAY" in own_error(run(*args, db=demo_db), 2)
    monkeypatch.delenv("SENDTUI_TODAY")
    config_file().parent.mkdir(parents=True, exist_ok=True)
    config_file().write_text("[keys]\nhelp = " + "[" * 5000 + "]" * 5000 + "\n")
    assert "nested too deeply" in own_error(run("run", db=demo_db), 2)
