"""The Children screen (8): tracked children and sampled cases by pseudonym, their consent,
documents, professionals to invite and tracking meeting; problems in words under the table.
The name and case reference show for the highlighted child only, on `r`, and are audited."""

from __future__ import annotations

from textual.binding import Binding

from sendtui.domain.redaction import Redactor, keep
from sendtui.domain.words import sentence
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import Identity, TrackedChildRecord
from sendtui.store import events, tracked
from sendtui.ui.screens.children.form import ChildForm
from sendtui.ui.screens.children.rows import (COLUMNS, DOCS_DUE, LATE, cells, describe,
                                              now_at)
from sendtui.ui.screens.common.columns import cell, fill
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.common.list_screen import ListScreen


class ChildrenScreen(ListScreen):
    HEADING = "Children"
    TABLE = "children"
    DETAIL = "detail child-detail"
    EMPTY = ("No tracked children or sampled cases yet: a adds one when the inspectors "
             "name them.")
    BINDINGS = [
        Binding("a", "add", "Add", id="add-child"),
        Binding("e,enter", "edit", "Edit", id="edit-child"),
        Binding("c", "consent", "Consent", id="child-consent",
                tooltip="Consent: not asked → asked → given → refused"),
        Binding("i", "uploaded", "Docs in", id="child-documents",
                tooltip="The documents uploaded today, or not yet"),
        Binding("n", "capture", "Evidence", id="child-evidence",
                tooltip="Capture evidence against the highlighted child"),
        Binding("r", "reveal", "Reveal", id="child-reveal",
                tooltip="Show the highlighted child's name and case ref, or hide them "
                        "(the audit log notes it)"),
        Binding("d", "remove", "Remove", id="remove-child",
                tooltip="No longer tracked or sampled (asks first; u undoes)"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.children_: list[TrackedChildRecord] = []
        self.events = []
        self.redactor = Redactor()
        self.identity: tuple[str, Identity] | None = None  # (child id, what r showed)

    def listed(self) -> list[TrackedChildRecord]:
        return self.children_

    def read_in_thread(self) -> tuple:
        from sendtui.store.names import redactor

        ins = self.inspection.id
        return (tracked.all(self.store, ins), events.all(self.store, ins),
                redactor(self.store, ins))

    def loaded(self, data: tuple, select: str | None = None) -> None:
        self.app.recount_overdue()  # the header's count follows a tick
        self.children_, self.events, self.redactor = data
        self.show(select)

    @property
    def now(self):
        return now_at(self.app.today)

    def show(self, select: str | None = None) -> None:
        row, now = self.table.cursor_row, self.now
        self.width_shown = self.app.size.width
        fill(self.table, COLUMNS, [(c.id, cells(c, now)) for c in self.children_],
             self.width_shown)
        for c in self.children_:  # overdue in red as well as in words
            due = cells(c, now)[4]
            if due.startswith(LATE) and DOCS_DUE in self.table.columns:
                late = cell(due)
                late.stylize("bold red")
                self.table.update_cell(c.id, DOCS_DUE, late)
        self.put_cursor(select, row)
        self.show_summary()
        self.show_detail()

    def summary(self) -> str:
        now = self.now
        kinds = [c.kind for c in self.children_]
        from sendtui.domain.tracking import problems

        needing = sum(bool(problems(c, now)) for c in self.children_)
        return (f"Tracked {kinds.count('tracked')} of 6 · sampled {kinds.count('sampled')} · "
                f"{needing} with problems")

    def describe(self, child: TrackedChildRecord) -> str:
        shown = self.identity[1] if self.identity and self.identity[0] == child.id else None
        return describe(child, self.now, keep if shown else self.redactor.redact, shown)

    def on_data_table_row_highlighted(self) -> None:
        child = self.selected()
        if self.identity and (child is None or child.id != self.identity[0]):
            self.identity = None  # shown for the highlighted child only
        self.show_detail()

    def open_selected(self) -> None:
        self.action_edit()

    # --- keys -------------------------------------------------------------------------------

    def action_add(self) -> None:
        def save(details) -> None:
            if details:
                kind, name, selected = (details.pop(k) for k in ("kind", "name",
                                                                 "selected_on"))
                self._write(lambda: tracked.add(self.store, self.inspection.id, kind, name,
                                                selected, **details), "{} added.")

        self.app.push_screen(ChildForm(self.app.today, self.events), save)

    def action_edit(self) -> None:
        child = self.selected()
        if child is None:
            return

        def save(details) -> None:
            if details:
                self._write(lambda: tracked.edit(self.store, self.inspection.id, child.id,
                                                 **details), "{} saved.")

        self.app.push_screen(ChildForm(self.app.today, self.events, child), save)

    def action_consent(self) -> None:
        if child := self.selected():
            self._write(lambda: tracked.cycle_consent(self.store, self.inspection.id,
                                                      child.id), "{}: consent {}.")

    def action_uploaded(self) -> None:
        if child := self.selected():
            day = None if child.documents_uploaded else self.app.today
            self._write(lambda: tracked.uploaded(self.store, self.inspection.id, child.id,
                                                 day), "{}: documents {}.")

    def action_capture(self) -> None:
        from sendtui.ui.screens.evidence.capture_open import open_capture

        child = self.selected()
        open_capture(self.app, (child.id, child.pseudonym) if child else None)

    def action_reveal(self) -> None:
        from sendtui.ui.screens.common.base import change_in_thread

        child = self.selected()
        if child is None:
            return
        if self.identity and self.identity[0] == child.id:
            self.identity = None
            self.show_detail()
            return
        store, ins = self.store, self.inspection.id

        def shown(identity, error) -> None:
            if error is not None:
                self.notify(sentence(str(error)), severity="error")
            elif self.selected() is not None and self.selected().id == child.id:
                self.identity = (child.id, identity)
                self.show_detail()

        change_in_thread(self.app, lambda: tracked.identity(
            store, ins, child.id, "on the Children screen"), shown,
            expected=(InvalidInput, NotFound))

    def action_remove(self) -> None:
        child = self.selected()
        if child is None:
            return

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(lambda: tracked.remove(self.store, self.inspection.id, child.id),
                            f"{child.pseudonym} removed (u undoes).")

        self.app.push_screen(ConfirmScreen(
            f"Stop tracking {child.pseudonym}? Its evidence stays."), confirmed)

    def _write(self, change, done: str) -> None:
        """Make a change; the message names the child by pseudonym (and its new state)."""
        from sendtui.domain.tracking import CONSENT

        try:
            changed = change()
        except (InvalidInput, NotFound) as exc:
            self.notify(sentence(str(exc)), severity="error")
            return
        if isinstance(changed, TrackedChildRecord):
            state = (CONSENT[changed.consent] if "consent" in done else
                     "uploaded" if changed.documents_uploaded else "not uploaded yet")
            done = done.format(changed.pseudonym, state)
        self.refresh_data(select=changed.id if changed else None)
        self.notify(done)
