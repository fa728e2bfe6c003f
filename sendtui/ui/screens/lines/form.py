"""The form that adds or edits a bespoke line of enquiry."""

from __future__ import annotations

from textual.app import ComposeResult

from sendtui.domain.lines import is_line_code, tidy_line
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled


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
