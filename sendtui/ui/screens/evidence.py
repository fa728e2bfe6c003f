"""The evidence log: newest first, filters by key, full-text search, a detail view with
every version, edit, delete and undo. Case references, and the names marked sensitive (shown
as their pseudonyms), stay hidden unless asked for with `r`."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import DataTable, Footer, Input, Static, TextArea

from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.domain.redaction import Redactor, keep
from sendtui.domain.search_query import QueryError
from sendtui.store import evidence as ev
from sendtui.store import evidence_browse as browse
from sendtui.store.evidence import snippet_shown
from sendtui.store.evidence_browse import NO_JUDGEMENT, Filter
from sendtui.store.names import protected_names
from sendtui.store.repo import InvalidInput, NotFound
from sendtui.store.views import EvidenceView
from sendtui.domain.dates import short_day, when
from sendtui.ui.screens.base import TaskScreen, table
from sendtui.ui.screens.columns import SCROLLBAR, fit
from sendtui.ui.screens.form import FormScreen, Invalid

SHOWN = 200  # rows loaded into the list; the summary says how many there are
SEARCH_LIMIT = 200  # best matches shown for a search
DEBOUNCE = 0.15  # seconds of quiet typing before a search runs
WIDE = 140  # from this terminal width the case-reference marker is spelt out
HIDDEN_WIDE, HIDDEN_NARROW = "[case ref hidden]", "[ref]"
MATCH_STYLE = "bold reverse"
SHORT_JUDGEMENTS = {"strength": "Strength", "development": "Dev area", "concern": "Concern"}

# label, least width, most width (None: as wide as the cells)
COLUMNS = [("When", 15, 15), ("Line", 4, 6), ("Source", 6, 11), ("Setting", 7, 24),
           ("Judgement", 8, 11), ("Ref", 5, None), ("Note", 16, None)]
NOTE_LEAST = 24  # the note gets at least this much before others give way beyond theirs


def highlighted(snippet: str) -> Text:
    """A search snippet with its «matched» words styled; the text is never read as markup."""
    out = Text(no_wrap=True, overflow="ellipsis", end="")
    rest, inside = snippet, False
    while rest:
        mark = ev.MARK_END if inside else ev.MARK_START
        part, found, rest = rest.partition(mark)
        out.append(part, style=MATCH_STYLE if inside else None)
        if not found:
            break
        inside = not inside
    return out


def judgement_label(slug: str | None, short: bool = False) -> str:
    if not slug:
        return "—"
    return (SHORT_JUDGEMENTS if short else JUDGEMENTS).get(slug, slug)


def source_label(slug: str) -> str:
    return SOURCE_KINDS.get(slug, slug)


def one_line(text: str) -> str:
    return " ".join(text.split())


class EvidenceScreen(TaskScreen):
    HEADING = "Evidence"
    DEFAULT_CSS = """
    EvidenceScreen #evidence { width: 100%; }
    EvidenceScreen #evidence-search { margin: 0 1; }
    EvidenceScreen #evidence-message { display: none; height: auto; padding: 0 1; }
    EvidenceScreen #evidence-message.shown { display: block; }
    """
    BINDINGS = [
        Binding("slash", "search", "Search", id="evidence-search", key_display="/",
                tooltip="Search the text of every entry as you type, best match first"),
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
        Binding("d", "delete", "Delete", id="evidence-delete",
                tooltip="Delete the entry (asks first; u undoes)"),
        Binding("r", "reveal", "Reveal", id="evidence-reveal",
                tooltip="Show case references and marked names in the list, or hide them"),
        Binding("escape", "clear_search", "Clear search", id="evidence-clear-search"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = Filter()
        self.entries: list[EvidenceView] = []  # the rows shown, in order
        self.snippets: dict[str, str] = {}  # entry id -> snippet, while searching
        self.matching: int | None = None  # entries the filter (and search) let through
        self.total: int | None = None  # live entries (None: being counted)
        self.revealed = False
        self._names: Redactor | None = None  # names marked sensitive → pseudonyms
        self.search_error = ""
        self._facets: browse.Facets | None = None
        self._timer: Timer | None = None
        self.width_shown = 0

    def body(self) -> ComposeResult:
        yield Static("", id="evidence-summary", classes="hint", markup=False)
        yield Input(placeholder="/ searches the text of every entry", id="evidence-search",
                    compact=True)
        yield Static("", id="evidence-message", classes="message error", markup=False)
        yield table("evidence")
        yield Static("", id="evidence-detail", classes="detail", markup=False)

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#evidence").focus()

    def on_resize(self) -> None:
        if self.is_mounted and self.app.size.width != self.width_shown:
            self.show()

    # --- reading ---------------------------------------------------------------------------

    @property
    def search(self) -> str:
        return self.query_one("#evidence-search", Input).value

    @property
    def facets(self) -> browse.Facets:
        if self._facets is None:
            self._facets = browse.facets(self.store, self.inspection.id)
        return self._facets

    @property
    def names(self) -> Redactor:
        if self._names is None:
            self._names = Redactor(protected_names(self.store, self.inspection.id))
        return self._names

    def refresh_data(self) -> None:
        """Evidence was captured over this screen: show it at once."""
        self.reload(changed=True)

    def reload(self, changed: bool = False) -> None:
        """Read the page shown again (after a change, the counts and filter values too).

        Only the rows shown are read here; on a big store the counts come from a thread."""
        if changed:
            self._facets, self.total = None, None
        keep = self._selected()
        self.search_error = ""
        self.snippets = {}
        if self.search.strip():
            self._load_search()
        if not self.snippets and not (self.search.strip() and not self.search_error):
            self.entries = browse.page(self.store, self.inspection.id, self.filter, SHOWN)
            self.matching = len(self.entries) if len(self.entries) < SHOWN else None
        if self.total is None:
            if not self.filter.active and self.matching is not None and not self.snippets:
                self.total = self.matching
            else:
                n = browse.count(self.store, self.inspection.id, upto=SHOWN + 1)
                self.total = n if n <= SHOWN else None
        self.show(keep.id if keep else None)
        if self.total is None or self.matching is None:  # a big store: count after painting
            self.call_after_refresh(self._count_in_background, self.filter, self.search)

    def _load_search(self) -> None:
        try:
            hits = ev.search(self.store, self.inspection.id, self.search, SEARCH_LIMIT)
        except QueryError as exc:
            self.search_error = f"{str(exc)[0].upper()}{str(exc)[1:]}."
            return
        ok = browse.passing(self.store, self.inspection.id, self.filter,
                            [h.entry.id for h in hits])
        hits = [h for h in hits if h.entry.id in ok]
        self.entries = [h.entry for h in hits]
        self.snippets = {h.entry.id: h.snippet for h in hits}
        self.matching = len(hits)

    @work(thread=True, exclusive=True, group="evidence-count")
    def _count_in_background(self, f: Filter, search: str) -> None:
        total = self.total if self.total is not None else browse.count(
            self.store, self.inspection.id)
        matching = self.matching if self.matching is not None else browse.count(
            self.store, self.inspection.id, f)
        facets = self._facets or browse.facets(self.store, self.inspection.id)
        self.app.call_from_thread(self._counted, f, search, total, matching, facets)

    def _counted(self, f: Filter, search: str, total: int, matching: int,
                 facets: browse.Facets) -> None:
        if (f, search) != (self.filter, self.search) or not self.is_mounted:
            return  # the filter changed meanwhile: a newer count is on its way
        self.total, self.matching = total, matching
        self._facets = self._facets or facets
        self.query_one("#evidence-summary", Static).update(self._summary())

    def show(self, keep: str | None = None) -> None:
        grid = self.query_one("#evidence", DataTable)
        width = self.app.size.width
        self.width_shown = width
        marker = HIDDEN_WIDE if width >= WIDE else HIDDEN_NARROW
        rows = [(e.id, self._cells(e, marker)) for e in self.entries]
        widths = self._widths([cells for _, cells in rows], width)
        grid.clear(columns=True)
        for (label, *_), w in zip(COLUMNS, widths):
            grid.add_column(label, width=w, key=label)
        for key, cells in rows:
            grid.add_row(*(c if isinstance(c, Text) else
                           Text(c, no_wrap=True, overflow="ellipsis", end="") for c in cells),
                         key=key)
        at = next((i for i, e in enumerate(self.entries) if e.id == keep), 0)
        if self.entries:
            grid.move_cursor(row=at)
        self.query_one("#evidence-summary", Static).update(self._summary())
        message = self.query_one("#evidence-message", Static)
        message.update(self.search_error)
        message.set_class(bool(self.search_error), "shown")
        self._describe()

    def _cells(self, e: EvidenceView, marker: str) -> list[str | Text]:
        ref = (e.case_ref if self.revealed else marker) if e.case_ref else ""
        snippet = self.snippets.get(e.id)
        if not self.revealed:
            snippet = snippet_shown(self.names.redact, snippet) if snippet is not None else None
        note = highlighted(one_line(snippet)) if snippet is not None else one_line(self._text(e))
        return [when(e.at), e.line, source_label(e.source), e.setting_name or "—",
                judgement_label(e.judgement, short=True), ref, note]

    @staticmethod
    def _widths(rows: list[list[str | Text]], width: int) -> list[int]:
        room = width - SCROLLBAR - 2 * len(COLUMNS)
        natural = []
        for i, (label, least, most) in enumerate(COLUMNS):
            n = max([cell_len(label), *(cell_len(str(r[i])) for r in rows)])
            natural.append(min(n, most) if most else n)
        least = [min(c[1], n) for c, n in zip(COLUMNS, natural)]
        others = fit(natural[:-1], least[:-1], max(room - NOTE_LEAST, 0))
        return [*others, max(room - sum(others), least[-1])]

    def _summary(self) -> str:
        def n(x: int | None) -> str:
            return "…" if x is None else f"{x:,}"

        if self.total == 0:
            return "No evidence yet: add it with 'sendtui evidence add'."
        parts = []
        searching = bool(self.search.strip()) and not self.search_error
        if searching:
            best = f" (the best {SEARCH_LIMIT})" if (self.matching or 0) >= SEARCH_LIMIT else ""
            parts.append(f"{n(self.matching)} of {n(self.total)} entries match "
                         f"“{self.search.strip()}”{best}, best first")
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
            name = dict(self.facets.settings).get(f.setting_id, "?")
            words.append(f"setting {name}")
        if f.judgement:
            words.append("no judgement" if f.judgement == NO_JUDGEMENT
                         else f"judgement {f.judgement}")
        if f.day:
            words.append(f"day {short_day(f.day)}")
        return words

    def _selected(self) -> EvidenceView | None:
        if not self.is_mounted:
            return None
        grid = self.query_one("#evidence", DataTable)
        return (self.entries[grid.cursor_row] if 0 <= grid.cursor_row < len(self.entries)
                else None)

    def on_data_table_row_highlighted(self) -> None:
        self._describe()

    def _describe(self) -> None:
        e = self._selected()
        self.query_one("#evidence-detail", Static).update(
            f"{e.author or 'unknown'}: {one_line(self._text(e))}" if e else "")

    def _text(self, e: EvidenceView) -> str:
        return e.text if self.revealed else self.names.redact(e.text)

    # --- keys ------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one("#evidence-search").focus()

    @on(Input.Changed, "#evidence-search")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self._searched)
        self.refresh_bindings()

    def _searched(self) -> None:
        self._timer = None
        self.reload()

    @on(Input.Submitted, "#evidence-search")
    def _search_done(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._searched()
        self.query_one("#evidence").focus()

    def check_action(self, action: str, parameters) -> bool | None:
        """escape is offered only while there is a search to clear or leave."""
        if action == "clear_search":
            return bool(self.search) or self.focused is self.query_one("#evidence-search")
        return True

    def action_clear_search(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.query_one("#evidence-search", Input).value = ""
        self.reload()
        self.query_one("#evidence").focus()

    def action_cycle(self, what: str) -> None:
        facets = self.facets
        choices = {"line": facets.lines, "source": facets.sources,
                   "setting": [i for i, _ in facets.settings],
                   "judgement": facets.judgements, "day": facets.days}[what]
        field = "setting_id" if what == "setting" else what
        now = getattr(self.filter, field)
        cycle = [None if what == "day" else "", *choices]
        after = cycle[(cycle.index(now) + 1) % len(cycle)] if now in cycle else cycle[0]
        self.filter = self.filter.but(**{field: after})
        self.reload()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        entry = self._selected()
        if entry is None:
            self.app.bell()
            return
        self.app.push_screen(EvidenceDetail(entry, self.names),
                             lambda _: self.reload(changed=True))

    def action_delete(self) -> None:
        from sendtui.ui.screens.forms import ConfirmScreen

        entry = self._selected()
        if entry is None:
            self.app.bell()
            return

        def confirmed(yes: bool) -> None:
            if not yes:
                return
            try:
                ev.remove_evidence(self.store, self.inspection.id, entry.id)
            except NotFound as exc:
                self.notify(f"{str(exc)[0].upper()}{str(exc)[1:]}.", severity="error")
            else:
                self.notify("Evidence entry deleted (u undoes).")
            self.reload(changed=True)

        self.app.push_screen(ConfirmScreen(
            f"Delete the {source_label(entry.source).lower()} entry on line {entry.line} "
            f"from {when(entry.at)}? u undoes it."), confirmed)

    def action_reveal(self) -> None:
        self.revealed = not self.revealed
        self.show(self._selected().id if self._selected() else None)


class EvidenceDetail(ModalScreen):
    """One entry in full: its fields, the case reference on request, every version."""

    DEFAULT_CSS = """
    EvidenceDetail { align: center middle; }
    EvidenceDetail > Vertical { width: 100%; max-width: 90; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1; }
    EvidenceDetail VerticalScroll { height: auto; max-height: 1fr; }
    EvidenceDetail Static { height: auto; }
    EvidenceDetail .fields, EvidenceDetail #detail-text { margin: 0 0 1 0; }
    """
    BINDINGS = [
        Binding("escape", "close", "Close", id="evidence-detail-close"),
        Binding("e", "edit", "Edit text", id="evidence-detail-edit",
                tooltip="Change the text; the old text is kept as a version"),
        Binding("r", "reveal", "Reveal", id="evidence-detail-reveal",
                tooltip="Show the case reference and marked names, or hide them again"),
    ]

    def __init__(self, entry: EvidenceView, names: Redactor):
        super().__init__()
        self.entry = entry
        self.names = names  # the list's: marked names → pseudonyms until revealed
        self.revealed = False

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
            yield Static("e edits the text · r reveals the case reference and names · "
                         "escape closes",
                         classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        e = self.entry
        if e.case_ref:
            ref = e.case_ref if self.revealed else "hidden — press r to reveal"
        else:
            ref = "none"
        fields = [
            ("Line", e.line), ("Source", source_label(e.source)),
            ("Setting", f"{e.setting_name} ({e.setting_urn})" if e.setting_urn
             else e.setting_name or "—"),
            ("When", when(e.at)), ("Judgement", judgement_label(e.judgement)),
            ("By", e.author or "—"), ("Case ref", ref),
        ]
        shown = keep if self.revealed else self.names.redact
        self.query_one("#detail-text", Static).update(shown(e.text))
        self.query_one("#detail-fields", Static).update(
            "\n".join(f"{label:<10} {value}" for label, value in fields))
        versions = ev.versions(self.store, e.id)
        self.query_one("#detail-versions", Static).update("\n".join(
            f"{n}. {when(v.saved_at)}  {one_line(shown(v.text))}"
            for n, v in enumerate(versions, 1)) or "none kept")

    def action_reveal(self) -> None:
        self.revealed = not self.revealed
        self.show()

    def action_close(self) -> None:
        self.dismiss(None)

    def action_edit(self) -> None:
        def save(text: str | None) -> None:
            if text is None:
                return
            try:
                ev.edit_evidence(self.store, self.app.inspection.id, self.entry.id, text)
            except (InvalidInput, NotFound) as exc:
                self.notify(f"{str(exc)[0].upper()}{str(exc)[1:]}.", severity="error")
                return
            self.entry = browse.entry(self.store, self.app.inspection.id,
                                      self.entry.id) or self.entry
            self.show()
            self.notify("Saved: the previous text is kept as a version.")

        self.app.push_screen(EvidenceEditor(self.entry.text), save)


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
