"""What the week screen says in words: its columns, the detail line, the problems."""

from __future__ import annotations

import datetime as dt

from rich.text import Text

from sendtui.domain.away import away_words
from sendtui.domain.dates import clock, local_date, period, short_day
from sendtui.domain.kinds import AUDIENCES, event_kind_label
from sendtui.records import EventRecord, PersonRecord
from sendtui.ui.widgets.week_layout import ColumnKey

SEVERITY = {"error": "✖ error", "warning": "▲ warning"}
NO_PROBLEMS = "No problems: no clashes, travel squeezes, out-of-hours slots or gaps."


def day_columns(days: list[dt.date]) -> list[tuple[ColumnKey, str]]:
    return [(ColumnKey(d), short_day(d)) for d in days]


def person_columns(day: dt.date, people: list[PersonRecord]) -> list[tuple[ColumnKey, str]]:
    """One column per person on a day, the inspection team first (as the store orders)."""
    return [(ColumnKey(day, p.id), p.name) for p in people]


def corner(day: dt.date) -> str:
    """The day of a by-person view, in the grid's top-left corner: "Mon30"."""
    return f"{day:%a}{day.day:>2}"


def event_detail(event: EventRecord, problems: int) -> str:
    title = event.title
    if event.audience:
        title += f" ({AUDIENCES.get(event.audience, event.audience)})"
    parts = [f"{short_day(local_date(event.start))} {clock(event.start)}–{clock(event.end)}",
             event_kind_label(event.kind) + (" (cancelled)" if event.status == "cancelled"
                                             else ""),
             title, ", ".join(event.people) or "nobody yet",
             event.setting_name or event.location]
    if problems:
        parts.insert(0, f"! {problems} problem{'s' if problems != 1 else ''} (tab)")
    return " · ".join(p for p in parts if p)


def free_detail(start: dt.datetime, person: str | None) -> str:
    where = f"{person} · " if person else ""
    return (f"{where}{short_day(local_date(start))} {clock(start)} · free · "
            "a adds an event here, f finds a free slot")


def away_detail(periods, people: list[PersonRecord]) -> str:
    """"Priya Shah · unavailable (Tribunal) · Tue 1 Dec 09:00–Wed 2 Dec 17:00 · e edits…"."""
    first = periods[0]
    return (f"{away_words(periods, {p.id: p.name for p in people})} · "
            f"{period(first.start, first.end)} · e edits it, d removes it")



def moving_detail(event: EventRecord) -> str:
    return (f"Moving {event.title} to {short_day(local_date(event.start))} "
            f"{clock(event.start)}–{clock(event.end)} · arrows move it, enter or m places it, "
            "escape puts it back")


def problems_title(count: int, shown: int) -> str:
    if shown < count:
        return f"Problems ({count}, the first {shown} shown)"
    return f"Problems ({count})"


def problem_line(severity: str, message: str) -> Text:
    return Text(f"{SEVERITY.get(severity, severity)}  {message}")


def names_of(person_ids: tuple[str, ...], people: list[PersonRecord]) -> str:
    by_id = {p.id: p.name for p in people}
    return ", ".join(by_id.get(i, "someone removed") for i in person_ids)
