"""SendApp: one app, a screen per task. The first frame shows the data before SQLAlchemy loads
(`sendtui.ui.opening`).

Each task screen is a Textual mode: made the first time its number key is pressed, then kept
(its cursor, view and threshold too) and read again from the store each time it comes back.
"""

from __future__ import annotations

import datetime as dt
from functools import partial
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding
from textual.screen import Screen

from sendtui.config import today as config_today
from sendtui.config import today_pretended
from sendtui.ui.boxes import OpensBoxes
from sendtui.ui.commands import SendtuiCommands
from sendtui.ui.header import CountsInHeader
from sendtui.ui.heap import IdleCollector
from sendtui.ui.opening import OpensStore
from sendtui.ui.watching import WatchesOthers

START = "start"  # the mode of the welcome screen after the open inspection was purged
SCREEN_KEYS = {
    "1": ("dashboard", "Dashboard"),
    "2": ("week", "Week"),
    "3": ("settings", "Settings"),
    "4": ("people", "People"),
    "5": ("lines", "Lines"),
    "6": ("evidence", "Evidence"),
    "7": ("requests", "Requests"),
    "8": ("children", "Children"),
    "9": ("plan", "Plan"),
}


def task_screen(name: str) -> Screen:
    """Imported when first shown: the first frame paints before the store modules load."""
    from sendtui.ui.screens import screen_class

    screen = screen_class(name)()
    # Textual re-parses every stylesheet, uncached, for a screen it has not styled yet (twice
    # on a first visit: 40–60 ms); the app's stylesheet is current and each widget is styled
    # as it mounts, so the new screen is marked as up to date with the app's CSS.
    screen._css_update_count = screen.app._css_update_count
    return screen


