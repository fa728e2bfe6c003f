"""Lines of enquiry with their evidence counts; bespoke lines added, edited, removed."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from sendtui.domain.kinds import SOURCE_KINDS
from sendtui.store.repo import InvalidInput, NotFound
from sendtui.ui.screens.base import TaskScreen, table


class LinesScreen(TaskScreen):
    HEADING = "Lines of enquiry"
    BINDINGS = [
        Binding("a", "add", "Add line", id="add-line"),
        Binding("e,enter", "edit", "Edit", id="edit-line"),
        Binding("d", "remove", "Remove", id="remove-line"),
    ]

    def body(self) -> ComposeResult:
        yield Static("", id="lines-summary", classes="hint")
        yield table("lines", "Code", "Evidence", "Sources", "Line of enquiry")

    def on_data_table_row_selected(self) -> None:
        """enter on a row (the table takes the key before the screen does)."""
        self.action_edit()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#lines").focus()

    def refresh_data(self, select: str | None = None) -> None:
        self.lines = self.store.lines(self.inspection.id)
        grid = self.query_one("#lines", DataTable)
        row = grid.cursor_row
        grid.clear()
        for line in self.lines:
            kinds = len(line.by_source)
            sources = f"{kinds} kind{'s' if kinds != 1 else ''}" if kinds else "—"
            title = line.title + ("  (bespoke)" if line.is_bespoke else "")
            grid.add_row(line.code, str(line.evidence), sources, title, key=line.id)
        if select:
            row = next((i for i, line in enumerate(self.lines) if line.id == select), row)
        grid.move_cursor(row=min(row, max(len(self.lines) - 1, 0)))
        thin = [line.code for line in self.lines if not line.evidence]
        self.query_one("#lines-summary", Static).update(
            f"{len(self.lines)} lines · without evidence: {', '.join(thin) or 'none'} · "
            f"source kinds: {', '.join(SOURCE_KINDS)}")

    def _selected(self):
        grid = self.query_one("#lines", DataTable)
        return self.lines[grid.cursor_row] if self.lines else None

    def action_add(self) -> None:
        from sendtui.ui.screens.forms import LineForm

        def save(result) -> None:
            if result:
                self._write(lambda: self.store.add_line(self.inspection.id, *result),
                            "added")

        self.app.push_screen(LineForm(taken={line.code for line in self.lines}), save)

    def action_edit(self) -> None:
        from sendtui.ui.screens.forms import LineForm

        line = self._selected()
        if line is None:
            return

        def save(result) -> None:
            if result:
                self._write(lambda: self.store.update_line(self.inspection.id, line.id,
                                                           *result), "saved")

        self.app.push_screen(LineForm(line, taken={x.code for x in self.lines}), save)

    def action_remove(self) -> None:
        from sendtui.ui.screens.forms import ConfirmScreen

        line = self._selected()
        if line is None:
            return
        kept = f" Its {line.evidence} evidence entries are kept." if line.evidence else ""

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(lambda: self.store.remove_line(self.inspection.id, line.id),
                            "removed", code=line.code)

        self.app.push_screen(ConfirmScreen(f"Remove line {line.code}?{kept}"), confirmed)

    def _write(self, change, verb: str, code: str | None = None) -> None:
        try:
            result = change()
        except (InvalidInput, NotFound) as exc:
            self.notify(str(exc), severity="error")
            return
        self.refresh_data(select=result.id if result else None)
        self.notify(f"Line {code or result.code} {verb}.")
