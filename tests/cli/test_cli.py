"""The command line as CLI.md promises it: names, options, output and exit codes 0/2/3."""

import csv
import hashlib
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from sendtui.cli import cli
from sendtui.store import inspections
from sendtui.store.repo import Store
from tests.conftest import FIXTURES
from tests.fingerprint import fingerprint

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)
SQLITE_ONLY = {
    "test_no_default_when_none_was_opened": "edits the file with sqlite3",
    "test_a_newer_store_exits_3": "edits the file with sqlite3 (test_server_opening: PostgreSQL)",
    "test_backup": "a file copy (test_server_opening.py: backup on PostgreSQL)",
    "test_inspection_new_refuses_bad_input_and_creates_nothing": "no file must be made",
    "test_doctor": "a file's integrity and copies beside it",
    "test_backup_default_name_beside_the_store": "a file copy beside the store",
}

GIAS = FIXTURES / "gias_wealdshire.csv"
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
VENV_BIN = Path(sys.executable).parent


def run(*args, db=None):
    argv = (["--db", str(db)] if db else []) + [str(a) for a in args]
    return CliRunner().invoke(cli, argv)


def ok(result) -> str:
    assert result.exit_code == 0, (result.stdout, result.stderr, result.exception)
    return result.stdout


def refused(result, code: int) -> str:
    """The failure's one line on stderr (click's own usage errors end with an Error: line)."""
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    assert isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    lines = result.stderr.strip().splitlines()
    assert lines
    return lines[-1]


def own_error(result, code: int) -> str:
    """A failure sendtui reports itself: exactly one line, nothing on stdout."""
    line = refused(result, code)
    assert len(result.stderr.strip().splitlines()) == 1
    assert line.startswith("sendtui: ")
    assert result.stdout == ""
    return line


def as_json(result):
    return json.loads(ok(result))


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- workdays ------------------------------------------------------------------------------

@pytest.mark.parametrize("date, n, expected", [
    ("2020-03-27", "70", "2020-07-09"),
    ("2026-03-30", "10", "2026-04-15"),
    ("2020-03-02", "5", "2020-03-09"),
    ("2024-05-20", "9", "2024-06-03"),
    ("2026-04-07", "-1", "2026-04-02"),
    ("2026-04-04", "0", "2026-04-04"),
])
def test_workdays_add(date, n, expected):
    result = run("workdays", "add", date, n)
    assert ok(result) == expected + "\n"
    assert result.stderr == ""


@pytest.mark.parametrize("date", ["2020-02-30", "27/03/2020", "soon"])
def test_workdays_add_bad_date(date):
    line = own_error(run("workdays", "add", date, "5"), 2)
    assert date in line and "YYYY-MM-DD" in line


def test_workdays_add_bad_count():
    line = refused(run("workdays", "add", "2020-03-27", "seventy"), 2)
    assert "seventy" in line


def test_workdays_add_warns_past_the_known_years():
    result = run("workdays", "add", "2031-03-03", "1")
    assert ok(result) == "2031-03-04\n"
    assert "warning" in result.stderr and "2031" in result.stderr


# --- timeline ------------------------------------------------------------------------------

WORKED_EXAMPLE = [
    {"key": "notified", "label": "Notification call (day 1)", "date": "2020-03-02", "end": None},
    {"key": "on-site", "label": "On site (days 6–10)", "date": "2020-03-09",
     "end": "2020-03-13"},
    {"key": "final-feedback", "label": "Final feedback (day 10)", "date": "2020-03-13",
     "end": None},
    {"key": "published", "label": "Letter published", "date": "2020-05-05", "end": None},
    {"key": "wsoa-due", "label": "Written statement of action due", "date": "2020-08-13",
     "end": None},
    {"key": "wsoa-review-due", "label": "WSOA fitness decision due", "date": "2020-08-27",
     "end": None},
]


def test_timeline_json_with_publication():
    result = run("timeline", "--framework", "2016", "--notified", "2020-03-02",
                 "--published", "2020-05-05", "--format", "json")
    assert as_json(result) == WORKED_EXAMPLE
    assert result.stderr == ""


