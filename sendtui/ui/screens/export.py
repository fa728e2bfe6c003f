"""The Export dialog (`x` from anywhere): what, who, which days, which format, where.

The file is made in a worker thread; an existing file is replaced only after asking, and
including names and case references is asked for separately.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_documents_dir
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Select, Static

from sendtui.domain.clock import to_london
from sendtui.domain.dates import day
from sendtui.domain.words import sentence
from sendtui.errors import ExportError, FileRefused
from sendtui.exports import FORMATS, LABELS, ExportRequest, default_name
from sendtui.files import check_output
from sendtui.records import PersonRecord
from sendtui.store import events, people
from sendtui.ui.screens.common.base import Loads
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_message, field_row

FORMAT_LABELS = {"ics": "iCalendar (.ics)", "csv": "CSV (spreadsheet)", "md": "Markdown",
                 "html": "HTML (print one day a page)", "docx": "Word (.docx)"}
EVERYONE, ALL_DAYS = "", ""
WITHHELD, INCLUDED = "withheld", "included"
EXTENSIONS = {fmt for formats in FORMATS.values() for fmt in formats}


@dataclass(frozen=True)
class ExportChoice:
    """What was last exported in this session, to open the dialog with next time."""

    inspection_id: str
    what: str
    fmt: str
    who: str
    days: str
    sensitive: str
    path: str
    suggested: str  # the file name suggested then: still replaced as the choices change


def last_choice(app) -> ExportChoice | None:
    """The app's last export if it was of the open inspection (kept on the app object for
    the session, not in the store)."""
    choice = getattr(app, "last_export", None)  # a bare test app has none
    return choice if choice and choice.inspection_id == app.inspection.id else None


class ExportDialog(Loads, FormScreen):
    """Dismisses with the path written, or None."""

    BINDINGS = [Binding("ctrl+s", "save", "Export", id="export-file", priority=True)]
    BOX = "form wide-form"
    SCROLLS = True
    HINT = "tab: next field · enter opens a list · ctrl+s exports · escape cancels"
    SHOW_PROBLEMS = "at once"
    # choices about a file, not data: escape just cancels (the choices it fills in after
    # reading the people and days had made it ask about changes nobody made)
    ASKS_BEFORE_CLOSING = False

    def __init__(self, area: str, folder: Path, today: dt.date) -> None:
        super().__init__("Export")
        self.area = area
        self.folder = folder
        self.today = today
        self.suggested = ""  # the file name last suggested: replaced until the user edits it
        self.busy = False
        self.last: ExportChoice | None = None  # what was exported last, read on mount

    def body(self) -> ComposeResult:
        self.last = last_choice(self.app)
        what, fmt = (self.last.what, self.last.fmt) if self.last else ("schedule", "html")
        yield field_row("What", "what", Select(
            [(label, key) for key, label in LABELS.items()], value=what,
            allow_blank=False, id="what", compact=True))
        yield field_row("Format", "format", Select(
            self._formats(what), value=fmt, allow_blank=False, id="format",
            compact=True))
        yield field_row("Who", "who", Select(
            [("Everyone", EVERYONE)], value=EVERYONE, allow_blank=False, id="who", compact=True))
        yield field_row("Days", "days", Select(
            [("All days", ALL_DAYS)], value=ALL_DAYS, allow_blank=False, id="days", compact=True))
        yield field_row("Names", "sensitive", Select(
            [("Withheld: pseudonyms, no case references", WITHHELD),
             ("Included: children's names and case references", INCLUDED)],
            value=self.last.sensitive if self.last else WITHHELD, allow_blank=False,
            id="sensitive", compact=True))
        yield field_row("File", "path", Input(id="path", compact=True))
        yield field_message("path")
        yield Static("", id="scope", classes="hint", markup=False)

    def on_mount(self) -> None:
        self._what_changed()
        self._suggest()
        if self.last:
            self.query_one("#path", Input).value = self.last.path
            self.suggested = self.last.suggested
        self.query_one("#what", Select).focus()
        self.refresh_data()

    def read_in_thread(self) -> tuple[list[PersonRecord], list[dt.date]]:
        """The people to choose from and the days with events (not cancelled ones)."""
        store, ins = self.app.store, self.app.inspection.id
        days = sorted({to_london(e.start).date() for e in events.all(store, ins)
                       if e.status != "cancelled"})
        return people.all(store, ins), days

    def loaded(self, data: tuple[list[PersonRecord], list[dt.date]]) -> None:
        """The choices of who and which days: the last export's if they are still there,
        else everyone and the first day after today."""
        found, days = data
        who = self.query_one("#who", Select)
        who.set_options([("Everyone", EVERYONE)] + [(p.name, p.name) for p in found])
        picker = self.query_one("#days", Select)
        picker.set_options([("All days", ALL_DAYS)] + [(day(d), d.isoformat()) for d in days])
        tomorrow = next((d for d in days if d > self.today), None)
        picker.value = tomorrow.isoformat() if tomorrow else ALL_DAYS
        if self.last:
            who.value = self.last.who if self.last.who in {p.name for p in found} else EVERYONE
            if self.last.days in {ALL_DAYS, *(d.isoformat() for d in days)}:
                picker.value = self.last.days

    @staticmethod
    def _formats(what: str) -> list[tuple[str, str]]:
        return [(FORMAT_LABELS[f], f) for f in FORMATS[what]]

    @on(Select.Changed, "#what")
    def _what_changed(self) -> None:
        what = self.query_one("#what", Select).value
        formats = self.query_one("#format", Select)
        current = formats.value
        formats.set_options(self._formats(what))
        formats.value = current if current in FORMATS[what] else FORMATS[what][0]
        sensitive = self.query_one("#sensitive", Select)
        sensitive.disabled = what == "ics"  # calendars never carry sensitive fields
        if sensitive.disabled:
            sensitive.value = WITHHELD
        for key, used in (("who", what in ("ics", "schedule")), ("days", what != "evidence")):
            self.query_one(f"#{key}-row").display = used

    @on(Select.Changed)
    def _suggest(self) -> None:
        path = self.query_one("#path", Input)
        request, _ = self._request()
        if request is None:
            return
        name = default_name(self.area, request)
        typed = Path(path.value)
        if not path.value or path.value == self.suggested:
            path.value = str(self.folder / name)
        elif typed.suffix.lower().lstrip(".") in EXTENSIONS:  # the user's name, new format
            path.value = str(typed.with_suffix(f".{request.fmt}"))
        self.suggested = str(self.folder / name)
        self.query_one("#scope", Static).update(self._scope(request))

    def _request(self) -> tuple[ExportRequest | None, dict[str, str]]:
        what = self.query_one("#what", Select).value
        fmt = self.query_one("#format", Select).value
        who = self.query_one("#who", Select).value if what in ("ics", "schedule") else EVERYONE
        picked = self.query_one("#days", Select).value if what != "evidence" else ALL_DAYS
        the_day = dt.date.fromisoformat(picked) if picked else None
        try:
            return ExportRequest(what, fmt, who or None, the_day, the_day,
                                 self.query_one("#sensitive", Select).value == INCLUDED), {}
        except ExportError as exc:
            return None, {"format": str(exc)}

    def _scope(self, request: ExportRequest) -> str:
        who = request.person or "everyone"
        days = day(request.start) if request.start else "every day"
        if request.what == "evidence":
            return "Every line of enquiry, with the triangulation table."
        if request.what == "pack":
            sheets = f"the sheet for {days}" if request.start else "every day's sheet"
            return f"Key dates, the week at a glance, {sheets}, problems and evidence."
        return f"{LABELS[request.what]} for {who}, {days}."

    def check(self) -> tuple[ExportRequest, Path]:
        request, errors = self._request()
        text = self.query_one("#path", Input).value.strip()
        path = Path(text).expanduser() if text else None
        if path is None:
            errors["path"] = "Say where to save the file."
        elif request and path.suffix.lower() != f".{request.fmt}":
            errors["path"] = f"A {request.fmt} file should end in .{request.fmt}."
        else:
            errors["path"] = self._refused(path)
        errors = {k: v for k, v in errors.items() if v}
        if errors:
            raise Invalid(errors)
        return request, path

    def _refused(self, path: Path) -> str:
        """Why the file cannot be written there ('' if it can: an existing file is asked
        about when exporting; the Documents folder is made if missing)."""
        if path.parent == self.folder and not os.path.lexists(self.folder):
            return ""
        try:
            check_output(path, force=True)
        except FileRefused as exc:
            return sentence(str(exc))
        return ""

    def save(self, result: tuple[ExportRequest, Path]) -> None:
        if not self.busy:
            self._confirm_sensitive(*result)

    def _confirm_sensitive(self, request: ExportRequest, path: Path) -> None:
        if not request.include_sensitive:
            self._confirm_replace(request, path)
            return
        question = ("This file will hold children's names and case references. Keep it on "
                    "an encrypted device and do not forward it. Export anyway?")
        self.app.push_screen(ConfirmScreen(question), lambda yes: yes and
                             self._confirm_replace(request, path))

    def _confirm_replace(self, request: ExportRequest, path: Path) -> None:
        if not os.path.lexists(path):
            self._export(request, path, overwrite=False)
            return
        self.app.push_screen(ConfirmScreen(f"{path.name} already exists in {path.parent}. "
                                           "Replace it?"),
                             lambda yes: yes and self._export(request, path, overwrite=True))

    def _export(self, request: ExportRequest, path: Path, overwrite: bool) -> None:
        self.busy = True
        self.query_one("#scope", Static).update("Exporting…")
        self._run(request, path, overwrite)

    @work(thread=True, exclusive=True, group="export", exit_on_error=False)
    def _run(self, request: ExportRequest, path: Path, overwrite: bool) -> None:
        from functools import partial

        from sendtui.exports import run
        from sendtui.store.audit import record
        from sendtui.store.briefing import gather

        app = self.app
        try:
            if path == self.folder / path.name:
                path.parent.mkdir(parents=True, exist_ok=True)
            ins = app.inspection.id
            done = run(request, path, partial(gather, app.store, ins, app.today),
                       partial(record, app.store, ins), overwrite=overwrite)
        except (ExportError, LookupError, ValueError, OSError) as exc:
            app.call_from_thread(self._failed, str(exc))
            return
        app.call_from_thread(self._done, done.path, done.size)

    def _failed(self, message: str) -> None:
        self.busy = False
        self.say(f"Not exported: {message}")
        self.query_one("#scope", Static).update("")

    def _done(self, path: Path, size: int) -> None:
        self.app.last_export = ExportChoice(
            self.app.inspection.id, *(self.query_one(f"#{key}", Select).value
                                      for key in ("what", "format", "who", "days", "sensitive")),
            self.query_one("#path", Input).value, self.suggested)
        self.dismiss(path)
        self.app.notify(f"Exported {size:,} bytes to {path}", timeout=10)


def open_export(app) -> None:
    """Push the dialog over the current screen (once)."""
    if app.inspection is None or app.store is None or isinstance(app.screen, ExportDialog):
        app.bell()
        return
    app.push_screen(ExportDialog(app.inspection.local_area, Path(user_documents_dir()),
                                 app.today))
