"""The text of an evidence entry, edited; the old text is kept as a version."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import TextArea

from sendtui.ui.screens.common.form import FormScreen, Invalid


class EvidenceEditor(FormScreen):
    """Dismisses with the new text, or None. enter is a new line here; ctrl+s saves."""

    BOX = "form wide-form"
    SCROLLS = True
    HINT = "ctrl+s saves (the old text is kept) · escape cancels"

    def __init__(self, text: str):
        super().__init__("Edit the evidence text")
        self.text = text

    def body(self) -> ComposeResult:
        yield TextArea(self.text, id="evidence-text", soft_wrap=True)

    def on_mount(self) -> None:
        self.query_one(TextArea).focus()

    def check(self) -> str:
        text = self.query_one(TextArea).text
        if not text.strip():
            raise Invalid("The entry needs some text (delete it instead).")
        return text
