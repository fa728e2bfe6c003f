"""The plan after the report (DOCX, CSV) and its progress on one page (Markdown; the DOCX's
first page too): each weakness in the framework's words with its actions (owner, due,
status, RAG), the team's own actions, the plan's versions and the report-backs to scrutiny.

The CSV holds the same data as the DOCX, one row per weakness, action, plan version and
report-back. Every typed text goes through `redact`; overdue is counted at the plan's `now`
(09:00 on the day of the export), so the same data on the same day gives the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from sendtui.domain import actions as act
from sendtui.domain import plan as rules
from sendtui.domain.dates import stamp
from sendtui.domain.redaction import Redact
from sendtui.exports import ExportRequest, docs
from sendtui.exports.selection import markdown_file, redaction_notice
from sendtui.exports.spreadsheet import safe_row
from sendtui.records import Briefing
from sendtui.records.plan import ActionRecord, PlanRecord

TEAM = "Team actions"
PROGRESS_HEADER = ["Weakness", "Done", "Red", "Amber", "Green", "Overdue", "Verdict"]
ACTION_HEADER = ["Action", "Owner", "Due", "Status", "RAG", "From"]
VERSION_HEADER = ["Plan", "Version", "Submitted", "Fitness decision", "Resubmitted", "Notes"]
REPORT_HEADER = ["Date", "To", "Notes"]
CSV_HEADER = ["record", "weakness", "text", "owner", "due", "status", "rag", "source",
              "overdue", "date", "decision", "resubmitted", "notes", "redacted"]


def render(briefing: Briefing, request: ExportRequest) -> bytes:
    redact = briefing.redaction(request.include_sensitive)
    plan = briefing.plan or PlanRecord(briefing.inspection.framework)
    if request.fmt == "csv":
        return _csv(plan, redact, "no" if request.include_sensitive else "yes")
    if request.fmt == "docx":
        return _docx(briefing, plan, request, redact)
    return _markdown(briefing, plan, request, redact).encode("utf-8")


def title(briefing: Briefing) -> str:
    return f"{briefing.inspection.local_area} — the plan after the report"


def as_of_line(briefing: Briefing, plan: PlanRecord) -> str:
    counted = f" · overdue as at {stamp(plan.now)}" if plan.now else ""
    return f"As of {stamp(briefing.as_of)}{counted}"


def _day(d: dt.date | None) -> str:
    return d.isoformat() if d else ""


def heading(plan: PlanRecord, w) -> str:
    return f"{rules.weakness_label(plan.framework, w.kind)}: {w.title}"


def progress_rows(plan: PlanRecord, redact: Redact) -> list[list[str]]:
    """Per weakness, then the team's actions: done/total, RAG counts, overdue, verdict."""
    groups = [(redact(heading(plan, w)), list(w.actions), rules.VERDICTS.get(w.verdict, ""))
              for w in plan.weaknesses]
    if plan.team_actions:
        groups.append((TEAM, list(plan.team_actions), ""))
    rows = []
    for name, listed, verdict in groups:
        p = act.progress(listed, plan.now) if plan.now else act.progress(listed, _never())
        rows.append([name, f"{p.done}/{p.total}", str(p.rag["red"]), str(p.rag["amber"]),
                     str(p.rag["green"]), str(p.overdue), verdict])
    return rows


def _never() -> dt.datetime:
    return dt.datetime.min.replace(tzinfo=dt.timezone.utc)


def version_rows(plan: PlanRecord, redact: Redact) -> list[list[str]]:
    return [[rules.PLAN_KINDS.get(v.kind, v.kind), redact(v.version), _day(v.submitted_on),
             _decision(v), _day(v.resubmitted_on), redact(" ".join(v.notes.split()))]
            for v in plan.versions]


def _decision(v) -> str:
    words = rules.fitness_words(v.decided_on, v.fit)
    return f"{words} ({_day(v.decided_on)})" if v.decided_on else words


def report_rows(plan: PlanRecord, redact: Redact) -> list[list[str]]:
    return [[_day(r.on), redact(r.to), redact(" ".join(r.notes.split()))]
            for r in plan.report_backs]


def action_cells(a: ActionRecord, plan: PlanRecord, redact: Redact) -> list[str]:
    status = act.STATUSES.get(a.status, a.status)
    if plan.now and act.is_overdue(a, plan.now):
        status += " (overdue)"
    source = "" if a.source == "weakness" else redact(a.source_title)
    return [redact(a.text), redact(a.owner), act.format_due(a.due_at), status,
            act.RAGS.get(a.rag, ""), source]


