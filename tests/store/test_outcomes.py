"""Recording what the report said: the outcome is kept on the inspection and the key dates
that follow are dated, moved, removed and undone through the write path."""

import datetime as dt

import pytest

from sendtui.errors import InvalidInput
from sendtui.store import inspections, undo
from sendtui.store import outcomes as recorded
from sendtui.store.repo import Store
from tests.store.old_stores import make_store_at

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

D = dt.date


def dates(store, ins_id):
    return {k.key: k.date for k in inspections.key_dates(store, ins_id)}


def test_a_2023_outcome_dates_what_follows_and_a_new_outcome_replaces_it(store):
    ins = inspections.create(store, "Wealdshire", "2023", D(2024, 5, 20)).id
    assert recorded.after_report(store, ins) is None  # nothing to show yet
    shown = recorded.record(store, ins, outcome=3, received=D(2024, 7, 15),
                            published=D(2024, 7, 22))
    assert shown.outcome_label.startswith("There are widespread and/or systemic failings")
    assert {k.key: k.date for k in shown.dates} == {
        "report-received": D(2024, 7, 15), "published": D(2024, 7, 22),
        "priority-action-plan": D(2024, 8, 27), "strategic-plan-update": D(2024, 8, 27),
        "monitoring-inspection": D(2026, 1, 15), "next-full-inspection": D(2027, 7, 15)}
    assert inspections.find(store, ins).published == D(2024, 7, 22)

    recorded.record(store, ins, outcome=1)
    after = dates(store, ins)
    assert "monitoring-inspection" not in after and "priority-action-plan" not in after
    assert after["next-full-inspection"] == D(2029, 7, 16)  # after Sun 15 Jul
    undo.undo(store, ins)
    assert dates(store, ins)["monitoring-inspection"] == D(2026, 1, 15)


def test_a_2016_wsoa_counts_from_the_report_received_once_it_is_known(store):
    ins = inspections.create(store, "Wealdshire", "2016", D(2020, 1, 27)).id
    recorded.record(store, ins, wsoa=True, published=D(2020, 4, 3))
    assert dates(store, ins)["wsoa-due"] == D(2020, 7, 16)  # publication: the fallback
    recorded.record(store, ins, received=D(2020, 3, 27))
    after = dates(store, ins)
    assert (after["wsoa-due"], after["wsoa-review-due"], after["wsoa-resubmission-due"]) == (
        D(2020, 7, 9), D(2020, 7, 23), D(2020, 8, 20))


def test_a_date_set_by_hand_is_kept_and_counted_from(store):
    ins = inspections.create(store, "Wealdshire", "2016", D(2020, 1, 27)).id
    recorded.record(store, ins, wsoa=True, received=D(2020, 3, 27))
    inspections.set_key_date(store, ins, "wsoa-due", D(2020, 7, 1))
    after = dates(store, ins)
    assert after["wsoa-due"] == D(2020, 7, 1) and after["wsoa-review-due"] == D(2020, 7, 15)
    recorded.record(store, ins, received=D(2020, 3, 30))
    assert dates(store, ins)["wsoa-due"] == D(2020, 7, 1)  # never recomputed over


def test_a_revisit_s_final_feedback_follows_the_last_day_on_site(store):
    ins = inspections.create(store, "Wealdshire", "revisit", D(2022, 10, 31)).id
    inspections.set_key_date(store, ins, "on-site", D(2022, 11, 14), D(2022, 11, 17))
    assert dates(store, ins)["final-feedback"] == D(2022, 11, 17)
    recorded.record(store, ins, verdicts={"W1": True, "W2": False}, published=D(2023, 1, 10))
    assert dates(store, ins)["app-review"] == D(2023, 7, 10)


@pytest.mark.parametrize("framework, kw", [
    ("2016", {"outcome": 2}), ("2023", {"wsoa": False}), ("2023", {"outcome": 4}),
    ("2023", {"received": D(2024, 5, 20)}),
])
def test_what_does_not_fit_changes_nothing(store, framework, kw):
    ins = inspections.create(store, "Wealdshire", framework, D(2024, 5, 20)).id
    before = inspections.key_dates(store, ins)
    with pytest.raises(InvalidInput):
        recorded.record(store, ins, **kw)
    assert inspections.key_dates(store, ins) == before


def test_an_inspection_made_before_outcomes_uses_the_template(tmp_path):
    path = tmp_path / "old.db"
    make_store_at(path, "0009", entries=5)
    store = Store.open(str(path))
    try:
        ins = inspections.find(store)
        shown = recorded.record(store, ins.id, published=ins.notified + dt.timedelta(days=60))
        assert shown is not None and shown.outcome_label is None
    finally:
        store.close()


def test_rewording_an_inspection_redates_what_follows_and_undo_brings_it_back(store):
    ins = inspections.create(store, "Wealdshire", "2023", D(2024, 5, 20)).id
    recorded.record(store, ins, outcome=3, received=D(2024, 7, 15))
    recorded.reword(store, ins, {"3": "Widespread failings"},
                    {("3", "priority-action-plan"): "20", ("3", "monitoring-inspection"): "12"})
    assert recorded.after_report(store, ins).outcome_label == "Widespread failings"
    assert dates(store, ins)["priority-action-plan"] == D(2024, 8, 12)
    assert dates(store, ins)["monitoring-inspection"] == D(2025, 7, 15)
    assert recorded.framework_of(store, ins).outcome("3").label == "Widespread failings"
    other = inspections.create(store, "Fenmarch", "2023", D(2024, 5, 20)).id
    assert recorded.framework_of(store, other).outcome("3").label.startswith("There are")

    with pytest.raises(InvalidInput):
        recorded.reword(store, ins, {"3": ""}, {})
    assert recorded.after_report(store, ins).outcome_label == "Widespread failings"
    undo.undo(store, ins)
    assert dates(store, ins)["priority-action-plan"] == D(2024, 8, 27)
    assert recorded.after_report(store, ins).outcome_label.startswith("There are widespread")
