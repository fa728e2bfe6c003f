"""The inspection team and the local contacts, and when each of them is unavailable."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Static

from sendtui.store import area
from sendtui.store.repo import InvalidInput, NotFound
from sendtui.store.views import PersonView
from sendtui.ui.screens.base import TaskScreen, table
from sendtui.ui.screens.columns import Column, fill
from sendtui.ui.screens.forms import ConfirmScreen
from sendtui.ui.screens.people_forms import PersonForm, UnavailableForm, sentence
from sendtui.ui.screens.people_rows import cells, describe, period

COLUMNS = [Column("Name", 16), Column("Side", 5), Column("Role", 14),
           Column("Organisation", 12), Column("Email", 20, optional=True),
           Column("Phone", 12, optional=True), Column("Unavailable", 24)]


class PeopleScreen(TaskScreen):
    HEADING = "People"
    BINDINGS = [
        Binding("a", "add", "Add", id="add-person"),
        Binding("e,enter", "edit", "Edit", id="edit-person"),
        Binding("d", "remove", "Remove", id="remove-person"),
        Binding("b", "add_unavailable", "Unavailable", id="add-unavailable",
                tooltip="Add a time the person cannot be booked"),
        Binding("B", "remove_unavailable", "Available again", id="remove-unavailable",
                key_display="B", show=False,
                tooltip="Remove the person's latest unavailable period"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: list[PersonView] = []
        self.away: dict[str, list] = {}
        self.width_shown = 0  # the terminal width the columns were fitted to

    def body(self) -> ComposeResult:
        yield Static("", id="people-summary", classes="hint", markup=False)
        yield table("people")
        yield Static("", id="people-detail", classes="detail", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#people").focus()

    def on_resize(self) -> None:
        if self.is_mounted and self.app.size.width != self.width_shown:
            self.reload()

    def refresh_data(self) -> None:
        self.reload()

    def reload(self, select: str | None = None) -> None:
        """Read the people again; the cursor on `select`, else on the same row as before."""
        grid = self.query_one("#people", DataTable)
        row = grid.cursor_row
        self.people = self.store.people(self.inspection.id)
        self.away = area.unavailability(self.store, self.inspection.id)
        self.width_shown = self.app.size.width
        fill(grid, COLUMNS, [(p.id, cells(p, self.away.get(p.id, []))) for p in self.people],
             self.width_shown)
        if select:
            row = next((i for i, p in enumerate(self.people) if p.id == select), row)
        grid.move_cursor(row=min(row, max(len(self.people) - 1, 0)))
        team = sum(p.is_team for p in self.people)
        self.query_one("#people-summary", Static).update(
            f"Inspection team {team} · local contacts {len(self.people) - team}"
            if self.people else "No people yet: add them with a, or import them with "
                                "'sendtui import people FILE'.")
        self._describe()

    def _selected(self) -> PersonView | None:
        grid = self.query_one("#people", DataTable)
        return self.people[grid.cursor_row] if 0 <= grid.cursor_row < len(self.people) else None

    def on_data_table_row_highlighted(self) -> None:
        self._describe()

    def on_data_table_row_selected(self) -> None:
        """enter on a row (the table takes the key before the screen does)."""
        self.action_edit()

    def _describe(self) -> None:
        p = self._selected()
        self.query_one("#people-detail", Static).update(
            describe(p, self.away.get(p.id, [])) if p else "")

    # --- keys -------------------------------------------------------------------------------

    def action_add(self) -> None:
        def save(details) -> None:
            if details:
                self._write(lambda: area.add_person(self.store, self.inspection.id, **details),
                            f"{details['name']} added.")

        self.app.push_screen(PersonForm(taken={p.name for p in self.people}), save)

    def action_edit(self) -> None:
        person = self._selected()
        if person is None:
            return

        def save(details) -> None:
            if details:
                self._write(lambda: area.change_person(self.store, self.inspection.id,
                                                       person.id, **details),
                            f"{details['name']} saved.")

        self.app.push_screen(PersonForm(person, taken={p.name for p in self.people}), save)

    def action_remove(self) -> None:
        person = self._selected()
        if person is None:
            return
        booked = sum(person.id in e.person_ids for e in self.store.events(self.inspection.id))
        kept = f" The {booked} events they are booked on keep them." if booked else ""

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(lambda: area.remove_person(self.store, self.inspection.id,
                                                       person.id),
                            f"{person.name} removed (u undoes).")

        self.app.push_screen(ConfirmScreen(f"Remove {person.name}?{kept}"), confirmed)

    def action_add_unavailable(self) -> None:
        person = self._selected()
        if person is None:
            return

        def save(result) -> None:
            if result:
                self._write(lambda: area.add_unavailability(self.store, self.inspection.id,
                                                            person.id, *result),
                            f"{person.name} unavailable {period(*result[:2])}.")

        self.app.push_screen(UnavailableForm(person.name, self._first_day()), save)

    def action_remove_unavailable(self) -> None:
        person = self._selected()
        periods = self.away.get(person.id, []) if person else []
        if not periods:
            self.notify(f"{person.name} has no unavailable periods." if person else
                        "Nobody is selected.")
            return
        latest = periods[-1]
        when = period(latest.start, latest.end)

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(lambda: area.remove_unavailability(self.store, self.inspection.id,
                                                               latest.id),
                            f"{person.name} available again {when}.")

        self.app.push_screen(ConfirmScreen(
            f"Remove {person.name}'s unavailable period {when}?"), confirmed)

    def _write(self, change, done: str) -> None:
        """Make a change in the store; the cursor goes to the person it returns, if any."""
        try:
            changed = change()
        except (InvalidInput, NotFound) as exc:
            self.notify(sentence(str(exc)), severity="error")
            return
        self.reload(select=changed.id if isinstance(changed, PersonView) else None)
        self.notify(done)

    def _first_day(self) -> dt.date:
        """The first on-site day while it is ahead, else today: when periods usually start."""
        on_site = next((k.date for k in self.store.key_dates(self.inspection.id)
                        if k.key == "on-site"), None)
        return on_site if on_site and self.app.today < on_site else self.app.today