def sections(plan: PlanRecord) -> list[tuple[object, tuple[ActionRecord, ...]]]:
    """(weakness or None for the team's, its actions) in the plan's order."""
    out = [(w, w.actions) for w in plan.weaknesses]
    return out + ([(None, plan.team_actions)] if plan.team_actions else [])


# --- the one-page progress summary (Markdown) -----------------------------------------------

def _markdown(briefing: Briefing, plan: PlanRecord, request: ExportRequest,
              redact: Redact) -> str:
    out = [f"# {title(briefing)}: progress", "", as_of_line(briefing, plan), "",
           f"**{redaction_notice(request.include_sensitive)}**", "", "## Progress", ""]
    out += _md_table(PROGRESS_HEADER, progress_rows(plan, redact))
    if plan.versions:
        out += ["", "## Versions of the plan", ""]
        out += _md_table(VERSION_HEADER, version_rows(plan, redact))
    if plan.report_backs:
        out += ["", "## Report-backs to scrutiny", ""]
        out += _md_table(REPORT_HEADER, report_rows(plan, redact))
    return markdown_file(out)


def _md_table(header: list[str], rows: list[list[str]]) -> list[str]:
    if not rows:
        return ["None yet."]
    return [_md_row(header), "|" + "---|" * len(header), *(_md_row(r) for r in rows)]


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(" ".join(c.split()).replace("|", "\\|") for c in cells) + " |"


# --- CSV: the same data as the DOCX --------------------------------------------------------

def _csv(plan: PlanRecord, redact: Redact, redacted: str) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for w, listed in sections(plan):
        name = redact(heading(plan, w)) if w else TEAM
        if w:
            writer.writerow(safe_row(["weakness", name, "", "", "", "", "", "", "",
                                      _day(w.verdict_on), rules.VERDICTS.get(w.verdict, ""),
                                      "", "", redacted]))
        for a in listed:
            text, owner, due, _, rag, source = action_cells(a, plan, redact)
            overdue = "yes" if plan.now and act.is_overdue(a, plan.now) else "no"
            writer.writerow(safe_row(["action", name, text, owner, due,
                                      act.STATUSES.get(a.status, a.status), rag, source,
                                      overdue, "", "", "", "", redacted]))
    for kind, version, submitted, decision, resubmitted, notes in version_rows(plan, redact):
        writer.writerow(safe_row(["plan version", "", f"{kind} version {version}", "", "", "",
                                  "", "", "", submitted, decision, resubmitted, notes,
                                  redacted]))
    for on, to, notes in report_rows(plan, redact):
        writer.writerow(safe_row(["report-back", "", to, "", "", "", "", "", "", on, "", "",
                                  notes, redacted]))
    return buf.getvalue().encode("utf-8-sig")


# --- DOCX: the progress on its first page, then the whole plan -----------------------------

def _docx(briefing: Briefing, plan: PlanRecord, request: ExportRequest,
          redact: Redact) -> bytes:
    doc = docs.new_docx(title(briefing), briefing.as_of)
    docs.docx_heading(doc, title(briefing), 0)
    doc.add_paragraph(as_of_line(briefing, plan))
    doc.add_paragraph().add_run(redaction_notice(request.include_sensitive)).bold = True
    docs.docx_heading(doc, "Progress", 1)
    _table_or_none(doc, PROGRESS_HEADER, progress_rows(plan, redact))
    docs.docx_heading(doc, "Versions of the plan", 1)
    _table_or_none(doc, VERSION_HEADER, version_rows(plan, redact))
    docs.docx_heading(doc, "Report-backs to scrutiny", 1)
    _table_or_none(doc, REPORT_HEADER, report_rows(plan, redact))
    doc.add_page_break()
    docs.docx_heading(doc, "Actions", 1)
    if not plan.weaknesses and not plan.team_actions:
        doc.add_paragraph("None yet.")
    for w, listed in sections(plan):
        docs.docx_heading(doc, redact(heading(plan, w)) if w else TEAM, 2)
        if w and w.verdict:
            docs.docx_paragraph(doc, (f"{rules.VERDICTS[w.verdict]} ({_day(w.verdict_on)})",
                                      "italic"))
        _table_or_none(doc, ACTION_HEADER, [action_cells(a, plan, redact) for a in listed])
    return docs.docx_bytes(doc, briefing.as_of)


def _table_or_none(doc, header: list[str], rows: list[list[str]]) -> None:
    if rows:
        docs.docx_table(doc, header, rows)
    else:
        doc.add_paragraph("None yet.")
