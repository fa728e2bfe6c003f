"""A search on the evidence log in two steps: the best of the newest matches at once, every
match ranked after.

Ranking costs FTS5 about a microsecond a match: a common word matching tens of thousands of
entries would keep the first page waiting. The page shown first ranks the newest RANK_FIRST
matches; a thread ranks them all and the list is shown again, the cursor kept.
"""

from __future__ import annotations

from textual import work

from sendtui.records import EvidenceRecord
from sendtui.store import evidence as ev
from sendtui.store import evidence_browse as browse
from sendtui.store.evidence_browse import Filter

RANK_FIRST = 2_000  # matches ranked for the first page


class EvidenceRanking:
    """Mixed into EvidenceScreen (through EvidenceReading)."""

    ranking = False  # the shown matches are a first page; every match is being ranked

    def first_page(self, search: str, f: Filter, limit: int) -> tuple[list, dict, bool]:
        """In the reading thread: the entries and snippets of the first page, and whether
        every match was ranked."""
        hits, ranked = ev.first_page(self.store, self.inspection.id, search, limit,
                                     among=RANK_FIRST)
        return *passing(self.store, self.inspection.id, f, hits), ranked

    def rank_after(self, ranked: bool, f: Filter, search: str, limit: int) -> None:
        """On the UI thread, as a page is shown: rank every match after, unless done."""
        self.ranking = not ranked
        if self.ranking:
            self.call_after_refresh(self._rank_in_background, f, search, limit)

    @work(thread=True, exclusive=True, group="evidence-rank")
    def _rank_in_background(self, f: Filter, search: str, limit: int) -> None:
        hits = ev.search(self.store, self.inspection.id, search, limit)
        entries, snippets = passing(self.store, self.inspection.id, f, hits)
        self.app.call_from_thread(self._ranked, f, search, entries, snippets)

    def _ranked(self, f: Filter, search: str, entries: list[EvidenceRecord],
                snippets: dict[str, str]) -> None:
        if (f, search) != (self.filter, self.search) or not self.showing:
            return  # the search changed meanwhile
        keep = self.selected()
        self.entries, self.snippets, self.matching = entries, snippets, len(entries)
        self.ranking = False
        self.show(keep.id if keep else None)


def passing(store, inspection_id: str, f: Filter,
            hits: list[ev.Hit]) -> tuple[list[EvidenceRecord], dict[str, str]]:
    """The hits the filter lets through: their entries, and their snippets by entry id."""
    ok = browse.passing(store, inspection_id, f, [h.entry.id for h in hits])
    hits = [h for h in hits if h.entry.id in ok]
    return [h.entry for h in hits], {h.entry.id: h.snippet for h in hits}
