"""The evidence summary (Markdown, CSV, DOCX): the triangulation table, the thin lines, then
each line of enquiry's findings (how secure, what contradicts them) and entries oldest first.
The CSV has one row per entry, with the findings it backs or contradicts.

Every piece of typed text, the case reference included, goes through `redact`: the
briefing's redactor (which knows every case reference in the evidence) or, when the user
opts in to sensitive data, nothing.
"""

from __future__ import annotations

import csv
import io

from docx.shared import Emu, Pt

from sendtui.domain import findings as rules
from sendtui.domain import triangulation as tri
from sendtui.domain.clock import format_london, when
from sendtui.domain.dates import stamp
from sendtui.domain.kinds import JUDGEMENTS, SOURCE_KINDS
from sendtui.domain.redaction import Redact
from sendtui.exports import ExportRequest, docs
from sendtui.exports.selection import markdown_file, redaction_notice
from sendtui.exports.spreadsheet import safe_row
from sendtui.records import Briefing, EvidenceRecord
from sendtui.records.findings import FindingRecord

HEADER = ["Code", "Line of enquiry", *SOURCE_KINDS.values(), "Kinds", "Status"]
CSV_HEADER = ["line", "line_title", "line_status", "at", "source", "setting", "judgement",
              "author", "text", "case_ref", "findings", "redacted"]
NO_EVIDENCE = "No evidence yet."
REMOVED = "(line removed)"


def render(briefing: Briefing, request: ExportRequest) -> bytes:
    redact = briefing.redaction(request.include_sensitive)
    if request.fmt == "csv":
        return _csv(briefing, redact, "no" if request.include_sensitive else "yes")
    if request.fmt == "docx":
        return _docx(briefing, request, redact)
    return _markdown(briefing, request, redact).encode("utf-8")


def title(briefing: Briefing) -> str:
    return f"{briefing.inspection.local_area} — evidence summary"


def as_of_line(briefing: Briefing) -> str:
    n = len(briefing.evidence)
    return (f"As of {stamp(briefing.as_of)} · {n} entr{'y' if n == 1 else 'ies'} · triangulated at "
            f"{briefing.threshold} source kinds")


def table_rows(briefing: Briefing, redact: Redact) -> list[list[str]]:
    """The triangulation table: counts per source kind ('·' for none, as on screen)."""
    return [[line.code, redact(line.title),
             *(str(line.by_source[k]) if line.by_source.get(k) else "·" for k in SOURCE_KINDS),
             str(tri.kinds(line.by_source)), tri.status(line.by_source, briefing.threshold)]
            for line in briefing.lines]


def thin_lines(briefing: Briefing) -> str:
    """The lines not yet triangulated, those without evidence first."""
    thin = [f"{line.code} ({tri.status(line.by_source, briefing.threshold)})"
            for line in tri.attention_order(briefing.lines, briefing.threshold)
            if tri.status(line.by_source, briefing.threshold) != tri.Status.TRIANGULATED]
    lead = f"Thin lines (fewer than {briefing.threshold} source kinds): "
    return lead + (", ".join(thin) if thin else "none, every line is triangulated")


def sections(briefing: Briefing) -> list[tuple[str, str, str, list[EvidenceRecord]]]:
    """(code, title, status in words, entries oldest first) per line in framework order;
    entries filed under a line since removed come last."""
    # the store orders by time only: text and id settle ties, so the bytes never vary
    ordered = sorted(briefing.evidence, key=lambda e: (e.at, e.source, e.text, e.id))
    by_line: dict[str, list[EvidenceRecord]] = {}
    for e in ordered:
        by_line.setdefault(e.line_code, []).append(e)
    out = []
    for line in briefing.lines:
        entries = by_line.pop(line.code, [])
        out.append((line.code, line.title, _status_words(line.by_source, len(entries),
                                                         briefing.threshold), entries))
    for code, entries in by_line.items():
        out.append((code, REMOVED, f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}",
                    entries))
    return out


def _status_words(by_source: dict[str, int], n: int, threshold: int) -> str:
    if not n:
        return NO_EVIDENCE
    kinds = tri.kinds(by_source)
    words = (f"{tri.status(by_source, threshold).capitalize()}: {n} entr{'y' if n == 1 else 'ies'}"
             f" from {kinds} source kind{'s' if kinds != 1 else ''}")
    missing = threshold - kinds
    return words + (f" — {missing} more kind{'s' if missing != 1 else ''} to triangulate"
                    if missing > 0 else "")


