"""The Today panel's reads on the demos: what is overdue and due on the demo's days."""

import datetime as dt

from sendtui.demo import add_demo
from sendtui.domain.today import morning_of
from sendtui.store.names import redactor
from sendtui.store.today import today

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)


def test_the_2023_demo_on_its_first_on_site_morning(store):
    ins, _ = add_demo(store, "2023")
    shown = today(store, ins.id, morning_of(dt.date(2026, 11, 30)))
    overdue = {(i.what, i.text) for i in shown.overdue}
    assert ("Request", "Health commissioning template") in overdue  # due Tue 24 Nov
    assert ("Action", "Upload the documents for CYP-05 and CYP-06") in overdue
    assert {"CYP-05: documents not in", "CYP-06: documents not in"} <= {
        i.text for i in shown.overdue if i.what == "Child"}
    assert [i.due for i in shown.overdue] == sorted(i.due for i in shown.overdue)
    assert shown.events and all(e.start.date() >= dt.date(2026, 11, 30) for e in shown.events)
    said = " ".join(i.text for i in shown.overdue + shown.due_today)
    assert "CYP-05" in said and redactor(store, ins.id).redact(said) == said  # no name in it


def test_sent_and_not_held_requests_are_never_in_it(store):
    ins, _ = add_demo(store, "2023")
    shown = today(store, ins.id, morning_of(dt.date(2026, 12, 25)))
    listed = {i.text for i in shown.overdue + shown.due_today}
    assert "Residential special school template" not in listed  # not held
    assert "Data request" not in listed  # sent
