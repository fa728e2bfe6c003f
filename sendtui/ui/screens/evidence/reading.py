"""How the evidence log reads the store: one page of rows at once, the counts after.

On a big store only the rows shown are read while the screen paints; how many entries there
are, and how many the filter lets through, come from a thread.
"""

from __future__ import annotations

from textual import work

from sendtui.domain.words import sentence
from sendtui.errors import QueryError
from sendtui.store import evidence as ev
from sendtui.store import evidence_browse as browse
from sendtui.store.evidence_browse import Filter

SHOWN = 200  # rows loaded into the list; the summary says how many there are
SEARCH_LIMIT = 200  # best matches shown for a search


class EvidenceReading:
    """Mixed into EvidenceScreen: its filter, search, entries, snippets and counts."""

    def reload(self, changed: bool = False) -> None:
        """Read the page shown again (after a change, the counts and filter values too)."""
        if changed:
            self._facets, self.total = None, None
        keep = self.selected()
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
            self.search_error = sentence(str(exc))
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
        self.show_summary()
