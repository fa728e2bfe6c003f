"""The briefing pack (`export pack`): a front page (key dates, the week at a glance, the
outstanding problems), a sheet a day and the evidence summary, in HTML and DOCX."""

from __future__ import annotations

import datetime as dt
import io
import re
import stat
import sys
from dataclasses import replace

import pytest
from docx import Document

from sendtui.cli import main
from sendtui.exports import ExportRequest, render, sheets
from sendtui.store import events, inspections, people
from sendtui.store.briefing import gather
from sendtui.store.events import EventInput
from tests.cli.test_cli import ok, own_error, run
from tests.conftest import DEMO_TODAY
from tests.exports.conftest import docx_text, matches_golden
from tests.exports.test_evidence_summary import CASE_REFS, INCLUDED, WITHHELD

TUE = dt.date(2026, 12, 1)
SAT = dt.date(2026, 12, 5)
DAYS = ["Mon 30 Nov 2026", "Tue 1 Dec 2026", "Wed 2 Dec 2026", "Thu 3 Dec 2026",
        "Fri 4 Dec 2026"]
GLANCE = ["Day", "Events", "Settings visited", "Team"]


def pack(briefing, fmt: str, day: dt.date | None = None, include_sensitive=False) -> bytes:
    return render(briefing, ExportRequest("pack", fmt, start=day, end=day,
                                          include_sensitive=include_sensitive))


def docx_of(data: bytes):
    return Document(io.BytesIO(data))


def text_of(data: bytes, fmt: str) -> str:
    return docx_text(data) if fmt == "docx" else data.decode("utf-8")


def rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


def in_order(text: str, *parts: str) -> None:
    """Each part is in `text`, after the one before it."""
    at = 0
    for part in parts:
        found = text.find(part, at)
        assert found >= 0, f"{part!r} is missing or out of order"
        at = found + len(part)


# --- the whole pack ------------------------------------------------------------------------

def test_golden_html(briefing):
    data = pack(briefing, "html")
    assert matches_golden("pack.html", data), "pack.html differs"


def test_html_reads_top_down(briefing):
    html = pack(briefing, "html").decode("utf-8")
    front, outstanding, *day_pages, evidence = html.split('<section class="page">')[1:]
    assert front.startswith("\n<h1>Wealdshire — local area SEND inspection: briefing pack</h1>\n"
                            '<p class="meta">As of Wed 25 Nov 2026 12:00</p>\n'
                            f'<p class="notice">{WITHHELD}</p>\n')
    in_order(front, "<h2>Key dates</h2>", "Notification call (day 1)</td><td>Mon 23 Nov 2026",
             "On site (days 6–10)</td><td>Mon 30 Nov 2026 – Fri 4 Dec 2026",
             "Final feedback (day 10)</td><td>Fri 4 Dec 2026",
             "<h2>The week at a glance</h2>", *DAYS,
             "<h2>Outstanding problems</h2>", "the 2016 framework was not in use then")
    assert outstanding.startswith("\n<h1>Outstanding requests and actions</h1>\n")
    glance = front.split("<h2>The week at a glance</h2>")[1].split("</table>")[0]
    assert glance.count("<tr><td>") == 5
    assert ("<tr><td>Tue 1 Dec 2026</td><td>9 events, 09:00–17:45</td>"
            "<td>Ashby Brook Primary School; Hollins Park Academy;") in glance
    assert "Fiona Gallagher, Helen Marsden, Kwame Mensah</td></tr>" in glance
    assert [re.search(r"<h2>.* · (.*)</h2>", p).group(1) for p in day_pages] == DAYS
    assert all("<th>Time</th><th>What</th>" in p for p in day_pages)
    in_order(evidence, "<h1>Evidence summary</h1>", "<h2>Triangulation</h2>",
             "<h2>Evidence by line of enquiry</h2>")
    assert html.count("<h3>") == len(briefing.lines)


