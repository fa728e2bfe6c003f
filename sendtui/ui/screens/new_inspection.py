"""A new inspection: local area, framework and call date, with the key dates shown live."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static

from sendtui.domain.calendar import ENGLAND, parse_date
from sendtui.domain.dates import day, span
from sendtui.domain.frameworks import FRAMEWORKS, key_dates, timeline_warnings
from sendtui.domain.words import sentence
from sendtui.errors import CalendarError
from sendtui.store import inspections
from sendtui.ui.screens.base import PlainTable


class NewInspectionScreen(Screen):
    BINDINGS = [
        Binding("ctrl+s", "create", "Create", id="create", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="new-inspection", classes="panel"):
            yield Static("New inspection", classes="heading")
            yield Label("Local area")
            yield Input(placeholder="e.g. Wealdshire", id="local-area", compact=True)
            yield Static("", id="local-area-message", classes="message", markup=False)
            yield Label("Framework")
            yield Select([(f.name, f.slug) for f in FRAMEWORKS.values()], value="2023",
                         allow_blank=False, id="framework", compact=True)
            yield Label("Notification call date (YYYY-MM-DD)")
            yield Input(placeholder="YYYY-MM-DD", id="notified", max_length=10, compact=True)
            yield Static("", id="notified-message", classes="message", markup=False)
            yield Static("Key dates", classes="subheading")
            with Vertical(id="preview-box"):
                yield PlainTable(id="preview", cursor_type="none", show_cursor=False)
            yield Static("Type the call date to see the key dates.", id="warnings",
                         classes="hint", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#preview", DataTable).add_columns("Key date", "When")
        self.query_one("#local-area", Input).focus()

    @on(Input.Changed)
    @on(Select.Changed)
    def _changed(self) -> None:
        self.validate()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "local-area":
            self.query_one("#framework").focus()
        else:
            self.action_create()

    def validate(self) -> tuple[str, str, object] | None:
        """Show what is wrong in words and the key dates; the values when all is well."""
        area = " ".join(self.query_one("#local-area", Input).value.split())
        framework = self.query_one("#framework", Select).value
        date_text = self.query_one("#notified", Input).value.strip()
        self._message("#local-area-message", "" if area else "Give the local area's name.")
        notified = None
        if not date_text:
            self._message("#notified-message", "Give the call date as YYYY-MM-DD.")
        else:
            try:
                notified = parse_date(date_text)
                ENGLAND.is_working_day(notified)
                note = ("" if ENGLAND.is_working_day(notified)
                        else f"Warning: {day(notified)} is not a working day.")
                self._message("#notified-message", note, warning=bool(note))
            except CalendarError as exc:
                self._message("#notified-message", sentence(str(exc)))
                notified = None
        self._preview(framework, notified)
        return (area, framework, notified) if area and notified else None

    def _message(self, selector: str, text: str, warning: bool = False) -> None:
        message = self.query_one(selector, Static)
        message.update(text)
        message.display = bool(text)
        message.set_class(bool(text) and not warning, "error")
        message.set_class(warning, "warning")

    def _preview(self, framework: str, notified) -> None:
        table = self.query_one("#preview", DataTable)
        table.clear()
        warnings = self.query_one("#warnings", Static)
        if notified is None:
            warnings.update("Type the call date to see the key dates.")
            return
        dates = key_dates(FRAMEWORKS[framework], notified)
        for kd in dates:
            table.add_row(kd.label, span(kd.date, kd.end))
        notes = timeline_warnings(dates)
        warnings.update("\n".join(f"Warning: {w}" for w in notes) or
                        "Press ctrl+s to create the inspection; you can edit the dates later.")

    def action_create(self) -> None:
        values = self.validate()
        if values is None:
            self.notify("Fix the fields marked in red first.", severity="error")
            return
        inspection = inspections.create(self.app.store, *values)
        self.app.open_inspection(inspection)

    def action_cancel(self) -> None:
        self.app.pop_screen()
