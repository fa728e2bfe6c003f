"""The evidence summary: golden files, the DOCX triangulation table, redaction, same bytes."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import replace

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from sendtui.domain.redaction import Protected, Redactor
from sendtui.exports import ExportRequest, evidence_summary, render
from sendtui.store import inspections, lines
from sendtui.store.briefing import gather
from tests.conftest import DEMO_TODAY, ROOT
from tests.exports.conftest import docx_text, matches_golden
from tests.exports.stable import stable_briefing

DEMO_EVIDENCE = ROOT / "db" / "demo" / "evidence.csv"
WITHHELD = "Names marked sensitive and case references are withheld."
INCLUDED = "CONTAINS SENSITIVE DATA"


def demo_rows() -> list[dict]:
    with DEMO_EVIDENCE.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


CASE_REFS = sorted({r["case_ref"] for r in demo_rows() if r["case_ref"]})


def export(briefing, fmt: str, include_sensitive: bool = False) -> bytes:
    return render(briefing, ExportRequest("evidence", fmt, include_sensitive=include_sensitive))


def as_text(briefing, fmt: str, include_sensitive: bool = False) -> str:
    data = export(briefing, fmt, include_sensitive)
    return docx_text(data, every_part=True) if fmt == "docx" else data.decode("utf-8-sig")


def top(briefing, fmt: str, include_sensitive: bool = False) -> str:
    """The first lines a reader sees (title, as-of line, notice)."""
    data = export(briefing, fmt, include_sensitive)
    if fmt == "docx":
        return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs[:3])
    return "\n".join(data.decode("utf-8").splitlines()[:5])


def test_demo_has_what_the_redaction_tests_rely_on():
    rows = demo_rows()
    assert len(CASE_REFS) == 8 and {"EHC-2291", "EHC-2318", "EHC-3107"} <= set(CASE_REFS)
    assert sum("Jamie Holt" in r["text"] for r in rows) == 1


@pytest.mark.parametrize("name", ["evidence.md", "evidence.csv"])
def test_golden(briefing, name):
    assert matches_golden(name, export(briefing, name.rsplit(".", 1)[1])), f"{name} differs"


def test_markdown_reads_top_down(briefing):
    md = export(briefing, "md").decode("utf-8")
    lines = md.splitlines()
    assert lines[0] == "# Wealdshire — evidence summary"
    assert lines[2] == ("As of Wed 25 Nov 2026 12:00 · 60 entries · triangulated at 3 source"
                        " kinds")
    assert lines[4] == f"**{WITHHELD}**"
    assert "Thin lines (fewer than 3 source kinds): A3 (corroborated), A4 (corroborated), " \
           "C2 (corroborated), C3 (corroborated)" in lines
    headings = [x for x in lines if x.startswith("### ")]
    assert [h.split()[1] for h in headings] == [line.code for line in briefing.lines]


def test_line_without_evidence_and_thin_lines_first(demo_store, briefing):
    ins = inspections.find(demo_store, None)
    lines.add(demo_store, ins.id, "X1", "Out-of-area placements | 19-25")
    b = stable_briefing(gather(demo_store, ins.id, DEMO_TODAY))
    md = export(b, "md").decode("utf-8")
    assert "### X1 — Out-of-area placements | 19-25\n\nNo evidence yet.\n" in md
    assert "| X1 | Out-of-area placements \\| 19-25 | · |" in md
    assert "source kinds): X1 (no evidence), A3 (corroborated)," in md


def test_entries_oldest_first_within_a_line(briefing):
    md = export(briefing, "md").decode("utf-8")
    b4 = md.split("### B4 —")[1].split("### B5 —")[0]
    stamps = re.findall(r"^- \w{3} (\d+) (\w{3}) (\d\d:\d\d)", b4, re.M)
    assert len(stamps) == 11
    order = {"Nov": 11, "Dec": 12}
    keys = [(order[m], int(d), t) for d, m, t in stamps]
    assert keys == sorted(keys)


def test_docx_triangulation_table(briefing):
    doc = docx.Document(io.BytesIO(export(briefing, "docx")))
    table = doc.tables[0]
    header = [c.text for c in table.rows[0].cells]
    assert header == ["Code", "Line of enquiry", "Document", "Meeting", "Focus group", "Visit",
                      "Case file", "Webinar", "Survey", "Data", "Tracking",
                      "Written submission", "Kinds", "Status"]
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows[1:]}
    assert list(rows) == [line.code for line in briefing.lines]
    expected = Counter(r["source"] for r in demo_rows() if r["line"] == "B4")
    slugs = ["document", "meeting", "focus-group", "visit", "case-file", "webinar", "survey",
             "data", "tracking", "written-submission"]
    b4 = rows["B4"]
    assert b4[2:12] == [str(expected[s]) if expected[s] else "·" for s in slugs]
    assert b4[12] == str(len(expected)) and b4[13] == "triangulated"
    assert rows["A3"][13] == "corroborated"
    assert doc.paragraphs[0].text == "Wealdshire — evidence summary"


@pytest.mark.parametrize("fmt", ["md", "csv", "docx"])
def test_redacted_by_default(briefing, fmt):
    text = as_text(briefing, fmt)
    low = text.casefold()
    for ref in CASE_REFS:
        assert ref.casefold() not in low
    assert "jamie holt" not in low and "priya sandhu" not in low
    assert "CYP-03's child-in-need plan" in text
    assert "[case ref withheld]" in text
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {r["redacted"] for r in rows} == {"yes"}
    else:
        assert WITHHELD in top(briefing, fmt) and INCLUDED not in text


@pytest.mark.parametrize("fmt", ["md", "csv", "docx"])
def test_sensitive_on_request(briefing, fmt):
    text = as_text(briefing, fmt, include_sensitive=True)
    for ref in CASE_REFS:
        assert ref in text
    assert "Jamie Holt's child-in-need plan" in text
    assert "[case ref withheld]" not in text
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {r["redacted"] for r in rows} == {"no"}
        assert sorted(r["case_ref"] for r in rows if r["case_ref"]) == CASE_REFS
    else:
        assert INCLUDED in top(briefing, fmt, True) and WITHHELD not in text


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.text(min_size=1, max_size=20).filter(
    lambda t: any(c.isalpha() for c in t) and t.strip() == t))
def test_marked_name_never_in_markdown(briefing, name):
    # a name that is part of a word elsewhere (say "ata" in "data") is rightly left there
    base = export(briefing, "md").decode("utf-8") + "Seen with CYP-99 today."
    assume(name.casefold() not in base.casefold())
    first = replace(briefing.evidence[0], text=f"Seen with {name} today.")
    b = replace(briefing, evidence=(first, *briefing.evidence[1:]),
                redactor=Redactor([Protected(name, "CYP-99")]))
    md = evidence_summary.render(b, ExportRequest("evidence", "md")).decode("utf-8")
    assert name.casefold() not in md.casefold()


def test_marked_name_that_casefolds_to_other_letters(briefing):
    first = replace(briefing.evidence[0], text="Seen with Mia Weiß today.")
    b = replace(briefing, evidence=(first, *briefing.evidence[1:]),
                redactor=Redactor([Protected("Mia Weiß", "CYP-99")]))
    assert "Weiß" not in export(b, "md").decode("utf-8")


@pytest.mark.parametrize("fmt", ["md", "csv", "docx"])
def test_same_bytes_twice(demo_store, fmt):
    ins = inspections.find(demo_store, None)
    first = export(gather(demo_store, ins.id, DEMO_TODAY), fmt)
    again = export(gather(demo_store, ins.id, DEMO_TODAY), fmt)
    assert first == again


def test_pack_pieces_escape_and_redact(briefing):
    first = replace(briefing.evidence[0], text="<b>Jamie Holt</b> & co")
    b = replace(briefing, evidence=(first, *briefing.evidence[1:]))
    html = evidence_summary.html_summary(b, b.redactor.redact)
    assert "&lt;b&gt;CYP-03&lt;/b&gt; &amp; co" in html
    assert "EHC-" not in html and "<th>Case file</th>" in html
    kept = evidence_summary.html_summary(b, lambda t: t or "")
    assert "Jamie Holt" in kept and "case ref EHC-3107" in kept
    doc = docx.Document()
    evidence_summary.docx_summary(doc, b, b.redactor.redact)
    assert len(doc.tables) == 1 and len(doc.tables[0].rows) == len(b.lines) + 1
