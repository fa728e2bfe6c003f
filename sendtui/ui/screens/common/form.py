"""The one form of the app: checked as you type, enter to the next field, ctrl+s to save.

A form yields its fields from `body()` and says what is wrong in `check()`: it returns the
result, or raises `Invalid` with a message per field key ("" for the form as a whole). A
field with a message line of its own (`field_message(key)`) shows its message there, every
other message goes to the form's one message line, which also names the fields to fix once
ctrl+s has been refused. `save(result)` dismisses with the result unless the form does more.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from sendtui.ui.widgets.dimmed import DimmedModal
from sendtui.ui.widgets.footer import KeysFooter
from sendtui.ui.widgets.key_choice import KeyChoice
from sendtui.ui.widgets.line_picker import LinePicker
from sendtui.ui.widgets.pickers import PeoplePicker, QueryInput, SettingPicker

FIX_FIRST = "Fix the fields marked in red first: {}."


class Invalid(ValueError):
    """What is wrong, in words, by field key ("" for the form as a whole)."""

    def __init__(self, errors: dict[str, str] | str) -> None:
        self.errors = {"": errors} if isinstance(errors, str) else dict(errors)
        super().__init__(" ".join(self.errors.values()))


def field_label(text: str, key: str) -> Label:
    return Label(text, id=f"{key}-label", classes="field-label")


def field_message(key: str) -> Static:
    message = Static("", id=f"{key}-message", classes="message field-message", markup=False)
    message.display = False
    return message


def field_row(text: str, key: str, widget: Widget) -> Horizontal:
    return Horizontal(field_label(text, key), widget, id=f"{key}-row", classes="field-row")


def labelled(key: str, text: str, value: str) -> ComposeResult:
    """A label over its input, for the small forms."""
    yield Label(text, id=f"{key}-label")
    yield Input(value=value, id=key, compact=True)


def say_in(message: Static, text: str) -> None:
    message.update(text)
    message.display = bool(text)
    message.remove_class("warning")
    message.set_class(bool(text), "error")


class FormBody(VerticalScroll, can_focus=False):
    """The fields of a long form, scrolled to the field in focus; not a Tab stop itself
    (else it takes the first focus and every field is restyled twice on opening)."""


class FormScreen(DimmedModal):
    """A titled modal form. Subclasses give `body()` and `check()`, maybe `save()`."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
        # priority: taken as the key arrives, so that keys typed fast after it land in the
        # next field (Textual's own Tab and an Input's Submitted come after those keys)
        Binding("enter", "next_field", "Next field", id="next-field", show=False,
                priority=True),
        Binding("tab", "tab(1)", "Next field", id="tab-next-field", show=False, priority=True),
        Binding("shift+tab", "tab(-1)", "Field before", id="tab-field-before", show=False,
                priority=True),
        Binding("question_mark", "app.help", "Help", id="help", key_display="?", show=False),
    ]
    BOX = "form"  # the classes of the box around the form
    SCROLLS = False  # the fields scroll between a fixed heading and a fixed end (wide forms)
    HINT = "enter: next field (saves from the last) · ctrl+s saves · escape cancels"
    MESSAGE_LINE: dict[str, str] = {}  # fields sharing one message line: key -> line key
    # When problems start to be shown: "at once" (on opening), "as you type" (from the first
    # change) or "once refused" (from the first refused ctrl+s); then live in every case.
    SHOW_PROBLEMS = "as you type"
    ASKS_BEFORE_CLOSING = True  # False where what is typed is kept anyway (the capture draft)

    def __init__(self, heading: str = "") -> None:
        super().__init__()
        self.heading = heading
        self.checked = self.SHOW_PROBLEMS == "at once"
        self.refused = False  # ctrl+s was refused: the message line names what to fix
        self.opened = False  # the form is up: changes from now on are the user's
        self.touched = False  # the user has changed a field: closing asks first

    # --- what subclasses give ------------------------------------------------------------

    def body(self) -> ComposeResult:
        yield from ()

    def check(self) -> object:
        """The result from the fields, or raise Invalid."""
        raise NotImplementedError

    def changed(self) -> None:
        """What follows the fields as they change (a duration, a preview, a draft)."""

    def save(self, result: object) -> None:
        self.dismiss(result)

    def refusal(self, keys: list[str]) -> str:
        """What the message line says when ctrl+s is refused for these fields."""
        return FIX_FIRST.format(", ".join(keys))

    # --- the form ------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Vertical(classes=self.BOX):
            yield Static(self.heading, classes="heading", markup=False)
            if self.SCROLLS:
                with FormBody(classes="form-body"):
                    yield from self.body()
            else:
                yield from self.body()
            yield from self.form_end()
        yield KeysFooter()

    def form_end(self) -> ComposeResult:
        message = Static("", id="form-message", classes="message error", markup=False)
        message.display = False
        hint = [Static(self.HINT, classes="hint")] if self.HINT else []
        yield Vertical(message, *hint, classes="form-end")

    def on_mount(self) -> None:
        self.validate()
        # A field set as the form is built (a Select's first value) says Changed too: only
        # what changes once the form is up starts the checking as you type.
        self.call_after_refresh(setattr, self, "opened", True)

    def values(self) -> dict[str, str]:
        """The text of every input with an id."""
        return {field.id: field.value for field in self.query(Input) if field.id}

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(SettingPicker.Changed)
    @on(PeoplePicker.Changed)
    @on(LinePicker.Changed)
    @on(KeyChoice.Changed)
    def _changed(self, event) -> None:
        if self.opened and isinstance(event, Input.Changed) and event.input.has_focus:
            # Arriving in a field selects its text, so that a key replaces a default (a
            # time, a date); once the user has typed in it, arriving puts the cursor after
            # the text: what they typed is never replaced by the next key.
            event.input.select_on_focus = False
        self.touched = self.touched or self.opened
        self.checked = self.checked or (self.SHOW_PROBLEMS == "as you type" and self.opened)
        self.changed()
        self.validate()

    @on(Input.Submitted)
    def _entered(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_next_field()

    def check_action(self, action: str, parameters) -> bool | None:
        """Enter is the form's on a plain field and on a picker with no list open; a list
        or a text box keeps it."""
        if action == "next_field":
            field = self.focused
            if isinstance(field, QueryInput):
                return not field.parent.is_open
            return type(field) is Input
        return True

    def action_tab(self, step: int) -> None:
        if step > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def action_next_field(self) -> None:
        chain = self.focus_chain
        if not chain or self.focused is chain[-1]:
            self.action_save()
        else:
            self.focus_next()

    def validate(self) -> dict[str, str]:
        """What is wrong now (shown once checking has started)."""
        try:
            self.check()
            errors = {}
        except Invalid as problem:
            errors = problem.errors
        if self.checked:
            self.show_problems(errors)
        return errors

    def show_problems(self, errors: dict[str, str]) -> None:
        lines = {m.id.removesuffix("-message"): m for m in self.query(".field-message")}
        by_line: dict[str, list[str]] = {}
        general = []
        for key, text in errors.items():
            line = self.MESSAGE_LINE.get(key, key)
            if line in lines:
                by_line.setdefault(line, []).append(text)
            elif text:
                general.append(text)
        for line, message in lines.items():
            say_in(message, " ".join(by_line.get(line, [])))
        for label in self.query(Label):
            if label.id and label.id.endswith("-label"):
                label.set_class(label.id.removesuffix("-label") in errors, "error")
        for field in self.query(Input):
            if field.id:
                field.set_class(field.id in errors, "-invalid")
        self.refused = self.refused and bool(errors)
        marked = [key for key in errors if self.MESSAGE_LINE.get(key, key) in lines]
        if self.refused and marked:
            general.append(self.refusal(marked))
        self.say(" ".join(general))

    def say(self, text: str) -> None:
        """Put text in the form's message line (empty hides it)."""
        say_in(self.query_one("#form-message", Static), text)

    def action_save(self) -> None:
        self.checked = True
        try:
            result = self.check()
        except Invalid as problem:
            self.refused = True
            self.show_problems(problem.errors)
            return
        self.show_problems({})
        self.save(result)

    def action_cancel(self) -> None:
        """Close; with changes, ask first (save, discard, or keep editing)."""
        self.ask_before("close the form", lambda: self.dismiss(None))

    def ask_before(self, what: str, go) -> None:
        """Run `go` now if nothing was typed; else once the user has said discard, or saved
        (a refused save keeps the form open with its problems shown)."""
        from sendtui.ui.screens.common.confirm import UnsavedScreen

        if not (self.touched and self.ASKS_BEFORE_CLOSING):
            go()
            return

        def answered(answer: str | None) -> None:
            if answer == "discard":
                go()
            elif answer == "save":
                self.action_save()

        self.app.push_screen(UnsavedScreen(what), answered)
