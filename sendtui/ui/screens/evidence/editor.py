"""An evidence entry corrected: its text, line, source, setting, event, judgement and case
reference, with the pickers the capture box uses; each correction is kept as a version."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input, Select, Static, TextArea

from sendtui.domain.clock import when
from sendtui.ui.screens.common.base import Loads
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_message, field_row
from sendtui.ui.widgets.key_choice import JudgementChoice, KeyChoice, SourceChoice
from sendtui.ui.widgets.line_picker import LinePicker
from sendtui.ui.widgets.pickers import SettingPicker

WAITING = "#line-picker, #source, #setting-picker, #event, #case-ref, #judgement"


def waiting(field):
    field.disabled = True  # until loaded(): the entry's fields are read in a worker
    return field


class EvidenceEditor(Loads, FormScreen):
    """Dismisses with a `Correction`, or None. enter is a new line in the text; ctrl+s
    saves."""

    BOX = "form wide-form"
    SCROLLS = True
    HINT = "tab: next field · ctrl+s saves (the old version is kept) · escape cancels"
    SHOW_PROBLEMS = "once refused"

    def __init__(self, entry) -> None:
        super().__init__("Correct the evidence entry")
        self.entry = entry  # an EvidenceRecord: its text is shown at once
        self.was = None  # the Correction read from the store

    def body(self) -> ComposeResult:
        yield TextArea(self.entry.text, id="evidence-text", soft_wrap=True)
        yield field_message("text")
        yield field_row("Line", "line", waiting(LinePicker([], id="line-picker")))
        yield field_message("line")
        yield field_row("Source", "source", waiting(SourceChoice(id="source")))
        yield field_row("Setting", "setting", waiting(SettingPicker([], id="setting-picker")))
        yield field_row("Event", "event", waiting(Select([], prompt="none", id="event",
                                                         compact=True)))
        yield field_row("Case ref", "case-ref", waiting(Input(
            placeholder="optional", id="case-ref", compact=True, password=True)))
        yield Static("sensitive: shown as dots; what you type replaces it",
                     classes="hint field-hint")
        yield field_row("Judgement", "judgement", waiting(JudgementChoice(id="judgement")))

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()
        self.refresh_data()

    def read_in_thread(self) -> tuple:
        from sendtui.store import lines, settings
        from sendtui.store.evidence_corrections import current, events_of

        store, ins = self.app.store, self.app.inspection.id
        return (current(store, ins, self.entry.id), lines.all(store, ins, counted=False),
                settings.all(store, ins), events_of(store, ins))

    def loaded(self, data: tuple) -> None:
        self.was, lines, settings, events = data
        self.opened = False  # what is filled in now is not the user's change
        self.query_one(LinePicker).offer(lines, self.was.line)
        self.query_one(SettingPicker).offer(settings, self.was.setting_id)
        self.query_one("#source", KeyChoice).choose(self.was.source)
        self.query_one("#judgement", KeyChoice).choose(self.was.judgement)
        self.query_one("#case-ref", Input).value = self.was.case_ref or ""
        event = self.query_one("#event", Select)
        event.set_options((f"{when(start)}  {title}", id_) for id_, title, start in events)
        if self.was.event_id in {id_ for id_, _, _ in events}:
            event.value = self.was.event_id
        self.query(WAITING).set(disabled=False)
        self.call_after_refresh(self._filled)

    def _filled(self) -> None:
        self.opened, self.touched = True, self.touched_text()

    def touched_text(self) -> bool:
        return self.query_one(TextArea).text != self.entry.text

    def check(self):
        from sendtui.store.evidence_corrections import Correction

        text = self.query_one(TextArea).text
        errors = {}
        if not text.strip():
            errors["text"] = "The entry needs some text (delete it instead)."
        line = self.query_one(LinePicker).code
        if self.was is not None and not line:
            errors["line"] = "Pick a line of enquiry: type its code or words, then enter."
        if self.was is None:
            errors.setdefault("", "Still reading the entry…")
        if errors:
            raise Invalid(errors)
        event = self.query_one("#event", Select).value
        return Correction(
            text, line, self.query_one("#source", KeyChoice).value or self.was.source,
            self.query_one(SettingPicker).setting_id,
            event if isinstance(event, str) else None,  # blank: none
            self.query_one("#judgement", KeyChoice).value or None,
            self.query_one("#case-ref", Input).value)


def edit_text(screen, entry, then) -> None:
    """Open the correction form on an entry; save it (a new version) and call `then()`."""
    from sendtui.domain.words import sentence
    from sendtui.errors import InvalidInput, NotFound
    from sendtui.store.evidence_corrections import correct

    def save(new) -> None:
        if new is None:
            return
        try:
            changed = correct(screen.app.store, screen.app.inspection.id, entry.id, new)
        except (InvalidInput, NotFound) as exc:
            screen.notify(sentence(str(exc)), severity="error")
            return
        then()
        if changed:
            screen.notify("Saved: the previous version is kept (u undoes).")

    screen.app.push_screen(EvidenceEditor(entry), save)
