"""Saving a bundle for the other laptops (`e` on the Exchange screen): the folder (a memory
stick; tab completes), a file name proposed from the area, this laptop and the time, and a
passphrase typed twice — or, said in as many words, no passphrase. The file is written in a
worker (mode 0600) and the audit log notes that it left the store. Dismisses with the notice
of what was saved, or None."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_documents_dir
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Static

from sendtui.domain.clock import utc_now
from sendtui.errors import UserError
from sendtui.ui.screens.common.form import field_row
from sendtui.ui.screens.exchange.words import proposed_name
from sendtui.ui.widgets.dimmed import DimmedModal
from sendtui.ui.widgets.footer import KeysFooter
from sendtui.ui.widgets.tick import Tick
from sendtui.ui.widgets.path_input import PathInput

PLAIN = "Unencrypted, no passphrase (it holds children's names)"
HINT = ("tab completes the folder · ctrl+s saves · escape backs out · tell the others the "
        "passphrase, never on the stick")


def first_folder(app) -> str:
    """The folder used last in this session, else a memory stick if one is in, else the
    Documents folder."""
    last = getattr(app, "last_bundle_folder", None)
    if last:
        return last
    media = Path("/media") / os.environ.get("USER", "")
    try:
        sticks = sorted(p for p in media.iterdir() if p.is_dir()) if media.name else []
    except OSError:
        sticks = []
    return str(sticks[0] if sticks else Path(user_documents_dir())) + os.sep


class SendBox(DimmedModal):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save the bundle", id="bundle-save", priority=True),
        Binding("escape", "back_out", "Back out", id="bundle-save-back-out"),
    ]

    def __init__(self, laptop: str) -> None:
        super().__init__()
        self.laptop = laptop
        self.busy = False

    def compose(self) -> ComposeResult:
        name = proposed_name(self.app.inspection.local_area, self.laptop, utc_now())
        with Vertical(classes="form", id="bundle-send"):
            yield Static("Save a bundle for the other laptops", classes="heading")
            yield Static("Everything this laptop knows about the inspection, in one file.",
                         classes="hint")
            yield field_row("Folder", "bundle-folder", PathInput(
                first_folder(self.app), id="bundle-folder", compact=True,
                placeholder="where to save it, e.g. /media/you/STICK/"))
            yield field_row("File name", "bundle-name", Input(name, id="bundle-name",
                                                              compact=True))
            yield field_row("Passphrase", "bundle-passphrase", Input(
                id="bundle-passphrase", password=True, compact=True,
                placeholder="a few words the others will type to open it"))
            yield field_row("Again", "bundle-again", Input(
                id="bundle-again", password=True, compact=True,
                placeholder="the same passphrase, to be sure"))
            yield Tick(PLAIN, id="bundle-plain", compact=True)
            yield Static("", id="bundle-message", classes="message error", markup=False)
            yield Static(HINT, classes="hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.say("")
        self.query_one("#bundle-passphrase").focus()

    def say(self, text: str) -> None:
        message = self.query_one("#bundle-message", Static)
        message.update(text)
        message.display = bool(text)

    @on(Checkbox.Changed, "#bundle-plain")
    def _plain(self, event: Checkbox.Changed) -> None:
        for key in ("bundle-passphrase", "bundle-again"):
            self.query_one(f"#{key}", Input).disabled = event.value

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "bundle-again":
            self.action_save()
        else:
            self.focus_next()

    def chosen(self) -> tuple[Path, str | None] | None:
        """The file and passphrase (None: unencrypted), or None having said what is wrong."""
        folder = self.query_one("#bundle-folder", Input).value.strip()
        name = self.query_one("#bundle-name", Input).value.strip()
        plain = self.query_one("#bundle-plain", Checkbox).value
        passphrase = self.query_one("#bundle-passphrase", Input).value
        again = self.query_one("#bundle-again", Input).value
        if not folder or not Path(folder).expanduser().is_dir():
            self.say("Choose a folder that exists (a memory stick must be plugged in).")
            return None
        if not name or os.sep in name:
            self.say("Give the file a name (without a folder in it).")
            return None
        if not plain and not passphrase.strip():
            self.say("Type a passphrase twice, or tick the box to save it unencrypted: "
                     "anyone with the file could then read children's names.")
            return None
        if not plain and passphrase != again:
            self.say("The two passphrases differ: type the same one twice.")
            return None
        return Path(folder).expanduser() / name, None if plain else passphrase

    def action_save(self) -> None:
        if self.busy:
            return
        chosen = self.chosen()
        if chosen is None:
            return
        self.busy = True
        self.say("")
        path, passphrase = chosen
        store, ins_id, app = self.app.store, self.app.inspection.id, self.app

        def run() -> None:
            try:
                notice = save(store, ins_id, path, passphrase)
            except UserError as exc:
                app.call_from_thread(self.failed, str(exc))
                return
            except OSError as exc:
                app.call_from_thread(self.failed, f"cannot write there: {exc.strerror}")
                return
            app.call_from_thread(self.saved, path, notice)

        self.run_worker(run, thread=True, group="bundle-save", exclusive=True)

    def failed(self, message: str) -> None:
        self.busy = False
        self.say(f"Not saved: {message}.")

    def saved(self, path: Path, notice: str) -> None:
        self.busy = False
        self.app.last_bundle_folder = str(path.parent) + os.sep
        self.dismiss(notice)

    def action_back_out(self) -> None:
        if not self.busy:
            self.dismiss(None)


def save(store, inspection_id: str, path: Path, passphrase: str | None) -> str:
    """In a worker: the bundle written and noted in the audit log; the notice to show."""
    from sendtui.exports.bundle import write_bundle
    from sendtui.store.audit import record
    from sendtui.store.bundle_rows import bundle_rows, manifest_of

    tables = bundle_rows(store, inspection_id)
    done = write_bundle(path, manifest_of(store, inspection_id, tables), tables, passphrase,
                        plain=passphrase is None)
    how = "encrypted" if done.encrypted else "not encrypted"
    record(store, inspection_id, "bundle exported", f"{done.path.name} ({how})")
    return f"Saved {done.path.name} in {done.path.parent} ({how}, {_size(done.size)})."


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{max(n // 1000, 1)} kB"
