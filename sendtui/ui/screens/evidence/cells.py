"""How an evidence entry reads in the log: its cells, its labels, the columns' widths."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text

from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.store import evidence as ev
from sendtui.ui.screens.common.columns import SCROLLBAR, fit

WIDE = 140  # from this terminal width the case-reference marker is spelt out
HIDDEN_WIDE, HIDDEN_NARROW = "[case ref hidden]", "[ref]"
MATCH_STYLE = "bold reverse"
SHORT_JUDGEMENTS = {"strength": "Strength", "development": "Dev area", "concern": "Concern"}

# label, least width, most width (None: as wide as the cells)
COLUMNS = [("When", 15, 15), ("Line", 4, 6), ("Source", 6, 11), ("Setting", 7, 24),
           ("Judgement", 8, 11), ("By", 2, 3), ("Ref", 5, None), ("Note", 16, None)]
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


def initials(author: str) -> str:
    """Who captured an entry, as the list shows it: "Priya Shah (Lead HMI)" is PS."""
    name = author.split(" (")[0]
    return "".join(w[0] for w in name.split() if w[0].isalnum())[:3].upper() or "—"


def one_line(text: str) -> str:
    return " ".join(text.split())


def hidden_marker(width: int) -> str:
    return HIDDEN_WIDE if width >= WIDE else HIDDEN_NARROW


def cell(value: str | Text) -> Text:
    return value if isinstance(value, Text) else Text(value, no_wrap=True, overflow="ellipsis",
                                                      end="")


def widths(rows: list[list[str | Text]], width: int) -> list[int]:
    """Each column as wide as its cells, within the terminal; the note takes what is left."""
    room = width - SCROLLBAR - 2 * len(COLUMNS)
    natural = []
    for i, (label, least, most) in enumerate(COLUMNS):
        n = max([cell_len(label), *(cell_len(str(r[i])) for r in rows)])
        natural.append(min(n, most) if most else n)
    least = [min(c[1], n) for c, n in zip(COLUMNS, natural)]
    others = fit(natural[:-1], least[:-1], max(room - NOTE_LEAST, 0))
    return [*others, max(room - sum(others), least[-1])]
