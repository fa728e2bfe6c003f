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


def edit_text(screen, entry, then) -> None:
    """Open the editor on an entry's text; save it (a new version) and call `then()`."""
    from sendtui.domain.words import sentence
    from sendtui.errors import InvalidInput, NotFound
    from sendtui.store import evidence as ev

    def save(text: str | None) -> None:
        if text is None:
            return
        try:
            ev.edit(screen.app.store, screen.app.inspection.id, entry.id, text)
        except (InvalidInput, NotFound) as exc:
            screen.notify(sentence(str(exc)), severity="error")
            return
        then()
        screen.notify("Saved: the previous text is kept as a version (u undoes).")

    screen.app.push_screen(EvidenceEditor(entry.text), save)
