"""The on-site week, event by event, day by day (the planner grid comes later)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from sendtui.domain.kinds import AUDIENCES, event_kind_label
from sendtui.ui.dates import clock, local_date, short_day
from sendtui.ui.screens.base import TaskScreen, table


class WeekScreen(TaskScreen):
    HEADING = "Week"

    def body(self) -> ComposeResult:
        yield Static("", id="week-summary", classes="hint")
        yield table("events", "Day", "Time", "Title", "Kind", "People", "Place")

    def on_mount(self) -> None:
        events = self.store.events(self.inspection.id)
        grid = self.query_one("#events", DataTable)
        last_day = None
        for e in events:
            d = local_date(e.start)
            grid.add_row(short_day(d) if d != last_day else "",
                         f"{clock(e.start)}–{clock(e.end)}",
                         _title(e), event_kind_label(e.kind), ", ".join(e.people),
                         e.setting_name or e.location, key=e.id)
            last_day = d
        days = len({local_date(e.start) for e in events})
        self.query_one("#week-summary", Static).update(
            f"{len(events)} events over {days} days" if events else
            "No events yet: import a schedule with 'sendtui import schedule FILE'.")
        grid.focus()


def _title(event) -> str:
    title = event.title
    if event.audience:
        title += f" [{AUDIENCES.get(event.audience, event.audience)}]"
    if event.status == "cancelled":
        title = f"CANCELLED: {title}"
    return title