def test_timeline_json_without_publication():
    result = run("timeline", "--framework", "2016", "--notified", "2020-03-02",
                 "--format", "json")
    assert as_json(result) == WORKED_EXAMPLE[:3]


def test_timeline_table():
    out = ok(run("timeline", "--framework", "2016", "--notified", "2020-03-02"))
    lines = out.splitlines()
    assert lines[0].split() == ["key", "date", "label"]
    assert [line.split()[0] for line in lines[1:]] == ["notified", "on-site", "final-feedback"]
    assert "Mon 2020-03-09 – Fri 2020-03-13" in out


@pytest.mark.parametrize("framework, keys", [
    ("2023", {"notified", "set-up", "surveys", "tracking", "on-site", "final-feedback",
              "published", "monitoring-inspection", "next-full-inspection"}),
    ("2023-monitoring", {"notified", "set-up", "tracking", "on-site", "final-feedback",
                         "published"}),
    ("revisit", {"notified", "on-site", "final-feedback", "published"}),
])
def test_timeline_other_frameworks(framework, keys):
    rows = as_json(run("timeline", "--framework", framework, "--notified", "2024-01-08",
                       "--published", "2024-06-03", "--format", "json"))
    assert {r["key"] for r in rows} == keys
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_timeline_warns_about_a_split_week_on_stderr():
    result = run("timeline", "--framework", "2016", "--notified", "2024-05-20",
                 "--format", "json")
    rows = as_json(result)  # the warnings stay out of stdout
    assert rows[1]["date"] == "2024-05-28" and rows[1]["end"] == "2024-06-03"
    assert "Spring Bank Holiday" in result.stderr and "split" in result.stderr


def test_timeline_unknown_framework():
    line = refused(run("timeline", "--framework", "2017", "--notified", "2020-03-02"), 2)
    assert "2017" in line


def test_timeline_bad_date():
    line = own_error(run("timeline", "--framework", "2016", "--notified", "2020-03-32"), 2)
    assert "2020-03-32" in line


# --- inspections ---------------------------------------------------------------------------

def new_inspection(db, la="Wealdshire", framework="2016", notified="2020-03-02") -> str:
    out = ok(run("inspection", "new", "--la", la, "--framework", framework,
                 "--notified", notified, db=db))
    assert UUID.fullmatch(out.strip()), out
    return out.strip()


def test_inspection_new_and_list(store_target):
    ins_id = new_inspection(store_target)
    rows = as_json(run("inspection", "list", "--format", "json", db=store_target))
    assert rows == [{"id": ins_id, "local_area": "Wealdshire", "framework": "2016",
                     "notified": "2020-03-02", "on_site": "2020-03-09",
                     "on_site_end": "2020-03-13"}]
    table = ok(run("inspection", "list", db=store_target)).splitlines()
    assert table[0].split()[:3] == ["id", "local_area", "framework"]
    assert ins_id in table[1] and "Wealdshire" in table[1]


def test_inspection_new_warns_about_a_day_off(store_target):
    result = run("inspection", "new", "--la", "Wealdshire", "--framework", "2016",
                 "--notified", "2024-05-27", db=store_target)
    assert UUID.fullmatch(ok(result).strip())
    assert "not a working day" in result.stderr


@pytest.mark.parametrize("args", [
    ["--framework", "2016", "--notified", "2020-02-30"],
    ["--framework", "2017", "--notified", "2020-03-02"],
    ["--framework", "2016", "--notified", "next monday"],
])
def test_inspection_new_refuses_bad_input_and_creates_nothing(db_path, args):
    refused(run("inspection", "new", "--la", "Wealdshire", *args, db=db_path), 2)
    assert not db_path.exists()
    Store.open(str(db_path)).close()
    refused(run("inspection", "new", "--la", "Wealdshire", *args, db=db_path), 2)
    assert as_json(run("inspection", "list", "--format", "json", db=db_path)) == []


def test_inspection_list_when_empty(store_target):
    Store.open(str(store_target)).close()
    assert ok(run("inspection", "list", db=store_target)).strip() == "(none)"


