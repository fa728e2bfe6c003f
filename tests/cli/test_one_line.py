"""Inputs a local fuzz loop found giving a traceback or several lines: each is now one line
on stderr with exit 2, and nothing in the store changed."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.cli.test_cli import new_inspection, ok, own_error, refused, run, sha256


@pytest.mark.parametrize("args", [
    ["import", "settings", "a\x00b.csv"],
    ["import", "people", "\x00"],
    ["export", "ics", "-o", "out\x00.ics"],
    ["backup", "-o", "\x00"],
    ["export", "ics", "-o", "x" * 5000],
    ["evidence", "add", "--line", "A1", "--source", "document", "--text", "x",
     "--setting", "a\nb"],
    ["names", "add", "Sam\nReid"],
    ["names", "add", "\x1b[31mSam Reid"],
    ["names", "add", "x" * 101],
    ["names", "add", "Sam Reid", "--pseudonym", "CYP\r99"],
    ["inspection", "new", "--la", "Weald\x00shire", "--framework", "2016",
     "--notified", "2026-11-23"],
    ["timeline", "--framework", "2023", "--notified", "2026-11-23", "--published",
     "9999-12-31"],
])
def test_a_hostile_input_is_one_line_and_changes_nothing(demo_db, args):
    before = sha256(demo_db)
    line = own_error(run(*args, db=demo_db), 2)
    assert len(line) < 400
    assert sha256(demo_db) == before


@pytest.mark.parametrize("args, says", [
    (["workdays", "add", "2026-11-23", "1_000"], "'1_000' is not a whole number"),
    (["workdays", "add", "2026-11-23", "١٢"], "is not a whole number"),
    (["search", "camhs", "--limit", "１０"], "is not a whole number"),
    (["rules", "--speed", "nan"], "'nan' is not a number such as 1.3"),
    (["rules", "--buffer", "99999999999999999999"], "'99999999999999999999' is too large"),
])
def test_numbers_are_ascii_digits(demo_db, args, says):
    before = sha256(demo_db)
    assert says in refused(run(*args, db=demo_db), 2)  # click's usage error: one line in main
    assert sha256(demo_db) == before


@pytest.mark.parametrize("args, says", [
    (["export"], "export needs a command: evidence, ics, pack, plan, schedule"),
    (["names"], "names needs a command: add, list, remove"),
    (["list"], "Missing argument"),
])
def test_a_command_without_its_subcommand_or_argument_is_one_line(db_path, args, says):
    done = subprocess.run([sys.executable, "-m", "sendtui", "--db", str(db_path), *args],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and says in done.stderr


def test_a_table_never_passes_a_control_character_to_the_terminal(db_path, tmp_path):
    new_inspection(db_path, notified="2026-11-23")
    schedule = tmp_path / "schedule.csv"
    schedule.write_text("date,start,end,kind,title,setting_urn,people,location,notes\n"
                        '2026-12-01,09:00,10:00,meeting,"\x1b[2JCleared\x07",,,,\n')
    ok(run("import", "schedule", schedule, db=db_path))
    table = ok(run("list", "events", db=db_path))
    assert "\x1b" not in table and "\x07" not in table and "Cleared" in table
