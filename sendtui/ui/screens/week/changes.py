"""The week screen's changes to events: each one undoable store action, then a re-read."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sendtui.domain.clock import when
from sendtui.domain.dates import clock, local_date
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import EventRecord
from sendtui.store import events
from sendtui.store.events import EventInput
from sendtui.ui.screens.common.base import change_in_thread

QUARTER = dt.timedelta(minutes=15)
HOUR = dt.timedelta(minutes=60)


class EventChanges:
    """Mixed into WeekScreen: add, edit, resize, copy and remove (undo is the app's)."""

    def _event_or_say(self, verb: str) -> EventRecord | None:
        event = self.grid.event_under_cursor
        if event is None:
            self.notify(f"No event under the cursor to {verb}: move onto one first.",
                        severity="warning")
        return event

    def _write(self, change, done: str, select: str | None = None) -> None:
        """Run one store change off the UI thread; then read the week again and say what
        went wrong (nothing changed) or what was done."""
        def then(result, error) -> None:
            if error is not None:
                self.notify(f"Nothing changed: {error}.", severity="error")
                self.refresh_data(select=select)
                return
            self.refresh_data(select=result if isinstance(result, str) else select)
            self.notify(done)

        change_in_thread(self.app, change, then, expected=(InvalidInput, NotFound))

    def _preview(self, changed: EventRecord) -> None:
        """Draw a change at once, before it is written: the read after the write confirms it
        (problems included) or, if it was refused, puts the event back."""
        self.events = [changed if e.id == changed.id else e for e in self.events]
        self._show()
        self._describe()

    def _form(self, initial: EventInput, heading: str, save) -> None:
        from sendtui.ui.screens.week.event_form import EventForm

        def saved(data: EventInput | None) -> None:
            if data is not None:
                save(data)

        self.app.push_screen(EventForm(initial, self.settings, self.people, heading), saved)

    def action_add(self) -> None:
        if self.busy():
            return
        key, start = self.grid.cursor_key, self.grid.cursor_start
        self.add_event(start, start + HOUR, (key.person_id,) if key.person_id else ())

    def add_event(self, start: dt.datetime, end: dt.datetime,
                  people: tuple[str, ...]) -> None:
        """The event form for a new meeting at that time with those people."""
        initial = EventInput("meeting", "", start, end, person_ids=people)
        self._form(initial, f"Add an event on {when(start)}", lambda data: self._write(
            lambda: events.add(self.store, self.inspection.id, data),
            f"Added {data.title or 'the event'} on {when(data.start, data.end)}  "
            "(u to undo)"))

    def action_edit(self) -> None:
        if self.busy() or (event := self._event_or_say("edit")) is None:
            return
        self._form(EventInput.of(event), f"Edit: {event.title}", lambda data: self._write(
            lambda: events.edit(self.store, self.inspection.id, event.id, data),
            f"Saved {data.title}  (u to undo)", event.id))

    def action_resize(self, minutes: int) -> None:
        if self.busy() or (event := self._event_or_say("resize")) is None:
            return
        end = event.end + dt.timedelta(minutes=minutes)
        if end - event.start < QUARTER:
            self.notify(f"{event.title} is already as short as it can be (15 minutes).",
                        severity="warning")
            return
        data = replace(EventInput.of(event), end=end)
        verb = "lengthened" if minutes > 0 else "shortened"
        self._preview(replace(event, end=end))
        self._write(lambda: events.edit(self.store, self.inspection.id, event.id, data,
                                         summary=f"{verb} {event.title}"),
                    f"{event.title} now ends at {clock(end)}  (u to undo)", event.id)

    def action_duplicate(self) -> None:
        if self.busy() or (event := self._event_or_say("copy")) is None:
            return
        data = EventInput.of(event).moved(event.end - event.start)
        if local_date(data.end - dt.timedelta(seconds=1)) != local_date(event.start):
            self.notify(f"No room for a copy of {event.title} after it on the same day.",
                        severity="warning")
            return
        self._write(lambda: events.add(self.store, self.inspection.id, data),
                    f"Copied {event.title} to {when(data.start, data.end)}  (u to undo)")

    def action_remove(self) -> None:
        if self.busy() or (event := self._event_or_say("remove")) is None:
            return
        self._write(lambda: events.remove(self.store, self.inspection.id, event.id),
                    f"Removed {event.title}  (u to undo)")

    def action_erase(self) -> None:
        """Erase the event for good (asked first): its title, place, notes and people."""
        if self.busy() or (event := self._event_or_say("erase")) is None:
            return
        from sendtui.store.erasure import erase_event
        from sendtui.ui.screens.common.erase import ask_and_erase

        store, ins = self.store, self.inspection.id
        ask_and_erase(
            self, "this event",
            f"The event on {when(event.start, event.end)}: its title, place, notes, people "
            "and undo history leave the store; evidence recorded at it stays, unlinked.",
            lambda: erase_event(store, ins, event.id), self.refresh_data)

