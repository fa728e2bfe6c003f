"""A new inspection: local area, framework and call date, with the key dates shown live."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import DataTable, Footer, Header, Input, Label, Select, Static

from sendtui.domain.calendar import ENGLAND, parse_date
from sendtui.domain.dates import day, span
from sendtui.domain.frameworks import FRAMEWORKS, key_dates, timeline_warnings
from sendtui.domain.words import sentence
from sendtui.errors import CalendarError
from sendtui.store import inspections
from sendtui.ui.screens.common.base import PlainTable
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_message

NO_DATE_YET = "Type the call date to see the key dates."


class NewInspectionScreen(FormScreen):
    """The whole terminal (under the app's header); ctrl+s creates and opens the inspection."""

    BINDINGS = [Binding("ctrl+s", "save", "Create", id="create", priority=True)]
    HINT = ""  # the line under the key dates says what to do

    def __init__(self) -> None:
        super().__init__("New inspection")

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="new-inspection", classes="panel"):
            yield Static(self.heading, classes="heading")
            yield Label("Local area", id="local-area-label")
            yield Input(placeholder="e.g. Wealdshire", id="local-area", compact=True)
            yield field_message("local-area")
            yield Label("Framework")
            yield Select([(f.name, f.slug) for f in FRAMEWORKS.values()], value="2023",
                         allow_blank=False, id="framework", compact=True)
            yield Label("Notification call date (YYYY-MM-DD)", id="notified-label")
            yield Input(placeholder="YYYY-MM-DD", id="notified", max_length=10, compact=True)
            yield field_message("notified")
            yield Static("Key dates", classes="subheading")
            with Vertical(id="preview-box"):
                yield PlainTable(id="preview", cursor_type="none", show_cursor=False)
            yield Static(NO_DATE_YET, id="warnings", classes="hint", markup=False)
            yield from self.form_end()
        yield Footer()

    def on_mount(self) -> None:
        preview = self.query_one("#preview", DataTable)
        preview.add_columns("Key date", "When")
        preview.can_focus = False  # shown, not a field: enter on the call date creates
        self.query_one("#local-area", Input).focus()

    def _notified(self):
        """The call date typed (None when blank); CalendarError when it is not a day we know."""
        text = self.query_one("#notified", Input).value.strip()
        if not text:
            return None
        notified = parse_date(text)
        ENGLAND.is_working_day(notified)  # raises for a year whose bank holidays are unknown
        return notified

    def _notified_or_none(self):
        try:
            return self._notified()
        except CalendarError:
            return None

    def check(self) -> tuple[str, str, object]:
        area = " ".join(self.query_one("#local-area", Input).value.split())
        errors = {} if area else {"local-area": "Give the local area's name."}
        try:
            notified = self._notified()
            if notified is None:
                errors["notified"] = "Give the call date as YYYY-MM-DD."
        except CalendarError as exc:
            errors["notified"] = sentence(str(exc))
        if errors:
            raise Invalid(errors)
        return area, self.query_one("#framework", Select).value, notified

    def show_problems(self, errors: dict[str, str]) -> None:
        super().show_problems(errors)
        if "notified" not in errors:
            notified = self._notified_or_none()
            if notified and not ENGLAND.is_working_day(notified):
                message = self.query_one("#notified-message", Static)
                message.update(f"Warning: {day(notified)} is not a working day.")
                message.display = True
                message.add_class("warning")

    def changed(self) -> None:
        """The key dates the framework gives from the call date, as you type."""
        table = self.query_one("#preview", DataTable)
        table.clear()
        warnings = self.query_one("#warnings", Static)
        notified = self._notified_or_none()
        if notified is None:
            warnings.update(NO_DATE_YET)
            return
        dates = key_dates(FRAMEWORKS[self.query_one("#framework", Select).value], notified)
        for kd in dates:
            table.add_row(kd.label, span(kd.date, kd.end))
        notes = timeline_warnings(dates)
        warnings.update("\n".join(f"Warning: {w}" for w in notes) or
                        "Press ctrl+s to create the inspection; you can edit the dates later.")

    def save(self, values: tuple[str, str, object]) -> None:
        inspection = inspections.create(self.app.store, *values)
        self.app.open_inspection(inspection)