# --- demo ----------------------------------------------------------------------------------

def test_demo_is_idempotent(store_target):
    first = run("demo", "--no-open", "--framework", "2016", db=store_target)
    assert ok(first).startswith("Added the 2016 demo inspection Wealdshire")
    second = run("demo", "--no-open", "--framework", "2016", db=store_target)
    assert ok(second).startswith("Already there")
    rows = as_json(run("inspection", "list", "--format", "json", db=store_target))
    assert [(r["local_area"], r["notified"]) for r in rows] == [("Wealdshire", "2026-11-23")]
    assert rows[0]["id"] in first.stdout and rows[0]["id"] in second.stdout


# --- list ----------------------------------------------------------------------------------

PROMISED_KEYS = {
    "settings": {"urn", "name", "kind", "postcode"},
    "people": {"name", "role"},
    "events": {"id", "kind", "title", "start", "end", "setting_urn", "people"},
    "lines": {"code", "title"},
    "evidence": {"id", "line", "source", "text", "setting_urn", "at"},
    "actions": {"id", "text", "owner", "due", "status", "rag", "source"},
}


def test_list_children_by_pseudonym_only_never_a_name_or_case_ref(tmp_path):
    db = tmp_path / "demo.db"
    ok(run("demo", "--no-open", "--framework", "2023", db=db))
    for flag in ((), ("--include-sensitive",)):
        out = ok(run("list", "children", "--format", "json", *flag, db=db))
        children = json.loads(out)
        assert [c["pseudonym"] for c in children][:6] == [f"CYP-0{n}" for n in range(1, 7)]
        assert {"given", "asked"} <= {c["consent"] for c in children}
        assert "Tyler Brooks" not in out and "EHC-29470" not in out and "2008-02-11" not in out
    assert len(ok(run("list", "children", db=db)).splitlines()) == len(children) + 1


@pytest.mark.parametrize("what", list(PROMISED_KEYS))
def test_list_json_carries_the_promised_keys(demo_target, what):
    rows = as_json(run("list", what, "--format", "json", db=demo_target))
    assert rows
    for row in rows:
        assert PROMISED_KEYS[what] <= set(row)


@pytest.mark.parametrize("what", list(PROMISED_KEYS))
def test_list_csv_and_table_have_a_row_per_record(demo_target, what):
    rows = as_json(run("list", what, "--format", "json", db=demo_target))
    parsed = list(csv.DictReader(io.StringIO(ok(run("list", what, "--format", "csv",
                                                    db=demo_target)))))
    assert len(parsed) == len(rows)
    table = ok(run("list", what, db=demo_target)).splitlines()
    assert len(table) == len(rows) + 1


def test_list_contents(demo_target):
    settings = as_json(run("list", "settings", "--format", "json", db=demo_target))
    assert {"urn": "190009", "name": "Little Oaks Nursery School", "kind": "early-years",
            "postcode": "WD1 2JJ"}.items() <= next(
        s for s in settings if s["urn"] == "190009").items()
    lines = as_json(run("list", "lines", "--format", "json", db=demo_target))
    assert [line["code"] for line in lines] == ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4",
                                                "B5", "B6", "C1", "C2", "C3"]
    events = as_json(run("list", "events", "--format", "json", db=demo_target))
    visit = next(e for e in events if e["setting_urn"] == "190001")
    assert visit["kind"] == "visit" and visit["start"] == "2026-12-01 09:00"
    assert visit["people"] == ["Helen Marsden", "Emma Kowalski"]
    people = as_json(run("list", "people", "--format", "json", db=demo_target))
    assert len(people) == 14


def test_case_references_only_with_include_sensitive(demo_target):
    plain = as_json(run("list", "evidence", "--format", "json", db=demo_target))
    assert all("case_ref" not in row for row in plain)
    header = ok(run("list", "evidence", "--format", "csv", db=demo_target)).splitlines()[0]
    assert "case_ref" not in header
    table = ok(run("list", "evidence", db=demo_target))
    assert "EHC-" not in table

    sensitive = as_json(run("list", "evidence", "--format", "json", "--include-sensitive",
                            db=demo_target))
    assert all("case_ref" in row for row in sensitive)
    assert any((row["case_ref"] or "").startswith("EHC-") for row in sensitive)


