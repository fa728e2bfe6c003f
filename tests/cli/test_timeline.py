"""`sendtui timeline` with outcomes (CLI.md: `timeline … [--outcome N]`, `--wsoa`): what
follows the report per framework, in json and table, and the combinations refused (exit 2)."""

import pytest

from tests.cli.test_cli import as_json, ok, own_error, refused, run

NOTIFIED_2023 = ("--framework", "2023", "--notified", "2024-05-20")


def keyed(rows):
    return {r["key"]: (r["date"], r["end"]) for r in rows}


def test_2023_names_the_three_weeks_and_the_survey_window():
    out = ok(run("timeline", *NOTIFIED_2023))
    assert "Week 1: set-up and data request" in out
    assert "Week 2: tracking and case sampling" in out
    assert "Week 3: on-site fieldwork ending in final feedback" in out
    assert "Surveys open" in out
    assert "Tue 2024-05-28 – Mon 2024-06-03" in out  # week 2 after the Spring Bank Holiday


@pytest.mark.parametrize("outcome, follows", [
    ("1", {"next-full-inspection": ("2029-07-16", None)}),  # Sun 15 Jul moves on
    ("2", {"strategic-plan-update": ("2024-08-27", None),
           "next-full-inspection": ("2027-07-15", None)}),
    ("3", {"priority-action-plan": ("2024-08-27", None),
           "strategic-plan-update": ("2024-08-27", None),
           "monitoring-inspection": ("2026-01-15", None),
           "next-full-inspection": ("2027-07-15", None)}),
])
def test_2023_outcome_json(outcome, follows):
    rows = as_json(run("timeline", *NOTIFIED_2023, "--received", "2024-07-15", "--published",
                       "2024-07-22", "--outcome", outcome, "--format", "json"))
    dates = keyed(rows)
    assert {k: dates[k] for k in follows} == follows
    assert set(dates) - set(follows) == {"notified", "set-up", "surveys", "tracking", "on-site",
                                         "final-feedback", "report-received", "published"}
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


def test_2023_outcome_table():
    out = ok(run("timeline", *NOTIFIED_2023, "--published", "2024-07-22", "--outcome", "3"))
    assert "priority-action-plan" in out and "Thu 2026-01-22" in out  # monitoring, 18 months


def test_2016_wsoa_from_the_report_received_and_from_publication():
    received = keyed(as_json(run("timeline", "--framework", "2016", "--notified", "2020-01-27",
                                 "--received", "2020-03-27", "--published", "2020-04-03",
                                 "--wsoa", "--format", "json")))
    assert received["wsoa-due"] == ("2020-07-09", None)
    assert received["wsoa-resubmission-due"] == ("2020-08-20", None)
    published = keyed(as_json(run("timeline", "--framework", "2016", "--notified", "2020-03-02",
                                  "--published", "2020-05-05", "--wsoa", "--format", "json")))
    assert published["wsoa-due"] == ("2020-08-13", None)
    assert published["wsoa-review-due"] == ("2020-08-27", None)
    assert published["revisit-window"] == ("2022-02-28", None)  # after Sun 27 Feb


def test_2016_wsoa_table():
    out = ok(run("timeline", "--framework", "2016", "--notified", "2020-03-02",
                 "--published", "2020-05-05", "--wsoa"))
    assert "WSOA resubmission (if unfit)" in out and "Fri 2020-09-25" in out


def test_revisit_final_feedback_on_the_last_day():
    rows = keyed(as_json(run("timeline", "--framework", "revisit", "--notified", "2022-10-31",
                             "--format", "json")))
    assert rows["on-site"] == ("2022-11-14", "2022-11-16")
    assert rows["final-feedback"] == ("2022-11-16", None)


def test_monitoring_table():
    out = ok(run("timeline", "--framework", "2023-monitoring", "--notified", "2026-03-02"))
    assert "Week 3" in out and "Mon 2026-03-16 – Fri 2026-03-20" in out


def test_an_outcome_without_a_report_date_says_what_is_missing():
    result = run("timeline", *NOTIFIED_2023, "--outcome", "2", "--format", "json")
    assert "strategic-plan-update" not in keyed(as_json(result))
    assert "--published or --received" in result.stderr


@pytest.mark.parametrize("args, says", [
    (("--framework", "2016", "--notified", "2020-03-02", "--outcome", "2"), "2023 inspection"),
    (("--framework", "revisit", "--notified", "2020-03-02", "--outcome", "1"), "2023"),
    (("--framework", "2023", "--notified", "2024-05-20", "--wsoa"), "2016 inspection"),
    (("--framework", "2023-monitoring", "--notified", "2024-05-20", "--wsoa"), "2016"),
    (("--framework", "2023", "--notified", "2024-05-20", "--outcome", "4"), "1, 2 or 3"),
    (("--framework", "2023", "--notified", "2024-05-20", "--outcome", "0"), "1, 2 or 3"),
])
def test_combinations_that_do_not_fit_are_one_line_exit_2(args, says):
    assert says in own_error(run("timeline", *args), 2)


def test_an_outcome_that_is_not_a_number_is_a_usage_error():
    assert "whole number" in refused(run("timeline", *NOTIFIED_2023, "--outcome", "x"), 2)
