"""Which inspection a command acts on, when the store holds several: `sendtui demo` beside
another does not become it, and every command that acts on one names it first (stderr, so
that csv and json on stdout stay as they were)."""

from __future__ import annotations

import json
import subprocess
import sys

from tests.cli.test_cli import as_json, new_inspection, ok, own_error, run

ACTING_ON = "sendtui: acting on "


def test_the_demo_beside_another_inspection_does_not_become_current(db_path):
    mine = new_inspection(db_path, la="Northshire", framework="2016", notified="2026-11-23")
    added = run("demo", "--no-open", db=db_path)
    said = ok(added).strip()
    assert said.startswith("Added the 2023 demo inspection Wealdshire")
    assert said.count("\n") == 0
    assert ("commands still act on Northshire (2016 framework, notified 2026-11-23): use "
            "--inspection Wealdshire for the demo") in said
    listed = as_json(run("list", "lines", "--format", "json", db=db_path))
    assert listed[0]["code"] == "A1"  # Northshire's 2016 lines, not the demo's E1…
    by_ref = as_json(run("--inspection", "Wealdshire", "list", "lines", "--format", "json",
                         db=db_path))
    assert by_ref[0]["code"] == "E1"
    # The other demo: the two share a local area, so its id is what picks it.
    other = ok(run("demo", "--no-open", "--framework", "2016", db=db_path)).strip()
    demo_2016 = other.split("(")[1].split(")")[0]
    assert f"use --inspection {demo_2016[:8]} for the demo" in other
    assert "Northshire" in other
    assert mine not in other


def test_the_demo_alone_says_nothing_more(db_path):
    said = ok(run("demo", "--no-open", db=db_path)).strip()
    assert "act on" not in said and said.count("\n") == 0
    assert as_json(run("list", "lines", "--format", "json", db=db_path))[0]["code"] == "E1"


def test_with_two_inspections_a_command_names_the_one_it_acts_on_first(demo_db):
    new_inspection(demo_db, la="Fenmarch", framework="2023", notified="2024-01-08")
    result = run("list", "settings", "--format", "json", db=demo_db)
    assert json.loads(ok(result)) == []  # stdout is the json alone: Fenmarch has no settings
    first = result.stderr.splitlines()[0]
    assert first == (f"{ACTING_ON}Fenmarch (2023 framework, notified 2024-01-08), one of 2 "
                     "inspections (--inspection picks another)")
    assert result.stderr.count(ACTING_ON) == 1
    for args in (["check", "--format", "json"], ["search", "camhs"],
                 ["list", "evidence", "--include-sensitive", "--format", "csv"],
                 ["requests", "list"]):
        result = run("--inspection", "weald", *args, db=demo_db)
        assert result.exit_code in (0, 1), result.stderr
        assert result.stderr.startswith(f"{ACTING_ON}Wealdshire (2016 framework"), args
        assert result.stderr.count(ACTING_ON) == 1, args  # said once, though read twice
        assert ACTING_ON not in result.stdout


def test_with_one_inspection_nothing_is_added(demo_db):
    for args in (["list", "settings", "--format", "json"], ["check", "--format", "json"],
                 ["search", "camhs"]):
        result = run(*args, db=demo_db)
        assert result.exit_code in (0, 1)
        assert result.stderr == "", args


def test_a_command_that_picks_none_says_only_why(demo_db):
    new_inspection(demo_db, la="Fenmarch", framework="2023", notified="2024-01-08")
    line = own_error(run("--inspection", "Barsetshire", "list", "lines", db=demo_db), 2)
    assert "Barsetshire" in line


def test_a_refusal_after_choosing_stays_one_line(demo_db):
    new_inspection(demo_db, la="Fenmarch", framework="2023", notified="2024-01-08")
    line = own_error(run("evidence", "add", "--line", "Z9", "--source", "document",
                         "--text", "x", db=demo_db), 2)
    assert "Z9" in line and "acting on" not in line


def test_in_a_terminal_the_line_comes_before_the_output(demo_db):
    """Real streams (not the test runner's): stdout and stderr into one pipe, as a terminal
    shows them; and stdout alone is still the json."""
    new_inspection(demo_db, la="Fenmarch", framework="2023", notified="2024-01-08")
    args = [sys.executable, "-m", "sendtui", "--db", str(demo_db), "--inspection", "weald",
            "list", "lines", "--format", "json"]
    both = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                          timeout=60)
    first, rest = both.stdout.split("\n", 1)
    assert first.startswith(f"{ACTING_ON}Wealdshire (2016 framework, notified 2026-11-23)")
    assert json.loads(rest)[0]["code"] == "A1"
    apart = subprocess.run(args, capture_output=True, text=True, timeout=60)
    assert json.loads(apart.stdout)[0]["code"] == "A1"
    assert apart.stderr.startswith(ACTING_ON) and apart.stderr.count("\n") == 1


def test_the_demo_opened_beside_another_is_shown_but_not_remembered(db_path, monkeypatch):
    from sendtui.cli import maintenance

    opened = []
    monkeypatch.setattr(maintenance, "open_app",
                        lambda obj, remember=True: opened.append((obj.inspection_ref, remember)))
    ok(run("demo", db=db_path))  # alone: it is the one the commands act on
    new_inspection(db_path, la="Northshire", framework="2016", notified="2026-11-23")
    result = run("demo", "--framework", "2016", db=db_path)
    ok(result)
    assert "commands still act on Northshire" in result.stderr
    assert [remember for _, remember in opened] == [True, False]
    assert opened[1][0] not in (opened[0][0], None)  # the app opens on the 2016 demo
