"""Quick evidence capture: `n` from any screen, the text first, saved with ctrl+s.

Everything typed is kept as a draft (debounced, written from a worker thread), so escape, a
crash or kill -9 loses nothing; `n` offers the latest draft back.
"""

from __future__ import annotations

import threading

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static, TextArea

from sendtui.domain.clock import utc_now  # capture.utc_now: tests set the clock here
from sendtui.domain.redaction import Redactor
from sendtui.records import LineRecord, SettingRecord
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_message, field_row
from sendtui.ui.screens.evidence.capture_entry import (
    not_saved,
    problems,
    save_draft,
    save_entry,
    sensitive_warning,
)
from sendtui.ui.widgets.key_choice import JudgementChoice, KeyChoice, SourceChoice
from sendtui.ui.widgets.line_picker import LinePicker
from sendtui.ui.widgets.pickers import SettingPicker

DEBOUNCE = 0.5  # seconds after the last change before the draft is written
FIELDS = ("text", "line", "source", "setting", "case_ref", "judgement")
# One draft write at a time across screens: a capture reopened while the last one's write is
# in flight reads after it, and nothing is written once the entry is saved.
DRAFT_LOCK = threading.Lock()


class CaptureScreen(FormScreen):
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

    def __init__(self, lines: list[LineRecord], settings: list[SettingRecord],
                 setting_id: str | None = None,
                 draft: tuple[str, dict[str, str]] | None = None,
                 redactor: Redactor | None = None) -> None:
        super().__init__("New evidence")
        self.redactor = redactor or Redactor()
        self.lines = lines
        self.settings = settings
        self.draft_id, initial = draft if draft else (None, {})
        self.initial = {key: initial.get(key, "") for key in FIELDS}
        self.restored = any(value.strip() for value in self.initial.values())
        if not self.restored and setting_id:
            self.initial["setting"] = setting_id
        self.written = dict(self.initial)  # what the store's draft holds (or the empty form)
        self.latest = dict(self.initial)  # the fields as last changed
        self.timer = None
        self.saved = False

    def body(self) -> ComposeResult:
        f = self.initial
        yield TextArea(f["text"], id="capture-text", soft_wrap=True, show_line_numbers=False,
                       compact=True, placeholder="What you saw, read or heard")
        yield field_message("text")
        yield Static("", id="sensitive-warning", classes="message warning", markup=False)
        yield field_row("Line", "line", LinePicker(self.lines, f["line"] or None,
                                                   id="line-picker"))
        yield field_message("line")
        yield field_row("Source", "source", SourceChoice(f["source"] or None, id="source"))
        yield field_message("source")
        yield field_row("Setting", "setting", SettingPicker(
            self.settings, f["setting"] or None, id="setting-picker"))
        yield field_row("Case ref", "case-ref", Input(
            f["case_ref"], placeholder="optional", id="case-ref", compact=True))
        yield Static("sensitive: hidden in lists and exports", classes="hint field-hint")
        yield field_row("Judgement", "judgement",
                        JudgementChoice(f["judgement"] or None, id="judgement"))

    def on_mount(self) -> None:
        self.query_one("#capture-text", TextArea).focus()
        self.warn_sensitive(self.initial["text"])
        if self.restored:
            self.notify("Draft restored")

    def fields(self) -> dict[str, str]:
        return {
            "text": self.query_one("#capture-text", TextArea).text,
            "line": self.query_one(LinePicker).code or "",
            "source": self.query_one("#source", KeyChoice).value or "",
            "setting": self.query_one(SettingPicker).setting_id or "",
            "case_ref": self.query_one("#case-ref", Input).value,
            "judgement": self.query_one("#judgement", KeyChoice).value or "",
        }

    def check(self) -> dict[str, str]:
        fields = self.fields()
        if errors := problems(fields):
            raise Invalid(errors)
        return fields

    def refusal(self, keys: list[str]) -> str:
        return not_saved(keys)

    def warn_sensitive(self, text: str) -> None:
        warning = self.query_one("#sensitive-warning", Static)
        words = sensitive_warning(self.redactor, text)
        warning.update(words)
        warning.display = bool(words)

    def changed(self) -> None:
        if self.saved:
            return
        self.latest = self.fields()
        self.warn_sensitive(self.latest["text"])
        self._stop_timer()
        self.timer = self.set_timer(DEBOUNCE, self.write_draft, name="draft")

    def _stop_timer(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None

    def write_draft(self) -> None:
        """Hand the fields to a worker thread, if they changed since the last write."""
        self.timer = None
        fields = self.latest
        if fields == self.written or self.saved:
            return
        self.written = fields
        store, inspection_id = self.app.store, self.app.inspection.id

        def write() -> None:
            with DRAFT_LOCK:
                if not self.saved:
                    self.draft_id = save_draft(store, inspection_id, fields, self.draft_id)

        # The app's worker: it still runs when this screen has gone (escape).
        self.app.run_worker(write, thread=True, group="evidence-draft", exit_on_error=False,
                            name="save-draft")

    def on_unmount(self) -> None:
        # Closed some other way (a screen key): what was typed in the last half second too.
        if self.timer is not None:
            self._stop_timer()
            self.write_draft()

    def action_cancel(self) -> None:
        """Close, keeping the draft."""
        self._stop_timer()
        self.latest = self.fields()
        self.write_draft()
        kept = self.draft_id or self.written != self.initial
        self.dismiss(None)
        if kept:
            self.app.notify("Draft kept: n brings it back")

    def action_discard(self) -> None:
        """Throw the text away (asked first): the draft leaves the store too."""
        from sendtui.ui.screens.common.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            self._stop_timer()
            with DRAFT_LOCK:
                self.saved = True  # no draft write after this
                if self.draft_id:
                    from sendtui.store.drafts import discard_draft

                    discard_draft(self.app.store, self.draft_id)
            self.dismiss(None)
            self.app.notify("Draft thrown away")

        self.app.push_screen(ConfirmScreen("Throw away this evidence? The text cannot be "
                                           "brought back."), answered)

    def save(self, fields: dict[str, str]) -> None:
        self._stop_timer()
        setting = self.query_one(SettingPicker).setting
        with DRAFT_LOCK:
            try:
                save_entry(self.app.store, self.app.inspection.id, fields, setting,
                           self.draft_id, utc_now())
            except LookupError as exc:
                self.say(f"Not saved: {exc}")
                return
            self.saved = True
        self.dismiss(fields["line"])
