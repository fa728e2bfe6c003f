"""Day sheets: one sheet per London day, the events in time order with where, who, whom to
ask for and how long the drive is. CSV, Markdown, HTML (one day a printed page) and DOCX.

Every cell goes through `redact` (the inspection's redactor, or nothing when the user opts
in to sensitive data), so a marked name or case reference never reaches a sheet unasked.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable

from sendtui.domain.clock import to_london
from sendtui.domain.dates import day as day_name
from sendtui.domain.dates import span, stamp
from sendtui.domain.kinds import EVENT_KINDS
from sendtui.domain.redaction import Redact
from sendtui.exports import ExportRequest
from sendtui.exports import selection as sel
from sendtui.exports.docs import esc, html_page
from sendtui.exports.spreadsheet import safe_cell
from sendtui.records import Briefing, SheetEvent

Days = dict[dt.date, list[SheetEvent]]

WITHHELD, INCLUDED = sel.redaction_notice(False), sel.redaction_notice(True)
HEADER = ["Time", "What", "Where", "Who", "Hosts / contacts", "Notes"]
CSV_HEADER = ["date", "start", "end", "title", "kind", "where", "postcode", "team", "others",
              "hosts", "notes", "travel", "redacted"]


def render(briefing: Briefing, request: ExportRequest) -> bytes:
    events = sel.events_for(briefing, request)
    redact = briefing.redaction(request.include_sensitive)
    if request.fmt == "csv":
        return _csv(briefing, events, redact, not request.include_sensitive)
    person = sel.person_named(briefing, request.person).name if request.person else None
    one_day = [request.start] if request.start and request.start == request.end else []
    days = group(events, one_day)
    banner = INCLUDED if request.include_sensitive else WITHHELD
    title = sheet_title(briefing, list(days), person)
    if request.fmt == "md":
        return _markdown(briefing, days, redact, title, banner).encode("utf-8")
    if request.fmt == "html":
        return _html(briefing, days, redact, title, banner, person).encode("utf-8")
    from sendtui.exports.sheets_docx import render_docx

    return render_docx(briefing, days, redact, title, banner, person)


# --- what every format shares ----------------------------------------------------------

def group(events: Iterable[SheetEvent], days: Iterable[dt.date] = ()) -> Days:
    """Events by London day, in day order; `days` are shown even when empty."""
    grouped = sel.by_day(events)
    for d in days:
        grouped.setdefault(d, [])
    return dict(sorted(grouped.items()))


def sheet_title(briefing: Briefing, days: list[dt.date], person: str | None = None) -> str:
    when = (day_name(days[0]) if len(days) == 1 else
            f"Day sheets · {span(days[0], days[-1])}" if days else "Day sheets")
    return heading(briefing, when, person)


def heading(briefing: Briefing, when: str, person: str | None = None) -> str:
    parts = [f"{briefing.inspection.local_area} — local area SEND inspection", when, person]
    return " · ".join(x for x in parts if x)


def footer(briefing: Briefing, count: int) -> str:
    return (f"Schedule as of {stamp(briefing.as_of)} · "
            f"{count} event{'' if count == 1 else 's'}")


def no_events(d: dt.date | None) -> str:
    return f"No events on {day_name(d)}." if d else "No events."


def kind_words(e: SheetEvent) -> str:
    return EVENT_KINDS.get(e.kind, (e.kind.replace("-", " ").capitalize(),))[0]


def where_lines(e: SheetEvent) -> list[str]:
    if e.setting:
        return [sel.place(e), e.setting.address]
    return [e.location]


def cells(briefing: Briefing, e: SheetEvent, redact: Redact) -> list[list[str]]:
    """The six columns of a sheet's row, each a list of lines (already redacted)."""
    kind = kind_words(e)  # said only when the title does not say it already
    team = ", ".join(p.name for p in e.people if p.is_team)
    local = ", ".join(p.name for p in sel.hosts(e))
    raw = [
        [sel.times(e)],
        [e.title, "" if e.title.casefold().startswith(kind.casefold()) else kind],
        where_lines(e),
        [team, f"with {local}" if local else ""],
        [sel.setting_contact(e)] + [sel.contact(p) for p in sel.hosts(e)],
        [e.notes] + sel.travel_notes(briefing, e),
    ]
    return [[redact(line) for x in column for line in x.splitlines() if line.strip()]
            for column in raw]


