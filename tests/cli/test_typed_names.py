"""Names and days typed on the command line as a tired user types them: any case, accents
and apostrophes; an unknown name says which ones are close; `today` and weekdays as days."""

import json

import pytest
from icalendar import Calendar

from tests.cli.test_cli import ok, own_error, run, sha256

PEOPLE = ("name,role,organisation,email,phone\n"
          "Siân Jones,Head of SEND,Wealdshire,,\n"
          "Łukasz Nowak,Data officer,Wealdshire,,\n"
          "Rachel Thornton,Nominated officer,Wealdshire,,\n")


@pytest.fixture
def db(tmp_path, monkeypatch):
    monkeypatch.setenv("SENDTUI_TODAY", "2026-11-25")
    path = tmp_path / "s.db"
    ok(run("inspection", "new", "--la", "Wealdshire", "--framework", "2016", "--notified",
           "2026-11-23", db=path))
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE, encoding="utf-8")
    ok(run("import", "people", people, db=path))
    return path


def owners(db, *options):
    rows = json.loads(ok(run("requests", "list", "--format", "json", *options, db=db)))
    return [r["owner"] for r in rows]


@pytest.mark.parametrize("typed, stored", [
    ("sian jones", "Siân Jones"), ("LUKASZ NOWAK", "Łukasz Nowak"),
    ("  Siân   Jones ", "Siân Jones")])
def test_an_owner_is_found_without_its_accents(db, typed, stored):
    ok(run("requests", "add", "--title", "Audit", "--owner", typed, db=db))
    assert owners(db, "--owner", typed) == [stored]


@pytest.mark.parametrize("args", [
    ["add", "--title", "Audit", "--owner", "Rachel Thorton"],
    ["list", "--owner", "rachel thorton"],
])
def test_a_misspelt_owner_says_did_you_mean_and_changes_nothing(db, args):
    before = sha256(db)
    line = own_error(run("requests", *args, db=db), 2)
    assert line == ("sendtui: no person has that name in this inspection: "
                    "did you mean 'Rachel Thornton'?")
    assert sha256(db) == before


def test_a_name_like_nobody_says_only_that(db):
    line = own_error(run("requests", "list", "--owner", "Zebedee", db=db), 2)
    assert line == "sendtui: no person has that name in this inspection"


def test_export_person_folds_and_suggests(demo_db):
    ok(run("export", "ics", "-o", "-", "--person", "helen marsden", db=demo_db))
    line = own_error(run("export", "ics", "-o", "-", "--person", "Helen Marsdne",
                         db=demo_db), 2)
    assert line == "sendtui: no person is called 'Helen Marsdne': did you mean 'Helen Marsden'?"


def test_export_days_read_today_and_weekdays(demo_db, monkeypatch):
    monkeypatch.setenv("SENDTUI_TODAY", "2026-11-27")  # a Friday: monday is the 30th
    by_word = run("export", "ics", "-o", "-", "--from", "monday", "--to", "mon", db=demo_db)
    by_date = run("export", "ics", "-o", "-", "--from", "2026-11-30", "--to", "2026-11-30",
                  db=demo_db)
    assert len(Calendar.from_ical(by_word.stdout_bytes).walk("VEVENT")) == 11
    assert ok(by_word) == ok(by_date)
    assert "not a date" in own_error(run("export", "ics", "-o", "-", "--from", "yesterday",
                                         db=demo_db), 2)


def test_workdays_add_from_today(monkeypatch):
    monkeypatch.setenv("SENDTUI_TODAY", "2026-12-24")
    assert ok(run("workdays", "add", "today", "1")).strip() == "2026-12-29"
