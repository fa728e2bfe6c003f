"""The area's settings from GIAS: counts per kind, a kind filter, search, shortlist and visits."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Static

from sendtui.domain.kinds import SETTING_KINDS
from sendtui.store import area
from sendtui.store.repo import NotFound
from sendtui.store.views import SettingView
from sendtui.ui.screens.base import TaskScreen, table
from sendtui.ui.screens.columns import Column, fill
from sendtui.ui.screens.setting_rows import cells, describe, matches

COLUMNS = [Column("URN", 6), Column("Name", 16), Column("Kind", 10), Column("Postcode", 8),
           Column("Status", 4), Column("Marks", 11)]
MARK_WORDS = {"shortlisted": ("shortlisted", "taken off the shortlist"),
              "visited": ("marked visited", "no longer marked visited")}


class SettingsScreen(TaskScreen):
    HEADING = "Settings"
    BINDINGS = [
        Binding("slash", "search", "Search", id="settings-search", key_display="/",
                tooltip="Find settings by name, URN or postcode as you type"),
        Binding("k", "next_kind", "Kind", id="settings-kind",
                tooltip="Show the next kind of setting; after the last, all kinds"),
        Binding("s", "mark('shortlisted')", "Shortlist", id="settings-shortlist",
                tooltip="Put the setting on the shortlist for visits, or take it off"),
        Binding("v", "mark('visited')", "Visited", id="settings-visited",
                tooltip="Mark the setting visited, or not"),
        Binding("escape", "clear_search", "Clear search", id="settings-clear-search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.settings: list[SettingView] = []
        self.shown: list[SettingView] = []
        self.kind = ""  # "" shows every kind
        self.width_shown = 0  # the terminal width the columns were fitted to

    def body(self) -> ComposeResult:
        yield Static("", id="settings-summary", classes="hint", markup=False)
        yield Input(placeholder="/ searches names, URNs and postcodes", id="settings-search",
                    compact=True)
        yield table("settings")
        yield Static("", id="settings-detail", classes="detail", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#settings").focus()

    def on_resize(self) -> None:
        if self.is_mounted and self.app.size.width != self.width_shown:
            self.show()

    def refresh_data(self) -> None:
        self.reload()

    def reload(self) -> None:
        self.settings = self.store.settings(self.inspection.id)
        self.show()

    @property
    def search(self) -> str:
        return self.query_one("#settings-search", Input).value

    def show(self) -> None:
        """The table as filtered now, the cursor kept on the same setting if it is shown."""
        grid = self.query_one("#settings", DataTable)
        keep = self._selected()
        self.shown = [s for s in self.settings if matches(s, self.kind, self.search)]
        area = self.inspection.local_area
        every = {s.id: cells(s, area) for s in self.settings}
        self.width_shown = self.app.size.width
        fill(grid, COLUMNS, [(s.id, every[s.id]) for s in self.shown], self.width_shown,
             sizing=list(every.values()))
        at = next((i for i, s in enumerate(self.shown) if keep and s.id == keep.id), 0)
        grid.move_cursor(row=at)
        self.query_one("#settings-summary", Static).update(self._summary())
        self._describe()

    def _summary(self) -> str:
        if not self.settings:
            return "No settings yet: import the GIAS extract with 'sendtui import settings FILE'."
        counts = {k: sum(s.kind == k for s in self.settings) for k in SETTING_KINDS}
        by_kind = " · ".join(f"{SETTING_KINDS[k]} {n}" for k, n in counts.items() if n)
        what = SETTING_KINDS.get(self.kind, "all kinds")
        if self.search.strip():
            what += f" matching “{self.search.strip()}”"
        marks = (f"★ shortlisted {sum(s.shortlisted for s in self.settings)} · "
                 f"✓ visited {sum(s.visited for s in self.settings)}")
        return (f"{len(self.settings)} settings: {by_kind}\n"
                f"Showing {what}: {len(self.shown) or 'none'} of {len(self.settings)} · {marks}")

    def _selected(self) -> SettingView | None:
        grid = self.query_one("#settings", DataTable)
        return self.shown[grid.cursor_row] if 0 <= grid.cursor_row < len(self.shown) else None

    def on_data_table_row_highlighted(self) -> None:
        self._describe()

    def _describe(self) -> None:
        s = self._selected()
        self.query_one("#settings-detail", Static).update(
            describe(s, self.inspection.local_area) if s else "")

    # --- keys -------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#settings-search").focus()

    @on(Input.Changed, "#settings-search")
    def _searched(self) -> None:
        self.show()
        self.refresh_bindings()

    def check_action(self, action: str, parameters) -> bool | None:
        """escape is offered only while there is a search to clear or leave."""
        if action == "clear_search":
            return bool(self.search) or self.focused is self.query_one("#settings-search")
        return True

    @on(Input.Submitted, "#settings-search")
    def _search_done(self) -> None:
        self.query_one("#settings").focus()

    def action_clear_search(self) -> None:
        self.query_one("#settings-search", Input).value = ""
        self.query_one("#settings").focus()

    def action_next_kind(self) -> None:
        kinds = ["", *(k for k in SETTING_KINDS if any(s.kind == k for s in self.settings))]
        self.kind = kinds[(kinds.index(self.kind) + 1) % len(kinds)] if self.kind in kinds else ""
        self.show()

    def action_mark(self, mark: str) -> None:
        setting = self._selected()
        if setting is None:
            self.app.bell()
            return
        marked = not getattr(setting, mark)
        try:
            area.mark_setting(self.store, self.inspection.id, setting.id, **{mark: marked})
        except NotFound as exc:  # removed meanwhile, e.g. by a merge
            self.notify(f"{setting.name}: {exc}.", severity="error")
        else:
            words = MARK_WORDS[mark][0 if marked else 1]
            self.notify(f"{setting.name} {words}.")
        self.reload()