def test_list_without_an_inspection(store_target):
    Store.open(str(store_target)).close()
    line = own_error(run("list", "settings", db=store_target), 2)
    assert "no inspection" in line


# --- choosing the inspection ----------------------------------------------------------------

def test_inspection_by_prefix(demo_target):
    fen = new_inspection(demo_target, la="Fenmarch", framework="2023", notified="2024-01-08")
    lines = as_json(run("--inspection", "fen", "list", "lines", "--format", "json",
                        db=demo_target))
    assert lines[0]["code"] == "E1"
    lines = as_json(run("--inspection", "Weald", "list", "lines", "--format", "json",
                        db=demo_target))
    assert lines[0]["code"] == "A1"
    lines = as_json(run("--inspection", fen, "list", "lines", "--format", "json", db=demo_target))
    assert lines[0]["code"] == "E1"


def test_the_default_is_the_last_opened(demo_target):
    new_inspection(demo_target, la="Fenmarch", framework="2023", notified="2024-01-08")
    lines = as_json(run("list", "lines", "--format", "json", db=demo_target))
    assert lines[0]["code"] == "E1"


def test_an_ambiguous_prefix_names_the_candidates(demo_target):
    other = new_inspection(demo_target, la="Wealdshire", framework="2023", notified="2024-01-08")
    line = own_error(run("--inspection", "weald", "list", "lines", db=demo_target), 2)
    assert other[:8] in line and "2026-11-23" in line and "--inspection" in line


def test_no_default_when_none_was_opened(demo_target):
    new_inspection(demo_target, la="Fenmarch", framework="2023", notified="2024-01-08")
    conn = sqlite3.connect(demo_target)
    conn.execute("UPDATE inspection SET last_opened_at = NULL")
    conn.execute("DELETE FROM store_info WHERE key LIKE 'opened:%'")
    conn.commit()
    conn.close()
    line = own_error(run("list", "lines", db=demo_target), 2)
    assert "Fenmarch" in line and "Wealdshire" in line


def test_unknown_inspection(demo_target):
    line = own_error(run("--inspection", "Barsetshire", "list", "lines", db=demo_target), 2)
    assert "Barsetshire" in line


# --- import --------------------------------------------------------------------------------

def settings_json(db):
    return as_json(run("list", "settings", "--format", "json", db=db))


def test_import_settings(store_target):
    new_inspection(store_target, notified="2026-11-23")
    result = run("import", "settings", GIAS, db=store_target)
    out = ok(result)
    assert out.splitlines()[0] == "19 settings added, 0 updated, 0 unchanged, 3 skipped"
    assert "skipped 1: other local authority" in out
    assert "skipped 1: status Closed" in out
    assert "skipped 1: not a setting (Children's centre)" in out
    assert "190022" in result.stderr  # no easting/northing
    assert len(settings_json(store_target)) == 19

    again = ok(run("import", "settings", GIAS, db=store_target))
    assert again.splitlines()[0] == "0 settings added, 0 updated, 19 unchanged, 3 skipped"
    assert len(settings_json(store_target)) == 19


def test_import_settings_for_another_area(store_target):
    new_inspection(store_target, notified="2026-11-23")
    out = ok(run("import", "settings", GIAS, "--la", "Fenmarch", db=store_target))
    assert out.splitlines()[0] == "1 settings added, 0 updated, 0 unchanged, 21 skipped"


def test_import_settings_bad_file_changes_nothing(store_target, tmp_path):
    new_inspection(store_target, notified="2026-11-23")
    ok(run("import", "settings", GIAS, db=store_target))
    before = settings_json(store_target)
    bad = tmp_path / "gias_bad.csv"
    lines = GIAS.read_text(encoding="utf-8").splitlines()
    lines[1] = lines[1].replace("Ashby Brook Primary School", "Ashby Brook Primary Academy")
    lines[9] += ",one too many"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = own_error(run("import", "settings", bad, db=store_target), 2)
    assert "gias_bad.csv" in line and "row 10" in line
    assert settings_json(store_target) == before


