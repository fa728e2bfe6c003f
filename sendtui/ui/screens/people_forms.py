"""The forms of the people screen: a person's details, a period they are unavailable."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input

from sendtui.domain.calendar import parse_date
from sendtui.domain.clock import london_to_utc, parse_time
from sendtui.domain.words import sentence
from sendtui.errors import CalendarError, InvalidInput, TimeError
from sendtui.ui.screens.forms import FormScreen

YES, NO = {"yes", "y"}, {"no", "n"}


class CompactForm(FormScreen):
    """One line per input, so that six fields fit in 24 rows."""

    def on_mount(self) -> None:
        for field in self.query(Input):
            field.compact = True


class PersonForm(CompactForm):
    def __init__(self, person=None, taken: set[str] = frozenset()):
        super().__init__()
        self.person = person
        self.taken = set(taken) - ({person.name} if person else set())
        self.TITLE = f"Edit {person.name}" if person else "Add a person"

    def fields(self):
        p = self.person
        return [("name", "Name", p.name if p else ""),
                ("role", "Role", p.role if p else ""),
                ("organisation", "Organisation", p.organisation if p else ""),
                ("email", "Email", p.email if p else ""),
                ("phone", "Phone", p.phone if p else ""),
                ("team", "On the inspection team? yes or no",
                 "yes" if p and p.is_team else "no")]

    def check(self, values):
        from sendtui.store.people import tidy as tidy_person

        try:
            details = tidy_person(values["name"], values["role"], values["organisation"],
                                  values["email"], values["phone"], self.taken)
        except InvalidInput as exc:
            raise ValueError(sentence(str(exc))) from None
        team = values["team"].strip().lower()
        if team not in YES | NO:
            raise ValueError("Say yes or no: is this person on the inspection team?")
        return {**details, "is_team": team in YES}


class UnavailableForm(CompactForm):
    """A period on one day, typed in London time; the result is (start, end, reason) in UTC."""

    def __init__(self, name: str, day: dt.date):
        super().__init__()
        self.day = day
        self.TITLE = f"{name} is unavailable…"

    def fields(self):
        return [("day", "Date (YYYY-MM-DD)", self.day.isoformat()),
                ("start", "From (HH:MM, London time)", "09:00"),
                ("end", "To (HH:MM)", "17:00"),
                ("reason", "Reason (optional), e.g. training", "")]

    def check(self, values):
        try:
            day = parse_date(values["day"])
            start, end = parse_time(values["start"]), parse_time(values["end"])
        except (CalendarError, TimeError) as exc:
            raise ValueError(sentence(str(exc))) from None
        if end <= start:
            raise ValueError("The end time must be after the start time.")
        return london_to_utc(day, start), london_to_utc(day, end), values["reason"]
