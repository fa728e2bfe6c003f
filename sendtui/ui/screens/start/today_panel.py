"""The dashboard's first panel: what matters this morning (BRIEF §10; issue 15.4) — what is
overdue, what is due today, and the day's events still to come, each list cut short with a
count of the rest."""

from __future__ import annotations

from rich.text import Text

from sendtui.domain.clock import to_london, when
from sendtui.domain.today import DueItem, Today

SHOWN = 3  # lines per list; the rest are counted


def header_words(t: Today) -> str:
    """What the app's header adds after the day: "3 overdue", or nothing."""
    return f"{len(t.overdue)} overdue" if t.overdue else ""


def today_text(t: Today) -> Text:
    local = to_london(t.now)
    text = Text(f"Today, {local:%a} {local.day} {local:%b}", style="bold")
    text.append(" · " + ", ".join(_counts(t)))
    _items(text, "Overdue", t.overdue, "bold red", past=True)
    _items(text, "Due today", t.due_today, "bold")
    for e in t.events[:SHOWN]:
        text.append("\n  Next       ", style="bold")
        text.append(f"{when(e.start, e.end).split(' ', 3)[-1]}  {e.title}")
    _more(text, len(t.events), "events today: 2 shows the week")
    return text


def _counts(t: Today) -> list[str]:
    counts = [f"{len(t.overdue)} overdue" if t.overdue else "nothing overdue",
              f"{len(t.due_today)} due today" if t.due_today else "nothing due today"]
    left = len(t.events)
    counts.append(f"{left} event{'s' if left != 1 else ''} to come" if left else
                  "no more events today")
    return counts


def _items(text: Text, heading: str, items: tuple[DueItem, ...], style: str,
           past: bool = False) -> None:
    for item in items[:SHOWN]:
        text.append(f"\n  {heading:<10} ", style=style)
        text.append(f"{item.what}: {item.text}" if item.what != "Child" else item.text)
        if item.owner:
            text.append(f" ({item.owner})", style="dim")
        if item.due is not None:
            text.append(" — " + ("was due " if past else "by ") + (
                when(item.due) if past else f"{to_london(item.due):%H:%M}"))
    _more(text, len(items), f"{heading.lower()}: 7, 8 and 9 list them all")


def _more(text: Text, total: int, where: str) -> None:
    if total > SHOWN:
        text.append(f"\n  … and {total - SHOWN} more {where}", style="dim")
