"""The event rules both faces use: visitable settings, visits need a setting, times in order."""

import datetime as dt

import pytest

from sendtui.domain.events import ends_after_start, needs_setting, visitable

NINE = dt.datetime(2026, 12, 1, 9, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("status, offered", [
    ("Open", True),
    ("Open, but proposed to close", True),
    ("Closed", False),
    ("Proposed to open", False),
    (" closed ", False),
    ("Proposed  to   OPEN", False),
])
def test_closed_settings_and_those_not_open_yet_cannot_be_visited(status, offered):
    assert visitable(status) is offered


@pytest.mark.parametrize("kind, needed", [("visit", True), ("meeting", False),
                                          ("focus-group", False), ("webinar", False)])
def test_only_a_visit_needs_a_setting(kind, needed):
    assert needs_setting(kind) is needed


@pytest.mark.parametrize("minutes, in_order", [(60, True), (1, True), (0, False), (-30, False)])
def test_an_event_ends_after_it_starts(minutes, in_order):
    assert ends_after_start(NINE, NINE + dt.timedelta(minutes=minutes)) is in_order
