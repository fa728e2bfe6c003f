"""The evidence log: newest first (or best match first), filters by key, reveal, delete."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.timer import Timer
from textual.widgets import Input, Static

from sendtui.domain.clock import when
from sendtui.domain.dates import short_day
from sendtui.domain.redaction import Redactor
from sendtui.domain.words import sentence
from sendtui.errors import NotFound
from sendtui.records import EvidenceRecord
from sendtui.store import evidence as ev
from sendtui.store import evidence_browse as browse
from sendtui.store.evidence import snippet_shown
from sendtui.store.evidence_browse import NO_JUDGEMENT, Filter
from sendtui.ui.screens.common.copy import copy_binding
from sendtui.ui.screens.common.erase import erase_binding
from sendtui.ui.screens.common.list_screen import ListScreen, clear_search_binding, search_binding
from sendtui.ui.screens.evidence.cells import (COLUMNS, cell, hidden_marker, highlighted,
                                               initials, judgement_label, one_line,
                                               source_label, widths)
from sendtui.ui.screens.evidence.detail import EvidenceDetail, erase_entry
from sendtui.ui.screens.evidence.reading import SEARCH_LIMIT, EvidenceReading

DEBOUNCE = 0.15  # seconds of quiet typing before a search runs


class EvidenceScreen(EvidenceReading, ListScreen):
    HEADING = "Evidence"
    TABLE = "evidence"
    COPIES = "evidence entry"
    EMPTY = "No evidence yet: add it with 'sendtui evidence add'."
    BINDINGS = [
        search_binding("evidence", "Search the text of every entry as you type, best match "
                                   "first"),
        Binding("l", "cycle('line')", "Line", id="evidence-line",
                tooltip="Show one line of enquiry, the next on each press; then all"),
        Binding("k", "cycle('source')", "Source", id="evidence-source",
                tooltip="Show one kind of source, the next on each press; then all"),
        Binding("s", "cycle('setting')", "Setting", id="evidence-setting",
                tooltip="Show one setting with evidence, the next on each press; then all"),
        Binding("g", "cycle('judgement')", "Judgement", id="evidence-judgement",
                tooltip="Show strengths, areas for development or concerns; then all"),
        Binding("D", "cycle('day')", "Day", id="evidence-day", key_display="D",
                tooltip="Show one day with evidence, the next on each press; then all"),
        Binding("enter", "open", "Open", id="evidence-open",
                tooltip="The entry in full, with every version"),
        Binding("e", "edit", "Edit", id="evidence-edit",
                tooltip="Correct the entry: text, line, source, setting, event, judgement or "
                        "case reference; the old version is kept"),
        Binding("d", "delete", "Delete", id="evidence-delete",
                tooltip="Delete the entry (asks first; u undoes)"),
        Binding("r", "reveal", "Reveal", id="evidence-reveal",
                tooltip="Show case references and marked names in the list, or hide them"),
        erase_binding("evidence-erase"),
        Binding("M", "marked_names", "Marked names", id="marked-names", key_display="M",
                tooltip="The names marked sensitive, by pseudonym; erase one for good"),
        clear_search_binding("evidence"),
        copy_binding("evidence"),
    ]

    revealed = reactive(False, init=False)  # case references and marked names shown

    def __init__(self) -> None:
        super().__init__()
        self.filter = Filter()
        self.entries: list[EvidenceRecord] = []  # the rows shown, in order
        self.snippets: dict[str, str] = {}  # entry id -> snippet, while searching
        self.matching: int | None = None  # entries the filter (and search) let through
        self.total: int | None = None  # live entries (None: being counted)
        self._names: Redactor | None = None  # names marked sensitive → pseudonyms
        self.search_error = ""
        self._facets: browse.Facets | None = None
        self.changes = 0  # changes seen: filter values read before the last one are dropped
        self.facets_asked = -1  # the `changes` the filter values were last asked for
        self._timer: Timer | None = None

    def above_table(self) -> ComposeResult:
        yield self.search_box("/ searches the text of every entry")
        yield Static("", id="evidence-message", classes="message error", markup=False)

    def listed(self) -> list[EvidenceRecord]:
        return self.entries

    def is_empty(self) -> bool:
        return self.total == 0

    @property
    def facets(self) -> browse.Facets | None:
        """The values each filter key cycles through; None until the first read."""
        return self._facets

    @property
    def names(self) -> Redactor:
        """Names marked sensitive → pseudonyms (none known until the first read)."""
        return self._names or Redactor()

    def show(self, keep: str | None = None) -> None:
        """The rows fitted to the terminal; the cursor on `keep`, else where it was."""
        if keep is None and (selected := self.selected()):
            keep = selected.id
        grid = self.table
        self.width_shown = self.app.size.width
        marker = hidden_marker(self.width_shown)
        rows = [(e.id, self._cells(e, marker)) for e in self.entries]
        grid.clear(columns=True)
        for (label, *_), w in zip(COLUMNS, widths([c for _, c in rows], self.width_shown)):
            grid.add_column(label, width=w, key=label)
        for key, cells in rows:
            grid.add_row(*(cell(c) for c in cells), key=key)
        if self.entries:
            self.put_cursor(keep)
        self.show_summary()
        message = self.query_one("#evidence-message", Static)
        message.update(self.search_error)
        message.set_class(bool(self.search_error), "shown")
        self.show_detail()

    def _cells(self, e: EvidenceRecord, marker: str) -> list:
        ref = (e.case_ref if self.revealed else marker) if e.case_ref else ""
        snippet = self.snippets.get(e.id)
        if not self.revealed:
            snippet = snippet_shown(self.names.redact, snippet) if snippet is not None else None
        note = highlighted(one_line(snippet)) if snippet is not None else one_line(self._text(e))
        return [when(e.at), e.line_code, source_label(e.source), e.setting_name or "—",
                judgement_label(e.judgement, short=True), initials(self.names.redact(e.author)),
                ref, note]

    def summary(self) -> str:
        def n(x: int | None) -> str:
            return "…" if x is None else f"{x:,}"

        parts = []
        searching = bool(self.search.strip()) and not self.search_error
        if searching:
            best = f" (the best {SEARCH_LIMIT})" if (self.matching or 0) >= SEARCH_LIMIT else ""
            parts.append(f"{n(self.matching)} of {n(self.total)} entries match "
                         f"“{self.search.strip()}”{best}, best first")
            if self.ranking:
                parts.append("ranking the older matches")
        elif self.filter.active:
            parts.append(f"{n(self.matching)} of {n(self.total)} entries")
        else:
            parts.append(f"{n(self.total)} entries, newest first")
        parts += self._filter_words()
        if not searching and (self.matching is None or self.matching > len(self.entries)):
            parts.append(f"showing the newest {len(self.entries):,}")
        if self.total is None or self.matching is None:
            parts.append("counting")
        if self.revealed:
            parts.append("names and case refs SHOWN")
        return " · ".join(parts)

    def _filter_words(self) -> list[str]:
        f = self.filter
        words = []
        if f.line:
            words.append(f"line {f.line}")
        if f.source:
            words.append(f"source {f.source}")
        if f.setting_id:
            known = (self.facets.settings if self.facets else None) or ()
            name = dict(known).get(f.setting_id, "?")
            words.append(f"setting {name}")
        if f.judgement:
            words.append("no judgement" if f.judgement == NO_JUDGEMENT
                         else f"judgement {f.judgement}")
        if f.day:
            words.append(f"day {short_day(f.day)}")
        return words

    def describe(self, e: EvidenceRecord) -> str:
        return f"{e.author or 'unknown'}: {one_line(self._text(e))}"

    def copy_text(self, e: EvidenceRecord) -> str:  # names and case ref hidden unless revealed
        parts = [e.line_code, source_label(e.source), e.setting_name, judgement_label(e.judgement)
                 if e.judgement else None, e.case_ref if self.revealed else None, self.describe(e)]
        return " · ".join(p for p in parts if p)

    def _text(self, e: EvidenceRecord) -> str:
        return e.text if self.revealed else self.names.redact(e.text)

    # --- keys ------------------------------------------------------------------------------

    @on(Input.Changed, "#evidence-search")
    def _typed(self) -> None:
        self._stop_timer()
        asked = getattr(self, "asked", None)
        if asked is None or self.search != asked.search:  # escape has read it already
            self._timer = self.set_timer(DEBOUNCE, self._searched)
        self.refresh_bindings()

    def _stop_timer(self) -> bool:
        stopped = self._timer is not None
        if stopped:
            self._timer.stop()
            self._timer = None
        return stopped

    def _searched(self) -> None:
        self._timer = None
        self.reload()

    @on(Input.Submitted, "#evidence-search")
    def _search_done(self) -> None:
        if self._stop_timer():
            self._searched()
        self.table.focus()

    def action_clear_search(self) -> None:
        self._stop_timer()
        self.query_one("#evidence-search", Input).value = ""
        self.reload()
        self.table.focus()

    def action_cycle(self, what: str) -> None:
        facets = self.facets
        if facets is None or (facets.partial and what in ("setting", "judgement")):
            self.app.bell()  # not read yet: a big store reads them after the page
            return
        choices = {"line": facets.lines, "source": facets.sources,
                   "setting": [i for i, _ in facets.settings],
                   "judgement": facets.judgements, "day": facets.days}[what]
        field = "setting_id" if what == "setting" else what
        now = getattr(self.filter, field)
        cycle = [None if what == "day" else "", *choices]
        after = cycle[(cycle.index(now) + 1) % len(cycle)] if now in cycle else cycle[0]
        self.filter = self.filter.but(**{field: after})
        self.reload()

    def open_selected(self) -> None:
        self.action_open()

    def action_open(self) -> None:
        entry = self.selected()
        if entry is None:
            self.app.bell()
            return
        self.app.push_screen(EvidenceDetail(entry, self.names),
                             lambda _: self.refresh_data())

    def action_edit(self) -> None:
        from sendtui.ui.screens.evidence.editor import edit_text

        entry = self.selected()
        if entry is None:
            self.app.bell()
            return
        edit_text(self, entry, self.refresh_data)

    def action_delete(self) -> None:
        from sendtui.ui.screens.common.confirm import ConfirmScreen

        entry = self.selected()
        if entry is None:
            self.app.bell()
            return

        def confirmed(yes: bool) -> None:
            if not yes:
                return
            try:
                ev.remove(self.store, self.inspection.id, entry.id)
            except NotFound as exc:
                self.notify(sentence(str(exc)), severity="error")
            else:
                self.notify("Evidence entry deleted (u undoes).")
            self.refresh_data()

        self.app.push_screen(ConfirmScreen(
            f"Delete the {source_label(entry.source).lower()} entry on line {entry.line_code} "
            f"from {when(entry.at)}? u undoes it."), confirmed)

    def action_erase(self) -> None:
        entry = self.selected()
        if entry is None:
            self.app.bell()
            return
        erase_entry(self, entry, self.refresh_data)

    def action_marked_names(self) -> None:
        from sendtui.ui.screens.evidence.names import MarkedNamesScreen

        self.app.push_screen(MarkedNamesScreen(), lambda _: self.refresh_data())

    def action_reveal(self) -> None:
        self.revealed = not self.revealed

    def watch_revealed(self) -> None:
        self.show()
