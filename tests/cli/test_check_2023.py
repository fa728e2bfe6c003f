"""`sendtui check` on a realistic 2023 inspection, built through the commands a coordinator
uses: notified Mon 18 May 2026 (the spring bank holiday Mon 25 May falls in week 2)."""

import json

from tests.cli.test_cli import GIAS, ok, run

SCHEDULE = """date,start,end,kind,title,setting_urn,people,location,notes,audience
2026-05-19,10:00,11:15,set-up-meeting,Set-up discussion,,Helen Marsden;Priya Shah,Online,,
2026-05-20,16:00,16:20,keep-in-touch,Keep in touch,,Helen Marsden;Priya Shah,Online,,
2026-05-27,09:00,10:15,tracking-meeting,Tracking: child A,,Helen Marsden,Online,,
2026-05-27,11:00,12:15,tracking-meeting,Tracking: child B,,Helen Marsden,Online,,
2026-05-27,14:00,15:15,tracking-meeting,Tracking: child C,,Kwame Mensah,Online,,
2026-05-28,09:00,10:15,tracking-meeting,Tracking: child D,,Kwame Mensah,Online,,
2026-05-28,11:00,12:15,tracking-meeting,Tracking: child E,,Helen Marsden,Online,,
2026-05-29,09:00,10:15,tracking-meeting,Tracking: child F,,Helen Marsden,Online,,
2026-05-28,13:00,15:30,case-sampling,Case sampling: EHC plan quality,,Kwame Mensah,Base room,,
2026-06-02,09:00,10:00,leaders-meeting,Leaders: strategy,,Helen Marsden;Kwame Mensah,Base room,,
2026-06-02,13:00,16:00,visit,Visit,190001,Helen Marsden,,,
2026-06-03,09:00,12:00,visit,Visit,190006,Kwame Mensah,,,
2026-06-03,14:00,15:00,pcf-meeting,Parent carer forum,,Helen Marsden,Online,,
2026-06-03,16:00,17:00,focus-group,Elected members,,Helen Marsden,Base room,,elected-members
2026-06-04,10:00,11:15,focus-group,SENCOs,,Kwame Mensah,Online,,sencos
2026-06-04,13:00,14:00,team-meeting,Team meeting,,Helen Marsden;Kwame Mensah,Base room,,
2026-06-08,14:00,15:00,final-feedback,Final feedback,,Helen Marsden;Kwame Mensah;Priya Shah,Base room,,
"""
PHASE_RULES = {"outside-on-site", "outside-phase", "outside-inspection", "visit-before-on-site"}


def test_a_2023_schedule_has_no_false_phase_problem_nor_webinar_demand(tmp_path):
    db = tmp_path / "2023.db"
    ok(run("inspection", "new", "--la", "Wealdshire", "--framework", "2023", "--notified",
           "2026-05-18", db=db))
    ok(run("import", "settings", GIAS, db=db))
    schedule = tmp_path / "three-weeks.csv"
    schedule.write_text(SCHEDULE)
    ok(run("import", "schedule", schedule, db=db))
    result = run("check", "--format", "json", db=db)
    assert result.exit_code == 0, result.stdout  # warnings only
    problems = json.loads(result.stdout)
    rules = {p["rule"] for p in problems}
    assert not rules & PHASE_RULES, problems
    assert not [p for p in problems if "webinar" in p["message"].lower()]
    assert not rules & {"coverage-tracking", "coverage-case-sampling", "coverage-leaders",
                        "coverage-pcf", "coverage-elected-members", "coverage-final-feedback",
                        "tracking-over-six", "notified-not-monday", "framework-period"}
    assert {p["rule"] for p in problems} <= {"coverage", "coverage-surveys"}


def test_a_2023_visit_in_week_2_is_named_in_json(tmp_path):
    db = tmp_path / "2023.db"
    ok(run("inspection", "new", "--la", "Wealdshire", "--framework", "2023", "--notified",
           "2026-05-18", db=db))
    ok(run("import", "settings", GIAS, db=db))
    schedule = tmp_path / "early.csv"
    schedule.write_text("date,start,end,kind,title,setting_urn,people,location,notes\n"
                        "2026-05-28,09:00,12:00,visit,Early visit,190001,Helen Marsden,,\n")
    ok(run("import", "schedule", schedule, db=db))
    problems = json.loads(ok(run("check", "--format", "json", db=db)))
    early = [p for p in problems if p["rule"] == "visit-before-on-site"]
    assert len(early) == 1 and early[0]["severity"] == "warning" and len(early[0]["events"]) == 1
    assert "Early visit (Thu 28 May 09:00–12:00)" in early[0]["message"]
