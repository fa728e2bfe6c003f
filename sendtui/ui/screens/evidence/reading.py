"""How the evidence log reads the store: one page of rows at once, the counts after.

On a big store only the rows shown are read while the screen paints; how many entries there
are, how many the filter lets through, and the values each filter key cycles through (one pass
over the rows: seconds at 1,000,000 entries) come from a thread after.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.worker import get_current_worker

from sendtui.domain.redaction import Redactor
from sendtui.domain.words import sentence
from sendtui.errors import QueryError
from sendtui.records import EvidenceRecord
from sendtui.store import evidence_browse as browse
from sendtui.store.evidence_browse import Filter
from sendtui.store.names import all as protected_names
from sendtui.ui.screens.evidence.ranking import EvidenceRanking

SHOWN = 200  # rows loaded into the list; the summary says how many there are
SMALL = 10_000  # entries: up to this many, the counts and filter values come with the page
SEARCH_LIMIT = 200  # best matches shown for a search


@dataclass(frozen=True)
class Asked:
    """What the log asks of the store, fixed on the UI thread before the read starts."""

    filter: Filter
    search: str
    total: int | None  # None: count the live entries again
    facets: browse.Facets | None  # None: read the filter values again
    names: Redactor | None  # None: read the names marked sensitive again


@dataclass(frozen=True)
class Page:
    """The rows the log shows, and what it knows of the counts."""

    asked: Asked
    entries: list[EvidenceRecord]
    snippets: dict[str, str]  # entry id -> snippet, while searching
    ranked: bool  # False: the matches shown are the best of the newest only
    matching: int | None
    total: int | None
    search_error: str
    facets: browse.Facets | None  # None: being read after the page is shown
    names: Redactor


class EvidenceReading(EvidenceRanking):
    """Mixed into EvidenceScreen: its filter, search, entries, snippets and counts."""

    def refresh_data(self, changed: bool = True) -> None:
        """Read the page shown again; after a change (changed), the counts and filter values
        too."""
        if changed:
            self._facets, self._names, self.total = None, None, None
            self.changes += 1
        self.asked = Asked(self.filter, self.search, self.total, self._facets,
                           self._names)
        super().refresh_data()

    def reload(self) -> None:
        """The filter or the search changed: the same entries, another page of them."""
        self.refresh_data(changed=False)

    def read_in_thread(self) -> Page:
        """One page of rows (or the best matches); the counts and filter values too on a
        small store."""
        store, ins_id, asked = self.store, self.inspection.id, self.asked
        entries, snippets, matching, error, ranked = [], {}, None, "", True
        if asked.search.strip():
            try:
                entries, snippets, ranked = self.first_page(asked.search, asked.filter,
                                                            SEARCH_LIMIT)
            except QueryError as exc:
                error = sentence(str(exc))
            else:
                matching = len(entries)
        if not snippets and not (asked.search.strip() and not error):
            entries = browse.page(store, ins_id, asked.filter, SHOWN)
            matching = len(entries) if len(entries) < SHOWN else None
        total = asked.total
        if total is None:
            if not asked.filter.active and matching is not None and not snippets:
                total = matching
            else:
                n = browse.count(store, ins_id, upto=SMALL + 1)
                total = n if n <= SMALL else None
        small = total is not None and total <= SMALL  # cheap to count: no thread after
        if matching is None and small:
            matching = browse.count(store, ins_id, asked.filter) if asked.filter.active \
                else total
        facets = asked.facets
        if facets is None and small:
            facets = browse.facets(store, ins_id)
        return Page(asked, entries, snippets, ranked, matching, total, error, facets,
                    asked.names or Redactor(protected_names(store, ins_id)))

    def loaded(self, page: Page) -> None:
        keep = self.selected()
        self.rank_after(page.ranked, page.asked.filter, page.asked.search, SEARCH_LIMIT)
        self.entries, self.snippets, self.search_error = (page.entries, page.snippets,
                                                          page.search_error)
        self.matching, self.total = page.matching, page.total
        self._facets, self._names = page.facets or self._facets, page.names
        self.show(keep.id if keep else None)
        if self.total is None or self.matching is None:  # a big store: count after painting
            self.call_after_refresh(self._count_in_background, page.asked.filter,
                                    self.search)
        partial = self._facets is None or self._facets.partial
        if partial and self.facets_asked != self.changes:  # once after each change
            self.facets_asked = self.changes
            self.call_after_refresh(self._facets_in_background, self.changes)

    @work(thread=True, exclusive=True, group="evidence-count")
    def _count_in_background(self, f: Filter, search: str) -> None:
        store, ins_id = self.store, self.inspection.id
        total, matching = self.total, self.matching
        if total is None:
            total = browse.count(store, ins_id)
        if matching is None:  # without a filter or a search, every entry matches
            matching = browse.count(store, ins_id, f) if f.active or search.strip() else total
        self.app.call_from_thread(self._counted, f, search, total, matching)

    @work(thread=True, exclusive=True, group="evidence-facets")
    def _facets_in_background(self, changes: int) -> None:
        """The filter values from the indexes first, then those that take a pass over the
        rows; a filter changed meanwhile does not start them again, a change to the store
        does."""
        for rows in (False, True):
            if get_current_worker().is_cancelled:  # the store changed: a newer read is on
                return
            facets = browse.facets(self.store, self.inspection.id, rows)
            self.app.call_from_thread(self._faceted, facets, changes)

    def _counted(self, f: Filter, search: str, total: int, matching: int) -> None:
        if (f, search) != (self.filter, self.search) or not self.showing:
            return  # the filter changed meanwhile: a newer count is on its way
        self.total, self.matching = total, matching
        self.show_summary()

    def _faceted(self, facets: browse.Facets, changes: int) -> None:
        wanted = self._facets is None or self._facets.partial
        if wanted and changes == self.changes and self.showing:  # else read before a change
            self._facets = facets
