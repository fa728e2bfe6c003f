"""The briefing pack's "Outstanding requests and actions": per owner, by due, overdue in
words, "No owner" last, finished ones left out, redacted unless --include-sensitive."""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import replace

import pytest
from docx import Document

from sendtui.demo import add_demo
from sendtui.exports import ExportRequest, render
from sendtui.store import actions, inspections
from sendtui.store import requests as info_requests
from sendtui.store.briefing import gather
from sendtui.store.repo import Store
from tests.cli.test_cli import ok, run
from tests.exports.conftest import docx_text

OWNERS = ["Gareth Llewellyn", "Joanne Whitaker", "Marcia Campbell", "Rachel Thornton",
          "Sunita Chauhan", "No owner"]


def pack(briefing, fmt: str, include_sensitive: bool = False) -> bytes:
    return render(briefing, ExportRequest("pack", fmt, include_sensitive=include_sensitive))


def section(html: bytes) -> str:
    text = html.decode("utf-8")
    start = text.index("<h1>Outstanding requests and actions</h1>")
    return text[start:text.index("</section>", start)]


def groups(html: bytes) -> dict[str, str]:
    """Each owner's heading and the rows under it."""
    parts = section(html).split("<h2>")[1:]
    return {p.split("</h2>")[0]: p.split("</h2>")[1] for p in parts}


def test_grouped_per_owner_no_owner_last(briefing):
    found = groups(pack(briefing, "html"))
    assert list(found) == OWNERS
    joanne = found["Joanne Whitaker"]
    assert ("<tr><td>Request: EHC plan audit</td><td>Thu 3 Dec 10:00</td></tr>" in joanne)
    assert joanne.index("Confirm the room") < joanne.index("EHC plan audit")  # by due
    assert "<td>Request: Tribunal appeals</td>" in found["No owner"]
    assert "Tribunal appeals" not in "".join(v for k, v in found.items() if k != "No owner")


def test_overdue_said_in_words_at_nine_on_the_day(briefing):
    text = section(pack(briefing, "html"))
    assert "30 outstanding, 3 overdue, as at Wed 25 Nov 2026 09:00." in text
    assert "<tr><td>Request: Webinar sign-up numbers</td><td>Tue 24 Nov 17:00 — overdue" in text
    assert "<td>Request: Assessment timeliness</td><td>Wed 25 Nov 12:00</td>" in text
    assert text.count("— overdue") == 3


def test_a_later_day_finds_more_overdue(demo_store):
    later = gather(demo_store, inspections.find(demo_store).id, dt.date(2026, 12, 2))
    text = section(pack(later, "html"))
    assert ("<td>Action: Confirm the room and attendees for Thursday&#x27;s focus group</td>"
            "<td>Tue 1 Dec 10:00 — overdue</td>") in text
    assert "as at Wed 2 Dec 2026 09:00." in text


def test_finished_ones_are_left_out_and_far_dues_carry_their_year(briefing):
    text = section(pack(briefing, "html"))
    for done in ("JSNA", "Local offer", "Serious case reviews",  # sent, sent, not held
                 "Map health services commissioned"):  # an action done
        assert done not in text
    assert "Train caseworkers in writing outcomes with families</td><td>Sat 31 Jul 2027 17:00" \
        in text


def test_nothing_outstanding_says_so(briefing):
    bare = replace(briefing, requests=(), plan=None)
    assert "<p>No request or action is outstanding.</p>" in section(pack(bare, "html"))
    assert "No request or action is outstanding." in docx_text(pack(bare, "docx"))


def test_the_docx_has_the_same_groups(briefing):
    doc = Document(io.BytesIO(pack(briefing, "docx")))
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert headings[:len(OWNERS)] == OWNERS
    tables = [t for t in doc.tables if t.rows[0].cells[0].text == "What"]
    rachel = [[c.text for c in r.cells] for r in tables[OWNERS.index("Rachel Thornton")].rows]
    assert rachel == [
        ["What", "Due"],
        ["Request: Case-file logins for HMI", "Tue 24 Nov 16:00 — overdue"],
        ["Action: Send the updated self-evaluation summary to the lead inspector",
         "Tue 24 Nov 17:00 — overdue"],
        ["Request: Outcomes, attendance and exclusions", "Wed 25 Nov 12:00"]]


# --- redaction ------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def tracked_demo(tmp_path_factory):
    """The 2023 demo with a request and an action naming CYP-05 (a tracked child) by name and
    case reference, as a coordinator in a hurry might type them."""
    path = tmp_path_factory.mktemp("outstanding") / "demo.db"
    store = Store.open(str(path))
    add_demo(store, "2023")
    ins = inspections.find(store).id
    due = dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC)
    info_requests.add(store, ins, "Consent form for Tyler Brooks (EHC-29470)", due_at=due)
    actions.add(store, ins, "Chase Oscar Pemberton's documents, EHC-39764", due_at=due)
    store.close()
    return path


SECRETS = ("Tyler", "Brooks", "EHC-29470", "Oscar", "Pemberton", "EHC-39764")


@pytest.mark.parametrize("fmt", ["html", "docx"])
def test_no_tracked_childs_name_or_case_ref_without_the_flag(tracked_demo, tmp_path, fmt):
    plain, sensitive = tmp_path / f"plain.{fmt}", tmp_path / f"sensitive.{fmt}"
    ok(run("export", "pack", "--format", fmt, "-o", plain, db=tracked_demo))
    ok(run("export", "pack", "--format", fmt, "-o", sensitive, "--include-sensitive",
           db=tracked_demo))
    read = (lambda p: docx_text(p.read_bytes())) if fmt == "docx" else (
        lambda p: p.read_text(encoding="utf-8"))
    withheld, kept = read(plain), read(sensitive)
    assert "Outstanding requests and actions" in withheld
    assert [s for s in SECRETS if s in withheld] == []
    assert "Request: Consent form for Tyler Brooks (EHC-29470)" in kept
    assert "Action: Chase Oscar Pemberton&#x27;s documents, EHC-39764" in kept or (
        "Action: Chase Oscar Pemberton's documents, EHC-39764" in kept)

