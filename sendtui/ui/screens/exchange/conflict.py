"""One conflict settled: an evidence entry's text changed on two laptops at once. Both texts
side by side; `k` keeps the entry's text, `o` the other, `b` both (one after the other),
`e` edits them into one (ctrl+s saves). Dismisses with what was done, in words, or None;
`u` on the Exchange screen undoes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Static, TextArea

from sendtui.domain.clock import to_london
from sendtui.errors import UserError
from sendtui.ui.screens.common.base import change_in_thread
from sendtui.ui.widgets.dimmed import DimmedModal


class ConflictBox(DimmedModal):
    BINDINGS = [
        Binding("k", "keep('entry')", "Keep the entry's text", id="conflict-keep-entry"),
        Binding("o", "keep('other')", "Keep the other", id="conflict-keep-other"),
        Binding("b", "keep('both')", "Keep both", id="conflict-keep-both",
                tooltip="The entry's text, then the other, in one entry"),
        Binding("e", "edit", "Edit…", id="conflict-edit",
                tooltip="Write the text from the two (both are filled in to start from)"),
        Binding("escape", "back_out", "Back", id="conflict-back"),
    ]

    def __init__(self, conflict) -> None:
        super().__init__()
        self.conflict = conflict
        self.busy = False

    def compose(self) -> ComposeResult:
        c = self.conflict
        with Vertical(classes="form", id="conflict"):
            yield Static(f"An entry on line {c.line} was changed on two laptops at once",
                         classes="heading", markup=False)
            with Horizontal(id="conflict-texts"):
                with Vertical(classes="conflict-side"):
                    yield Static("k  The entry's text now", classes="subheading")
                    with VerticalScroll():
                        yield Static(c.entry_text, id="conflict-entry", markup=False)
                with Vertical(classes="conflict-side"):
                    yield Static(f"o  The other text, {c.note}, "
                                 f"{to_london(c.saved_at):%a %d %b %H:%M}",
                                 classes="subheading", markup=False)
                    with VerticalScroll():
                        yield Static(c.other_text, id="conflict-other", markup=False)
            yield Static("", id="conflict-message", classes="message error", markup=False)
            yield Static("k keeps the entry's text · o keeps the other · b keeps both · e edits "
                         "· escape backs out (nothing changed)", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#conflict-message").display = False

    def say(self, text: str) -> None:
        message = self.query_one("#conflict-message", Static)
        message.update(text)
        message.display = bool(text)

    def action_keep(self, keep: str, text: str | None = None) -> None:
        if self.busy:
            return
        self.busy = True
        from sendtui.store.conflicts import settle

        store, ins_id, version = self.app.store, self.app.inspection.id, self.conflict.version_id
        change_in_thread(self.app, lambda: settle(store, ins_id, version, keep, text),
                         self._done, expected=(UserError,))

    def _done(self, said: str | None, error: Exception | None) -> None:
        self.busy = False
        if error is not None:
            self.say(f"Nothing changed: {error}.")
            return
        self.app.recount_conflicts()
        self.dismiss(said)

    def action_edit(self) -> None:
        c = self.conflict

        def edited(text: str | None) -> None:
            if text is not None:
                self.action_keep("edited", text)

        self.app.push_screen(EditBox(f"{c.entry_text}\n\n{c.other_text}"), edited)

    def action_back_out(self) -> None:
        if not self.busy:
            self.dismiss(None)


class EditBox(DimmedModal):
    """The entry's text written from the two; dismisses with it, or None."""

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="conflict-edit-save", priority=True),
        Binding("escape", "back_out", "Back", id="conflict-edit-back"),
    ]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="conflict-edit"):
            yield Static("The entry's text, from the two", classes="heading")
            yield TextArea(self.text, id="conflict-edit-text", soft_wrap=True)
            yield Static("", id="conflict-edit-message", classes="message error", markup=False)
            yield Static("ctrl+s saves · escape backs out (nothing changed)", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#conflict-edit-message").display = False
        self.query_one(TextArea).focus()

    def action_save(self) -> None:
        text = self.query_one(TextArea).text
        if not text.strip():
            message = self.query_one("#conflict-edit-message", Static)
            message.update("The entry needs some text.")
            message.display = True
            return
        self.dismiss(text)

    def action_back_out(self) -> None:
        self.dismiss(None)