def test_import_settings_missing_file(store_target, tmp_path):
    new_inspection(store_target)
    line = own_error(run("import", "settings", tmp_path / "nowhere.csv", db=store_target), 2)
    assert "nowhere.csv" in line


PEOPLE = ("name,role,organisation,email,phone\n"
          "Helen Marsden,Lead inspector (HMI),Ofsted,helen@example.org,07700 900112\n"
          "Rachel Thornton,Nominated officer,Wealdshire County Council,,01632 960410\n")


def people_json(db):
    return as_json(run("list", "people", "--format", "json", db=db))


def test_import_people(store_target, tmp_path):
    new_inspection(store_target)
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE)
    assert ok(run("import", "people", path, db=store_target)) == (
        "2 people added, 0 updated, 0 unchanged\n")
    assert ok(run("import", "people", path, db=store_target)) == (
        "0 people added, 0 updated, 2 unchanged\n")
    people = {p["name"]: p for p in people_json(store_target)}
    assert people["Helen Marsden"]["role"] == "Lead inspector (HMI)"
    assert people["Helen Marsden"]["team"] is True  # Ofsted
    assert people["Rachel Thornton"]["team"] is False


def test_import_people_bad_row_changes_nothing(store_target, tmp_path):
    new_inspection(store_target)
    path = tmp_path / "people.csv"
    path.write_text(PEOPLE + " ,Head of SEND,Wealdshire County Council,amir@example.org,\n")
    line = own_error(run("import", "people", path, db=store_target), 2)
    assert "people.csv" in line and "row 4" in line and "a person needs a name" in line
    assert people_json(store_target) == []


SCHEDULE = ("date,start,end,kind,title,setting_urn,people,location,notes\n"
            "2026-11-30,09:00,10:15,meeting,Opening meeting,,Helen Marsden;Rachel Thornton,"
            "Base room,\n"
            "2026-12-01,09:00,12:00,visit,Visit: Ashby Brook,190001,Helen Marsden,,\n")


def events_json(db):
    return as_json(run("list", "events", "--format", "json", db=db))


def test_import_schedule(store_target, tmp_path):
    new_inspection(store_target, notified="2026-11-23")
    ok(run("import", "settings", GIAS, db=store_target))
    path = tmp_path / "schedule.csv"
    path.write_text(SCHEDULE)
    assert ok(run("import", "schedule", path, db=store_target)) == "2 events added, 0 unchanged\n"
    assert ok(run("import", "schedule", path, db=store_target)) == "0 events added, 2 unchanged\n"
    events = events_json(store_target)
    assert [(e["title"], e["start"], e["end"], e["setting_urn"]) for e in events] == [
        ("Opening meeting", "2026-11-30 09:00", "2026-11-30 10:15", None),
        ("Visit: Ashby Brook", "2026-12-01 09:00", "2026-12-01 12:00", "190001"),
    ]
    assert sorted(p["name"] for p in people_json(store_target)) == ["Helen Marsden",
                                                              "Rachel Thornton"]


@pytest.mark.parametrize("bad_row, where", [
    ("2026-12-02,14:00,13:00,meeting,Backwards,,,,\n", "row 4, column end"),
    ("2026-12-02,14:00,15:00,party,Party,,,,\n", "row 4, column kind"),
    ("2026-12-32,14:00,15:00,meeting,Bad date,,,,\n", "row 4, column date"),
    ("2026-12-02,14h,15:00,meeting,Bad time,,,,\n", "row 4, column start"),
    ("2026-12-02,14:00,15:00,visit,Unknown school,999999,New Person,,\n", "999999"),
])
def test_import_schedule_bad_row_changes_nothing(store_target, tmp_path, bad_row, where):
    new_inspection(store_target, notified="2026-11-23")
    ok(run("import", "settings", GIAS, db=store_target))
    path = tmp_path / "schedule.csv"
    path.write_text(SCHEDULE + bad_row)
    line = own_error(run("import", "schedule", path, db=store_target), 2)
    assert where in line
    assert events_json(store_target) == []
    assert people_json(store_target) == []


