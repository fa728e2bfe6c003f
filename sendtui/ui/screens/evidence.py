"""The evidence log, newest first. Case references stay hidden in lists."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import DataTable, Static

from sendtui.domain.kinds import SOURCE_KINDS
from sendtui.ui.dates import when
from sendtui.ui.screens.base import TaskScreen, table

SHOWN = 500  # rows loaded into the list; the count says how many there are


class EvidenceScreen(TaskScreen):
    HEADING = "Evidence"

    def body(self) -> ComposeResult:
        yield Static("", id="evidence-summary", classes="hint")
        yield table("evidence", "When", "Line", "Source", "Note", "Setting")

    def on_mount(self) -> None:
        entries = self.store.evidence(self.inspection.id, limit=SHOWN)
        grid = self.query_one("#evidence", DataTable)
        for e in entries:
            note = e.text if len(e.text) <= 60 else e.text[:59] + "…"
            if e.case_ref:
                note = "[case ref hidden] " + note
            grid.add_row(when(e.at), e.line, SOURCE_KINDS.get(e.source, e.source), note,
                         e.setting_name or "—", key=e.id)
        total = self.store.counts(self.inspection.id).evidence
        self.query_one("#evidence-summary", Static).update(
            f"{total} entries, newest first" + (f" (showing {SHOWN})" if total > SHOWN else "")
            if entries else "No evidence yet: add it with 'sendtui evidence add'.")
        grid.focus()
