"""Small modal forms (a key date, a line of enquiry) and the yes/no question."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Static

from sendtui.domain.calendar import parse_date
from sendtui.domain.lines import is_line_code, tidy_line
from sendtui.domain.words import sentence
from sendtui.errors import CalendarError
from sendtui.ui.screens.form import FormScreen, Invalid, labelled


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


class LineForm(FormScreen):
    def __init__(self, line=None, taken: set[str] = frozenset()):
        super().__init__(f"Edit line {line.code}" if line else "Add a bespoke line of enquiry")
        self.line = line
        self.taken = {c.upper() for c in taken} - ({line.code.upper()} if line else set())

    def body(self) -> ComposeResult:
        code = self.line.code if self.line else self._next_code()
        yield from labelled("code", "Code (a letter then digits, e.g. X1)", code)
        yield from labelled("title", "What the line asks", self.line.title if self.line else "")

    def _next_code(self) -> str:
        n = 1
        while f"X{n}" in self.taken:
            n += 1
        return f"X{n}"

    def check(self):
        values = self.values()
        code, title = tidy_line(values["code"], values["title"])
        if not is_line_code(code):
            raise Invalid({"code": "A code is a letter then letters or digits, e.g. X1."})
        if code in self.taken:
            raise Invalid({"code": f"Line {code} already exists."})
        if not title:
            raise Invalid({"title": "Say what the line asks."})
        return code, title


class ConfirmScreen(ModalScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="yes"),
        Binding("n,escape", "answer(False)", "No", id="no"),
    ]

    def __init__(self, question: str):
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.question, id="question", markup=False)
            yield Static("y: yes · n or escape: no", classes="hint")
        yield Footer()

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
