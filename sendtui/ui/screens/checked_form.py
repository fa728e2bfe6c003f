"""A modal form that says what is wrong under each field as you type; ctrl+s saves."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static

from sendtui.ui.widgets.pickers import PeoplePicker, SettingPicker

FIX_FIRST = "Fix the fields marked in red first: {}."


def field_label(text: str, key: str) -> Label:
    return Label(text, id=f"{key}-label", classes="field-label")


def field_message(key: str) -> Static:
    message = Static("", id=f"{key}-message", classes="message field-message", markup=False)
    message.display = False
    return message


def field_row(text: str, key: str, widget: Widget) -> Horizontal:
    return Horizontal(field_label(text, key), widget, id=f"{key}-row", classes="field-row")


class CheckedForm(ModalScreen):
    """Shows what is wrong under each field as you type; ctrl+s saves only when all is well.

    Subclasses give `read()`: (the result, {field key: what is wrong in words}).
    """

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="save", priority=True),
        Binding("escape", "cancel", "Cancel", id="cancel"),
    ]
    # Fields sharing one message line (e.g. date, start and end): key -> line key.
    MESSAGE_LINE: dict[str, str] = {}

    def read(self) -> tuple[object, dict[str, str]]:
        raise NotImplementedError

    def on_mount(self) -> None:
        self.validate()

    @on(Input.Changed)
    @on(Select.Changed)
    @on(SettingPicker.Changed)
    @on(PeoplePicker.Changed)
    def _changed(self) -> None:
        self.validate()

    def validate(self) -> tuple[object, dict[str, str]]:
        result, errors = self.read()
        lines: dict[str, list[str]] = {}
        for key, text in errors.items():
            lines.setdefault(self.MESSAGE_LINE.get(key, key), []).append(text)
        for message in self.query(".field-message").results(Static):
            text = " ".join(lines.get(message.id.removesuffix("-message"), []))
            message.update(text)
            message.display = bool(text)
            message.set_class(bool(text), "error")
        for label in self.query(".field-label"):
            label.set_class(label.id.removesuffix("-label") in errors, "error")
        for field in self.query(".field-row Input"):
            field.set_class(field.id in errors, "-invalid")
        summary = self.query_one("#form-message", Static)
        if summary.display:
            self._summarise(errors)
        return result, errors

    def _summarise(self, errors: dict[str, str]) -> None:
        summary = self.query_one("#form-message", Static)
        summary.update(FIX_FIRST.format(", ".join(errors)) if errors else "")
        summary.display = bool(errors)

    def action_save(self) -> None:
        result, errors = self.validate()
        if errors:
            self._summarise(errors)
            return
        self.dismiss(result)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def footer_lines(self, hint: str) -> ComposeResult:
        summary = Static("", id="form-message", classes="message error", markup=False)
        summary.display = False
        yield Vertical(summary, Static(hint, classes="hint"), classes="form-end")
