"""Day sheets as a Word document: landscape, a heading and a table a day, a page between."""

from __future__ import annotations

from sendtui.domain.dates import day as day_name
from sendtui.exports import docs
from sendtui.exports.sheets import (
    HEADER,
    Days,
    Redact,
    cells,
    footer,
    heading,
    no_events,
)
from sendtui.records import Briefing


def render_docx(briefing: Briefing, days: Days, redact: Redact, title: str, banner: str,
                person: str | None) -> bytes:
    doc = docs.new_docx(redact(title), briefing.as_of)
    doc.add_paragraph().add_run(banner).bold = True
    if days:
        docx_days(doc, briefing, days, redact, person)
    else:
        docs.docx_heading(doc, redact(title), 1)
        doc.add_paragraph(no_events(None))
    return docs.docx_bytes(doc, briefing.as_of)


def docx_days(doc, briefing: Briefing, days: Days, redact: Redact,
              person: str | None = None) -> None:
    for i, (d, events) in enumerate(days.items()):
        if i:
            doc.add_page_break()
        docs.docx_heading(doc, redact(heading(briefing, day_name(d), person)), 1)
        if events:
            rows = [["\n".join(column) for column in cells(briefing, e, redact)] for e in events]
            docs.docx_table(doc, HEADER, rows)
        else:
            doc.add_paragraph(no_events(d))
        doc.add_paragraph(footer(briefing, len(events)))
