"""Day sheets (`export schedule`): what a coordinator prints for tomorrow, in four formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import replace

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT

from sendtui.errors import ExportError
from sendtui.exports import ExportRequest, docs, render, sheets
from sendtui.store import inspections
from sendtui.store.briefing import gather
from tests.conftest import DEMO_TODAY
from tests.exports.conftest import docx_text, matches_golden

MON, TUE, WED = dt.date(2026, 11, 30), dt.date(2026, 12, 1), dt.date(2026, 12, 2)
SAT = dt.date(2026, 12, 5)
FORMATS = ("csv", "md", "html", "docx")


def sheet(briefing, fmt, day=None, **options) -> bytes:
    return render(briefing, ExportRequest("schedule", fmt, start=day, end=day, **options))


def text_of(data: bytes, fmt: str) -> str:
    """Everything a reader could see, as text (a DOCX's whole document.xml, tags removed)."""
    return docx_text(data) if fmt == "docx" else data.decode("utf-8-sig")


def csv_rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def docx_of(data: bytes):
    return Document(io.BytesIO(data))


def table_rows(table) -> list[list[str]]:
    return [[c.text for c in row.cells] for row in table.rows]


# --- golden files ------------------------------------------------------------------------

@pytest.mark.parametrize("name, fmt, day", [
    ("schedule-2026-11-30.csv", "csv", MON),
    ("schedule-2026-11-30.md", "md", MON),
    ("schedule-2026-11-30.html", "html", MON),
    ("schedule-week.md", "md", None),
])
def test_golden(briefing, name, fmt, day):
    assert matches_golden(name, sheet(briefing, fmt, day)), f"{name} differs"


# --- what is on a sheet --------------------------------------------------------------------

def test_docx_a_landscape_table_a_day(briefing):
    doc = docx_of(sheet(briefing, "docx"))
    assert len(doc.tables) == len(briefing.on_site_days) == 5
    assert doc.sections[0].orientation == WD_ORIENT.LANDSCAPE
    assert doc.sections[0].page_width > doc.sections[0].page_height
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Wealdshire — local area SEND inspection · Mon 30 Nov 2026"
    assert headings[-1].endswith("Fri 4 Dec 2026")
    assert doc.paragraphs[0].text == sheets.WITHHELD
    rows = table_rows(doc.tables[0])
    assert rows[0] == sheets.HEADER
    time, what, where, who, hosts, notes = rows[1]
    assert time == "09:00–10:15"
    assert what == "Opening meeting: leaders present the area's self-evaluation\nMeeting"
    assert where == "Base room, County Hall, Markham"
    assert who.startswith("Helen Marsden, Kwame Mensah, Fiona Gallagher\nwith Andrew Pickering")
    assert ("Joanne Whitaker, Head of SEND services, 01632 960415, "
            "joanne.whitaker@wealdshire.example.gov.uk") in hosts.splitlines()
    assert "07700 900112" not in hosts  # Helen Marsden is the team, not a host
    assert "Visitor bays 1-6" in notes
    assert "Schedule as of Wed 25 Nov 2026 12:00 · 11 events" in [p.text for p in doc.paragraphs]
    assert doc.core_properties.title.startswith("Wealdshire — local area SEND inspection")


def test_a_school_visit_names_the_head_from_gias(briefing):
    doc = docx_of(sheet(briefing, "docx", TUE))
    assert len(doc.tables) == 1
    row = next(r for r in table_rows(doc.tables[0]) if "Ashby Brook Primary School" in r[1])
    assert row[0] == "09:00–12:00"
    assert row[2] == "Ashby Brook Primary School, WD1 1AA\n1 School Lane, Ashby Brook"
    assert row[4].splitlines() == [
        "Mrs Ann Example, Headteacher, 01632 960001",
        "Emma Kowalski, SENCO, 01632 960001, senco@ashbybrook.example.sch.uk"]
    assert row[1] == "Visit: Ashby Brook Primary School (SEN support)\nSetting visit"


def test_travel_between_schools_is_on_the_sheet(briefing):
    for fmt in FORMATS:
        text = text_of(sheet(briefing, fmt, TUE), fmt)
        assert re.search(r"Helen Marsden: from Ashby Brook Primary School, WD1 1AA, "
                         r"about \d+ min", text), fmt
    little_oaks = next(r for r in csv_rows(sheet(briefing, "csv", TUE))
                       if "Little Oaks" in r["title"])
    assert little_oaks["travel"].startswith("Helen Marsden: from Ashby Brook Primary School")
    assert little_oaks["notes"] == "Arrive after nap time; short walk from Ashby Brook Primary."


def test_one_person(briefing):
    kwame = next(p for p in briefing.people if p.name == "Kwame Mensah")
    his = [e for e in briefing.events if kwame in e.people and not e.cancelled]
    rows = csv_rows(sheet(briefing, "csv", person="Kwame Mensah"))
    assert len(rows) == len(his) > 10
    assert all("Kwame Mensah" in r["team"].split("; ") for r in rows)
    md = sheet(briefing, "md", TUE, person="kwame").decode()
    assert md.startswith("# Wealdshire — local area SEND inspection · Tue 1 Dec 2026 · "
                         "Kwame Mensah\n")
    assert "Ashby Brook" not in md and "Oakfield Community Special School" in md
    html = sheet(briefing, "html", TUE, person="Kwame Mensah").decode()
    assert "<h1>Wealdshire — local area SEND inspection · Tue 1 Dec 2026 · Kwame Mensah</h1>" \
        in html


def test_unknown_person_is_an_export_error(briefing):
    for fmt in FORMATS:
        with pytest.raises(ExportError, match="no person is called"):
            sheet(briefing, fmt, person="Nobody Here")


def test_a_day_without_events_still_has_a_sheet(briefing):
    assert "No events on Sat 5 Dec 2026." in sheet(briefing, "md", SAT).decode()
    assert "<p>No events on Sat 5 Dec 2026.</p>" in sheet(briefing, "html", SAT).decode()
    doc = docx_of(sheet(briefing, "docx", SAT))
    assert not doc.tables and "No events on Sat 5 Dec 2026." in [p.text for p in doc.paragraphs]
    assert csv_rows(sheet(briefing, "csv", SAT)) == []
    assert "0 events" in sheet(briefing, "md", SAT).decode()


def test_cancelled_events_are_left_off(briefing):
    first = briefing.events[0]
    gone = replace(briefing, events=(replace(first, cancelled=True),) + briefing.events[1:])
    for fmt in FORMATS:
        assert "Opening meeting" in text_of(sheet(briefing, fmt, MON), fmt)
        assert "Opening meeting" not in text_of(sheet(gone, fmt, MON), fmt), fmt
    assert "· 10 events" in sheet(gone, "md", MON).decode()


# --- same data, same bytes -----------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_same_data_same_bytes(demo_store, fmt):
    ins = inspections.find(demo_store, None).id
    first = sheet(gather(demo_store, ins, DEMO_TODAY), fmt)
    again = sheet(gather(demo_store, ins, DEMO_TODAY), fmt)
    assert first == again


# --- redaction -----------------------------------------------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_names_and_case_references_withheld_by_default(briefing, fmt):
    text = text_of(sheet(briefing, fmt, WED), fmt)
    assert "jamie" not in text.casefold() and "ehc-3107" not in text.casefold()
    assert "CYP-03" in text and "[case ref withheld]" in text
    if fmt == "csv":
        assert {r["redacted"] for r in csv_rows(sheet(briefing, fmt, WED))} == {"yes"}
    else:
        assert sheets.WITHHELD in text and sheets.INCLUDED not in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_include_sensitive_says_so(briefing, fmt):
    text = text_of(sheet(briefing, fmt, WED, include_sensitive=True), fmt)
    assert "Jamie Holt" in text and "EHC-3107" in text and "CYP-03" not in text
    if fmt == "csv":
        rows = csv_rows(sheet(briefing, fmt, WED, include_sensitive=True))
        assert {r["redacted"] for r in rows} == {"no"}
    else:
        assert sheets.INCLUDED in text and sheets.WITHHELD not in text
        assert text.index(sheets.INCLUDED) < text.index("Visit: Markham Valley Academy")


# --- each format's own rules ---------------------------------------------------------------

def hostile(briefing):
    first = briefing.events[0]
    evil = replace(first, title="=HYPERLINK(\"x\") <script>alert(1)</script> | A & B",
                   notes="line one\nline two | <b>bold</b>")
    return replace(briefing, events=(evil,) + briefing.events[1:])


def test_user_text_is_never_markup(briefing):
    b = hostile(briefing)
    html = sheet(b, "html", MON).decode()
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; | A &amp; B" in html
    assert "line one<br>line two | &lt;b&gt;bold&lt;/b&gt;" in html
    md = sheet(b, "md", MON).decode()
    row = next(line for line in md.splitlines() if "HYPERLINK" in line)
    assert row.count(" | ") == 5 and "\\|" in row and "<script>" not in row
    assert "line one<br>line two \\| &lt;b>bold&lt;/b>" in row
    (first, *_) = csv_rows(sheet(b, "csv", MON))
    assert first["title"].startswith("'=HYPERLINK")
    assert first["notes"] == "line one\nline two | <b>bold</b>"


def test_csv_opens_in_excel(briefing):
    data = sheet(briefing, "csv", MON)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == 12 and b"\n" not in data.replace(b"\r\n", b"")
    rows = csv_rows(data)
    assert list(rows[0]) == sheets.CSV_HEADER
    assert rows[0] | {"hosts": ""} == {
        "date": "2026-11-30", "start": "09:00", "end": "10:15",
        "title": "Opening meeting: leaders present the area's self-evaluation",
        "kind": "Meeting", "where": "Base room, County Hall, Markham", "postcode": "",
        "team": "Helen Marsden; Kwame Mensah; Fiona Gallagher",
        "others": "Andrew Pickering; Sunita Chauhan; Joanne Whitaker; Rachel Thornton; "
                  "Gareth Llewellyn", "hosts": "",
        "notes": "Visitor bays 1-6 reserved at the rear of County Hall; sign in at main "
                 "reception.", "travel": "", "redacted": "yes"}
    visit = next(r for r in csv_rows(sheet(briefing, "csv", TUE)) if "Ashby" in r["title"])
    assert (visit["where"], visit["postcode"]) == (
        "Ashby Brook Primary School, 1 School Lane, Ashby Brook", "WD1 1AA")


def test_html_prints_a_day_a_page(briefing):
    html = sheet(briefing, "html").decode()
    assert html.count('<section class="page">') == 5
    assert "http" not in html.split("<body>")[0] and "<link" not in html and "src=" not in html
    assert html.index(sheets.WITHHELD) < html.index('<section class="page">')


def test_kind_said_once(briefing):
    md = sheet(briefing, "md", MON).decode()
    assert "Parent/carer webinar<br>Parent/carer webinar" not in md
    assert "| Team meeting: day 6 review |" in md


# --- for the briefing pack -----------------------------------------------------------------

def test_html_and_docx_days_for_the_pack(briefing):
    events = [e for e in briefing.events if not e.cancelled]
    html = sheets.html_days(briefing, events, briefing.redactor.redact)
    assert html.count('<section class="page">') == 5 and "<h2>" in html
    assert "Jamie Holt" not in html and "CYP-03" in html
    doc = docs.new_docx("Pack", briefing.as_of)
    sheets.docx_days(doc, briefing, events, lambda text: text)
    assert len(doc.tables) == 5
    assert any("Jamie Holt" in c.text for t in doc.tables for r in t.rows for c in r.cells)
    grouped = sheets.group([], [SAT])
    assert "No events on Sat 5 Dec 2026." in sheets.html_days(briefing, grouped, str)
