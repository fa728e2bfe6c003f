"""The yes/no question asked before anything is removed or overwritten."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, Static

from sendtui.ui.widgets.dimmed import DimmedModal


class ConfirmScreen(DimmedModal):
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


class UnsavedScreen(DimmedModal):
    """Asked when a form with changes would close: dismisses with "keep", "discard" or
    "save" (escape keeps editing: nothing typed is lost by a stray key)."""

    BINDINGS = [
        Binding("k,escape", "answer('keep')", "Keep editing", id="unsaved-keep"),
        Binding("d", "answer('discard')", "Discard", id="unsaved-discard"),
        Binding("s,ctrl+s", "answer('save')", "Save", id="unsaved-save"),
    ]

    def __init__(self, what: str = "close the form"):
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(f"You have changes not saved. Save them before you {self.what}?",
                         id="question", markup=False)
            yield Static("s: save · d: discard the changes · k or escape: keep editing",
                         classes="hint")
        yield Footer()

    def action_answer(self, answer: str) -> None:
        self.dismiss(answer)
