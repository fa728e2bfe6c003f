"""The evidence log: newest first, filters by key, full-text search, a detail view with
every version, edit, delete and undo. Case references, and the names marked sensitive (shown
as their pseudonyms), stay hidden unless asked for with `r`."""

from sendtui.ui.screens.evidence.detail import EvidenceDetail
from sendtui.ui.screens.evidence.editor import EvidenceEditor
from sendtui.ui.screens.evidence.log import EvidenceScreen

__all__ = ["EvidenceDetail", "EvidenceEditor", "EvidenceScreen"]
