"""How the app opens its store without making the user wait for SQLAlchemy.

A store file at the current schema is first read with the sqlite3 module alone (a few
milliseconds): the dashboard shows the inspection's data in the first frame. The store then
opens fully in a thread (SQLAlchemy, checks, migrations); keys that need it, pressed in the
meantime, are held and done in order once it is open. Anything unusual — a new store, a URL,
an older schema, damage — shows "Opening the store…" until the full opening says what.
"""

from __future__ import annotations

import threading

from textual import work
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

# What a key asks of the store: pressed while it is still opening, held and done when it is.
STORE_ACTIONS = {"show", "capture", "export", "undo", "redo", "edit_date", "retention", "purge",
                 "record_outcome", "switch_inspection", "import_files", "marked_names",
                 "exchange"}


class LoadingScreen(Screen):
    """The first frame when there is no first look: the store opens in a thread."""

    def compose(self) -> ComposeResult:
        yield Header()
        with Middle(), Center():
            yield Static("Opening the store…", id="loading")
        yield Footer()


class OpensStore:
    """The app's side of opening: `open_store()` on mount; `held_for_store()` in run_action."""

    first_look = None  # the dashboard read with sqlite3 alone, before the store opened

    async def open_store(self) -> None:
        from sendtui.store.glance import first_look

        self.first_look_shown = threading.Event()  # the dashboard painted: SQLAlchemy may load
        self.held: list[tuple[str, object]] = []
        look = first_look(self.db_target, self.inspection_ref)
        if look is None:
            # Its Header queues title updates on the app, which must run before the screen
            # is switched away (else NoMatches: HeaderTitle): so awaited.
            await self.push_screen(LoadingScreen())
            self.first_look_shown.set()
        else:
            self.first_look = look
            self.inspection = look.inspection
            self.title = f"sendtui — {look.inspection.local_area} ({look.inspection.framework})"
            self.action_show("dashboard")  # its screen sets first_look_shown once painted
        self.run_worker(self._open_fully, thread=True, exit_on_error=False, name="open-store")

    def held_for_store(self, action, namespace) -> bool:
        """A key that needs the store, pressed before it is open: kept for later."""
        if self.store is not None or self.inspection is None:
            return False
        if str(action).partition("(")[0] not in STORE_ACTIONS:
            return False
        self.held.append((action, namespace))
        return True

    def _open_fully(self) -> None:
        from sendtui.errors import exit_code_for

        self.first_look_shown.wait(timeout=2)  # the import would take the GIL from the paint
        from sendtui.store import inspections
        from sendtui.store.repo import Store

        try:
            store = Store.open(self.db_target, create=True)  # a first run makes it
        except Exception as exc:  # noqa: BLE001 - shown on a screen, never a traceback
            if exit_code_for(exc) is None:
                raise
            self.call_from_thread(self.call_next, self._show_store_error, str(exc))
            return
        for notice in store.notices:  # e.g. a store others could read, made owner-only
            self.call_from_thread(self.notify, notice, severity="warning", timeout=15)
        inspection, problem = None, None
        try:
            inspection = inspections.find(store, self.inspection_ref)
        except LookupError as exc:
            problem = str(exc) if self.inspection_ref or inspections.all(store) else None
        self.call_from_thread(self.call_next, self._store_ready, store, inspection, problem)

    def _show_store_error(self, reason: str) -> None:
        from sendtui.ui.screens.start.store_error import StoreErrorScreen

        self.held.clear()
        self.switch_screen(StoreErrorScreen(reason))

    def _store_ready(self, store, inspection, problem: str | None) -> None:
        self.store = store
        self.watch_others()  # what another program writes shows here too
        self._check_in_background()
        self.call_after_refresh(self.ask_profile_once)  # first run: who uses this laptop
        held, self.held = self.held, []
        if inspection is None:
            from sendtui.ui.screens.start.welcome import WelcomeScreen

            self.inspection = None
            self.switch_screen(WelcomeScreen(problem))
            return
        self.open_inspection(inspection, remember=self.remember_start)
        for action, namespace in held:  # in the order pressed
            self.call_later(self.run_action, action, namespace)

    @work(thread=True, exit_on_error=False, name="integrity-check")
    def _check_in_background(self) -> None:
        """SQLite's integrity check, off the open path (0.6 s at 1,000,000 entries): said
        only when it finds something."""
        from sendtui.store.damage import damage

        if self.store.engine.dialect.name != "sqlite":
            return
        problem = damage(self.store)
        if problem:
            self.call_from_thread(
                self.notify, f"The store is damaged ({problem}). Run `sendtui doctor`, and "
                "restore a backup if it says so.", title="Store damaged", severity="error",
                timeout=60)