def findings_on(briefing: Briefing, code: str) -> list[FindingRecord]:
    return [f for f in briefing.findings if f.line_code == code]


def finding_head(f: FindingRecord, threshold: int) -> str:
    """Polarity, security in words, backing and contradictions: one line, no stored text."""
    n, kinds = len(f.backing), len(set(f.sources))
    head = (f"{JUDGEMENTS.get(f.polarity, f.polarity)} · {rules.security(f.sources, threshold)}"
            f": {n} entr{'y' if n == 1 else 'ies'} from {kinds} source "
            f"kind{'' if kinds == 1 else 's'}")
    against = len(f.contradicting)
    return head + (f" · {against} contradicting" if against else "")


def against(e: EvidenceRecord, redact: Redact) -> str:
    """A contradicting entry on one line: its meta and its text."""
    return f"Contradicting: {meta(e, redact)} — {' '.join(redact(e.text).split())}"


def meta(e: EvidenceRecord, redact: Redact) -> str:
    """When, source, setting, judgement, author and case reference, as one line."""
    ref = redact(e.case_ref)
    parts = [when(e.at), SOURCE_KINDS.get(e.source, e.source), redact(e.setting_name),
             JUDGEMENTS.get(e.judgement or "", e.judgement or ""), redact(e.author),
             f"case ref {ref}" if ref and ref == e.case_ref else ref]
    return " · ".join(p for p in parts if p)


def _markdown(briefing: Briefing, request: ExportRequest, redact: Redact) -> str:
    out = [f"# {title(briefing)}", "", as_of_line(briefing), "",
           f"**{redaction_notice(request.include_sensitive)}**", "", "## Triangulation", "",
           _md_row(HEADER), "|" + "---|" * len(HEADER)]
    out += [_md_row(row) for row in table_rows(briefing, redact)]
    out += ["", thin_lines(briefing), "", "## Evidence by line of enquiry"]
    for code, line_title, status, entries in sections(briefing):
        out += ["", f"### {code} — {redact(line_title)}", "", status]
        out += _md_findings(briefing, code, redact)
        for e in entries:
            text = "\n".join(f"  {x}" if x.strip() else "" for x in redact(e.text).splitlines())
            out += ["", f"- {meta(e, redact)}", "", text]
    return markdown_file(out)


def _md_findings(briefing: Briefing, code: str, redact: Redact) -> list[str]:
    found = findings_on(briefing, code)
    out = ["", "#### Findings"] if found else []
    for f in found:
        statement = " ".join(redact(f.text).split())
        out += ["", f"- **{finding_head(f, briefing.threshold)}**", f"  {statement}"]
        out += [f"  - {against(e, redact)}" for e in f.contradicting]
    return out + (["", "#### Entries"] if found else [])


def _md_row(cells: list[str]) -> str:
    return "| " + " | ".join(" ".join(c.split()).replace("|", "\\|") for c in cells) + " |"


