"""What the Exchange screen says, in a coordinator's words (no Textual here): when this
laptop last exchanged with each other one, what a bundle would change, the file name
proposed for a bundle."""

from __future__ import annotations

import datetime as dt

from sendtui.domain.clock import to_london
from sendtui.store.merge_report import by_kind

BUNDLE_SUFFIX = ".sendtui-bundle"


def last_exchanged(exchanges: list[tuple[str, dt.datetime]], now: dt.datetime) -> str:
    """"Last exchanged: Kwame's laptop today 14:05 · Priya's laptop yesterday 18:30"."""
    if not exchanges:
        return "Last exchanged: never (no bundle from another laptop taken in yet)"
    return "Last exchanged: " + " · ".join(f"{name} {_day_and_time(when, now)}"
                                           for name, when in exchanges)


def _day_and_time(when: dt.datetime, now: dt.datetime) -> str:
    local, today = to_london(when), to_london(now).date()
    days = (today - local.date()).days
    day = {0: "today", 1: "yesterday"}.get(days)
    if day is None:
        day = f"{local:%a} {local.day} {local:%b}" + (
            "" if local.year == today.year else f" {local.year}")
    return f"{day} {local:%H:%M}"


def what_changes(arrived) -> list[str]:
    """One line per kind of thing the bundle changes: "evidence entries: 12 new, 2 changed";
    then the texts kept for review and the erasures."""
    lines = by_kind(arrived)
    if arrived.conflicts:
        lines.append(_conflicts_kept(arrived.conflicts))
    if arrived.erased:
        lines.append(f"{arrived.erased:,} thing{'s' if arrived.erased != 1 else ''} erased for "
                     "good on that laptop will be erased here too")
    return lines


def _conflicts_kept(n: int) -> str:
    entries = "1 entry was" if n == 1 else f"{n} entries were"
    return (f"{entries} changed on both laptops: both texts are kept, and you choose which "
            "to keep here afterwards")


def conflicts_to_settle(n: int) -> str:
    """The header's words: "2 conflicts" (to settle on the Exchange screen, X), or nothing:
    short, so that the header keeps them at 80 columns after the day and what is overdue."""
    return f"{n} conflict{'s' if n != 1 else ''}" if n else ""


def proposed_name(area: str, laptop: str, now: dt.datetime) -> str:
    """`wealdshire-kwames-laptop-2026-11-30-1405.sendtui-bundle`: no personal data but the
    laptop's name, which the other laptops show anyway."""
    local = to_london(now)
    return f"{_slug(area)}-{_slug(laptop) or 'laptop'}-{local:%Y-%m-%d-%H%M}{BUNDLE_SUFFIX}"


def _slug(text: str) -> str:
    kept = "".join(c if c.isalnum() else "-" for c in text.lower().replace("'", ""))
    return "-".join(part for part in kept.split("-") if part)
