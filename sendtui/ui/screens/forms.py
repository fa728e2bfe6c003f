"""Small modal forms: each validates as you type and returns plain values on ctrl+s/enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Static

from sendtui.domain.calendar import parse_date
from sendtui.domain.lines import is_line_code, tidy_line
from sendtui.domain.words import sentence
from sendtui.errors import CalendarError


class FormScreen(ModalScreen):
    """A titled modal with inputs; subclasses define `fields` and `check`."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    TITLE = ""

    def fields(self) -> list[tuple[str, str, str]]:
        """(id, label, initial value)."""
        return []

    def check(self, values: dict[str, str]):
        """The result, or raise ValueError with a message in words."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.TITLE, classes="heading", markup=False)
            for field_id, label, value in self.fields():
                yield Label(label)
                yield Input(value=value, id=field_id)
            yield Static("", id="form-message", classes="message", markup=False)
            yield Static("enter or ctrl+s saves · escape cancels", classes="hint")
        yield Footer()

    def values(self) -> dict[str, str]:
        return {i.id: i.value for i in self.query(Input)}

    @on(Input.Changed)
    def _changed(self) -> None:
        message = self.query_one("#form-message", Static)
        try:
            self.check(self.values())
            message.update("")
            message.remove_class("error")
        except ValueError as exc:
            message.update(str(exc))
            message.add_class("error")

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        try:
            result = self.check(self.values())
        except ValueError as exc:
            self.query_one("#form-message", Static).update(str(exc))
            self.query_one("#form-message").add_class("error")
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)


class KeyDateForm(FormScreen):
    TITLE = "Edit key date"

    def __init__(self, key_date):
        super().__init__()
        self.key_date = key_date
        self.TITLE = f"Edit key date: {key_date.label}"

    def fields(self):
        kd = self.key_date
        rows = [("start", "Date (YYYY-MM-DD)", kd.date.isoformat())]
        if kd.end:
            rows.append(("end", "Until (YYYY-MM-DD)", kd.end.isoformat()))
        return rows

    def check(self, values):
        try:
            start = parse_date(values["start"])
            end = parse_date(values["end"]) if "end" in values else None
        except CalendarError as exc:
            raise ValueError(sentence(str(exc))) from None
        if end is not None and end < start:
            raise ValueError("The end is before the start.")
        return start, end


class LineForm(FormScreen):
    TITLE = "Line of enquiry"

    def __init__(self, line=None, taken: set[str] = frozenset()):
        super().__init__()
        self.line = line
        self.taken = {c.upper() for c in taken} - ({line.code.upper()} if line else set())
        self.TITLE = f"Edit line {line.code}" if line else "Add a bespoke line of enquiry"

    def fields(self):
        code = self.line.code if self.line else self._next_code()
        return [("code", "Code (a letter then digits, e.g. X1)", code),
                ("title", "What the line asks", self.line.title if self.line else "")]

    def _next_code(self) -> str:
        n = 1
        while f"X{n}" in self.taken:
            n += 1
        return f"X{n}"

    def check(self, values):
        code, title = tidy_line(values["code"], values["title"])
        if not is_line_code(code):
            raise ValueError("A code is a letter then letters or digits, e.g. X1.")
        if code in self.taken:
            raise ValueError(f"Line {code} already exists.")
        if not title:
            raise ValueError("Say what the line asks.")
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
