"""The inspection team and the local contacts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from sendtui.ui.screens.base import TaskScreen, table


class PeopleScreen(TaskScreen):
    HEADING = "People"

    def body(self) -> ComposeResult:
        yield Static("", id="people-summary", classes="hint")
        yield table("people", "Name", "Side", "Role", "Organisation", "Email", "Phone")

    def on_mount(self) -> None:
        people = self.store.people(self.inspection.id)
        grid = self.query_one("#people", DataTable)
        for p in people:
            grid.add_row(p.name, "Team" if p.is_team else "Local", p.role, p.organisation,
                         p.email, p.phone, key=p.id)
        team = sum(p.is_team for p in people)
        self.query_one("#people-summary", Static).update(
            f"Inspection team {team} · local contacts {len(people) - team}" if people else
            "No people yet: import them with 'sendtui import people FILE'.")
        grid.focus()
