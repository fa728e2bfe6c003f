"""Unavailable periods in the week: the cursor on a shaded cell names who is away and why;
e edits that period and d removes it (any of them, not only a person's latest)."""

from __future__ import annotations

import datetime as dt

from sendtui.domain.away import periods_over
from sendtui.domain.dates import local_date
from sendtui.store import availability
from sendtui.store.week_reads import Away
from sendtui.ui.screens.week import text as words

QUARTER = dt.timedelta(minutes=15)


class AwayPeriods:
    """Mixed into WeekScreen, before EventChanges: its edit and remove keys come here when
    the cursor is on unavailable time rather than on an event."""

    def away_here(self) -> list[Away]:
        """The periods over the cursor's quarter hour (its person's in a person's column)."""
        grid = self.grid
        start = grid.cursor_start
        if self.move or start is None or grid.event_under_cursor is not None:
            return []
        return periods_over(list(self.away), start, start + QUARTER, grid.cursor_key.person_id)

    def action_edit(self) -> None:
        here = self.away_here()
        if here and not self.busy():
            self._edit_away(here[0])
        else:
            super().action_edit()

    def action_remove(self) -> None:
        here = self.away_here()
        if here and not self.busy():
            self._remove_away(here[0])
        else:
            super().action_remove()

    def _edit_away(self, period: Away) -> None:
        from sendtui.ui.screens.area.people_forms import UnavailableForm

        name = words.names_of((period.person_id,), self.people)
        store, ins = self.store, self.inspection.id

        def save(result) -> None:
            if result:
                self._write(lambda: availability.edit(store, ins, period.id, *result),
                            f"{name} unavailable {words.period(*result[:2])}  (u to undo)")

        self.app.push_screen(UnavailableForm(name, local_date(period.start), period), save)

    def _remove_away(self, period: Away) -> None:
        name = words.names_of((period.person_id,), self.people)
        store, ins = self.store, self.inspection.id
        self._write(lambda: availability.remove(store, ins, period.id),
                    f"{name} available again {words.period(period.start, period.end)}  "
                    "(u to undo)")
