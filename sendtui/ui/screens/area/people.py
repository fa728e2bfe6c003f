"""The inspection team and the local contacts, and when each of them is unavailable."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from textual.binding import Binding

from sendtui.domain.dates import period
from sendtui.domain.words import sentence
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import PersonRecord
from sendtui.store import availability, events, inspections, people
from sendtui.ui.screens.area.people_forms import PersonForm, UnavailableForm
from sendtui.ui.screens.area.people_rows import cells, describe
from sendtui.ui.screens.common.columns import Column, fill
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.common.copy import copy_binding
from sendtui.ui.screens.common.list_screen import ListScreen

COLUMNS = [Column("Name", 16), Column("Side", 5), Column("Role", 14),
           Column("Organisation", 12), Column("Email", 20, optional=True),
           Column("Phone", 12, optional=True), Column("Unavailable", 24)]


class PeopleScreen(ListScreen):
    HEADING = "People"
    TABLE = "people"
    COPIES = "person"
    EMPTY = "No people yet: add them with a, or press i to import them from a CSV file."
    BINDINGS = [
        Binding("a", "add", "Add", id="add-person"),
        Binding("e,enter", "edit", "Edit", id="edit-person"),
        Binding("d", "remove", "Remove", id="remove-person"),
        Binding("b", "add_unavailable", "Unavailable", id="add-unavailable",
                tooltip="Add a time the person cannot be booked"),
        Binding("B", "remove_unavailable", "Available again", id="remove-unavailable",
                key_display="B", show=False,
                tooltip="Remove the person's latest unavailable period"),
        Binding("i", "import_people", "Import", id="people-import", show=False,
                tooltip="Import people from a CSV file (a preview first)"),
        copy_binding("person"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.people: list[PersonRecord] = []
        self.away: dict[str, list] = {}
        self.booked: Counter[str] = Counter()  # events each person is booked on
        self.on_site: dt.date | None = None

    def listed(self) -> list[PersonRecord]:
        return self.people

    def read_in_thread(self) -> tuple:
        ins_id = self.inspection.id
        booked = Counter(pid for e in events.all(self.store, ins_id) for pid in e.person_ids)
        on_site = next((k.date for k in inspections.key_dates(self.store, ins_id)
                        if k.key == "on-site"), None)
        return (people.all(self.store, ins_id), availability.all(self.store, ins_id), booked,
                on_site)

    def loaded(self, data: tuple, select: str | None = None) -> None:
        """The cursor on `select`, else on the same row as before."""
        self.people, self.away, self.booked, self.on_site = data
        self.show(select)

    def show(self, select: str | None = None) -> None:
        row = self.table.cursor_row
        self.width_shown = self.app.size.width
        fill(self.table, COLUMNS,
             [(p.id, cells(p, self.away.get(p.id, []))) for p in self.people],
             self.width_shown)
        self.put_cursor(select, row)
        self.show_summary()
        self.show_detail()

    def summary(self) -> str:
        team = sum(p.is_team for p in self.people)
        return f"Inspection team {team} · local contacts {len(self.people) - team}"

    def describe(self, person: PersonRecord) -> str:
        return describe(person, self.away.get(person.id, []))

    def open_selected(self) -> None:
        self.action_edit()

    # --- keys -------------------------------------------------------------------------------

    def action_import_people(self) -> None:
        from sendtui.ui.screens.setup.imports import open_import

        open_import(self.app, "people")

    def action_add(self) -> None:
        def save(details) -> None:
            if details:
                self._write(lambda: people.add(self.store, self.inspection.id, **details),
                            f"{details['name']} added.")

        self.app.push_screen(PersonForm(taken={p.name for p in self.people}), save)

    def action_edit(self) -> None:
        person = self.selected()
        if person is None:
            return

        def save(details) -> None:
            if details:
                self._write(lambda: people.edit(self.store, self.inspection.id,
                                                       person.id, **details),
                            f"{details['name']} saved.")

        self.app.push_screen(PersonForm(person, taken={p.name for p in self.people}), save)

    def action_remove(self) -> None:
        person = self.selected()
        if person is None:
            return
        booked = self.booked[person.id]
        kept = f" The {booked} events they are booked on keep them." if booked else ""

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(lambda: people.remove(self.store, self.inspection.id,
                                                       person.id),
                            f"{person.name} removed (u undoes).")

        self.app.push_screen(ConfirmScreen(f"Remove {person.name}?{kept}"), confirmed)

    def action_add_unavailable(self) -> None:
        person = self.selected()
        if person is None:
            return

        def save(result) -> None:
            if result:
                self._write(lambda: availability.add(self.store, self.inspection.id,
                                                            person.id, *result),
                            f"{person.name} unavailable {period(*result[:2])}.")

        self.app.push_screen(UnavailableForm(person.name, self._first_day()), save)

    def action_remove_unavailable(self) -> None:
        person = self.selected()
        periods = self.away.get(person.id, []) if person else []
        if not periods:
            self.notify(f"{person.name} has no unavailable periods." if person else
                        "Nobody is selected.")
            return
        latest = periods[-1]
        when = period(latest.start, latest.end)

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(lambda: availability.remove(self.store, self.inspection.id,
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
        self.refresh_data(select=changed.id if isinstance(changed, PersonRecord) else None)
        self.notify(done)

    def _first_day(self) -> dt.date:
        """The first on-site day while it is ahead, else today: when periods usually start."""
        on_site = self.on_site
        return on_site if on_site and self.app.today < on_site else self.app.today
