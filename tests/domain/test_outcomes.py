"""Outcomes and the dates that follow them (BRIEF §2.3.6–7, §2.4, §8; the 2025 handbook's
outcome table): worked dates, refused combinations, the editable template parts, countdown."""

import datetime as dt

import pytest

from sendtui.domain import frameworks as fw
from sendtui.domain import outcomes as oc
from sendtui.errors import InvalidInput

D = dt.date
F2016, F2023, REVISIT = (fw.get_framework(s) for s in ("2016", "2023", "revisit"))


def after(framework, notified, **kw):
    keys = fw.after_report_keys(framework)
    return {k.key: k.date for k in fw.key_dates(framework, notified, **kw) if k.key in keys}


def test_2016_wsoa_counts_from_the_report_received():
    """Leicestershire: report received Fri 27 Mar 2020 → due Thu 9 Jul, decision Thu 23 Jul,
    resubmission Thu 20 Aug (BRIEF §2.3); publication a week later changes nothing."""
    dates = after(F2016, D(2020, 1, 27), received=D(2020, 3, 27), published=D(2020, 4, 3),
                  outcome="wsoa")
    assert dates == {"report-received": D(2020, 3, 27), "published": D(2020, 4, 3),
                     "wsoa-due": D(2020, 7, 9), "wsoa-review-due": D(2020, 7, 23),
                     "wsoa-resubmission-due": D(2020, 8, 20),
                     "revisit-window": D(2022, 1, 24)}


def test_2016_wsoa_falls_back_on_publication():
    dates = after(F2016, D(2020, 3, 2), published=D(2020, 5, 5), outcome="wsoa")
    assert dates["wsoa-due"] == D(2020, 8, 13)  # BRIEF §2.3 worked example
    assert dates["wsoa-review-due"] == D(2020, 8, 27)
    assert dates["wsoa-resubmission-due"] == D(2020, 9, 25)  # skips Mon 31 Aug


def test_2016_without_a_wsoa_nothing_follows():
    assert after(F2016, D(2020, 3, 2), published=D(2020, 5, 5), outcome="no-wsoa") == {
        "published": D(2020, 5, 5)}


@pytest.mark.parametrize("outcome, expected", [
    ("1", {"next-full-inspection": D(2029, 7, 16)}),  # Sun 15 Jul moves on
    ("2", {"strategic-plan-update": D(2024, 8, 27), "next-full-inspection": D(2027, 7, 15)}),
    ("3", {"priority-action-plan": D(2024, 8, 27), "strategic-plan-update": D(2024, 8, 27),
           "monitoring-inspection": D(2026, 1, 15), "next-full-inspection": D(2027, 7, 15)}),
])
def test_2023_what_follows_each_outcome(outcome, expected):
    """Report received Mon 15 Jul 2024 (published a week later): 30 working days skip the
    August bank holiday; monitoring 18 months after receipt; next full in 5 or 3 years."""
    dates = after(F2023, D(2024, 5, 20), received=D(2024, 7, 15), published=D(2024, 7, 22),
                  outcome=outcome)
    assert dates == {"report-received": D(2024, 7, 15), "published": D(2024, 7, 22), **expected}


def test_2023_outcome_labels_are_the_june_2025_wording():
    labels = [o.label for o in F2023.outcomes]
    assert labels[0].startswith("The local area partnership's SEND arrangements typically "
                                "lead to positive experiences")
    assert "inconsistent experiences and outcomes" in labels[1]
    assert labels[2].startswith("There are widespread and/or systemic failings")


def test_revisit_verdicts_per_weakness():
    assert oc.recorded(REVISIT, verdicts={"W1": True, "W2": True}).outcome == "sufficient"
    app = oc.recorded(REVISIT, verdicts={"W1": True, "W2": False})
    assert app.outcome == "app" and dict(app.verdicts) == {"W1": True, "W2": False}
    dates = after(REVISIT, D(2022, 10, 31), published=D(2023, 1, 10), outcome="app")
    assert dates["app-review"] == D(2023, 7, 10)


