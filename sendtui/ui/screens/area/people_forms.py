"""The forms of the people screen: a person's details, a period they are unavailable."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult

from sendtui.config import today
from sendtui.domain.calendar import parse_date
from sendtui.domain.clock import london_to_utc, parse_time
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
    """A period on one day, typed in London time; the result is (start, end, reason) in UTC."""

    def __init__(self, name: str, day: dt.date):
        super().__init__(f"{name} is unavailable…")
        self.day = day

    def body(self) -> ComposeResult:
        for key, text, value in [("day", "Date (YYYY-MM-DD)", self.day.isoformat()),
                                 ("start", "From (HH:MM, London time)", "09:00"),
                                 ("end", "To (HH:MM)", "17:00"),
                                 ("reason", "Reason (optional), e.g. training", "")]:
            yield from labelled(key, text, value)

    def check(self):
        values, errors, times = self.values(), {}, {}
        try:
            now = getattr(self.app, "today", None) or today()  # "friday" is from the app's today
            day = parse_date(values["day"], today=now)
        except CalendarError as exc:
            errors["day"] = sentence(str(exc))
        for key in ("start", "end"):
            try:
                times[key] = parse_time(values[key])
            except TimeError as exc:
                errors[key] = sentence(str(exc))
        if errors:
            raise Invalid(errors)
        if times["end"] <= times["start"]:
            raise Invalid({"end": "The end time must be after the start time."})
        return (london_to_utc(day, times["start"]), london_to_utc(day, times["end"]),
                values["reason"])
