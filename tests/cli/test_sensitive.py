"""Names marked sensitive on the command line: marked, listed by pseudonym, withheld from
what is printed unless asked for."""

from __future__ import annotations

import json

import pytest

from tests.cli.test_cli import ok, own_error, refused, run

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)


def test_marking_a_name_gives_the_next_pseudonym_and_lists_it_withheld(demo_target):
    assert ok(run("names", "add", "Sam  Reid", db=demo_target)).strip() == "CYP-08"
    assert "already marked" in refused(run("names", "add", "sam reid", db=demo_target), 2)
    listed = ok(run("names", "list", db=demo_target))
    assert "CYP-08" in listed and "Reid" not in listed
    shown = json.loads(ok(run("names", "list", "--include-sensitive", "--format", "json",
                              db=demo_target)))
    assert {"pseudonym": "CYP-08", "name": "Sam Reid", "child": True,
            "first_name": True} in shown
    ok(run("names", "remove", "cyp-08", db=demo_target))
    assert "CYP-08" not in ok(run("names", "list", db=demo_target))
    assert "CYP-99" in refused(run("names", "remove", "CYP-99", db=demo_target), 2)


def test_list_and_search_withhold_a_marked_name_unless_asked(demo_target):
    for args in (["list", "evidence"], ["search", "jamie"], ["search", "child", "--format",
                                                             "json"]):
        out = ok(run(*args, db=demo_target))
        assert "jamie" not in out.lower() and "CYP-03" in out, args
        assert "Holt" in ok(run(*args, "--include-sensitive", db=demo_target)), args


def test_every_sensitive_output_is_audited_without_the_data(demo_target, tmp_path):
    assert "Nothing sensitive" in ok(run("audit", db=demo_target))
    ok(run("export", "evidence", "--format", "md", "-o", tmp_path / "e.md", db=demo_target))
    assert json.loads(ok(run("audit", "--format", "json", db=demo_target))) == []
    ok(run("export", "evidence", "--format", "md", "-o", tmp_path / "e.md", "--force",
           "--include-sensitive", db=demo_target))
    ok(run("names", "list", "--include-sensitive", db=demo_target))
    ok(run("search", "plan", "--include-sensitive", db=demo_target))
    log = json.loads(ok(run("audit", "--format", "json", db=demo_target)))
    assert [e["action"] for e in log] == [
        "evidence md exported with names and case references",
        "names marked sensitive listed", "search shown with names"]
    assert log[0]["detail"] == "e.md"
    assert "Jamie" not in json.dumps(log)


def test_list_events_withholds_names_and_case_references_in_every_format(demo_target, tmp_path):
    schedule = tmp_path / "schedule.csv"
    schedule.write_text("date,start,end,kind,title,setting_urn,people,location,notes\n"
                        "2026-12-01,17:00,17:30,meeting,Jamie Holt's annual review,,"
                        "Helen Marsden,Holt home (Jamie Holt),EHC-3107 to hand\n")
    ok(run("import", "schedule", schedule, db=demo_target))
    for fmt in ("table", "json", "csv"):
        out = ok(run("list", "events", "--format", fmt, db=demo_target))
        assert "jamie" not in out.lower() and "EHC-3107" not in out, fmt
        assert "CYP-03's annual review" in out, fmt
    assert json.loads(ok(run("audit", "--format", "json", db=demo_target))) == []
    shown = json.loads(ok(run("list", "events", "--format", "json", "--include-sensitive",
                              db=demo_target)))
    review = next(e for e in shown if e["title"] == "Jamie Holt's annual review")
    assert (review["location"], review["notes"]) == ("Holt home (Jamie Holt)", "EHC-3107 to hand")
    log = json.loads(ok(run("audit", "--format", "json", db=demo_target)))
    assert [e["action"] for e in log] == ["events listed with names and case references"]


def test_a_childs_first_name_alone_is_withheld_unless_marked_adult_or_turned_off(demo_target):
    ok(run("evidence", "add", "--line", "A1", "--source", "meeting", "--text",
           "Poppy was out of school; Ravi's dad and Ann came.", db=demo_target))
    assert ok(run("names", "add", "Poppy Smith", db=demo_target)).strip() == "CYP-08"
    assert ok(run("names", "add", "Mr Ravi Patel", "--adult", db=demo_target)).strip() == "CYP-09"
    ok(run("names", "add", "Ann Lee", "--no-first-name", db=demo_target))
    out = ok(run("list", "evidence", db=demo_target))
    assert "CYP-08 was out of school; Ravi's dad and Ann came." in out
    ok(run("names", "add", "Ravi Khan", "--adult", "--first-name", db=demo_target))
    assert "CYP-11's dad" in ok(run("list", "evidence", db=demo_target))
    marked = json.loads(ok(run("names", "list", "--format", "json", db=demo_target)))
    assert [(p["pseudonym"], p["child"], p["first_name"]) for p in marked][-4:] == [
        ("CYP-08", True, True), ("CYP-09", False, False), ("CYP-10", True, False),
        ("CYP-11", False, True)]


@pytest.mark.parametrize("name, pseudonym, says", [
    ("Sam Reid", "sam  REID", "must not hold the name"),
    ("Sam Reid", "Sam", "must not hold the name"),
    ("Sam Reid", "Jamie Holt", "is a marked name"),
    ("Sam Reid", "jamie", "is a marked name"),  # the demo's Jamie Holt is a child
    ("Sam Reid", "cyp-03", "already in use"),
    ("CYP-07", None, "pseudonym of a marked name"),
    ("cyp-08", None, "pseudonym of a marked name"),  # the next one given
    ("Sam Reid --adult", "Sam", "must not hold the name"),  # even if not matched alone
])
def test_a_pseudonym_that_is_a_name_is_refused(demo_target, name, pseudonym, says):
    before = ok(run("names", "list", "--include-sensitive", "--format", "json", db=demo_target))
    extra = ["--pseudonym", pseudonym] if pseudonym else []
    name, *flags = name.split(" --")
    extra += [f"--{flag}" for flag in flags]
    line = own_error(run("names", "add", name, *extra, db=demo_target), 2)
    assert says in line and "Holt" not in line
    assert ok(run("names", "list", "--include-sensitive", "--format", "json",
                  db=demo_target)) == before


def test_check_withholds_names_in_event_titles_unless_asked(demo_target, tmp_path):
    schedule = tmp_path / "schedule.csv"
    schedule.write_text("date,start,end,kind,title,setting_urn,people,location,notes\n"
                        "2026-12-05,09:00,10:00,meeting,Jamie's review EHC-3107,,,,\n")
    ok(run("import", "schedule", schedule, db=demo_target))
    for fmt in ("table", "json"):
        out = run("check", "--format", fmt, db=demo_target)
        assert "CYP-03's review [case ref withheld]" in out.stdout
        assert "Jamie" not in out.stdout and "EHC-3107" not in out.stdout
    shown = run("check", "--include-sensitive", db=demo_target).stdout
    assert "Jamie's review EHC-3107" in shown
    log = json.loads(ok(run("audit", "--format", "json", db=demo_target)))
    assert [e["action"] for e in log] == ["problems listed with names and case references"]