class SendApp(CountsInHeader, WatchesOthers, OpensStore, OpensBoxes, App):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "sendtui"
    COMMANDS = App.COMMANDS | {SendtuiCommands}
    MODES = {name: partial(task_screen, name) for name, _ in SCREEN_KEYS.values()}
    last_export = None  # the Export dialog's last choice (screens.export.ExportChoice)
    BINDINGS = [
        *(Binding(key, f"show('{name}')", label, id=f"show-{name}", show=False)
          for key, (name, label) in SCREEN_KEYS.items()),
        Binding("n", "capture", "Capture evidence", id="capture-evidence", show=False),
        Binding("x", "export", "Export", id="export", show=False),
        Binding("ctrl+o", "switch_inspection", "Switch inspection", id="switch-inspection",
                show=False),  # `s` on the dashboard; in ? and ^p everywhere
        Binding("I", "import_files", "Import settings, people or a schedule…", id="import-files",
                key_display="I", show=False),
        Binding("X", "exchange", "Exchange with other laptops…", id="exchange",
                key_display="X", show=False),
        Binding("M", "marked_names", "Marked names", id="marked-names-anywhere",
                key_display="M", show=False),
        Binding("u,ctrl+z", "undo", "Undo", id="undo", show=False),
        Binding("ctrl+y", "redo", "Redo", id="redo", show=False),
        Binding("question_mark", "help", "Help", id="help", key_display="?"),
        Binding("ctrl+t", "toggle_theme", "Theme", id="theme", show=False),  # in ? and ^p
        Binding("U", "profile", "Profile", id="profile", key_display="U", show=False,
                tooltip="Your name and role: who captured each evidence entry"),
        Binding("q", "quit", "Quit", id="quit"),
    ]

    def __init__(self, db_target: str, inspection_ref: str | None = None,
                 today: dt.date | None = None, key_overrides: dict[str, str] | None = None,
                 remember: bool = True):
        super().__init__()
        self.db_target = db_target
        self.inspection_ref = inspection_ref
        self.today = today or config_today()
        self.today_pretended = today is not None or today_pretended()
        self.store = None
        self.inspection = None
        # binding id -> keys, from config.toml (read on mount unless given)
        self.key_overrides: dict[str, str] | None = key_overrides
        self.screens_made: set[str] = set()  # the task screens made so far (kept as modes)
        self.starting_over = False  # the START mode is up: an inspection was purged
        self.remember_start = remember  # the inspection opened at start becomes the last opened

    async def on_mount(self) -> None:
        from sendtui.config import load_keymap
        from sendtui.errors import ConfigError

        try:
            if self.key_overrides is None:
                self.key_overrides = load_keymap()
            self.set_keymap(self.key_overrides)
        except ConfigError as exc:
            self.key_overrides = {}
            self.notify(f"Key overrides ignored: {exc}", severity="warning", timeout=10)
        self.collector = IdleCollector(self)
        await self.open_store()

    async def on_event(self, event) -> None:
        if isinstance(event, events.Key):
            self.collector.key()
        await super().on_event(event)

    def open_inspection(self, inspection, remember: bool = True) -> None:
        """Show `inspection` on every screen; `remember`: the one commands act on from now."""
        from sendtui.store import inspections

        if self.inspection is not None and self.inspection.id != inspection.id:
            self._start_over(Screen)  # the screens made for the other one go
        self.inspection = inspection
        if remember:
            inspections.mark_opened(self.store, inspection.id)
        self.title = inspection_title(inspection, inspections.all(self.store))
        self.action_show("dashboard")
        self.recount_conflicts()
        if self.starting_over:  # the welcome shown after a purge is done with
            self.starting_over = False
            self.remove_mode(START)

    def inspection_purged(self, next_inspection, notice: str) -> None:
        """The open inspection was erased: every screen made for it goes; the next one opens
        (the one opened last), else the welcome screen."""
        from sendtui.ui.screens.start.welcome import WelcomeScreen

        self.inspection = None
        self.title = "sendtui"
        self._start_over(WelcomeScreen)
        if next_inspection is not None:
            self.open_inspection(next_inspection)
        self.notify(notice)

    def _start_over(self, interim: type[Screen]) -> None:
        """Every screen made for the open inspection goes (made again when next shown);
        `interim` (the START mode) shows until another inspection opens."""
        self.overdue_words, self.conflict_words, self.sub_title = "", "", ""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.add_mode(START, interim)
        self.starting_over = True
        self.switch_mode(START)
        for name in self.screens_made:
            self.remove_mode(name)
            self.add_mode(name, partial(task_screen, name))
        self.screens_made.clear()

    async def action_quit(self) -> None:
        """Quit; a form with changes not saved asks first (save, discard, keep editing)."""
        from sendtui.ui.screens.common.form import FormScreen

        form = self.screen
        if isinstance(form, FormScreen):
            form.ask_before("quit", self.exit)
            return
        self.exit()

    def read_everything_again(self) -> None:
        """After a bundle was taken in: every screen reads again, as after another
        program's change (`watching.py`)."""
        if self.store is not None and self.inspection is not None:
            self._still_there(self.inspection.id)

    def action_show(self, name: str) -> None:
        if self.inspection is None:
            self.bell()
            return
        while len(self.screen_stack) > 1:  # close help or a form first
            self.pop_screen()
        shown_before = name in self.screens_made
        self.switch_mode(name)
        self.screens_made.add(name)
        if shown_before:
            self.screen.refresh_data()  # changed meanwhile, on another screen

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("undo", "redo"):
            return self.inspection is not None
        return True

    def action_undo(self) -> None:
        self._step(redo=False)

    def action_redo(self) -> None:
        self._step(redo=True)

    def _step(self, redo: bool) -> None:
        """Undo or redo the latest change to the open inspection; the screen reads it again."""
        screen = self.screen
        if not screen.ready_for_undo():
            return
        from sendtui.store import undo
        from sendtui.ui.screens.common.base import change_in_thread

        step, store, inspection_id = undo.redo if redo else undo.undo, self.store, \
            self.inspection.id

        def done(summary: str | None, _) -> None:
            if summary is None:
                self.notify(f"Nothing to {'redo' if redo else 'undo'}.")
                return
            if screen.is_attached:  # a screen closed meanwhile has nothing to show
                screen.refresh_data()
            self.recount_overdue()  # an undo on any screen may bring an overdue item back
            self.recount_conflicts()  # or a conflict settled
            self.notify(f"{'Redone' if redo else 'Undone'}: {summary}.")

        change_in_thread(self, lambda: step(store, inspection_id), done)

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        """Every key's action; a store that fails under it (disk full, made read-only,
        taken away) is said in one line and the app goes on: the action's transaction was
        rolled back, so nothing is half-written."""
        from sendtui.errors import StoreError

        if self.held_for_store(action, default_namespace):
            return True
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except StoreError as exc:
            self.store_failed(exc)
            return True

    def _handle_exception(self, error: Exception) -> None:
        """The same for a store failing in a worker or a callback; anything else is a bug
        and stops the app as Textual does."""
        from textual.worker import WorkerFailed

        from sendtui.errors import StoreError

        cause = error.error if isinstance(error, WorkerFailed) else error
        if isinstance(cause, StoreError):
            self.store_failed(cause)
            return
        super()._handle_exception(error)

    def store_failed(self, error: Exception) -> None:
        self.notify(f"Not saved: {error}. What was saved before is safe; free some space or "
                    "make the store writable, then try again.", title="The store failed",
                    severity="error", timeout=30)

    def on_unmount(self) -> None:
        self.collector.stop()
        self.stop_watching()
        if self.store is not None:
            self.store.close()


def inspection_title(inspection, found: list) -> str:
    """The header's title: 'sendtui — Wealdshire (2023)'; with others in the store, 'Wealdshire
    (2023) · 2 inspections' (80 columns leave room for the day after it), with its call date
    if another has the same local area and framework."""
    title = f"{inspection.local_area} ({inspection.framework}"
    if any((i.local_area, i.framework) == (inspection.local_area, inspection.framework)
           and i.id != inspection.id for i in found):
        title += f", {inspection.notified.day} {inspection.notified:%b %Y}"
    return f"{title}) · {len(found)} inspections" if len(found) > 1 else f"sendtui — {title})"


def make_app(db_target: str, inspection_ref: str | None = None,
             today: dt.date | None = None,
             key_overrides: dict[str, str] | None = None, remember: bool = True) -> SendApp:
    """The app on a store; nothing is opened until it runs. `remember`: the inspection it
    opens on becomes the last opened (the one commands act on)."""
    return SendApp(db_target, inspection_ref, today, key_overrides, remember)