def test_docx_tables_and_headings(briefing):
    doc = docx_of(pack(briefing, "docx"))
    # the demo's one problem: a 2016 inspection notified in 2026 (issue 14)
    key_dates, glance, problems, *tables, triangulation = doc.tables
    owners, day_tables = tables[:-5], tables[-5:]
    assert len(owners) == 6 and all(rows(t)[0] == ["What", "Due"] for t in owners)
    assert [r[0] for r in rows(problems)] == ["Severity", "Warning"]
    assert rows(key_dates) == [
        ["Key date", "When"],
        ["Notification call (day 1)", "Mon 23 Nov 2026"],
        ["On site (days 6–10)", "Mon 30 Nov 2026 – Fri 4 Dec 2026"],
        ["Final feedback (day 10)", "Fri 4 Dec 2026"]]
    assert rows(glance)[0] == GLANCE and [r[0] for r in rows(glance)[1:]] == DAYS
    assert len(day_tables) == 5 and all(rows(t)[0] == sheets.HEADER for t in day_tables)
    assert rows(triangulation)[0][:2] == ["Code", "Line of enquiry"]
    assert [r[0] for r in rows(triangulation)[1:]] == [line.code for line in briefing.lines]
    paragraphs = [p.text for p in doc.paragraphs]
    assert paragraphs[:3] == ["Wealdshire — local area SEND inspection: briefing pack",
                              "As of Wed 25 Nov 2026 12:00", WITHHELD]
    text = "\n".join(paragraphs)
    in_order(text, "Key dates", "The week at a glance", "Outstanding problems",
             "Outstanding requests and actions", "Wealdshire — local area SEND inspection · Mon 30 Nov 2026",
             "Wealdshire — local area SEND inspection · Fri 4 Dec 2026",
             "Evidence summary", "Triangulation", "Evidence by line of enquiry")
    section = doc.sections[0]
    assert section.page_width > section.page_height  # landscape, for the wide tables


# --- outstanding problems --------------------------------------------------------------

def test_problems_are_listed(demo_store):
    ins = inspections.find(demo_store, None).id
    helen = next(p for p in people.all(demo_store, ins) if p.name == "Helen Marsden")
    at = dt.datetime(2026, 11, 30, 10, 45, tzinfo=dt.timezone.utc)  # she is at 10:30–11:30
    events.add(demo_store, ins, EventInput(
        "meeting", "Catch-up about Jamie Holt", at, at + dt.timedelta(minutes=30),
        location="Markham Library", person_ids=(helen.id,)))
    late = dt.datetime(2026, 12, 1, 19, 0, tzinfo=dt.timezone.utc)
    events.add(demo_store, ins, EventInput("meeting", "Late call", late,
                                           late + dt.timedelta(hours=1), location="Online"))
    b = gather(demo_store, ins, DEMO_TODAY)
    clash = ("Helen Marsden is in two places at once: Head of SEND services: EHC needs "
             "assessment and SEN support (Mon 30 Nov 10:30–11:30) and Catch-up about CYP-03 "
             "(Mon 30 Nov 10:45–11:15)")
    late_call = "Late call (Tue 1 Dec 19:00–20:00) is outside working hours"
    html = pack(b, "html").decode("utf-8")
    front = html.split("</section>")[0]
    assert f"<tr><td>Error</td><td>{clash}</td></tr>" in front
    assert f"<tr><td>Warning</td><td>{late_call}" in front
    assert "no problem" not in front and "Jamie" not in html
    doc = docx_of(pack(b, "docx"))
    problems = next(t for t in doc.tables if rows(t)[0] == ["Severity", "Problem"])
    assert ["Error", clash] in rows(problems)
    assert any(r[0] == "Warning" and r[1].startswith(late_call) for r in rows(problems))


# --- one day --------------------------------------------------------------------------------

