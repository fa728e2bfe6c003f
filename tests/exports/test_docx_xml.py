"""The DOCX headings, paragraphs and table rows sendtui writes with lxml are the XML python-docx writes."""

import datetime as dt

import pytest
from lxml import etree

from sendtui.exports import docs

AS_OF = dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc)
TEXTS = ["plain", "", " leading space", "trailing space ", "a\ttab", "two\nlines\r\nthree",
         "<&> \"quoted\"", "«CAMHS» · CYP-03", "\n"]


def test_headings_paragraphs_and_tables_are_what_python_docx_writes():
    slow, fast = docs.new_docx("t", AS_OF), docs.new_docx("t", AS_OF)
    for level, text in enumerate(TEXTS):
        slow.add_heading(text, level % 4)
        docs.docx_heading(fast, text, level % 4)
        p = slow.add_paragraph()
        p.add_run(text).bold = True
        p.add_run("\n" + text)
        slow.add_paragraph().add_run(text).italic = True
        docs.docx_paragraph(fast, (text, "bold"), ("\n" + text, ""))
        docs.docx_paragraph(fast, (text, "italic"))
    header, rows = ["A", "B", "C"], [TEXTS[i:i + 3] for i in range(0, len(TEXTS), 3)] + [["x"]]
    table = slow.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header):
        cell.text = ""
        cell.paragraphs[0].add_run(text).bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    docs.docx_table(fast, header, rows)
    assert etree.tostring(fast.element.body) == etree.tostring(slow.element.body)
    assert [p.text for p in fast.paragraphs] == [p.text for p in slow.paragraphs]


def test_a_control_character_is_refused_as_python_docx_refuses_it():
    with pytest.raises(ValueError, match="XML compatible"):
        docs.docx_paragraph(docs.new_docx("t", AS_OF), ("bell\x07", ""))
    with pytest.raises(ValueError, match="XML compatible"):
        docs.new_docx("t", AS_OF).add_paragraph("bell\x07")
