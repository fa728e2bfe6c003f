"""The form that moves a key date (and its end, if it has one)."""

from __future__ import annotations

from textual.app import ComposeResult

from sendtui.domain.calendar import parse_date
from sendtui.domain.words import sentence
from sendtui.errors import CalendarError
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled


class KeyDateForm(FormScreen):
    def __init__(self, key_date):
        super().__init__(f"Edit key date: {key_date.label}")
        self.key_date = key_date

    def body(self) -> ComposeResult:
        kd = self.key_date
        yield from labelled("start", "Date (YYYY-MM-DD)", kd.date.isoformat())
        if kd.end:
            yield from labelled("end", "Until (YYYY-MM-DD)", kd.end.isoformat())

    def check(self):
        dates, errors = {}, {}
        for key, text in self.values().items():
            try:
                dates[key] = parse_date(text)
            except CalendarError as exc:
                errors[key] = sentence(str(exc))
        if errors:
            raise Invalid(errors)
        start, end = dates["start"], dates.get("end")
        if end is not None and end < start:
            raise Invalid({"end": "The end is before the start."})
        return start, end
