"""Erase for good (`E` on an entry, an event or a marked name): asked with the word `erase`
typed, since nothing brings it back; then written in a worker (the file is compacted after)
and the screen reads the store again."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled

WORD = "erase"
NOT_UNDONE = ("This cannot be undone: u will not bring it back, and it cannot be read back "
              "from the store's file. Backups made before still hold it.")


def erase_binding(id: str, description: str = "Erase for good") -> Binding:
    return Binding("E", "erase", description, id=id, key_display="E",
                   tooltip="Erase its content from the store for good (asks; no undo)")


class EraseConfirm(FormScreen):
    """Dismisses with True once `erase` is typed and saved (enter or ctrl+s)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Erase", id="confirm-erase", priority=True),
        Binding("escape", "cancel", "Keep it", id="keep-it"),
    ]
    HINT = f"type {WORD} then enter to erase · escape keeps it"
    SHOW_PROBLEMS = "once refused"
    ASKS_BEFORE_CLOSING = False  # escape keeps the entry: nothing typed here is data

    def __init__(self, what: str, goes: str):
        super().__init__(f"Erase {what} for good?")
        self.goes = goes

    def body(self) -> ComposeResult:
        yield Static(f"{self.goes} {NOT_UNDONE}", id="erase-warning", classes="warning",
                     markup=False)
        yield from labelled("erase-word", f"Type {WORD} to confirm", "")

    def check(self) -> bool:
        if self.values()["erase-word"].strip().lower() != WORD:
            raise Invalid({"erase-word": f"Type the word {WORD} to confirm, or escape."})
        return True


def ask_and_erase(screen, what: str, goes: str, erase: Callable[[], object],
                  done: Callable[[], None]) -> None:
    """Ask (EraseConfirm); if confirmed, run `erase()` (a store erasure returning `Erased`)
    in a worker, say what was erased, then call `done()` on the UI thread."""
    app = screen.app

    def run() -> None:
        from sendtui.errors import StoreError, UserError

        try:
            erased = erase()
        except (UserError, StoreError) as exc:
            app.call_from_thread(app.notify, f"Nothing erased: {exc}.", severity="error")
            app.call_from_thread(done)
            return
        app.call_from_thread(_said, app, erased)
        app.call_from_thread(done)

    def answered(yes: bool | None) -> None:
        if yes:
            app.run_worker(run, thread=True, group="erase", exit_on_error=False, name="erase")

    app.push_screen(EraseConfirm(what, goes), answered)


def _said(app, erased) -> None:
    app.notify(f"Erased for good: {erased.what}.")
    if erased.compacted is False:
        app.notify("Another program has the store open, so its free space still holds old "
                   "content: close it, then run 'sendtui erase compact'.",
                   severity="warning", timeout=10)
