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
    from sendtui.domain.clock import london_today

    assert moment(DAY) == at(DAY, 9)
    real = london_today()  # pretending it is today (SENDTUI_TODAY = the date) still pretends
    assert moment(real, pretended=True) == at(real, 9)


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


def test_a_deadline_after_the_report_is_overdue_until_the_plan_meets_it():
    from sendtui.domain.outcomes import AfterReport, countdown, met
    from sendtui.domain.template_parts import KeyDate
    from sendtui.domain.today import deadline_items

    dates = (KeyDate("published", "Report published", dt.date(2024, 7, 22)),
             KeyDate("priority-action-plan", "Priority action plan due", dt.date(2024, 8, 27)),
             KeyDate("monitoring-inspection", "Monitoring inspection", dt.date(2026, 1, 15)))
    now = at(dt.date(2024, 9, 2), 9)
    late = deadline_items(AfterReport("3", dates), now)
    assert [(i.what, i.text, i.overdue) for i in late] == [
        ("Plan", "Priority action plan due", True)]  # not the report, not next year's
    done = met([("priority-action-plan", dt.date(2024, 8, 23), None, None),
                ("wsoa", None, None, None)])
    assert done == {"priority-action-plan": dt.date(2024, 8, 23)}
    assert deadline_items(AfterReport("3", dates, met=tuple(done.items())), now) == []
    assert countdown(dates[1], now.date(), met_on=dt.date(2024, 8, 23)) == (
        "done Fri 23 Aug 2024", False)


def test_a_wsoa_is_met_step_by_step_by_its_versions():
    from sendtui.domain.outcomes import met

    first = ("wsoa", dt.date(2027, 3, 26), dt.date(2027, 4, 23), dt.date(2027, 5, 14))
    second = ("wsoa", dt.date(2027, 5, 14), dt.date(2027, 6, 4), None)
    assert met([second, first]) == {"wsoa-due": dt.date(2027, 3, 26),
                                    "wsoa-review-due": dt.date(2027, 4, 23),
                                    "wsoa-resubmission-due": dt.date(2027, 5, 14)}