def test_one_day_keeps_the_front_page_and_evidence(briefing):
    html = pack(briefing, "html", TUE).decode("utf-8")
    assert html.count('<section class="page">') == 4  # front, outstanding, Tuesday, evidence
    assert "<h2>Wealdshire — local area SEND inspection · Tue 1 Dec 2026</h2>" in html
    assert "· Mon 30 Nov 2026</h2>" not in html and "· Wed 2 Dec 2026</h2>" not in html
    glance = html.split("<h2>The week at a glance</h2>")[1].split("</table>")[0]
    assert all(f"<tr><td>{d}</td>" in glance for d in DAYS)
    in_order(html, "<h2>Key dates</h2>", "· Tue 1 Dec 2026</h2>", "<h1>Evidence summary</h1>")
    doc = docx_of(pack(briefing, "docx", TUE))
    key_dates, glance, _problems, *tables, triangulation = doc.tables
    day_tables = [t for t in tables if rows(t)[0] != ["What", "Due"]]
    assert len(day_tables) == 1 and rows(day_tables[0])[0] == sheets.HEADER
    assert len(rows(glance)) == 6 and rows(key_dates)[0] == ["Key date", "When"]
    assert len(rows(triangulation)) == len(briefing.lines) + 1
    assert "Evidence summary" in [p.text for p in doc.paragraphs]


def test_a_day_without_events_says_so(briefing):
    html = pack(briefing, "html", SAT).decode("utf-8")
    assert "· Sat 5 Dec 2026</h2>\n<p>No events on Sat 5 Dec 2026.</p>" in html
    doc = docx_of(pack(briefing, "docx", SAT))
    assert "No events on Sat 5 Dec 2026." in [p.text for p in doc.paragraphs]


def test_a_week_day_without_events_is_in_the_glance(briefing):
    quiet = replace(briefing, events=tuple(e for e in briefing.events if e.start.day != 4))
    html = pack(quiet, "html").decode("utf-8")
    assert "<tr><td>Fri 4 Dec 2026</td><td>0 events</td><td>—</td><td>—</td></tr>" in html


# --- redaction ------------------------------------------------------------------------------

def test_demo_names_what_redaction_withholds():
    assert {"EHC-2291", "EHC-3107"} <= set(CASE_REFS)


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_withheld_by_default(briefing, fmt):
    text = text_of(pack(briefing, fmt), fmt).casefold()
    assert "jamie holt" not in text
    assert not [ref for ref in CASE_REFS if ref.casefold() in text]
    assert WITHHELD.casefold() in text and INCLUDED.casefold() not in text


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_included_on_request_and_said_first(briefing, fmt):
    data = pack(briefing, fmt, include_sensitive=True)
    text = text_of(data, fmt)
    assert "Jamie Holt" in text and all(ref in text for ref in CASE_REFS)
    assert WITHHELD not in text
    first = min(text.index(x) for x in ["Jamie Holt", *CASE_REFS])
    assert text.index(INCLUDED) < text.index("Key dates") < first
    if fmt == "html":
        assert f'<p class="notice warn">{INCLUDED}' in text
    else:
        assert docx_of(data).paragraphs[2].text.startswith(INCLUDED)


# --- same data, same bytes ------------------------------------------------------------------

@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_same_bytes_twice(demo_store, fmt):
    ins = inspections.find(demo_store, None).id
    assert pack(gather(demo_store, ins, DEMO_TODAY), fmt) == \
        pack(gather(demo_store, ins, DEMO_TODAY), fmt)


# --- on the command line ------------------------------------------------------------------

def test_cli_writes_a_private_docx(demo_db, tmp_path):
    target = tmp_path / "pack.docx"
    result = run("export", "pack", "--format", "docx", "-o", target, db=demo_db)
    ok(result)
    assert f"wrote {target}" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert docx_of(target.read_bytes()).paragraphs[2].text == WITHHELD


def test_cli_refuses_markdown_in_one_line(demo_db, tmp_path, monkeypatch, capsys):
    target = tmp_path / "pack.md"
    monkeypatch.setattr(sys, "argv", ["sendtui", "--db", str(demo_db), "export", "pack",
                                      "--format", "md", "-o", str(target)])
    with pytest.raises(SystemExit) as done:
        main()
    assert done.value.code == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == "" and len(lines) == 1 and lines[0].startswith("sendtui: ") and "md" in lines[0]
    assert not target.exists()


def test_cli_refuses_a_bad_day(demo_db, tmp_path):
    target = tmp_path / "pack.html"
    line = own_error(run("export", "pack", "--format", "html", "-o", target,
                         "--day", "2026-13-01", db=demo_db), 2)
    assert "2026-13-01" in line and not target.exists()
