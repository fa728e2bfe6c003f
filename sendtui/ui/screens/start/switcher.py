"""Every inspection in the store (`s` on the dashboard, ctrl+o or the palette anywhere):
enter opens the highlighted one on every screen, `n` starts a new one, escape closes."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import DataTable, Footer, Static

from sendtui.domain.frameworks import KeyDate
from sendtui.records import Counts, InspectionRecord
from sendtui.ui.screens.common.base import Loads, table
from sendtui.ui.widgets.dimmed import DimmedModal

OPEN_MARK = "▶ open"  # in words too: the open one is never told by colour alone


@dataclass(frozen=True)
class Listed:
    """One inspection as the switcher lists it."""

    inspection: InspectionRecord
    counts: Counts
    on_site: KeyDate | None


class InspectionSwitcher(Loads, DimmedModal):
    BINDINGS = [
        Binding("escape", "close", "Close", id="switcher-close"),
        Binding("n", "new", "New inspection", id="switcher-new",
                tooltip="Start a new inspection; it opens once created"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listed: list[Listed] | None = None  # None until read

    def compose(self) -> ComposeResult:
        with Vertical(classes="form wide-form", id="switcher-box"):
            yield Static("Inspections", classes="heading")
            yield Static("Reading the store…", id="switcher-summary", classes="hint",
                         markup=False)
            yield table("switcher", "", "Local area", "Framework", "On site", "Events",
                        "Evidence")
            yield Static("enter opens · n new inspection · escape closes", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_data()
        self.query_one("#switcher").focus()

    def read_in_thread(self) -> list[Listed]:
        from sendtui.store import inspections

        store = self.app.store
        return [Listed(ins, inspections.counts(store, ins.id), _on_site(
            inspections.key_dates(store, ins.id))) for ins in inspections.all(store)]

    def loaded(self, data: list[Listed]) -> None:
        self.listed = data
        grid = self.query_one("#switcher", DataTable)
        grid.clear()
        open_id = self.app.inspection.id if self.app.inspection else None
        for row in data:
            ins = row.inspection
            grid.add_row(OPEN_MARK if ins.id == open_id else "", ins.local_area,
                         ins.framework, _when(row.on_site, ins),
                         str(row.counts.events), str(row.counts.evidence), key=ins.id)
        here = next((n for n, row in enumerate(data) if row.inspection.id == open_id), 0)
        grid.move_cursor(row=here)
        n = len(data)
        self.query_one("#switcher-summary", Static).update(
            "No inspection yet: n starts one." if not n else
            f"{n} inspection{'s' if n != 1 else ''} in this store; the commands act on the "
            "one opened last.")

    async def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.open_highlighted()

    def open_highlighted(self) -> None:
        if not self.listed:
            return
        chosen = self.listed[self.query_one("#switcher", DataTable).cursor_row].inspection
        if self.app.inspection is not None and chosen.id == self.app.inspection.id:
            self.dismiss(None)  # the one open already
            return
        self.app.open_inspection(chosen)  # every screen made for the other one goes
        self.app.notify(f"Opened {chosen.local_area} ({chosen.framework}).")

    def action_new(self) -> None:
        from sendtui.ui.screens.start.new_inspection import NewInspectionScreen

        self.app.push_screen(NewInspectionScreen())  # it opens the inspection it creates

    def action_close(self) -> None:
        self.dismiss(None)


def _on_site(dates: list[KeyDate]) -> KeyDate | None:
    return next((kd for kd in dates if kd.key == "on-site"), None)


def _when(on_site: KeyDate | None, ins: InspectionRecord) -> str:
    """'30 Nov – 4 Dec 2026'; without an on-site week, the call date."""
    if on_site is None:
        return f"notified {_date(ins.notified)}"
    start, end = on_site.date, on_site.end or on_site.date
    if start == end:
        return _date(start)
    first = f"{start.day} {start:%b}" + ("" if start.year == end.year else f" {start:%Y}")
    return f"{first} – {_date(end)}"


def _date(day) -> str:
    return f"{day.day} {day:%b %Y}"
