"""What another program writes to the store (the CLI beside the app, a second app) shows
here within a second or two, without disturbing what is being typed.

A plain daemon thread (not a Textual worker: tests that wait for every worker to finish
would wait for ever) asks the store's watch every WATCH_EVERY_S: a file's is
`sendtui.store.watch` (`PRAGMA data_version`, this app's own commits told apart), a
PostgreSQL database's `sendtui.store.watch_pg` (LISTEN/NOTIFY, each engine's commits
carrying its own token); both are found by `watch.of(engine)`. When another program
committed, it posts `OthersChanged`; a worker checks the open inspection is still there
(else the one left opens, as after a purge here); then on the UI thread every screen of the
current stack that reads the store reads again, except a form (what is typed stays as
typed), each keeping its cursor on the same thing (`Loads.refresh_kept`), and the header
recounts what is overdue and names the inspections again. Other task screens read again
when they are shown next.
"""

from __future__ import annotations

import sqlite3
import threading

from textual import work
from textual.message import Message

WATCH_EVERY_S = 0.5


class OthersChanged(Message):
    """Another program committed to the store since the last look."""


class WatchesOthers:
    """Mixed into the app: `watch_others()` once the store is open, `stop_watching()` at
    the end."""

    _watch = None
    _watch_stop: threading.Event | None = None

    def watch_others(self) -> None:
        from sendtui.store import watch

        self.stop_watching()
        self._watch = watch.of(self.store.engine)
        if self._watch is None:  # a server the watch cannot listen to (not psycopg)
            return
        self._watch.others_changed()  # the baseline: what was read so far is current
        self._watch_stop = stop = threading.Event()
        threading.Thread(target=self._watching, args=(self._watch, stop), daemon=True,
                         name="sendtui-watch").start()

    def stop_watching(self) -> None:
        if self._watch_stop is not None:
            self._watch_stop.set()
        if self._watch is not None:
            self._watch.close()
        self._watch = self._watch_stop = None

    def _watching(self, watch, stop: threading.Event) -> None:
        while not stop.wait(WATCH_EVERY_S):
            try:
                changed = watch.others_changed()
            except sqlite3.Error:  # busy now: asked again next time (a server's says False)
                continue
            if changed and not stop.is_set():
                self.post_message(OthersChanged())

    def on_others_changed(self, _message: OthersChanged) -> None:
        if self.store is not None and self.inspection is not None:
            self._still_there(self.inspection.id)

    @work(thread=True, exclusive=True, group="others-changed")
    def _still_there(self, ins_id: str) -> None:
        """The open inspection may have been erased by the other program (`purge`): then
        the one it leaves opens, as after a purge here; else every screen reads again."""
        from sendtui.store import inspections

        found = inspections.all(self.store)
        if any(i.id == ins_id for i in found):
            self.call_from_thread(self._read_again, ins_id, found)
            return
        try:
            after = inspections.find(self.store) if len(found) == 1 or any(
                i.last_opened_at for i in found) else None
        except LookupError:
            after = None
        self.call_from_thread(self._gone, ins_id, after)

    def _read_again(self, ins_id: str, found: list) -> None:
        from sendtui.ui.app import inspection_title
        from sendtui.ui.screens.common.base import Loads
        from sendtui.ui.screens.common.form import FormScreen

        if self.inspection is None or self.inspection.id != ins_id:
            return  # another inspection opened meanwhile: its screens are new
        title = inspection_title(self.inspection, found)  # another may have been added
        if title != self.title:
            self.title = title
        for screen in self.screen_stack:
            if isinstance(screen, Loads) and not isinstance(screen, FormScreen) \
                    and screen.is_attached:
                screen.refresh_kept()
        self.recount_overdue()
        self.recount_conflicts()

    def _gone(self, ins_id: str, after) -> None:
        if self.inspection is None or self.inspection.id != ins_id:
            return  # told already (the erase commits twice: the rows, then the compaction)
        self.inspection_purged(after, f"Another program erased {self.inspection.local_area} "
                               "for good.")
