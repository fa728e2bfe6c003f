"""Where the inspection stands: key dates, the day, and what the store holds."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from sendtui.domain.dates import span
from sendtui.domain.kinds import SETTING_KINDS
from sendtui.errors import InvalidInput
from sendtui.store import inspections
from sendtui.ui.screens.common.base import TaskScreen, table


class DashboardScreen(TaskScreen):
    HEADING = "Dashboard"
    BINDINGS = [
        Binding("e,enter", "edit_date", "Edit date", id="edit-key-date"),
    ]

    dates: tuple = ()

    def body(self) -> ComposeResult:
        yield Static("", id="today", classes="banner")
        yield table("key-dates", "Key date", "When", "Rule")
        with Horizontal(id="dashboard"):
            yield Static("", id="counts")
            yield Static("", id="evidence-by-line")

    def on_data_table_row_selected(self) -> None:
        """enter on a row (the table takes the key before the screen does)."""
        self.action_edit_date()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#key-dates").focus()

    def read_in_thread(self):
        ins_id = self.inspection.id
        return inspections.key_dates(self.store, ins_id), inspections.counts(self.store, ins_id)

    def loaded(self, data) -> None:
        self.dates, counts = data
        caption = self.app.day_caption(self.dates)
        self.query_one("#today", Static).update(Text(f"{self.inspection.local_area} · {caption}"))
        dates = self.query_one("#key-dates", DataTable)
        dates.clear()
        for kd in self.dates:
            dates.add_row(kd.label, span(kd.date, kd.end), kd.rule, key=kd.key)
        kinds = ", ".join(f"{SETTING_KINDS.get(k, k).lower()} {n}"
                          for k, n in sorted(counts.settings_by_kind.items()))
        self.query_one("#counts", Static).update(
            f"[b]Settings[/]  {counts.settings}" + (f" ({kinds})" if kinds else "") +
            f"\n[b]People[/]    {counts.people} (team {counts.team}, local "
            f"{counts.people - counts.team})\n[b]Events[/]    {counts.events}"
            f"\n[b]Evidence[/]  {counts.evidence}")
        self.query_one("#evidence-by-line", Static).update(_by_line(counts.evidence_by_line))

    def action_edit_date(self) -> None:
        from sendtui.ui.screens.common.key_date import KeyDateForm

        dates = self.query_one("#key-dates", DataTable)
        if not self.dates:
            return
        kd = self.dates[dates.cursor_row]

        def save(result) -> None:
            if result is None:
                return
            try:
                inspections.set_key_date(self.store, self.inspection.id, kd.key, *result)
            except InvalidInput as exc:
                self.notify(str(exc), severity="error")
                return
            self.refresh_data()
            self.notify(f"{kd.label} saved.")

        self.app.push_screen(KeyDateForm(kd), save)


def _by_line(by_line: dict[str, int]) -> str:
    """Evidence per line, one strand a row: `A1 5  A2 3  A3 —` (— for none yet)."""
    rows: dict[str, list[str]] = {}
    for code, n in by_line.items():
        rows.setdefault(code[0], []).append(f"{code} {n if n else '—'}")
    body = "\n".join("  ".join(cells) for cells in rows.values())
    return "[b]Evidence by line[/] (— none yet)\n" + body
