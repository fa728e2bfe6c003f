"""Quick evidence capture: `n` from any screen, the text first, saved with ctrl+s.

Everything typed is kept as a draft (written from a worker thread half a second after the last
key, and at most MAX_WAIT after the first key not yet written, so steady typing is saved as
it goes), so escape, a crash or kill -9 loses at most a second; `n` offers the latest draft
back. The box opens at once and
reads its data through `Loads`; until then only the text takes keys (see `loaded()`).
"""

from __future__ import annotations

import datetime as dt
import threading
import time

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static, TextArea

from sendtui.domain.clock import utc_now  # capture.utc_now: tests set the clock here
from sendtui.domain.redaction import Redactor
from sendtui.ui.screens.common.base import Loads
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_message, field_row
from sendtui.ui.screens.evidence import capture_entry as entry
from sendtui.ui.widgets.key_choice import JudgementChoice, KeyChoice, SourceChoice
from sendtui.ui.widgets.line_picker import LinePicker
from sendtui.ui.widgets.pickers import SettingPicker

DEBOUNCE = 0.5  # seconds after the last change before the draft is written…
# …but never later than this after the first change not yet written: the write itself takes
# a few milliseconds, so a kill loses under a second of typing.
MAX_WAIT = 0.8
WAITING = "#line-picker, #source, #setting-picker, #case-ref, #judgement"  # wait for loaded()
# One draft write at a time across screens: a capture reopened while the last one's write is
# in flight reads after it, and nothing is written once the entry is saved.
DRAFT_LOCK = threading.Lock()


def waiting(field):
    """A field composed disabled (not restyled on opening): `loaded()` enables it."""
    field.disabled = True
    return field


