"""Tracked children and sampled cases: when the documents are due, how many may be tracked,
which professionals are missing, and what is late, in words."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest

from sendtui.domain import tracking as rules
from sendtui.domain.clock import london_to_utc, to_london
from sendtui.errors import InvalidInput


def child(**kw):
    base = dict(consent="given", documents_uploaded=None, sectors=("education", "health",
                                                                    "social-care"),
                documents_due=rules.documents_due(dt.date(2026, 11, 19)))
    return SimpleNamespace(**{**base, **kw})


@pytest.mark.parametrize("selected, due", [
    (dt.date(2026, 11, 19), dt.date(2026, 11, 23)),  # Thu → Mon: the weekend skipped
    (dt.date(2026, 4, 30), dt.date(2026, 5, 5)),  # Thu → Tue: early May bank holiday Mon 4
    (dt.date(2026, 4, 2), dt.date(2026, 4, 8)),  # Thu → Wed: Good Friday, Easter Monday
    (dt.date(2026, 12, 24), dt.date(2026, 12, 30)),  # Christmas, Boxing Day moved to Mon 28
])
def test_documents_are_due_two_working_days_after_selection_at_five(selected, due):
    local = to_london(rules.documents_due(selected))
    assert (local.date(), local.time()) == (due, dt.time(17, 0))


def test_a_due_typed_as_a_date_is_five_pm_and_a_time_is_kept():
    assert rules.parse_due("2026-05-05") == london_to_utc(dt.date(2026, 5, 5), dt.time(17))
    assert rules.parse_due("2026-05-05 10:00") == london_to_utc(dt.date(2026, 5, 5),
                                                                dt.time(10))


def test_six_children_are_tracked_at_most_and_sampled_cases_are_not_counted():
    five = [f"CYP-0{n}" for n in range(1, 6)]
    rules.check_room("tracked", five)
    rules.check_room("sampled", five + ["CYP-06"])
    with pytest.raises(InvalidInput, match="up to 6 children.*CYP-06 are tracked already"):
        rules.check_room("tracked", five + ["CYP-06"])


def test_a_missing_sector_is_named():
    assert rules.problems(child(sectors=("education", "health")), rules.documents_due(
        dt.date(2026, 11, 1))) == ["no social care professional to invite"]
    assert rules.missing_sectors(()) == ["education", "health", "social care"]
    assert rules.parse_sectors("Social care; education") == ("education", "social-care")
    with pytest.raises(InvalidInput, match="'police' is not a sector"):
        rules.parse_sectors("health, police")


def test_documents_are_overdue_after_their_due_until_uploaded_or_consent_refused():
    due = child().documents_due
    assert not rules.is_overdue(child(), due)
    assert rules.is_overdue(child(), due + dt.timedelta(minutes=1))
    later = due + dt.timedelta(days=1)
    assert rules.problems(child(), later) == ["documents overdue (due Mon 23 Nov 17:00)"]
    assert not rules.is_overdue(child(documents_uploaded=dt.date(2026, 11, 23)), later)
    assert rules.problems(child(consent="refused"), later) == [
        "consent refused: tell the lead inspector"]


def test_consent_goes_round_and_missing_consent_is_said():
    order = [""]
    for _ in range(4):
        order.append(rules.next_consent(order[-1]))
    assert order == ["", "asked", "given", "refused", ""]
    now = child().documents_due - dt.timedelta(days=1)
    assert rules.problems(child(consent=""), now) == ["consent not asked yet"]
    assert rules.problems(child(consent="asked"), now) == ["consent asked, not given yet"]
