"""The header's second part: where the inspection stands today, what is overdue and the
conflicts to settle ("Day 2 of fieldwork · 3 overdue · 2 conflicts"); a mixin of the app,
each count worked out in a thread after the changes that move it."""

from __future__ import annotations

from textual import work
from textual.reactive import reactive


class CountsInHeader:
    overdue_words = reactive("", init=False)  # "3 overdue", from the dashboard
    conflict_words = reactive("", init=False)  # "2 conflicts" (to settle: X)

    def day_caption(self, key_dates) -> str:
        """Where the inspection stands today; the header shows its first part."""
        from sendtui.domain.dates import day_caption

        caption = day_caption(key_dates, self.today)
        self._header(caption.split(" · ")[0])
        return caption

    def now(self):
        """When overdue is judged: the clock, or 09:00 on a pretended day."""
        from sendtui.domain.today import moment

        return moment(self.today, self.today_pretended)

    def _header(self, day: str) -> None:
        """The header's second part: where the inspection stands, then what is overdue and
        the conflicts to settle."""
        self.sub_title = " · ".join(x for x in (day, self.overdue_words, self.conflict_words)
                                    if x)

    @work(thread=True, exclusive=True, group="overdue")
    def recount_overdue(self) -> None:
        """The header's overdue count again, after a change on a tracker screen."""
        from sendtui.store.today import due_items

        if self.store is None or self.inspection is None:
            return
        n = sum(i.overdue for i in due_items(self.store, self.inspection.id, self.now()))
        self.call_from_thread(setattr, self, "overdue_words", f"{n} overdue" if n else "")

    def watch_overdue_words(self) -> None:
        self._header(self.sub_title.split(" · ")[0])

    def watch_conflict_words(self) -> None:
        self._header(self.sub_title.split(" · ")[0])

    @work(thread=True, exclusive=True, group="conflicts")
    def recount_conflicts(self) -> None:
        """The header's count of conflicts to settle (texts changed on two laptops at once),
        after opening, an import, a settlement or an undo."""
        from sendtui.store.conflicts import open_conflicts

        if self.store is None or self.inspection is None:
            return
        n = len(open_conflicts(self.store, self.inspection.id))
        self.call_from_thread(self.conflict_words_from, n)

    def conflict_words_from(self, n: int) -> None:
        from sendtui.ui.screens.exchange.words import conflicts_to_settle

        self.conflict_words = conflicts_to_settle(n)