# --- CSV: one row per event -------------------------------------------------------------

def _csv(briefing: Briefing, events: list[SheetEvent], redact: Redact, redacted: bool) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for e in events:
        s, local = e.setting, sel.hosts(e)
        start, end = to_london(e.start), to_london(e.end)
        writer.writerow([safe_cell(redact(x)) for x in (
            f"{start:%Y-%m-%d}", f"{start:%H:%M}", f"{end:%H:%M}", e.title, kind_words(e),
            ", ".join(x for x in (s.name, s.address) if x) if s else e.location,
            s.postcode if s else "",
            "; ".join(p.name for p in e.people if p.is_team),
            "; ".join(p.name for p in local),
            "; ".join(x for x in [sel.setting_contact(e)] + [sel.contact(p) for p in local] if x),
            e.notes, "; ".join(sel.travel_notes(briefing, e)),
            "yes" if redacted else "no")])
    return out.getvalue().encode("utf-8-sig")  # the BOM tells Excel it is UTF-8


# --- Markdown ---------------------------------------------------------------------------

def _markdown(briefing: Briefing, days: Days, redact: Redact, title: str, banner: str) -> str:
    out = [f"# {_md(redact(title))}", "", f"**{banner}**", ""]
    for d, events in days.items():
        out += [f"## {day_name(d)}", ""]
        if events:
            out += ["| " + " | ".join(HEADER) + " |", "|" + " --- |" * len(HEADER)]
            out += ["| " + " | ".join("<br>".join(_md(x) for x in column)
                                     for column in cells(briefing, e, redact)) + " |"
                    for e in events]
        else:
            out.append(no_events(d))
        out += ["", footer(briefing, len(events)), ""]
    if not days:
        out += [no_events(None), ""]
    return sel.markdown_file(out)


def _md(text: str) -> str:
    text = text.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;")
    return " ".join(text.split())


# --- HTML -------------------------------------------------------------------------------

def _html(briefing: Briefing, days: Days, redact: Redact, title: str, banner: str,
          person: str | None) -> str:
    notice = "notice warn" if banner == INCLUDED else "notice"
    body = f'<p class="{notice}">{esc(banner)}</p>\n'
    body += html_days(briefing, days, redact, person=person, level=1) if days else (
        f"<h1>{esc(redact(title))}</h1>\n<p>{no_events(None)}</p>\n")
    return html_page(redact(title), body)


def html_days(briefing: Briefing, events: Iterable[SheetEvent] | Days, redact: Redact, *,
              person: str | None = None, level: int = 2) -> str:
    """Each day's sheet as a `<section class="page">` (one printed page a day). `events`
    may be grouped already (`group`) so that a day with no events still has a sheet."""
    days = events if isinstance(events, dict) else group(events)
    out = []
    for d, evs in days.items():
        out.append(f'<section class="page">\n<h{level}>'
                   f"{esc(redact(heading(briefing, day_name(d), person)))}</h{level}>\n")
        out.append(_html_table(briefing, evs, redact) if evs else f"<p>{no_events(d)}</p>\n")
        out.append(f'<p class="meta">{esc(footer(briefing, len(evs)))}</p>\n</section>\n')
    return "".join(out)


def _html_table(briefing: Briefing, events: list[SheetEvent], redact: Redact) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in HEADER)
    rows = []
    for e in events:
        columns = ["<br>".join(esc(x) for x in column) for column in cells(briefing, e, redact)]
        rows.append('<tr><td style="white-space: nowrap">' + columns[0] + "</td>"
                    + "".join(f"<td>{c}</td>" for c in columns[1:]) + "</tr>\n")
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{''.join(rows)}</tbody>\n</table>\n"


def docx_days(doc, briefing: Briefing, events: Iterable[SheetEvent] | Days, redact: Redact, *,
              person: str | None = None) -> None:
    """Each day's sheet into `doc`: a heading, the table and the footer, a page between."""
    from sendtui.exports.sheets_docx import docx_days as add

    add(doc, briefing, events if isinstance(events, dict) else group(events), redact, person)