# --- evidence ------------------------------------------------------------------------------

def evidence_json(db, *extra):
    return as_json(run("list", "evidence", "--format", "json", *extra, db=db))


def test_evidence_add(demo_target):
    before = len(evidence_json(demo_target))
    out = ok(run("evidence", "add", "--line", "b4", "--source", "case-file",
                 "--text", "Plan lacks health advice", "--setting", "190010",
                 "--case-ref", "EHC-9999", "--at", "2026-12-02 14:30", db=demo_target))
    entry_id = out.strip()
    assert UUID.fullmatch(entry_id)
    rows = {r["id"]: r for r in evidence_json(demo_target)}
    assert len(rows) == before + 1
    assert {"line": "B4", "source": "case-file", "text": "Plan lacks health advice",
            "setting_urn": "190010", "at": "2026-12-02 14:30"}.items() <= rows[entry_id].items()
    assert "EHC-9999" not in json.dumps(list(rows.values()))
    sensitive = {r["id"]: r for r in evidence_json(demo_target, "--include-sensitive")}
    assert sensitive[entry_id]["case_ref"] == "EHC-9999"


SEEN = ["--text", "Something seen"]


@pytest.mark.parametrize("args, mentions", [
    (["--line", "Z9", "--source", "document", *SEEN], "Z9"),
    (["--line", "A1", "--source", "rumour", *SEEN], "rumour"),
    (["--line", "A1", "--source", "document", "--setting", "999999", *SEEN], "999999"),
    (["--line", "A1", "--source", "document", "--at", "2026-12-02 25:00", *SEEN], "25:00"),
    (["--line", "A1", "--source", "document", "--text", "   "], "no text"),
])
def test_evidence_add_refuses_unknown_names(demo_target, args, mentions):
    before = evidence_json(demo_target)
    line = refused(run("evidence", "add", *args, db=demo_target), 2)
    assert mentions in line
    assert evidence_json(demo_target) == before


# --- care of the store -----------------------------------------------------------------------

def test_doctor(demo_db):
    out = ok(run("doctor", db=demo_db))
    report = dict(re.split(r"\s{2,}", line.strip(), maxsplit=1) for line in out.splitlines())
    assert report["store"] == str(demo_db.resolve())
    assert report["integrity"] == "ok"
    assert report["inspections"] == "1"
    assert re.fullmatch(r"\w+", report["schema"])
    assert any("14 people" in v and "evidence" in v for v in report.values())


def test_backup(demo_target, tmp_path):
    copy = tmp_path / "copy.db"
    out = ok(run("backup", "-o", copy, db=demo_target))
    assert out.strip() == str(copy.resolve())
    backup = Store.open(str(copy))
    try:
        ins = inspections.find(backup)
        assert ins.local_area == "Wealdshire"
        assert inspections.counts(backup, ins.id).people == 14
    finally:
        backup.close()


def test_backup_default_name_beside_the_store(demo_db):
    out = ok(run("backup", db=demo_db)).strip()
    assert Path(out).parent == demo_db.parent.resolve() and Path(out).is_file()


# --- unusable stores: exit 3, file untouched ---------------------------------------------------

