"""The dashboard's Today: the day's events still to come, what is due today, what is overdue."""

import datetime as dt

from sendtui.domain.clock import london_to_utc
from sendtui.domain.today import DueItem, moment, today
from sendtui.records import EventRecord

DAY = dt.date(2026, 12, 1)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    return london_to_utc(day, dt.time(hour, minute))


def event(title: str, start: dt.datetime, hours: int = 1, status: str = "planned"):
    return EventRecord("id-" + title, "meeting", title, start, start + dt.timedelta(hours=hours),
                       status=status)


def test_a_pretended_day_is_read_at_nine_in_the_morning():
    assert moment(DAY) == at(DAY, 9)


def test_events_still_to_come_today_in_time_order():
    now = at(DAY, 10)
    shown = today(now, [event("later", at(DAY, 14)), event("done", at(DAY, 8)),
                        event("running", at(DAY, 9, 30)), event("tomorrow", at(DAY, 9) + dt.timedelta(days=1)),
                        event("called off", at(DAY, 11), status="cancelled")], [])
    assert [e.title for e in shown.events] == ["running", "later"]


def test_overdue_first_by_deadline_and_due_today_apart():
    now = at(DAY, 8)
    items = [DueItem("Request", "EHC audit", at(DAY, 10)),
             DueItem("Action", "Send the list", at(DAY, 7), overdue=True),
             DueItem("Child", "CYP-02 consent", at(DAY - dt.timedelta(days=2), 17), overdue=True),
             DueItem("Request", "JSNA", at(DAY + dt.timedelta(days=1), 10)),
             DueItem("Child", "CYP-06: consent not given yet", None)]
    shown = today(now, [], items)
    assert [i.text for i in shown.overdue] == ["CYP-02 consent", "Send the list"]
    assert [i.text for i in shown.due_today] == ["EHC audit", "CYP-06: consent not given yet"]
