"""Import settings (GIAS), people or a schedule from the app: choose what, type the file's
path (tab completes), see what will change, ctrl+s imports. Escape backs out: nothing is
written before ctrl+s, and the import is one transaction."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Input, ProgressBar, Select, Static

from sendtui.errors import UserError
from sendtui.ui.screens.common.base import table
from sendtui.ui.screens.common.form import field_row
from sendtui.ui.screens.setup import import_jobs as jobs
from sendtui.ui.widgets.dimmed import DimmedModal
from sendtui.ui.widgets.footer import KeysFooter
from sendtui.ui.widgets.key_choice import KeyChoice, choice_bindings
from sendtui.ui.widgets.path_input import PathInput

KIND_KEYS = {"s": "settings", "p": "people", "c": "schedule"}
ROWS_SHOWN = 500  # a national GIAS file has thousands: the counts say how many in all
WARNINGS_SHOWN = 3
WHAT_WIDTH = 40  # a long establishment name is cut: the reason stays in sight at 80 columns
HINT = ("enter reads the file · tab completes the path · ctrl+s imports · "
        "escape backs out (nothing changed)")


class ImportChoice(KeyChoice):
    """Settings, people or a schedule, by one key: s p c."""

    PREFIX = "import"
    KEYS = KIND_KEYS
    LABELS = jobs.KINDS
    BINDINGS = choice_bindings("import", KIND_KEYS, jobs.KINDS)


class ImportScreen(DimmedModal):
    """Dismisses with the notice of what was imported, or None when nothing was."""

    BINDINGS = [
        Binding("ctrl+s", "confirm", "Import", id="import-confirm", priority=True),
        Binding("escape", "back_out", "Back out", id="import-back-out"),
    ]

    def __init__(self, kind: str | None = None) -> None:
        super().__init__()
        self.kind = kind
        self.read: jobs.FileRead | None = None  # the file as read, for the plan shown
        self.plan = None  # records.ImportPlan shown; None until read (and after a change)
        self.importing = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="import"):
            yield Static("Import settings, people or a schedule", classes="heading")
            yield ImportChoice(self.kind, id="import-kind")
            yield field_row("File", "import-path", PathInput(
                id="import-path", placeholder="a CSV file, e.g. ~/Downloads/edubasealldata.csv",
                compact=True))
            yield field_row("Authority", "import-la", Select(
                [], id="import-la", allow_blank=True, prompt="read the file first",
                compact=True))
            yield Static("", id="import-message", classes="message error", markup=False)
            yield Static("", id="import-counts", markup=False)
            yield table("import-rows", "Row", "Happens", "Why")
            yield Static("", id="import-warnings", classes="hint", markup=False)
            yield ProgressBar(id="import-progress", show_eta=False)
            yield Static(HINT, classes="hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.show_state()
        self.query_one("#import-path" if self.kind else "#import-kind").focus()

    # --- what is shown -------------------------------------------------------------------

    def show_state(self) -> None:
        gias = self.kind == "settings" and self.read is not None
        self.query_one("#import-la-row").display = gias
        self.query_one("#import-rows").display = self.plan is not None
        self.query_one("#import-progress").display = self.importing

    def say(self, text: str) -> None:
        message = self.query_one("#import-message", Static)
        message.update(text)
        message.display = bool(text)

    def forget(self) -> None:
        """The preview no longer says what ctrl+s would do (another file, kind or area)."""
        self.plan = None
        self.query_one("#import-counts", Static).update("")
        self.query_one("#import-warnings", Static).update("")
        self.show_state()

    def show_plan(self, read: jobs.FileRead, plan) -> None:
        self.read, self.plan = read, plan
        self.say("")
        grid = self.query_one("#import-rows", DataTable)
        grid.clear()
        for step in plan.rows[:ROWS_SHOWN]:
            what = step.what if len(step.what) <= WHAT_WIDTH else step.what[:WHAT_WIDTH - 1] + "…"
            grid.add_row(what, step.outcome, step.reason)
        more = len(plan.rows) - ROWS_SHOWN
        self.query_one("#import-counts", Static).update(
            f"{read.path.name}: {plan.summary()}" + (f" (the first {ROWS_SHOWN} rows shown, "
                                                    f"{more} more)" if more > 0 else "")
            + ". Nothing is changed until ctrl+s.")
        warnings = plan.warnings
        self.query_one("#import-warnings", Static).update(
            f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}: "
            + "; ".join(warnings[:WARNINGS_SHOWN]) + (" …" if len(warnings) > WARNINGS_SHOWN
                                                      else "") if warnings else "")
        if read.kind == "settings":
            self.show_areas(read)
        self.show_state()
        grid.focus()

    def show_areas(self, read: jobs.FileRead) -> None:
        picker = self.query_one("#import-la", Select)
        options = [(f"{area} ({n})", area) for area, n in sorted(read.areas.items())]
        with picker.prevent(Select.Changed):
            picker.set_options(options)
            picker.value = read.local_area

    # --- reading the file and planning (worker threads) ----------------------------------

    @on(Input.Submitted, "#import-path")
    def _path_entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.read_file()

    @on(Input.Changed, "#import-path")
    def _path_changed(self) -> None:
        if self.plan is not None:
            self.forget()

    @on(KeyChoice.Changed, "#import-kind")
    def _kind_changed(self, event: KeyChoice.Changed) -> None:
        self.kind, self.read = event.value, None
        self.forget()
        self.query_one("#import-path").focus()

    @on(Select.Changed, "#import-la")
    def _area_changed(self, event: Select.Changed) -> None:
        if self.read is None or event.value in (Select.BLANK, self.read.local_area):
            return
        read, area = self.read, str(event.value)
        self.forget()
        self.work(lambda: self._planned(jobs.for_area(read, area)))

    def read_file(self) -> None:
        if self.kind is None:
            self.say("Choose what to import first: s settings, p people, c a schedule.")
            self.query_one("#import-kind").focus()
            return
        kind, typed = self.kind, self.query_one("#import-path", Input).value
        area = self.app.inspection.local_area
        self.forget()
        self.say("")
        self.query_one("#import-counts", Static).update("Reading the file…")
        self.work(lambda: self._planned(jobs.read_file(kind, typed, area)))

    def _planned(self, read: jobs.FileRead):
        return read, jobs.plan(self.app.store, self.app.inspection.id, read)

    def work(self, job) -> None:
        """`job` in a worker thread; its (read, plan) shown, or its refusal said."""
        def run() -> None:
            try:
                read, plan = job()
            except UserError as exc:
                self.app.call_from_thread(self.refused, str(exc))
                return
            self.app.call_from_thread(self.show_plan, read, plan)

        self.run_worker(run, thread=True, group="import-plan", exclusive=True)

    def refused(self, message: str) -> None:
        self.read = None
        self.forget()
        self.say(message)

    # --- the import ----------------------------------------------------------------------

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_confirm()

    def action_confirm(self) -> None:
        if self.importing:
            return
        if self.plan is None or self.read is None:
            self.read_file()  # ctrl+s before the preview shows it first: nothing is written
            return
        self.importing = True
        bar = self.query_one("#import-progress", ProgressBar)
        bar.update(total=max(len(self.read.rows), 1), progress=0)
        self.show_state()
        self.query_one("#import-counts", Static).update("Importing…")
        read, store, ins_id, app = self.read, self.app.store, self.app.inspection.id, self.app

        def run() -> None:
            try:
                loaded = jobs.run(store, ins_id, read,
                                  lambda n: app.call_from_thread(bar.update, progress=n))
            except UserError as exc:  # the store changed since the preview: nothing written
                app.call_from_thread(self.failed, str(exc))
                return
            app.call_from_thread(self.imported, jobs.done(loaded, read))

        self.run_worker(run, thread=True, group="import-run", exclusive=True)

    def imported(self, notice: str) -> None:
        self.importing = False
        self.app.notify(f"Imported {self.read.path.name}: {notice}")
        self.dismiss(notice)

    def failed(self, message: str) -> None:
        self.importing = False
        self.refused(f"Nothing imported: {message}")

    def action_back_out(self) -> None:
        if self.importing:
            self.app.bell()  # one transaction under way: it ends soon, whole or not at all
            return
        self.dismiss(None)


def open_import(app, kind: str | None = None) -> None:
    """The Import box over the screen shown now, which reads again once something is
    imported."""
    under = app.screen

    def then(notice: str | None) -> None:
        if notice and hasattr(under, "refresh_data"):
            under.refresh_data()

    app.push_screen(ImportScreen(kind), then)