def foreign_db(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    return path


def text_file(path: Path) -> Path:
    path.write_text("not a database\n")
    return path


@pytest.mark.parametrize("make", [text_file, foreign_db])
@pytest.mark.parametrize("args", [
    ["doctor"], ["list", "settings"], ["demo", "--no-open"], ["inspection", "list"],
    ["inspection", "new", "--la", "Wealdshire", "--framework", "2016",
     "--notified", "2020-03-02"],
])
def test_not_a_store_exits_3_and_leaves_the_file_alone(tmp_path, make, args):
    path = make(tmp_path / "other.db")
    before = sha256(path)
    line = own_error(run(*args, db=path), 3)
    assert "not a sendtui store" in line
    assert sha256(path) == before


def test_a_folder_is_not_a_store(tmp_path):
    line = own_error(run("doctor", db=tmp_path), 3)
    assert "folder" in line


def test_a_newer_store_exits_3(demo_target):
    conn = sqlite3.connect(demo_target)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = fingerprint(demo_target)
    line = own_error(run("list", "settings", db=demo_target), 3)
    assert "newer schema" in line
    assert fingerprint(demo_target) == before


# --- the real program ----------------------------------------------------------------------

def test_console_script_runs():
    done = subprocess.run([str(VENV_BIN / "sendtui"), "workdays", "add", "2020-03-27", "70"],
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "2020-07-09\n", "")


def test_python_m_sendtui_exit_codes(tmp_path):
    bad = subprocess.run([sys.executable, "-m", "sendtui", "timeline", "--framework", "2016",
                          "--notified", "2020-02-30"],
                         capture_output=True, text=True, timeout=60)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.startswith("sendtui: not a date") and "Traceback" not in bad.stderr

    other = text_file(tmp_path / "notes.db")
    before = sha256(other)
    unusable = subprocess.run([sys.executable, "-m", "sendtui", "--db", str(other), "doctor"],
                              capture_output=True, text=True, timeout=60)
    assert unusable.returncode == 3 and "Traceback" not in unusable.stderr
    assert sha256(other) == before


def test_the_console_script_reports_usage_errors_in_one_line(tmp_path):
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-m", "sendtui", "--db", str(tmp_path / "s.db"),
                          "timeline", "--framework", "2099", "--notified", "2020-03-02"],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.strip().count("\n") == 0
    assert "'2099' is not one of" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("date, n", [("9999-12-31", "5"), ("0001-01-01", "-5")])
def test_workdays_add_past_the_end_of_dates_is_one_line(date, n):
    assert "outside the calendar" in own_error(run("workdays", "add", date, n), 2)


@pytest.mark.parametrize("args", [
    ["timeline", "--framework", "2016", "--notified", "2026-11-30", "--published", ""],
    ["export", "ics", "-o", "x.ics", "--to", " "],
    ["export", "schedule", "--format", "csv", "-o", "x.csv", "--day", ""],
    ["export", "schedule", "--format", "csv", "-o", "x.csv", "--person", ""],
    ["evidence", "add", "--line", "A1", "--source", "document", "--text", "t", "--setting", ""],
])
def test_an_option_given_empty_is_refused_in_one_line(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    done = subprocess.run([sys.executable, "-m", "sendtui", "--db", str(tmp_path / "s.db"),
                           *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "is empty" in done.stderr
    assert not (tmp_path / "s.db").exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("value", ["", "x", "2026-02-30"])
def test_the_app_refuses_a_today_that_is_not_a_date_before_it_starts(value, tmp_path):
    env = {**os.environ, "SENDTUI_TODAY": value}
    done = subprocess.run([sys.executable, "-m", "sendtui", "--db", str(tmp_path / "s.db")],
                          capture_output=True, text=True, timeout=60, env=env)
    assert done.returncode == 2 and done.stderr.startswith("sendtui: SENDTUI_TODAY")
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr


def test_workdays_skip_the_closures_in_the_config_file():
    from sendtui.domain.calendar import use_local_closures

    folder = Path(os.environ["XDG_CONFIG_HOME"]) / "sendtui"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text("[calendar]\nclosures = [2026-12-24]\n")
    try:
        result = run("workdays", "add", "2026-12-23", "1")
    finally:
        use_local_closures({})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2026-12-29")
    (folder / "config.toml").write_text("[calendar]\nclosures = [\"Christmas\"]\n")
    result = run("workdays", "add", "2026-12-23", "1")
    assert result.exit_code == 2 and "closures are dates" in result.output


def test_every_command_is_found_by_its_name():
    """The commands load when asked for: each name leads to its command."""
    from sendtui.cli import COMMANDS

    for name in COMMANDS:
        assert cli.get_command(None, name).name == name
