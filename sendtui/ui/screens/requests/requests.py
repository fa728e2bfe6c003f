"""The Requests screen (7): what the inspectors asked for, overdue first, then by due.

`o` and `s` cycle the owner and status shown; `space` marks rows and `t` ticks the marked
ones (else the one under the cursor) as sent; `p` in progress, `r` reopens; `a` adds, `e`
edits, `d` removes. Every change is written at once and `u` undoes it.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding

from sendtui.domain import requests as rules
from sendtui.domain.clock import when
from sendtui.domain.words import sentence
from sendtui.errors import UserError
from sendtui.records import RequestRecord
from sendtui.store import people, requests
from sendtui.ui.screens.common.columns import Column, fill
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.common.copy import copy_binding
from sendtui.ui.screens.common.list_screen import ListScreen
from sendtui.ui.screens.requests.form import RequestForm, due_text

COLUMNS = [Column("✓", 1), Column("Due", 16), Column("Status", 11), Column("Owner", 10),
           Column("Title", 24), Column("Kind", 8, optional=True),
           Column("Where", 12, optional=True)]
NOBODY = ""  # the owner filter's value for requests nobody owns


class RequestsScreen(ListScreen):
    HEADING = "Requests"
    TABLE = "requests"
    COPIES = "request"
    EMPTY = "No requests: add one with a, or import them with 'sendtui requests import FILE'."
    BINDINGS = [
        Binding("space", "mark", "Mark", id="requests-mark",
                tooltip="Mark the request for a bulk tick, or unmark it"),
        Binding("t", "tick", "Sent", id="requests-tick",
                tooltip="Tick the marked requests (or this one) as sent"),
        Binding("p", "progress", "In progress", id="requests-in-progress", show=False,
                tooltip="The marked requests (or this one) are in progress"),
        Binding("r", "reopen", "Reopen", id="requests-reopen",
                tooltip="Back to to-do: the marked requests (or this one)"),
        Binding("o", "owner", "Owner", id="requests-owner", show=False,
                tooltip="Show one owner's requests, the next on each press; then all"),
        Binding("s", "status", "Status", id="requests-status", show=False,
                tooltip="Show one status, the next on each press; then all"),
        Binding("a", "add", "Add", id="add-request"),
        Binding("e", "edit", "Edit", id="edit-request"),
        Binding("d", "remove", "Remove", id="remove-request", show=False,
                tooltip="Remove the request (asks first; u undoes)"),
        copy_binding("request"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.all: list[RequestRecord] = []
        self.people: frozenset[str] = frozenset()
        self.marked: set[str] = set()
        self.owner: str | None = None  # None: everybody's; NOBODY: nobody's
        self.status: str | None = None
        self.now = None

    # --- reading ---------------------------------------------------------------------------

    def read_in_thread(self) -> tuple:
        now = self.app.now()
        ins = self.inspection.id
        return (requests.all(self.store, ins, now),
                frozenset(p.name for p in people.all(self.store, ins)), now)

    def loaded(self, data: tuple, select: str | None = None) -> None:
        self.app.recount_overdue()  # the header's count follows a tick
        self.all, self.people, self.now = data
        self.marked &= {r.id for r in self.all}
        self.show(select)

    def listed(self) -> list[RequestRecord]:
        return [r for r in self.all
                if (self.owner is None or r.owner == self.owner)
                and (self.status is None or r.status == self.status)]

    # --- drawing ---------------------------------------------------------------------------

    def show(self, select: str | None = None) -> None:
        row = self.table.cursor_row
        self.width_shown = self.app.size.width
        shown = self.listed()
        fill(self.table, COLUMNS, [(r.id, self.cells(r)) for r in shown], self.width_shown,
             sizing=[self.cells(r) for r in self.all])
        for r in shown:
            if self.overdue(r):
                self.table.update_cell(r.id, "Due", Text(self.cells(r)[1], style="bold red",
                                                          no_wrap=True, overflow="ellipsis"))
        self.put_cursor(select, row)
        self.show_summary()
        self.show_detail()

    def overdue(self, r: RequestRecord) -> bool:
        return self.now is not None and rules.is_overdue(r, self.now)

    def cells(self, r: RequestRecord) -> list[str]:
        due = when(r.due_at) if r.due_at else "—"
        status = "overdue" if self.overdue(r) else r.status
        return ["✓" if r.id in self.marked else "", due, status, r.owner or "—", r.title,
                r.kind, r.where]

    def summary(self) -> str:
        late = sum(self.overdue(r) for r in self.all)
        today = sum(rules.is_due_today(r, self.now) for r in self.all) if self.now else 0
        open_ = sum(r.status not in rules.FINISHED for r in self.all)
        owner = "all" if self.owner is None else (self.owner or "nobody")
        parts = [f"{open_} open of {len(self.all)}", f"{late} overdue", f"{today} due today",
                 f"owner: {owner}", f"status: {self.status or 'all'}"]
        if self.marked:
            parts.append(f"{len(self.marked)} marked")
        return " · ".join(parts)

    def describe(self, r: RequestRecord) -> str:
        due = f"due {when(r.due_at)}" if r.due_at else "no due date"
        if r.due_anchor:
            due += f" ({due_text(r)})"
        status = r.status + (f": {r.reason}" if r.reason else "")
        where = " · ".join(x for x in (r.where, r.notes) if x)
        return "\n".join([r.title, " · ".join([r.kind, r.owner or "nobody", due, status]),
                          where])

    # --- keys ------------------------------------------------------------------------------

    def action_mark(self) -> None:
        r = self.selected()
        if r is None:
            return
        self.marked ^= {r.id}
        self.table.update_cell(r.id, "✓", "✓" if r.id in self.marked else "")
        if self.table.cursor_row < self.table.row_count - 1:
            self.table.move_cursor(row=self.table.cursor_row + 1)
        self.show_summary()

    def chosen(self) -> list[str]:
        """The marked requests shown, else the one under the cursor."""
        marked = [r.id for r in self.listed() if r.id in self.marked]
        r = self.selected()
        return marked or ([r.id] if r else [])

    def action_tick(self) -> None:
        self._set_status("sent", "marked sent")

    def action_progress(self) -> None:
        self._set_status("in-progress", "in progress")

    def action_reopen(self) -> None:
        self._set_status("to-do", "reopened")

    def _set_status(self, status: str, said: str) -> None:
        ids = self.chosen()
        if not ids:
            self.app.bell()
            return
        what = "1 request" if len(ids) == 1 else f"{len(ids)} requests"
        if self._write(lambda: requests.set_status(self.store, self.inspection.id, ids,
                                                   status), f"{what} {said} (u undoes)."):
            self.marked -= set(ids)

    def action_owner(self) -> None:
        owners = sorted({r.owner for r in self.all if r.owner}, key=str.casefold)
        cycle = [None, *owners, NOBODY]
        self.owner = cycle[(cycle.index(self.owner) + 1) % len(cycle)]
        self.show()

    def action_status(self) -> None:
        cycle = [None, *rules.STATUSES]
        self.status = cycle[(cycle.index(self.status) + 1) % len(cycle)]
        self.show()

    def open_selected(self) -> None:
        self.action_edit()

    def action_add(self) -> None:
        def save(fields) -> None:
            if fields:
                due = fields.pop("due")
                self._write(lambda: requests.add(self.store, self.inspection.id,
                                                 due_at=due, **fields), "Request added.")

        self.app.push_screen(RequestForm(people=self.people), save)

    def action_edit(self) -> None:
        r = self.selected()
        if r is None:
            return

        def save(fields) -> None:
            if fields:
                self._write(lambda: requests.edit(self.store, self.inspection.id, r.id,
                                                  **fields), "Request saved (u undoes).")

        self.app.push_screen(RequestForm(r, self.people), save)

    def action_remove(self) -> None:
        r = self.selected()
        if r is None:
            return

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(lambda: requests.remove(self.store, self.inspection.id, r.id),
                            "Request removed (u undoes).")

        self.app.push_screen(ConfirmScreen(f"Remove the request {r.title}?"), confirmed)

    def _write(self, change, done: str) -> bool:
        """Make a change in the store now; the cursor goes to the request it returns."""
        try:
            changed = change()
        except UserError as exc:
            self.notify(sentence(str(exc)), severity="error")
            return False
        self.refresh_data(select=changed.id if isinstance(changed, RequestRecord) else None)
        self.notify(done)
        return True
