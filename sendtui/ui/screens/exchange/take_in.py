"""Taking in a bundle another laptop saved (`i` on the Exchange screen): its file (tab
completes) and passphrase; enter reads it and shows what it would change here, by kind and
from which laptop; ctrl+s takes it in (one transaction, in a worker); escape changes
nothing. A wrong passphrase or a damaged file is one line. Dismisses with the notice of what
arrived, or None."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Static

from sendtui.errors import UserError
from sendtui.ui.screens.common.form import field_row
from sendtui.ui.screens.exchange.words import BUNDLE_SUFFIX, what_changes
from sendtui.ui.widgets.dimmed import DimmedModal
from sendtui.ui.widgets.footer import KeysFooter
from sendtui.ui.widgets.path_input import PathInput

HINT = ("enter reads the bundle · tab completes the path · ctrl+s takes it in · "
        "escape backs out (nothing changed)")


class TakeInBox(DimmedModal):
    BINDINGS = [
        Binding("ctrl+s", "take_in", "Take it in", id="bundle-take-in", priority=True),
        Binding("escape", "back_out", "Back out", id="bundle-take-in-back-out"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.bundle = None  # the bundle read, whose preview is shown
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="form", id="bundle-take"):
            yield Static("Take in a bundle from another laptop", classes="heading")
            yield field_row("File", "bundle-file", PathInput(
                id="bundle-file", first=(BUNDLE_SUFFIX,), compact=True,
                placeholder="e.g. /media/you/STICK/wealdshire-….sendtui-bundle"))
            yield field_row("Passphrase", "bundle-key", Input(
                id="bundle-key", password=True, compact=True,
                placeholder="the one it was saved with (empty if unencrypted)"))
            yield Static("", id="bundle-take-message", classes="message error", markup=False)
            yield Static("", id="bundle-preview", classes="message", markup=False)
            yield Static(HINT, classes="hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.say("")
        self.query_one("#bundle-preview").display = False
        self.query_one("#bundle-file").focus()

    def say(self, text: str) -> None:
        message = self.query_one("#bundle-take-message", Static)
        message.update(text)
        message.display = bool(text)

    def show_preview(self, text: str) -> None:
        preview = self.query_one("#bundle-preview", Static)
        preview.update(text)
        preview.display = bool(text)

    @on(Input.Changed)
    def _changed(self) -> None:
        if self.bundle is not None and not self.busy:
            self.bundle = None  # the preview no longer says what ctrl+s would do
            self.show_preview("")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "bundle-file" and not self.query_one("#bundle-key", Input).value:
            self.query_one("#bundle-key").focus()  # the passphrase next (enter on it reads)
            return
        self.read()

    def read(self) -> None:
        path = self.query_one("#bundle-file", Input).value.strip()
        if not path:
            self.say("Type where the bundle is (tab completes).")
            return
        passphrase = self.query_one("#bundle-key", Input).value or None
        store, app = self.app.store, self.app
        self.say("")
        self.show_preview("Reading the bundle…")

        def run() -> None:
            from sendtui.importers.bundle import read_bundle
            from sendtui.store.exchanged import merged
            from sendtui.store.merge import import_bundle
            from sendtui.store.revisions import all_revisions

            try:  # a bundle taken in before is not decoded again: it brings nothing
                bundle = read_bundle(path, passphrase, all_revisions(), merged(store))
                arrived = import_bundle(store, bundle, preview=True)
            except UserError as exc:
                app.call_from_thread(self.refused, str(exc))
                return
            app.call_from_thread(self.previewed, bundle, arrived)

        self.run_worker(run, thread=True, group="bundle-read", exclusive=True)

    def refused(self, message: str) -> None:
        self.bundle = None
        self.show_preview("")
        self.say(_sentence(message))

    def previewed(self, bundle, arrived) -> None:
        self.bundle = bundle
        lines = [f"From {arrived.origin}."]
        if bundle.manifest.inspection_id != self.app.inspection.id:
            lines.append("It is of another inspection: it will be added beside this one "
                         "(ctrl+o opens it).")
        changes = what_changes(arrived)
        if arrived.nothing:
            lines.append("Nothing new: this laptop has everything in it already.")
        else:
            lines.append("What will change here:")
            lines += [f"  {line}" for line in changes]
            lines.append("Nothing is changed until ctrl+s.")
        self.show_preview("\n".join(lines))

    def action_take_in(self) -> None:
        if self.busy:
            return
        if self.bundle is None:
            self.read()  # ctrl+s before the preview shows it first: nothing is written
            return
        self.busy = True
        bundle, store, app = self.bundle, self.app.store, self.app
        self.show_preview("Taking it in…")

        def run() -> None:
            from sendtui.store.merge import import_bundle
            from sendtui.store.merge_report import said

            try:
                arrived = import_bundle(store, bundle)
            except UserError as exc:
                app.call_from_thread(self.failed, str(exc))
                return
            app.call_from_thread(self.done, " ".join([
                f"Took in the bundle from {arrived.origin}: {said(arrived)}.",
                *(f"{n[:1].upper()}{n[1:]}." for n in arrived.notices)]))

        self.run_worker(run, thread=True, group="bundle-take-in", exclusive=True)

    def failed(self, message: str) -> None:
        self.busy = False
        self.refused(f"Nothing taken in: {message}")

    def done(self, notice: str) -> None:
        self.busy = False
        self.dismiss(notice)

    def action_back_out(self) -> None:
        if self.busy:
            self.app.bell()  # one transaction under way: it ends soon, whole or not at all
            return
        self.dismiss(None)


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."