@pytest.mark.parametrize("framework, kw, says", [
    (F2016, {"outcome": 2}, "2023 inspection"),
    (F2023, {"wsoa": True}, "2016 inspection"),
    (F2023, {"outcome": 4}, "1, 2 or 3"),
    (F2023, {"outcome": 0}, "1, 2 or 3"),
    (REVISIT, {"outcome": 1}, "2023 inspection"),
    (F2023, {"verdicts": {"W1": True}}, "revisit"),
])
def test_combinations_that_do_not_fit_are_refused(framework, kw, says):
    with pytest.raises(InvalidInput, match=says):
        oc.recorded(framework, **kw)


def test_recorded_round_trips_through_json():
    rec = oc.recorded(REVISIT, verdicts={"W2": False, "W1": True})
    assert oc.Recorded.from_json(rec.to_json()) == rec
    assert oc.Recorded.from_json("not json") == oc.Recorded()
    assert oc.Recorded.from_json("{}").outcome is None


def test_an_inspection_keeps_its_own_labels_and_intervals():
    import json

    data = json.loads(oc.editable(F2023))
    data["outcomes"][0]["label"] = "Positive (our words)"
    data["outcomes"][0]["follows"][0]["months"] = 48
    edited = oc.with_edits(F2023, json.dumps(data))
    assert edited.outcome("1").label == "Positive (our words)"
    dates = after(edited, D(2024, 5, 20), received=D(2024, 7, 15), outcome="1")
    assert dates["next-full-inspection"] == D(2028, 7, 17)  # after Sat 15 Jul
    assert oc.with_edits(F2023, "") is F2023 and oc.with_edits(F2023, "{broken") is F2023


@pytest.mark.parametrize("date, text, overdue", [
    (D(2024, 8, 27), "due today", False),
    (D(2024, 8, 30), "3 working days to go", False),
    (D(2024, 9, 2), "4 working days to go", False),
    (D(2024, 8, 22), "overdue by 2 working days", True),  # Mon 26 Aug is a bank holiday
    (D(2026, 1, 15), "in about 17 months", False),
])
def test_countdown(date, text, overdue):
    kd = fw.KeyDate("priority-action-plan", "Priority action plan", date)
    assert oc.countdown(kd, D(2024, 8, 27)) == (text, overdue)


def test_the_report_itself_is_never_overdue():
    kd = fw.KeyDate("published", "Report published", D(2024, 7, 22))
    assert oc.countdown(kd, D(2024, 7, 24)) == ("2 working days ago", False)


def test_after_report_waits_for_an_outcome_or_a_report():
    dates = fw.key_dates(F2023, D(2024, 5, 20))
    assert oc.after_report(F2023, oc.Recorded(), dates) is None
    shown = oc.after_report(F2023, oc.Recorded("3"), dates)
    assert shown.outcome_label.startswith("There are widespread") and shown.dates == ()


def test_an_inspection_may_reword_its_outcomes_and_change_their_intervals():
    from sendtui.domain.outcomes import reworded, wording_problems
    from sendtui.domain.templates import FRAMEWORK_2023

    new = reworded(FRAMEWORK_2023, {"2": "  Inconsistent   experiences "},
                   {("3", "priority-action-plan"): "25", ("2", "next-full-inspection"): "30"})
    assert new.outcome("2").label == "Inconsistent experiences"
    assert new.outcome("1").label == FRAMEWORK_2023.outcome("1").label  # untouched
    plan = {r.key: r for r in new.outcome("3").follows}
    assert plan["priority-action-plan"].offset == 25
    assert {r.key: r for r in new.outcome("2").follows}["next-full-inspection"].months == 30
    assert FRAMEWORK_2023.outcome("2").label.startswith("The local area partnership's")

    bad = wording_problems(FRAMEWORK_2023, {"1": " "},
                           {("3", "monitoring-inspection"): "0",
                            ("3", "priority-action-plan"): "ten"})
    assert set(bad) == {("1", ""), ("3", "monitoring-inspection"), ("3", "priority-action-plan")}
    assert "1 to 120 months" in bad[("3", "monitoring-inspection")]
    with pytest.raises(InvalidInput, match="1 to 250 working days, not 'ten'"):
        reworded(FRAMEWORK_2023, {}, {("3", "priority-action-plan"): "ten"})
