"""How the evidence log reads the store: one page of rows at once, the counts after.

On a big store only the rows shown are read while the screen paints; how many entries there
are, and how many the filter lets through, come from a thread.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import work

from sendtui.domain.redaction import Redactor
from sendtui.domain.words import sentence
from sendtui.errors import QueryError
from sendtui.records import EvidenceRecord
from sendtui.store import evidence_browse as browse
from sendtui.store.evidence_browse import Filter
from sendtui.store.names import all as protected_names
from sendtui.ui.screens.evidence.ranking import EvidenceRanking

SHOWN = 200  # rows loaded into the list; the summary says how many there are
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
    facets: browse.Facets
    names: Redactor


class EvidenceReading(EvidenceRanking):
    """Mixed into EvidenceScreen: its filter, search, entries, snippets and counts."""

    def refresh_data(self, changed: bool = True) -> None:
        """Read the page shown again; after a change (changed), the counts and filter values
        too."""
        if changed:
            self._facets, self._names, self.total = None, None, None
        self.asked = Asked(self.filter, self.search, self.total, self._facets,
                           self._names)
        super().refresh_data()

    def reload(self) -> None:
        """The filter or the search changed: the same entries, another page of them."""
        self.refresh_data(changed=False)

    def read_in_thread(self) -> Page:
        """One page of rows (or the best matches), the counts when cheap."""
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
                n = browse.count(store, ins_id, upto=SHOWN + 1)
                total = n if n <= SHOWN else None
        return Page(asked, entries, snippets, ranked, matching, total, error,
                    asked.facets or browse.facets(store, ins_id),
                    asked.names or Redactor(protected_names(store, ins_id)))

    def loaded(self, page: Page) -> None:
        keep = self.selected()
        self.rank_after(page.ranked, page.asked.filter, page.asked.search, SEARCH_LIMIT)
        self.entries, self.snippets, self.search_error = (page.entries, page.snippets,
                                                          page.search_error)
        self.matching, self.total = page.matching, page.total
        self._facets, self._names = page.facets, page.names
        self.show(keep.id if keep else None)
        if self.total is None or self.matching is None:  # a big store: count after painting
            self.call_after_refresh(self._count_in_background, page.asked.filter,
                                    self.search)

    @work(thread=True, exclusive=True, group="evidence-count")
    def _count_in_background(self, f: Filter, search: str) -> None:
        total = self.total if self.total is not None else browse.count(
            self.store, self.inspection.id)
        matching = self.matching if self.matching is not None else browse.count(
            self.store, self.inspection.id, f)
        self.app.call_from_thread(self._counted, f, search, total, matching)

    def _counted(self, f: Filter, search: str, total: int, matching: int) -> None:
        if (f, search) != (self.filter, self.search) or not self.is_mounted:
            return  # the filter changed meanwhile: a newer count is on its way
        self.total, self.matching = total, matching
        self.show_summary()
