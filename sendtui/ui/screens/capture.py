"""Quick evidence capture: `n` from any screen, the text first, saved with ctrl+s.

Everything typed is kept as a draft (debounced, written from a worker thread), so escape, a
crash or kill -9 loses nothing; `n` offers the latest draft back.
"""

from __future__ import annotations

import threading

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Footer, Input, Static, TextArea

from sendtui.domain.clock import utc_now
from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.domain.redaction import CASE_REF, Redactor
from sendtui.records import LineRecord, SettingRecord
from sendtui.ui.screens.checked_form import field_label, field_message
from sendtui.ui.widgets.pickers import SettingPicker, TypeAhead

DEBOUNCE = 0.5  # seconds after the last change before the draft is written
SOURCE_KEYS = {"d": "document", "m": "meeting", "f": "focus-group", "v": "visit",
               "c": "case-file", "w": "webinar", "s": "survey", "a": "data"}
JUDGEMENT_KEYS = {"1": "strength", "2": "development", "3": "concern"}
FIELDS = ("text", "line", "source", "setting", "case_ref", "judgement")
# One draft write at a time across screens: a capture reopened while the last one's write is
# in flight reads after it, and nothing is written once the entry is saved.
DRAFT_LOCK = threading.Lock()


# --- the fields -----------------------------------------------------------------------------

