"""The briefing pack (HTML and DOCX): key dates, the week at a glance, the outstanding
problems from the checks, the outstanding requests and actions per owner, each day's sheet
and the evidence summary."""

from __future__ import annotations

from sendtui.domain.dates import clock, span, stamp
from sendtui.domain.dates import day as day_name
from sendtui.exports import ExportRequest, evidence_summary, pack_outstanding, sheets
from sendtui.exports.docs import (
    docx_bytes,
    docx_heading,
    docx_table,
    esc,
    html_page,
    html_table,
    new_docx,
)
from sendtui.exports.selection import events_for, redaction_notice
from sendtui.records import Briefing

SEVERITY = {"error": "Error", "warning": "Warning", "info": "Note"}
GLANCE = ["Day", "Events", "Settings visited", "Team"]
NO_PROBLEMS = "The checks find no problem in the schedule."


def render(briefing: Briefing, request: ExportRequest) -> bytes:
    redact = briefing.redaction(request.include_sensitive)
    # the chosen day has a sheet even when it has no events; the glance is the whole week
    days = sheets.group(events_for(briefing, request), [request.start] if request.start else [])
    week = sheets.group(events_for(briefing, ExportRequest("pack", request.fmt)),
                        briefing.on_site_days)
    if request.fmt == "html":
        return _html(briefing, request, days, week, redact).encode("utf-8")
    return _docx(briefing, request, days, week, redact)


def title(briefing: Briefing) -> str:
    return f"{briefing.inspection.local_area} — local area SEND inspection: briefing pack"


def as_of(briefing: Briefing) -> str:
    return f"As of {stamp(briefing.as_of)}"


def key_date_rows(briefing: Briefing) -> list[list[str]]:
    return [[k.label, span(k.date, k.end)] for k in briefing.key_dates]


def glance_rows(week: sheets.Days, redact) -> list[list[str]]:
    """A row per day: how many events and when, the settings visited, the team out."""
    rows = []
    for d, events in week.items():
        visits = sorted({e.setting.name for e in events if e.setting})
        team = sorted({p.name for e in events for p in e.people if p.is_team})
        count = f"{len(events)} event{'' if len(events) == 1 else 's'}"
        if events:
            first, last = min(e.start for e in events), max(e.end for e in events)
            count += f", {clock(first)}–{clock(last)}"
        rows.append([day_name(d), count, redact("; ".join(visits)) or "—",
                     ", ".join(team) or "—"])
    return rows


def problem_rows(briefing: Briefing, redact) -> list[list[str]]:
    return [[SEVERITY.get(p.severity, p.severity), redact(p.message)]
            for p in briefing.problems]


def _html(briefing, request, days, week, redact) -> str:
    notice = "notice warn" if request.include_sensitive else "notice"
    problems = problem_rows(briefing, redact)
    parts = [f"<section class=\"page\">\n<h1>{esc(title(briefing))}</h1>\n",
             f"<p class=\"meta\">{esc(as_of(briefing))}</p>\n",
             f"<p class=\"{notice}\">{esc(redaction_notice(request.include_sensitive))}</p>\n",
             "<h2>Key dates</h2>\n", html_table(["Key date", "When"], key_date_rows(briefing)),
             "<h2>The week at a glance</h2>\n", html_table(GLANCE, glance_rows(week, redact)),
             "<h2>Outstanding problems</h2>\n",
             html_table(["Severity", "Problem"], problems) if problems
             else f"<p>{esc(NO_PROBLEMS)}</p>\n",
             "</section>\n",
             pack_outstanding.html_section(briefing, redact),
             sheets.html_days(briefing, days, redact),
             "<section class=\"page\">\n<h1>Evidence summary</h1>\n",
             evidence_summary.html_summary(briefing, redact),
             "</section>\n"]
    return html_page(title(briefing), "".join(parts))


def _docx(briefing, request, days, week, redact) -> bytes:
    doc = new_docx(title(briefing), briefing.as_of)
    docx_heading(doc, title(briefing), 0)
    doc.add_paragraph(as_of(briefing))
    doc.add_paragraph().add_run(redaction_notice(request.include_sensitive)).bold = True
    docx_heading(doc, "Key dates", 1)
    docx_table(doc, ["Key date", "When"], key_date_rows(briefing))
    docx_heading(doc, "The week at a glance", 1)
    docx_table(doc, GLANCE, glance_rows(week, redact))
    docx_heading(doc, "Outstanding problems", 1)
    problems = problem_rows(briefing, redact)
    if problems:
        docx_table(doc, ["Severity", "Problem"], problems)
    else:
        doc.add_paragraph(NO_PROBLEMS)
    doc.add_page_break()
    pack_outstanding.docx_section(doc, briefing, redact)
    doc.add_page_break()
    sheets.docx_days(doc, briefing, days, redact)
    doc.add_page_break()
    docx_heading(doc, "Evidence summary", 1)
    evidence_summary.docx_summary(doc, briefing, redact)
    return docx_bytes(doc, briefing.as_of)