def _csv(briefing: Briefing, redact: Redact, redacted: str) -> bytes:
    """One row per entry; the line's triangulation status rides along on each row, and
    `redacted` (as in the day sheets) stands in for the notice a CSV has no place for."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    roles = _finding_roles(briefing, redact)
    for code, line_title, _, entries in sections(briefing):
        line = next((x for x in briefing.lines if x.code == code), None)
        status = tri.status(line.by_source, briefing.threshold) if line else ""
        for e in entries:
            writer.writerow(safe_row([
                code, redact(line_title), status, format_london(e.at),
                SOURCE_KINDS.get(e.source, e.source), redact(e.setting_name),
                JUDGEMENTS.get(e.judgement or "", e.judgement or ""),
                redact(e.author), redact(e.text), redact(e.case_ref),
                "; ".join(roles.get(e.id, ())), redacted]))
    return buf.getvalue().encode("utf-8-sig")


def _finding_roles(briefing: Briefing, redact: Redact) -> dict[str, list[str]]:
    """Per entry: "backs: <finding> (<security>)" and "contradicts: <finding>"."""
    roles: dict[str, list[str]] = {}
    for f in briefing.findings:
        head = redact(" ".join(f.text.split()))
        for e in f.backing:
            roles.setdefault(e.id, []).append(f"backs: {head} ({f.security})")
        for e in f.contradicting:
            roles.setdefault(e.id, []).append(f"contradicts: {head}")
    return roles


def html_summary(briefing: Briefing, redact: Redact) -> str:
    """For the briefing pack: the triangulation table, the thin lines and each line's entries
    (headings h2 and h3)."""
    esc = docs.esc
    out = ["<h2>Triangulation</h2>\n", docs.html_table(HEADER, table_rows(briefing, redact)),
           f"<p>{esc(thin_lines(briefing))}</p>\n<h2>Evidence by line of enquiry</h2>\n"]
    for code, line_title, status, entries in sections(briefing):
        out.append(f"<h3>{esc(code)} — {esc(redact(line_title))}</h3>\n"
                   f"<p class=\"meta\">{esc(status)}</p>\n")
        out.append(_html_findings(briefing, code, redact))
        items = "".join(f"<li><span class=\"meta\">{esc(meta(e, redact))}</span><br>"
                        f"{esc(redact(e.text)).replace(chr(10), '<br>')}</li>\n"
                        for e in entries)
        out.append(f"<ul>\n{items}</ul>\n" if items else "")
    return "".join(out)


def _html_findings(briefing: Briefing, code: str, redact: Redact) -> str:
    esc = docs.esc
    items = []
    for f in findings_on(briefing, code):
        contra = "".join(f"<li>{esc(against(e, redact))}</li>\n" for e in f.contradicting)
        items.append(f"<li><span class=\"meta\">{esc(finding_head(f, briefing.threshold))}"
                     f"</span><br>{esc(' '.join(redact(f.text).split()))}"
                     + (f"\n<ul>\n{contra}</ul>" if contra else "") + "</li>\n")
    return f"<h4>Findings</h4>\n<ul>\n{''.join(items)}</ul>\n" if items else ""


def docx_summary(doc, briefing: Briefing, redact: Redact, level: int = 2) -> None:
    """For the briefing pack (and this export, at level 1): the same as `html_summary`."""
    docs.docx_heading(doc, "Triangulation", level)
    _fit(doc, docs.docx_table(doc, HEADER, table_rows(briefing, redact)))
    doc.add_paragraph(thin_lines(briefing))
    docs.docx_heading(doc, "Evidence by line of enquiry", level)
    for code, line_title, status, entries in sections(briefing):
        docs.docx_heading(doc, f"{code} — {redact(line_title)}", level + 1)
        docs.docx_paragraph(doc, (status, "italic"))
        for f in findings_on(briefing, code):
            docs.docx_paragraph(doc, ("Finding: " + finding_head(f, briefing.threshold), "bold"),
                                ("\n" + " ".join(redact(f.text).split()), ""))
            for e in f.contradicting:
                docs.docx_paragraph(doc, (against(e, redact), "italic"))
        for e in entries:
            docs.docx_paragraph(doc, (meta(e, redact), "bold"), ("\n" + redact(e.text), ""))


def _fit(doc, table) -> None:
    """Narrow count columns and a wide title, in 8 point: 12 columns share the page."""
    section = doc.sections[-1]
    usable = section.page_width - section.left_margin - section.right_margin
    weights = [2, 6, *[2] * len(SOURCE_KINDS), 2, 3]
    widths = [Emu(usable * weight // sum(weights)) for weight in weights]
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:  # row by row: column.cells re-reads the whole table each time
        for cell, width in zip(row.cells, widths):
            cell.width = width
            for run in (r for p in cell.paragraphs for r in p.runs):
                run.font.size = Pt(8)


def _docx(briefing: Briefing, request: ExportRequest, redact: Redact) -> bytes:
    doc = docs.new_docx(title(briefing), briefing.as_of)
    docs.docx_heading(doc, title(briefing), 0)
    doc.add_paragraph(as_of_line(briefing))
    doc.add_paragraph().add_run(redaction_notice(request.include_sensitive)).bold = True
    docx_summary(doc, briefing, redact, level=1)
    return docs.docx_bytes(doc, briefing.as_of)
