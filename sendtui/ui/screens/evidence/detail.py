"""One evidence entry in full: its fields, the case reference on request, every version."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.reactive import reactive
from textual.widgets import Footer, Static

from sendtui.domain.clock import when
from sendtui.domain.redaction import Redactor, keep
from sendtui.records import EvidenceRecord
from sendtui.store import evidence as ev
from sendtui.store import evidence_browse as browse
from sendtui.ui.screens.common.base import Loads
from sendtui.ui.screens.common.erase import ask_and_erase, erase_binding
from sendtui.ui.screens.evidence.cells import judgement_label, one_line, source_label
from sendtui.ui.screens.evidence.editor import edit_text
from sendtui.ui.widgets.dimmed import DimmedModal


class EvidenceDetail(Loads, DimmedModal):
    """One entry in full: its fields, the case reference on request, every version."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="evidence-detail-close"),
        Binding("e", "edit", "Correct", id="evidence-detail-edit",
                tooltip="Correct the text, line, source, setting, event, judgement or case "
                        "reference; the old version is kept"),
        Binding("r", "reveal", "Reveal", id="evidence-detail-reveal",
                tooltip="Show the case reference and marked names, or hide them again"),
        erase_binding("evidence-detail-erase"),
    ]

    revealed = reactive(False, init=False)  # the case reference and marked names shown

    def __init__(self, entry: EvidenceRecord, names: Redactor):
        super().__init__()
        self.entry = entry
        self.names = names  # the list's: marked names → pseudonyms until revealed
        self.versions: list | None = None  # None until read

    @property
    def store(self):
        return self.app.store

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Evidence entry", classes="heading")
            with VerticalScroll():
                yield Static("", id="detail-text", markup=False)
                yield Static("", id="detail-fields", classes="fields", markup=False)
                yield Static("Versions, oldest first", classes="subheading")
                yield Static("", id="detail-versions", markup=False)
            yield Static("e corrects it · r reveals the case reference and names · "
                         "E erases it for good · escape closes",
                         classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.show()
        self.refresh_data()

    def read_in_thread(self) -> tuple:
        entry = browse.entry(self.store, self.app.inspection.id, self.entry.id)
        return entry, ev.versions(self.store, self.entry.id)

    def loaded(self, data: tuple) -> None:
        entry, self.versions = data
        self.entry = entry or self.entry
        self.show()

    def show(self) -> None:
        e = self.entry
        if e.case_ref:
            ref = e.case_ref if self.revealed else "hidden — press r to reveal"
        else:
            ref = "none"
        fields = [
            ("Line", e.line_code), ("Source", source_label(e.source)),
            ("Setting", f"{e.setting_name} ({e.setting_urn})" if e.setting_urn
             else e.setting_name or "—"),
            ("When", when(e.at)), ("Judgement", judgement_label(e.judgement)),
            ("By", e.author or "—"), ("Case ref", ref),
        ]
        shown = keep if self.revealed else self.names.redact
        self.query_one("#detail-text", Static).update(shown(e.text))
        self.query_one("#detail-fields", Static).update(
            "\n".join(f"{label:<10} {value}" for label, value in fields))
        self.query_one("#detail-versions", Static).update("…" if self.versions is None else
                                                          "\n".join(
            version_lines(n, v, shown) for n, v in enumerate(self.versions, 1)) or "none kept")

    def action_reveal(self) -> None:
        self.revealed = not self.revealed

    def watch_revealed(self) -> None:
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_erase(self) -> None:
        erase_entry(self, self.entry, lambda: self.dismiss(None))

    def action_edit(self) -> None:
        edit_text(self, self.entry, self.refresh_data)


def version_lines(n: int, version, shown) -> str:
    """"2. Thu 3 Dec 16:10  the text", and under it what else changed, if anything."""
    line = f"{n}. {when(version.saved_at)}  {one_line(shown(version.text))}"
    return f"{line}\n   {version.note}" if version.note else line


def erase_entry(screen, entry: EvidenceRecord, done) -> None:
    """Ask, then erase the entry for good (text, case reference, versions, undo history)."""
    from sendtui.store.erasure import erase_evidence

    app = screen.app
    ask_and_erase(
        screen, f"this {source_label(entry.source).lower()} entry",
        f"The entry on line {entry.line_code} from {when(entry.at)}: its text, case "
        "reference, every version and its undo history leave the store; an empty tombstone "
        "stays so that other laptops erase it too.",
        lambda: erase_evidence(app.store, app.inspection.id, entry.id), done)
