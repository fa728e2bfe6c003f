"""The names marked sensitive, by pseudonym (`M` on the evidence log, or anywhere): mark
another (`a`), unmark one (`d`, undoable), reveal them, or erase one for good, which puts
its pseudonym wherever it was written."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import Footer, Static

from sendtui.ui.screens.common.base import Loads, table
from sendtui.ui.screens.common.erase import ask_and_erase, erase_binding
from sendtui.ui.widgets.dimmed import DimmedModal

HIDDEN = "hidden: r reveals"


class MarkedNamesScreen(Loads, DimmedModal):
    BINDINGS = [
        Binding("escape", "close", "Close", id="marked-names-close"),
        Binding("r", "reveal", "Reveal", id="marked-names-reveal",
                tooltip="Show the names behind the pseudonyms, or hide them again"),
        Binding("a", "mark", "Mark a name", id="marked-names-add",
                tooltip="Mark a child's or a parent's name sensitive: shown by its pseudonym"),
        Binding("d", "unmark", "Unmark", id="marked-names-remove",
                tooltip="Stop hiding the selected name (asks first; u undoes)"),
        Binding("u,ctrl+z", "undo", "Undo", id="marked-names-undo", show=False,
                tooltip="Undo the latest change (an unmark marks the name again)"),
        erase_binding("marked-names-erase"),
    ]

    revealed = reactive(False, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.marked: list | None = None  # None until read

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static("Names marked sensitive", classes="heading")
            yield Static("", id="marked-names-summary", classes="hint", markup=False)
            yield table("marked-names", "Pseudonym", "Name")
            yield Static("a marks a name · d unmarks · r reveals the names · E erases the "
                         "selected name for good · escape closes", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#marked-names").focus()

    def read_in_thread(self) -> list:
        from sendtui.store.names import all as protected_names

        return protected_names(self.app.store, self.app.inspection.id)

    def loaded(self, data: list, select: str | None = None) -> None:
        self.marked = data
        self.show(select)

    def show(self, select: str | None = None) -> None:
        grid = self.query_one("#marked-names")
        row = next((i for i, p in enumerate(self.marked or []) if p.pseudonym == select),
                   grid.cursor_row)
        grid.clear()
        for p in self.marked or []:
            grid.add_row(p.pseudonym, p.name if self.revealed else HIDDEN, key=p.pseudonym)
        if self.marked:
            grid.move_cursor(row=min(row, len(self.marked) - 1))
        n = len(self.marked or [])
        self.query_one("#marked-names-summary", Static).update(
            "No names are marked sensitive." if not n else
            f"{n} name{'s' if n != 1 else ''}: exports and warnings use the pseudonyms.")

    def watch_revealed(self) -> None:
        self.show()

    def action_reveal(self) -> None:
        self.revealed = not self.revealed

    def ready_for_undo(self) -> bool:
        return True  # the app's undo reads this box again once done

    def action_undo(self) -> None:
        self.app.action_undo()  # a box hides the app's keys: u is bound here too

    def action_close(self) -> None:
        self.dismiss(None)

    def action_mark(self) -> None:
        from sendtui.ui.screens.evidence.name_form import MarkNameForm

        def marked(pseudonym: str | None) -> None:
            if pseudonym:
                self.notify(f"Name marked sensitive as {pseudonym}")
                self.refresh_data(select=pseudonym)

        self.app.push_screen(MarkNameForm(), marked)

    def action_unmark(self) -> None:
        from sendtui.store.names import remove
        from sendtui.ui.screens.common.confirm import ConfirmScreen

        chosen = self.chosen()
        if chosen is None:
            return
        app = self.app

        def answered(yes: bool | None) -> None:
            if yes:
                remove(app.store, app.inspection.id, chosen)
                app.notify(f"{chosen} is no longer marked sensitive (u undoes)")
                self.refresh_data()

        app.push_screen(ConfirmScreen(
            f"Unmark {chosen}? The name is no longer hidden: lists, warnings and exports show "
            f"it as written wherever it appears, instead of {chosen}. Nothing is erased and "
            f"{chosen} is not given to another name; u (undo) marks it again."), answered)

    def chosen(self) -> str | None:
        """The pseudonym under the cursor (a bell when there is none)."""
        grid = self.query_one("#marked-names")
        if not self.marked or not 0 <= grid.cursor_row < len(self.marked):
            self.app.bell()
            return None
        return self.marked[grid.cursor_row].pseudonym

    def action_erase(self) -> None:
        from sendtui.store.erasure import erase_name

        pseudonym = self.chosen()
        if pseudonym is None:
            return
        app = self.app
        ask_and_erase(
            self, f"the name marked as {pseudonym}",
            f"Everywhere the name was written (evidence and its versions, events, people, "
            f"drafts, the undo log) will say {pseudonym} instead, and the name leaves the "
            "store; its first name alone too, where it is marked to match.",
            lambda: erase_name(app.store, app.inspection.id, pseudonym), self.refresh_data)
