"""Move mode of the week screen: the event follows the cursor until enter (or m) places it.

While moving, nothing is written: the grid shows the event where it would go; placing it is
one events.edit (one undo), escape puts it back.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sendtui.domain.clock import when
from sendtui.domain.dates import local_date
from sendtui.records import EventRecord
from sendtui.store import events
from sendtui.store.events import EventInput
from sendtui.ui.screens.week import text as words
from sendtui.ui.widgets.week_layout import ColumnKey

FINISH_MOVE = "Finish the move first: enter places the event, escape puts it back."


@dataclass
class Move:
    original: EventRecord
    origin: str | None  # the person whose column it left (by-person view)
    pending: EventRecord


class MoveMode:
    """Mixed into WeekScreen, whose grid, store, people and refresh_data it uses."""

    move: Move | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("place", "put_back"):
            return self.move is not None
        return True

    def busy(self) -> bool:
        if self.move:
            self.notify(FINISH_MOVE, severity="warning")
        return self.move is not None

    def action_move(self) -> None:
        if self.move:
            self.action_place()
            return
        event = self._event_or_say("move")
        if event is None:
            return
        key = self.grid.cursor_key
        self.move = Move(event, key.person_id, event)
        self.grid.moving = True
        self.grid.select(event.id, key)
        self.refresh_bindings()
        self._describe()

    def _carry(self, key: ColumnKey, start: dt.datetime) -> None:
        """The moving event follows the cursor: to its time, day and person."""
        original, origin = self.move.original, self.move.origin
        ids = original.person_ids
        if key.person_id and origin and key.person_id != origin:
            ids = tuple(dict.fromkeys(key.person_id if p == origin else p for p in ids))
        by_id = {p.id: p.name for p in self.people}
        pending = replace(original, start=start, end=start + (original.end - original.start),
                          person_ids=ids, people=tuple(by_id.get(i, "") for i in ids))
        if pending != self.move.pending:
            self.move.pending = pending
            self._show()
            self.grid.select(original.id, key)

    def action_place(self) -> None:
        move, self.move = self.move, None
        self.grid.moving = False
        self.refresh_bindings()
        if move.pending == move.original:
            self.refresh_data(select=move.original.id)
            self.notify(f"{move.original.title} stays where it was.")
            return
        self._preview(move.pending)
        data = EventInput.of(move.pending)
        to = when(data.start, data.end)
        if data.person_ids != move.original.person_ids:
            to += f", {words.names_of(data.person_ids, self.people) or 'nobody'}"
        self._write(lambda: events.edit(self.store, self.inspection.id, move.original.id,
                                        data, summary=f"moved {move.original.title}"),
                    f"Moved {move.original.title} to {to}  (u to undo)", move.original.id)

    def action_put_back(self) -> None:
        move, self.move = self.move, None
        self.grid.moving = False
        self.refresh_bindings()
        self.refresh_data(select=move.original.id, column=ColumnKey(
            local_date(move.original.start), move.origin) if self.by_person else None)
        self.notify(f"{move.original.title} is back where it was.")
