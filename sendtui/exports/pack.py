"""The briefing pack (HTML and DOCX): key dates, the week at a glance, each day's sheet, the
outstanding problems from the checks, and the evidence summary."""

from __future__ import annotations

from sendtui.domain.kinds import event_kind_label
from sendtui.exports import ExportRequest, evidence_summary, sheets
from sendtui.exports.docs import docx_bytes, docx_table, esc, html_page, new_docx
from sendtui.exports.selection import by_day, events_for, place, redaction_notice
from sendtui.store.briefing import Briefing
from sendtui.domain.dates import clock, day, span, when

SEVERITY = {"error": "Error", "warning": "Warning", "info": "Note"}


def render(briefing: Briefing, request: ExportRequest) -> bytes:
    redact = (lambda text: text or "") if request.include_sensitive else briefing.redactor.redact
    days = events_for(briefing, request)
    week = events_for(briefing, ExportRequest("pack", request.fmt))
    if request.fmt == "html":
        return _html(briefing, request, days, week, redact).encode("utf-8")
    return _docx(briefing, request, days, week, redact)


def title(briefing: Briefing) -> str:
    return f"{briefing.inspection.local_area} — local area SEND inspection: briefing pack"


def key_date_rows(briefing: Briefing) -> list[list[str]]:
    return [[k.label, span(k.date, k.end)] for k in briefing.key_dates]


def glance_rows(briefing: Briefing, week, redact) -> list[list[str]]:
    """A row per day: how many events, the settings visited, the team out and about."""
    rows = []
    for d, events in by_day(week).items():
        visits = sorted({e.setting.name for e in events if e.setting})
        team = sorted({p.name for e in events for p in e.people if p.is_team})
        first, last = min(e.start for e in events), max(e.end for e in events)
        rows.append([day(d), f"{len(events)} ({clock(first)}–{clock(last)})",
                     redact("; ".join(visits)) or "—", ", ".join(team)])
    return rows


def problem_rows(briefing: Briefing, redact) -> list[list[str]]:
    return [[SEVERITY.get(p.severity, p.severity), redact(p.message)]
            for p in briefing.problems]


GLANCE = ["Day", "Events", "Settings visited", "Team"]


def _html(briefing, request, days, week, redact) -> str:
    parts = [f"<section class=\"page\">\n<h1>{esc(title(briefing))}</h1>\n",
             f"<p class=\"meta\">As of {esc(when(briefing.as_of))}</p>\n",
             f"<p class=\"notice\">{esc(redaction_notice(request.include_sensitive))}</p>\n",
             "<h2>Key dates</h2>\n", _html_table(["Key date", "When"], key_date_rows(briefing)),
             "<h2>The week at a glance</h2>\n", _html_table(GLANCE, glance_rows(briefing, week, redact)),
             "<h2>Outstanding problems</h2>\n"]
    problems = problem_rows(briefing, redact)
    parts.append(_html_table(["Severity", "Problem"], problems) if problems
                 else "<p>The checks find no problem in the schedule.</p>\n")
    parts.append("</section>\n")
    parts.append(sheets.html_days(briefing, days, redact))
    parts.append("<section class=\"page\">\n<h1>Evidence summary</h1>\n")
    parts.append(evidence_summary.html_summary(briefing, redact))
    parts.append("</section>\n")
    return html_page(title(briefing), "".join(parts))


def _html_table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>\n"
                   for row in rows)
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}</tbody>\n</table>\n"


def _docx(briefing, request, days, week, redact) -> bytes:
    doc = new_docx(title(briefing), briefing.as_of)
    doc.add_heading(title(briefing), 0)
    doc.add_paragraph(f"As of {when(briefing.as_of)}")
    doc.add_paragraph().add_run(redaction_notice(request.include_sensitive)).bold = True
    doc.add_heading("Key dates", 1)
    docx_table(doc, ["Key date", "When"], key_date_rows(briefing))
    doc.add_heading("The week at a glance", 1)
    docx_table(doc, GLANCE, glance_rows(briefing, week, redact))
    doc.add_heading("Outstanding problems", 1)
    problems = problem_rows(briefing, redact)
    if problems:
        docx_table(doc, ["Severity", "Problem"], problems)
    else:
        doc.add_paragraph("The checks find no problem in the schedule.")
    doc.add_page_break()
    sheets.docx_days(doc, briefing, days, redact)
    doc.add_page_break()
    doc.add_heading("Evidence summary", 1)
    evidence_summary.docx_summary(doc, briefing, redact)
    return docx_bytes(doc, briefing.as_of)
