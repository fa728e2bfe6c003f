"""`sendtui check`: every problem in the schedule, exit 1 on errors; agrees with the store."""

import json

from tests.cli.test_cli import ok, run

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

CLASH = """date,start,end,kind,title,setting_urn,people,location,notes
2026-12-01,10:00,11:00,meeting,Extra meeting,,Helen Marsden,Base room,
2026-12-05,10:00,11:00,meeting,Saturday catch-up,,Kwame Mensah,Base room,
"""


def test_the_demo_week_has_no_problems_but_its_date(demo_target):
    # The demo is a 2016 inspection notified in November 2026, which cannot happen (issue 14):
    # its week is clean, its framework is out of date.
    problems = json.loads(ok(run("check", "--format", "json", db=demo_target)))
    assert [(p["severity"], p["rule"], p["events"]) for p in problems] == [
        ("warning", "framework-period", [])]


def test_a_clash_and_a_weekend_are_errors_exit_1(demo_target, tmp_path):
    schedule = tmp_path / "extra.csv"
    schedule.write_text(CLASH)
    ok(run("import", "schedule", schedule, db=demo_target))
    result = run("check", "--format", "json", db=demo_target)
    assert result.exit_code == 1
    problems = json.loads(result.stdout)
    rules = [p["rule"] for p in problems]
    assert rules[:2] == ["person-clash", "non-working-day"]
    clash = problems[0]
    assert clash["severity"] == "error" and len(clash["events"]) == 2
    assert "Helen Marsden is in two places at once" in clash["message"]
    events = {e["id"]: e["title"] for e in json.loads(ok(run("list", "events", "--format",
                                                            "json", db=demo_target)))}
    assert "Extra meeting" in [events[i] for i in clash["events"]]
    table = run("check", db=demo_target)
    assert table.exit_code == 1 and "person-clash" in table.stdout


def test_warnings_alone_exit_0(demo_target, tmp_path):
    schedule = tmp_path / "late.csv"
    schedule.write_text("date,start,end,kind,title,setting_urn,people,location,notes\n"
                        "2026-12-02,17:50,18:30,meeting,Late call,,Rachel Thornton,Online,\n")
    ok(run("import", "schedule", schedule, db=demo_target))
    result = run("check", db=demo_target)
    assert result.exit_code == 0 and "outside-hours" in result.stdout


def test_rules_are_shown_changed_and_used_by_check(demo_target):
    assert "08:00–18:00" in ok(run("rules", db=demo_target))
    assert "at 20 km/h + 5 min buffer" in ok(run("rules", "--speed", "20", "--buffer", "5",
                                                 db=demo_target))
    ok(run("rules", "--day-end", "17:30", db=demo_target))
    result = run("check", db=demo_target)
    assert result.exit_code == 0 and "outside working hours (08:00–17:30)" in result.stdout


def test_rules_that_make_no_sense_change_nothing(demo_target):
    result = run("rules", "--day-end", "07:00", db=demo_target)
    assert result.exit_code == 2 and "must end after it starts" in result.stderr
    assert run("rules", "--road-factor", "9", db=demo_target).exit_code == 2
    assert "08:00–18:00" in ok(run("rules", db=demo_target))