class CaptureScreen(Loads, FormScreen):
    """Dismisses with the saved line's code, or None when closed (the draft kept)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save-evidence", priority=True),
        Binding("escape", "cancel", "Close, keep draft", id="close-capture"),
        Binding("ctrl+g", "discard", "Throw away", id="discard-draft", priority=True),
    ]
    BOX = "form wide-form"
    SCROLLS = True
    HINT = "tab: next field · ctrl+s saves · escape closes (draft kept)"
    SHOW_PROBLEMS = "once refused"  # a box being typed into is not shouted at
    ASKS_BEFORE_CLOSING = False  # what is typed is kept as a draft: escape and quit keep it

    def __init__(self, setting_id: str | None = None, now: dt.datetime | None = None,
                 tracked: tuple[str, str] | None = None, event=None) -> None:
        super().__init__(f"New evidence for {tracked[1]}" if tracked else "New evidence")
        self.setting_id = setting_id  # of the event under the week's cursor
        self.opened_on = tracked[0] if tracked else None  # a tracked child's id
        self.tracked_child = self.opened_on or ""  # the child the entry is captured against
        self.now = now  # for the event happening now
        self.redactor = Redactor()
        self.reading = True  # until loaded(): only the text takes keys, no draft is written
        self.draft_id = None
        self.initial = dict.fromkeys(entry.FIELDS, "")
        self.written = dict(self.initial)  # what the store's draft holds (or the empty form)
        self.latest = dict(self.initial)  # the fields as last changed
        self.timer = None
        self.unsaved_since: float | None = None  # monotonic time of the first unwritten change
        self.timer_due = 0.0  # when the timer writes the draft (monotonic)
        self.saved = False
        self.author = ""  # the laptop's user (profile.toml), read with the rest
        self.event = event  # the EventRecord under the week's cursor, if any
        self.event_id = ""  # the event the entry is taken at (from the cursor or the draft)

    def body(self) -> ComposeResult:
        yield TextArea("", id="capture-text", soft_wrap=True, show_line_numbers=False,
                       compact=True, placeholder="What you saw, read or heard")
        yield field_message("text")
        yield Static("", id="sensitive-warning", classes="message warning", markup=False)
        at_event = Static("", id="capture-event", classes="hint", markup=False)
        at_event.display = False  # shown once loaded, if the entry is taken at an event
        yield at_event
        yield field_row("Line", "line", waiting(LinePicker([], id="line-picker")))
        yield field_message("line")
        yield field_row("Source", "source", waiting(SourceChoice(id="source")))
        yield field_message("source")
        yield field_row("Setting", "setting", waiting(SettingPicker([], id="setting-picker")))
        yield field_row("Case ref", "case-ref", waiting(Input(
            placeholder="optional", id="case-ref", compact=True)))
        yield Static("sensitive: hidden in lists and exports", classes="hint field-hint")
        yield field_row("Judgement", "judgement", waiting(JudgementChoice(id="judgement")))

    def on_mount(self) -> None:
        self.query_one("#capture-text", TextArea).focus()
        self.warn_sensitive("")
        self.refresh_data()

    def read_in_thread(self) -> tuple:
        """Lines, settings, names to warn of, the latest draft and (without one) the setting."""
        from sendtui.store import events, lines, settings
        from sendtui.store.drafts import latest_draft
        from sendtui.store.names import redactor

        store, ins = self.app.store, self.app.inspection.id
        with DRAFT_LOCK:  # a draft write still in flight (escape just now) lands first
            draft = latest_draft(store, ins)
        setting_id = None if draft else self.setting_id
        if not draft and not setting_id and self.now is not None:
            setting_id = entry.happening_now(events.all(store, ins), self.now)
        return (lines.all(store, ins, counted=False), settings.all(store, ins),
                redactor(store, ins), draft, setting_id, entry.author())

    def loaded(self, data: tuple) -> None:
        """The draft's fields back (what was typed meanwhile after its text); all fields open."""
        from sendtui.ui.screens.evidence.capture_open import fill

        lines, settings, self.redactor, draft, setting_id, self.author = data
        self.draft_id, fields = draft if draft else (None, {})
        self.initial = entry.start_fields(fields, setting_id, self.opened_on,
                                          None if draft else self.event)
        self.tracked_child = self.initial["tracked_child"]
        self.event_id = self.initial["event"]
        self.written = dict(self.initial)
        typed = self.query_one("#capture-text", TextArea).text
        fill(self, lines, settings, entry.with_typed(self.initial["text"], typed))
        self.reading = False
        if entry.restored(fields):
            self.notify("Draft restored" + (": what you typed follows it" if typed else ""))
        self.changed()

    def fields(self) -> dict[str, str]:
        return {
            "text": self.query_one("#capture-text", TextArea).text,
            "line": self.query_one(LinePicker).code or "",
            "source": self.query_one("#source", KeyChoice).value or "",
            "setting": self.query_one(SettingPicker).setting_id or "",
            "case_ref": self.query_one("#case-ref", Input).value,
            "judgement": self.query_one("#judgement", KeyChoice).value or "",
            "tracked_child": self.tracked_child,
            "event": self.event_taken_at(),
        }

    def event_taken_at(self) -> str:
        """The event the entry is taken at, unless another setting than its own was picked."""
        event = self.event if self.event and self.event.id == self.event_id else None
        picked = self.query_one(SettingPicker).setting_id
        if event is not None and event.setting_id and picked != event.setting_id:
            return ""
        return self.event_id

    def show_event(self) -> None:
        """"At: Oak Primary visit, Tue 1 Dec 09:00" while the entry is taken at an event."""
        from sendtui.domain.clock import when

        line = self.query_one("#capture-event", Static)
        event = self.event if self.event and self.event.id == self.event_taken_at() else None
        line.update(f"At: {event.title}, {when(event.start)}" if event else "")
        line.display = event is not None

    def check(self) -> dict[str, str]:
        fields = self.fields()
        if errors := entry.problems(fields):
            raise Invalid(errors)
        return fields

    def refusal(self, keys: list[str]) -> str:
        return entry.not_saved(keys)

    def warn_sensitive(self, text: str) -> None:
        warning = self.query_one("#sensitive-warning", Static)
        words = entry.sensitive_warning(self.redactor, text)
        warning.update(words)
        warning.display = bool(words)

    def changed(self) -> None:
        if self.saved:
            return
        self.latest = self.fields()
        self.warn_sensitive(self.latest["text"])
        if self.reading:  # a draft written now could be a second one
            return
        self.show_event()
        now = time.monotonic()
        if self.unsaved_since is None:
            self.unsaved_since = now
        due = min(now + DEBOUNCE, self.unsaved_since + MAX_WAIT)
        if self.timer is not None and due <= self.timer_due:  # held at MAX_WAIT: keep it
            return
        self.stop_timer()
        self.timer_due = due
        # never 0: Textual's timer divides by its interval
        self.timer = self.set_timer(max(due - now, 0.001), self.write_draft, name="draft")

    def stop_timer(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    def write_draft(self) -> None:
        """Hand the fields to a worker thread, if they changed since the last write."""
        self.timer = None
        self.unsaved_since = None
        fields = self.latest
        if fields == self.written or self.saved:
            return
        self.written = fields
        store, inspection_id = self.app.store, self.app.inspection.id

        def write() -> None:
            with DRAFT_LOCK:
                if not self.saved:
                    self.draft_id = entry.save_draft(store, inspection_id, fields, self.draft_id)

        # The app's worker: it still runs when this screen has gone (escape). A store that
        # fails is said by the app (store_failed); the next key writes the draft again.
        self.app.run_worker(write, thread=True, group="evidence-draft", name="save-draft")

    def on_unmount(self) -> None:
        # Closed some other way (a screen key): what was typed in the last half second too.
        if self.timer is not None:
            self.stop_timer()
            self.write_draft()

    def action_cancel(self) -> None:
        """Close, keeping the draft."""
        self.stop_timer()
        self.latest = self.fields()
        self.write_draft()
        kept = self.draft_id or self.written != self.initial
        self.dismiss(None)
        if kept:
            self.app.notify("Draft kept: n brings it back")

    def action_discard(self) -> None:
        """Throw the text away (asked first): the draft leaves the store too."""
        from sendtui.ui.screens.evidence.capture_open import ask_to_throw_away
        ask_to_throw_away(self)

    def save(self, fields: dict[str, str]) -> None:
        self.stop_timer()
        setting = self.query_one(SettingPicker).setting
        with DRAFT_LOCK:
            try:
                entry.save_entry(self.app.store, self.app.inspection.id, fields, setting,
                                 self.draft_id, utc_now(), self.author)
            except LookupError as exc:
                self.say(f"Not saved: {exc}")
                return
            self.saved = True
        self.dismiss(fields["line"])
