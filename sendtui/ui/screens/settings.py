"""The area's settings from GIAS, with counts per kind."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from sendtui.domain.kinds import SETTING_KINDS
from sendtui.ui.screens.base import TaskScreen, table


class SettingsScreen(TaskScreen):
    HEADING = "Settings"

    def body(self) -> ComposeResult:
        yield Static("", id="settings-summary", classes="hint")
        yield table("settings", "URN", "Name", "Kind", "Postcode", "Status")

    def on_mount(self) -> None:
        settings = self.store.settings(self.inspection.id)
        grid = self.query_one("#settings", DataTable)
        counts: dict[str, int] = {}
        for s in settings:
            counts[s.kind] = counts.get(s.kind, 0) + 1
            kind = SETTING_KINDS.get(s.kind, s.kind) + (" (specialist)" if s.is_specialist else "")
            grid.add_row(s.urn or "—", s.name, kind, s.postcode, s.status, key=s.id)
        summary = " · ".join(f"{SETTING_KINDS[k]} {counts[k]}" for k in SETTING_KINDS
                             if k in counts)
        self.query_one("#settings-summary", Static).update(
            f"{len(settings)} settings: {summary}" if settings else
            "No settings yet: import the GIAS extract with 'sendtui import settings FILE'.")
        grid.focus()
