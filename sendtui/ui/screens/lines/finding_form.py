"""The form that adds or edits a finding: its statement, its polarity (1 2 3) and the
entries of its line that back it (space ticks one). The line's entries are read in a
worker: the form opens at once."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Label, SelectionList

from sendtui.domain.clock import when
from sendtui.domain.findings import statement_problem, tidy_statement
from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.store import findings
from sendtui.ui.screens.common.base import Loads
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_row, labelled
from sendtui.ui.widgets.key_choice import JudgementChoice

ENTRY_TEXT = 60  # characters of an entry's text shown in the list
NO_ENTRIES = "This line has no evidence yet: the finding can be backed later."


def entry_label(e) -> Text:
    """One entry as a line of the list: when, source, judgement, the start of its text."""
    text = " ".join(e.text.split())
    text = text if len(text) <= ENTRY_TEXT else text[:ENTRY_TEXT - 1] + "…"
    parts = [when(e.at), SOURCE_KINDS.get(e.source, e.source),
             JUDGEMENTS.get(e.judgement or "", "no judgement"), text]
    return Text(" · ".join(parts))


class FindingForm(Loads, FormScreen):
    def __init__(self, line, finding=None) -> None:
        verb = "Edit the finding" if finding else "Add a finding"
        super().__init__(f"{verb} on line {line.code}")
        self.line = line
        self.finding = finding

    def body(self) -> ComposeResult:
        yield from labelled("statement", "The finding, in a sentence",
                            self.finding.text.replace("\n", " ") if self.finding else "")
        polarity = self.finding.polarity if self.finding else None
        yield field_row("Polarity", "polarity", JudgementChoice(polarity, id="polarity"))
        yield Label("Backed by (space ticks an entry of this line)", id="backing-label")
        yield SelectionList[str](id="backing")

    def on_mount(self) -> None:  # FormScreen's on_mount runs too (Textual walks the MRO)
        self.refresh_data()

    def read_in_thread(self) -> list:
        return findings.entries_on(self.app.store, self.app.inspection.id, self.line.id)

    def loaded(self, entries: list) -> None:
        backing = {e.id for e in self.finding.backing} if self.finding else set()
        box = self.query_one("#backing", SelectionList)
        box.clear_options()
        box.add_options([(entry_label(e), e.id, e.id in backing) for e in entries])
        if entries:
            box.highlighted = 0  # space ticks the first entry at once
        else:
            self.query_one("#backing-label", Label).update(NO_ENTRIES)

    def check(self):
        text = self.values()["statement"]
        polarity = self.query_one("#polarity", JudgementChoice).value
        errors = {}
        problem = statement_problem(text)
        if problem:
            errors["statement"] = problem.capitalize() + "."
        if polarity is None:
            errors["polarity"] = "Choose its polarity: 1 strength, 2 development, 3 concern."
        if errors:
            raise Invalid(errors)
        return tidy_statement(text), polarity, list(
            self.query_one("#backing", SelectionList).selected)
