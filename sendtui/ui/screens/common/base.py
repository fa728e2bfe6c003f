"""What every task screen shares: the header, a title line, the footer, one load path."""

from __future__ import annotations

import gc
import threading

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static
from textual.worker import get_current_worker

from sendtui.ui.heap import settle_heap
from sendtui.ui.widgets.cell_text import CellTextOnce
from sendtui.ui.widgets.footer import KeysFooter


class Loads:
    """A screen's one load path. The screen reads the store in `read_in_thread()` (a worker
    thread) and draws what it returned in `loaded()` (the UI thread); `refresh_data()` starts
    a read: on mount, after a change or an undo, on a return to the screen."""

    KEPT = False  # a screen kept for the session: see settle_heap()

    class Loaded(Message):
        """What a screen's `read_in_thread()` returned, on its way to the UI thread."""

        def __init__(self, data, options: dict) -> None:
            super().__init__()
            self.data = data
            self.options = options

    def refresh_data(self, **options) -> None:
        """Read again off the UI thread; `options` (e.g. select=…) go on to `loaded()`."""
        self._load(options)

    @work(thread=True, exclusive=True, group="load")
    def _load(self, options: dict) -> None:
        data = self.read_in_thread()
        if not get_current_worker().is_cancelled:  # a newer read is on its way
            self.post_message(self.Loaded(data, options))

    def on_loads_loaded(self, message: Loaded) -> None:
        message.stop()
        self.loaded(message.data, **message.options)
        if self.KEPT and not getattr(self, "_heap_settled", False):
            self._heap_settled = True
            self.call_after_refresh(settle_heap)

    def refresh_kept(self) -> None:
        """Read again because another program changed the store: the cursor stays on the
        same thing (list screens override this; others keep it as on a return)."""
        self.refresh_data()

    def read_in_thread(self):
        """In a worker thread: everything the screen shows, as plain records."""
        raise NotImplementedError

    def loaded(self, data, **options) -> None:
        """On the UI thread: draw what `read_in_thread()` returned."""
        raise NotImplementedError


_last_change = threading.Event()  # set when the change asked last is done
_last_change.set()


def change_in_thread(app, change, then, expected: tuple[type[Exception], ...] = ()) -> None:
    """Run `change` (a store write) in a worker thread once the changes asked before it are
    done, so they land in the order the keys came (an undo after a move undoes the move);
    then `then(result, error)` on the UI thread, `error` one of the `expected` exceptions
    (nothing changed) or None. Any other exception is the app's (a store that failed)."""
    global _last_change
    before, mine = _last_change, threading.Event()
    _last_change = mine

    def run() -> None:
        before.wait()
        try:
            result, error = change(), None
        except expected as exc:
            result, error = None, exc
        finally:
            mine.set()
        app.call_from_thread(then, result, error)

    app.run_worker(run, thread=True, group="store-change", name="store-change")


class TaskScreen(Loads, Screen):
    """A screen over the open inspection. Subclasses yield their body from `body()` and
    read the store through `Loads`."""

    HEADING = ""
    KEPT = True  # made once as a mode, kept while the inspection is open

    @property
    def store(self):
        return self.app.store

    @property
    def inspection(self):
        return self.app.inspection

    def compose(self) -> ComposeResult:
        yield Header()
        yield ScreenTabs(self.HEADING.split()[0] if self.HEADING else "", classes="tabs")
        yield from self.body()
        yield KeysFooter()

    def on_unmount(self) -> None:
        # The inspection closed (or the app): what settle_heap() froze may be garbage now.
        gc.unfreeze()

    def body(self) -> ComposeResult:
        yield from ()

    def ready_for_undo(self) -> bool:
        """False (having said why) while a change is half made."""
        return True


class ScreenTabs(Static):
    """The screens and their number keys; the current one marked in words, not colour. Below
    WIDE columns the others go by short names, so that nine screens fit 80 columns."""

    WIDE = 100
    SHORT = {"Dashboard": "Dash", "Settings": "Sett", "Evidence": "Evid", "Requests": "Reqs",
             "Children": "Kids"}

    def __init__(self, current: str, **kwargs) -> None:
        super().__init__(self.line(current, True), **kwargs)
        self.current, self.wide = current, True

    def line(self, current: str, wide: bool) -> str:
        from sendtui.ui.app import SCREEN_KEYS

        def name(label: str) -> str:
            return label if wide else self.SHORT.get(label, label)

        return "  ".join(
            f"[b reverse] {key} {name(label)} [/]" if label == current
            else f"[dim]{key}[/] {name(label)}" for key, (_, label) in SCREEN_KEYS.items())

    def on_resize(self, event) -> None:
        wide = event.size.width >= self.WIDE
        if wide != self.wide:
            self.wide = wide
            self.update(self.line(self.current, wide))


class PlainTable(CellTextOnce):
    """A table whose text cells are shown as typed, never read as markup."""

    def add_row(self, *cells, **kwargs):
        return super().add_row(*(Text(c) if isinstance(c, str) else c for c in cells), **kwargs)


def table(id: str, *columns: str) -> PlainTable:
    """A row-cursor table with zebra stripes (meaning never by colour alone)."""
    t = PlainTable(id=id, cursor_type="row", zebra_stripes=True)
    t.add_columns(*columns)
    return t
