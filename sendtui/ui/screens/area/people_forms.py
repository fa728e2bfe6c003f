"""The forms of the people screen: a person's details, a period they are unavailable."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from sendtui.config import today
from sendtui.domain.calendar import parse_date
from sendtui.domain.clock import london_to_utc, parse_time, to_london
from sendtui.domain.words import sentence
from sendtui.errors import CalendarError, InvalidInput, TimeError
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled

YES, NO = {"yes", "y"}, {"no", "n"}


class PersonForm(FormScreen):
    def __init__(self, person=None, taken: set[str] = frozenset()):
        super().__init__(f"Edit {person.name}" if person else "Add a person")
        self.person = person
        self.taken = set(taken) - ({person.name} if person else set())

    def body(self) -> ComposeResult:
        p = self.person
        for key, text, value in [
                ("name", "Name", p.name if p else ""),
                ("role", "Role", p.role if p else ""),
                ("organisation", "Organisation", p.organisation if p else ""),
                ("email", "Email", p.email if p else ""),
                ("phone", "Phone", p.phone if p else ""),
                ("team", "On the inspection team? yes or no",
                 "yes" if p and p.is_team else "no")]:
            yield from labelled(key, text, value)  # six fields in 24 rows

    def check(self):
        from sendtui.store.people import tidy as tidy_person

        values = self.values()
        try:
            details = tidy_person(values["name"], values["role"], values["organisation"],
                                  values["email"], values["phone"], self.taken)
        except InvalidInput as exc:
            raise Invalid(sentence(str(exc))) from None
        team = values["team"].strip().lower()
        if team not in YES | NO:
            raise Invalid({"team": "Say yes or no: is this person on the inspection team?"})
        return {**details, "is_team": team in YES}


class UnavailableForm(FormScreen):
    """A period from a day and time to a day and time (several days if need be), typed in
    London time; the result is (start, end, reason) in UTC. Given a `period`, edits it."""

    def __init__(self, name: str, day: dt.date, period=None):
        super().__init__(f"{name} is unavailable…")
        self.day = day
        self.period = period
        self.day_was = day.isoformat()  # the end day follows the start day until typed

    def body(self) -> ComposeResult:
        p = self.period
        start, end = (to_london(p.start), to_london(p.end)) if p else (None, None)
        for key, text, value in [
                ("day", "From day (YYYY-MM-DD)", start.date().isoformat() if p else self.day_was),
                ("start", "From time (HH:MM, London time)", f"{start:%H:%M}" if p else "09:00"),
                ("end_day", "To day", end.date().isoformat() if p else self.day_was),
                ("end", "To time (HH:MM)", f"{end:%H:%M}" if p else "17:00"),
                ("reason", "Reason (optional), e.g. training", p.reason if p else "")]:
            yield from labelled(key, text, value)

    @on(Input.Changed, "#day")
    def _end_day_follows(self, event: Input.Changed) -> None:
        end_day = self.query_one("#end_day", Input)
        if end_day.value == self.day_was:
            end_day.value = event.value
        self.day_was = event.value

    def check(self):
        values, errors, days, times = self.values(), {}, {}, {}
        now = getattr(self.app, "today", None) or today()  # "friday" is from the app's today
        for key in ("day", "end_day"):
            try:
                days[key] = parse_date(values[key], today=now)
            except CalendarError as exc:
                errors[key] = sentence(str(exc))
        for key in ("start", "end"):
            try:
                times[key] = parse_time(values[key])
            except TimeError as exc:
                errors[key] = sentence(str(exc))
        if errors:
            raise Invalid(errors)
        start = london_to_utc(days["day"], times["start"])
        end = london_to_utc(days["end_day"], times["end"])
        if end <= start:
            raise Invalid({"end": "The end must be after the start."})
        return start, end, values["reason"]