class LinePicker(TypeAhead):
    """One line of enquiry, found by its code or words (e.g. 'b5' or 'local offer')."""

    BINDINGS = [Binding("backspace", "unpick", "Clear line", id="line-clear")]
    PLACEHOLDER = "type a code or words, e.g. b5 or local offer"

    class Changed(Message):
        def __init__(self, picker: "LinePicker", code: str | None) -> None:
            super().__init__()
            self.picker = picker
            self.code = code

        @property
        def control(self) -> "LinePicker":
            return self.picker

    def __init__(self, lines: list[LineRecord], code: str | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines = lines
        self.by_code = {line.code.upper(): line for line in lines}
        self.code = code.upper() if code and code.upper() in self.by_code else None

    @property
    def line(self) -> LineRecord | None:
        return self.by_code.get(self.code) if self.code else None

    def candidates(self, query: str) -> list[tuple[str, str]]:
        words = query.split()
        found = [line for line in self.lines
                 if all(w in f"{line.code} {line.title}".lower() for w in words)]
        found.sort(key=lambda line: not line.code.lower().startswith(query))
        return [(line.code.upper(), line_label(line)) for line in found]

    def pick(self, value_id: str) -> None:
        self.code = value_id
        self.post_message(self.Changed(self, value_id))

    def unpick(self) -> bool:
        if self.code is None:
            return False
        self.code = None
        self.post_message(self.Changed(self, None))
        return True

    def picked_text(self) -> str:
        return line_label(self.line) if self.line else ""


class KeyChoice(Widget, can_focus=True):
    """One of a few options, each chosen by one key while focused; the choice in reverse."""

    DEFAULT_CSS = "KeyChoice { height: auto; }"

    class Changed(Message):
        def __init__(self, choice: "KeyChoice", value: str | None) -> None:
            super().__init__()
            self.choice = choice
            self.value = value

        @property
        def control(self) -> "KeyChoice":
            return self.choice

    def __init__(self, options: dict[str, tuple[str, str]], value: str | None = None,
                 clear_key: str | None = None, id: str | None = None) -> None:
        """options: key -> (slug, label)."""
        super().__init__(id=id)
        self.options = options
        self.value = value if value in {slug for slug, _ in options.values()} else None
        self.clear_key = clear_key

    def render(self) -> Text:
        items = []
        for key, (slug, label) in self.options.items():
            if slug == self.value:
                items.append(Text(f" {key} {label} ✓ ", style="reverse bold"))
            else:
                items.append(Text.assemble((key, "bold"), f" {label}"))
        if self.value is None:
            items.append(Text("(none chosen)", style="dim"))
        # Packed by hand so that no option is split across two lines.
        width = self.content_size.width or 10_000
        text, used = Text(), 0
        for item in items:
            if used and used + 2 + item.cell_len > width:
                text.append("\n")
                used = 0
            elif used:
                text.append("  ")
                used += 2
            text.append_text(item)
            used += item.cell_len
        return text

    def on_resize(self) -> None:
        self.refresh(layout=True)

    def on_key(self, event) -> None:
        key = event.key
        if key in self.options:
            self.choose(self.options[key][0])
        elif self.clear_key and key in (self.clear_key, "backspace", "delete"):
            self.choose(None)
        elif event.character and event.character.isalnum():
            self.app.bell()  # a stray letter or digit here must not quit or change screen
        else:
            return
        event.stop()
        event.prevent_default()

    def choose(self, value: str | None) -> None:
        if value != self.value:
            self.value = value
            self.refresh(layout=True)
            self.post_message(self.Changed(self, value))


def line_label(line: LineRecord) -> str:
    return f"{line.code} {line.title}"


def row(text: str, key: str, widget: Widget) -> Horizontal:
    return Horizontal(field_label(text, key), widget, id=f"{key}-row", classes="field-row")


# --- the screen -----------------------------------------------------------------------------

class CaptureScreen(ModalScreen):
    """Dismisses with the saved line's code, or None when closed (the draft kept)."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save-evidence", priority=True),
        Binding("escape", "close", "Close, keep draft", id="close-capture"),
        Binding("ctrl+g", "discard", "Throw away", id="discard-draft", priority=True),
    ]

    def __init__(self, lines: list[LineRecord], settings: list[SettingRecord],
                 setting_id: str | None = None,
                 draft: tuple[str, dict[str, str]] | None = None,
                 redactor: Redactor | None = None) -> None:
        super().__init__()
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
        self.checked = False  # errors are shown once ctrl+s has been refused
        self.saved = False

    def compose(self) -> ComposeResult:
        f = self.initial
        with Vertical(id="capture", classes="form wide-form"):
            yield Static("New evidence", classes="heading")
            with VerticalScroll(classes="form-body"):
                yield TextArea(f["text"], id="capture-text", soft_wrap=True,
                               show_line_numbers=False, compact=True,
                               placeholder="What you saw, read or heard")
                yield field_message("text")
                yield Static("", id="sensitive-warning", classes="message warning",
                             markup=False)
                yield row("Line", "line", LinePicker(self.lines, f["line"] or None,
                                                    id="line-picker"))
                yield field_message("line")
                yield row("Source", "source", KeyChoice(
                    {k: (slug, SOURCE_KINDS[slug]) for k, slug in SOURCE_KEYS.items()},
                    f["source"] or None, id="source"))
                yield field_message("source")
                yield row("Setting", "setting", SettingPicker(
                    self.settings, f["setting"] or None, id="setting-picker"))
                yield row("Case ref", "case-ref", Input(
                    f["case_ref"], placeholder="optional", id="case-ref", compact=True))
                yield Static("sensitive: hidden in lists and exports", classes="hint field-hint")
                yield row("Judgement", "judgement", KeyChoice(
                    {k: (slug, JUDGEMENTS[slug]) for k, slug in JUDGEMENT_KEYS.items()},
                    f["judgement"] or None, clear_key="0", id="judgement"))
            with Vertical(classes="form-end"):
                summary = Static("", id="form-message", classes="message error", markup=False)
                summary.display = False
                yield summary
                yield Static("tab: next field · ctrl+s saves · escape closes (draft kept)",
                             classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#capture-text", TextArea).focus()
        self.warn_sensitive(self.initial["text"])
        if self.restored:
            self.notify("Draft restored")

    # --- reading -------------------------------------------------------------------------

    def fields(self) -> dict[str, str]:
        return {
            "text": self.query_one("#capture-text", TextArea).text,
            "line": self.query_one(LinePicker).code or "",
            "source": self.query_one("#source", KeyChoice).value or "",
            "setting": self.query_one(SettingPicker).setting_id or "",
            "case_ref": self.query_one("#case-ref", Input).value,
            "judgement": self.query_one("#judgement", KeyChoice).value or "",
        }

    def problems(self, fields: dict[str, str]) -> dict[str, str]:
        errors = {}
        if not fields["text"].strip():
            errors["text"] = "Write what you saw, read or heard."
        if not fields["line"]:
            errors["line"] = "Pick a line of enquiry: type its code or words, then enter."
        if not fields["source"]:
            errors["source"] = "Choose a source: d m f v c w s or a while Source is focused."
        return errors

    def show_problems(self, errors: dict[str, str]) -> None:
        for key in ("text", "line", "source"):
            message = self.query_one(f"#{key}-message", Static)
            message.update(errors.get(key, ""))
            message.display = key in errors
            message.set_class(key in errors, "error")
            label = self.query("#" + key + "-label")
            for widget in label:
                widget.set_class(key in errors, "error")
        summary = self.query_one("#form-message", Static)
        missing = [{"text": "the text", "line": "a line of enquiry", "source": "a source"}[k]
                   for k in ("line", "source", "text") if k in errors]
        summary.update(f"Not saved: it needs {_and(missing)}." if missing else "")
        summary.display = bool(missing)

    def warn_sensitive(self, text: str) -> None:
        """A marked name or a case reference in the free text: say so (by pseudonym only)."""
        found = self.redactor.mentions(text)
        names = [x for x in found if x != CASE_REF]
        parts = []
        if names:
            parts.append(f"The text names {_and(names)}: write the pseudonym instead.")
        if CASE_REF in found:
            parts.append("The text holds a case reference: put it in Case ref instead.")
        warning = self.query_one("#sensitive-warning", Static)
        warning.update(" ".join(parts))
        warning.display = bool(parts)

    # --- the draft -----------------------------------------------------------------------

    @on(TextArea.Changed)
    @on(Input.Changed)
    @on(LinePicker.Changed)
    @on(SettingPicker.Changed)
    @on(KeyChoice.Changed)
    def _changed(self) -> None:
        if self.saved:
            return
        self.latest = self.fields()
        self.warn_sensitive(self.latest["text"])
        if self.checked:
            self.show_problems(self.problems(self.latest))
        if self.timer is not None:
            self.timer.stop()
        self.timer = self.set_timer(DEBOUNCE, self.write_draft, name="draft")

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
            self.timer.stop()
            self.write_draft()

    def action_close(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.latest = self.fields()
        self.write_draft()
        kept = self.draft_id or self.written != self.initial
        self.dismiss(None)
        if kept:
            self.app.notify("Draft kept: n brings it back")

    def action_discard(self) -> None:
        """Throw the text away (asked first): the draft leaves the store too."""
        from sendtui.ui.screens.forms import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            if self.timer is not None:
                self.timer.stop()
                self.timer = None
            with DRAFT_LOCK:
                self.saved = True  # no draft write after this
                if self.draft_id:
                    from sendtui.store.drafts import discard_draft

                    discard_draft(self.app.store, self.draft_id)
            self.dismiss(None)
            self.app.notify("Draft thrown away")

        self.app.push_screen(ConfirmScreen("Throw away this evidence? The text cannot be "
                                           "brought back."), answered)

    # --- saving ----------------------------------------------------------------------------

    def action_save(self) -> None:
        from sendtui.records import EvidenceRow
        from sendtui.store.evidence import add as add_evidence

        fields = self.fields()
        errors = self.problems(fields)
        self.checked = True
        self.show_problems(errors)
        if errors:
            return
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        setting = self.query_one(SettingPicker).setting
        entry = EvidenceRow(
            at=utc_now(), line=fields["line"], source=fields["source"],
            text=fields["text"].strip(), setting_urn=setting.urn if setting else None,
            case_ref=fields["case_ref"].strip() or None, judgement=fields["judgement"] or None,
            author="", setting_id=setting.id if setting else None)
        store, inspection_id = self.app.store, self.app.inspection.id
        with DRAFT_LOCK:
            try:
                add_evidence(store, inspection_id, [entry], draft_id=self.draft_id)
            except LookupError as exc:
                self.query_one("#form-message", Static).update(f"Not saved: {exc}")
                self.query_one("#form-message", Static).display = True
                return
            self.saved = True
        self.dismiss(fields["line"])


def save_draft(store, inspection_id: str, fields: dict[str, str],
               draft_id: str | None) -> str:
    from sendtui.store import drafts

    return drafts.save_draft(store, inspection_id, fields, draft_id)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- opening ----------------------------------------------------------------------------------

def setting_now(app) -> str | None:
    """The setting of the event under the week's cursor, else of an event happening now."""
    from sendtui.store import events

    grid = getattr(app.screen, "grid", None)
    event = getattr(grid, "event_under_cursor", None)
    if event is not None:
        return event.setting_id
    now = utc_now()
    happening = [e for e in events.all(app.store, app.inspection.id)
                 if e.start <= now < e.end and e.status != "cancelled" and e.setting_id]
    return happening[0].setting_id if happening else None


def open_capture(app) -> None:
    """Push the capture box over whatever screen is up (once); refresh that screen after."""
    from sendtui.store import lines, settings
    from sendtui.store.drafts import latest_draft
    from sendtui.store.names import redactor

    if app.inspection is None or app.store is None or isinstance(app.screen, CaptureScreen):
        app.bell()
        return
    ins = app.inspection.id
    with DRAFT_LOCK:  # a write still in flight (escape just now) lands first
        draft = latest_draft(app.store, ins)
    screen = CaptureScreen(lines.all(app.store, ins), settings.all(app.store, ins),
                           None if draft else setting_now(app), draft, redactor(app.store, ins))
    under = app.screen

    def closed(code: str | None) -> None:
        if code is None:
            return
        app.notify(f"Evidence saved against {code}")
        refresh = getattr(under, "refresh_data", None)
        if callable(refresh) and under is app.screen:
            refresh()

    app.push_screen(screen, closed)
