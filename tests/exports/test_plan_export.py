"""The plan after the report: golden files (DOCX by its text), the same data in DOCX and
CSV, the same bytes twice, redaction by default, and `sendtui export plan` on the command
line."""

from __future__ import annotations

import csv
import io
import stat
import sys
from dataclasses import replace

import docx
import pytest
from click.testing import CliRunner

from sendtui.cli import cli, main
from sendtui.exports import ExportRequest, render
from sendtui.store import actions, inspections
from sendtui.store.briefing import gather
from tests.conftest import DEMO_TODAY
from tests.exports.conftest import docx_text, matches_golden
from tests.exports.stable import stable_briefing

SECRET = "Ask Jamie Holt's mother about the EHC-3107 annual review"


def export(briefing, fmt: str, include_sensitive: bool = False) -> bytes:
    return render(briefing, ExportRequest("plan", fmt, include_sensitive=include_sensitive))


@pytest.mark.parametrize("name", ["plan.md", "plan.csv"])
def test_golden(briefing, name):
    assert matches_golden(name, export(briefing, name.rsplit(".", 1)[1])), f"{name} differs"


def readable(data: bytes) -> str:
    """The document's paragraphs and table rows (cells joined by " | ") in order, a line each."""
    doc = docx.Document(io.BytesIO(data))
    paragraphs, tables = iter(doc.paragraphs), iter(doc.tables)
    lines = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(next(paragraphs).text)
        elif tag == "tbl":
            lines += [" | ".join(c.text for c in row.cells) for row in next(tables).rows]
    return "\n".join(lines) + "\n"


def test_golden_docx_by_its_text(briefing):
    data = export(briefing, "docx")
    assert docx_text(data)  # and read as a reader would:
    assert matches_golden("plan.docx.txt", readable(data).encode("utf-8")), "plan.docx differs"


def test_the_docx_has_the_progress_on_its_first_page(briefing):
    doc = docx.Document(io.BytesIO(export(briefing, "docx")))
    body = [p.text for p in doc.paragraphs]
    assert body[0] == "Wealdshire — the plan after the report"
    assert body.index("Progress") < body.index("Actions")
    progress = doc.tables[0]
    assert [c.text for c in progress.rows[0].cells] == [
        "Weakness", "Done", "Red", "Amber", "Green", "Overdue", "Verdict"]
    assert [c.text for c in progress.rows[3].cells][:2] == ["Team actions", "0/3"]
    assert progress.rows[3].cells[5].text == "1"  # the self-evaluation, due 24 Nov


def test_docx_and_csv_hold_the_same_data(briefing):
    rows = list(csv.DictReader(io.StringIO(export(briefing, "csv").decode("utf-8-sig"))))
    doc = docx.Document(io.BytesIO(export(briefing, "docx")))
    cells = {c.text for t in doc.tables for r in t.rows for c in r.cells}
    listed = [r for r in rows if r["record"] == "action"]
    assert len(listed) == 7
    for row in listed:
        assert {row["text"], row["owner"], row["due"]} <= cells, row["text"]
    for row in rows:
        assert {row["date"], row["decision"], row["notes"], row["resubmitted"]} - {""} <= cells
    late = next(r for r in listed if r["text"].startswith("Send the updated self-evaluation"))
    assert (late["overdue"], late["status"], late["due"]) == ("yes", "Open", "2026-11-24")
    assert "Open (overdue)" in cells


def test_same_bytes_twice(demo_store):
    ins = inspections.find(demo_store, None).id
    for fmt in ("docx", "csv", "md"):
        first = export(gather(demo_store, ins, DEMO_TODAY), fmt)
        assert export(gather(demo_store, ins, DEMO_TODAY), fmt) == first


@pytest.mark.parametrize("fmt", ["md", "csv", "docx"])
def test_redacted_by_default_and_kept_on_request(demo_store, fmt):
    ins = inspections.find(demo_store, None).id
    actions.add(demo_store, ins, SECRET)
    briefing = stable_briefing(gather(demo_store, ins, DEMO_TODAY))
    if fmt == "md":  # the one-page summary has no action texts: a report-back's notes
        plan = replace(briefing.plan, report_backs=(replace(
            briefing.plan.report_backs[0], notes=SECRET),))
        briefing = replace(briefing, plan=plan)

    def text(include: bool) -> str:
        data = export(briefing, fmt, include)
        return docx_text(data) if fmt == "docx" else data.decode("utf-8-sig")

    withheld = text(False)
    assert "Jamie Holt" not in withheld and "EHC-3107" not in withheld
    assert "CYP-03" in withheld
    kept = text(True).replace("&#x27;", "'").replace("&apos;", "'")
    assert "Jamie Holt" in kept and "EHC-3107" in kept


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), "export", "plan", *map(str, args)])


@pytest.mark.parametrize("fmt", ["docx", "csv", "md"])
def test_cli_writes_a_private_file(demo_db, tmp_path, fmt):
    out = tmp_path / f"plan.{fmt}"
    result = run(demo_db, "--format", fmt, "-o", out)
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.stat().st_size > 0


def test_cli_md_is_the_progress_on_one_page(demo_db, tmp_path, monkeypatch):
    monkeypatch.setenv("SENDTUI_TODAY", DEMO_TODAY.isoformat())
    result = run(demo_db, "--format", "md", "-o", "-")
    assert result.exit_code == 0, (result.stderr, result.exception)
    lines = result.stdout.splitlines()
    assert lines[0] == "# Wealdshire — the plan after the report: progress"
    assert any(line.startswith("| Team actions | 0/3 | 0 | 0 | 0 | 1 |") for line in lines)
    assert len(lines) < 40


def test_cli_unknown_format_is_one_line_and_exit_2(demo_db, tmp_path, monkeypatch, capsys):
    out = tmp_path / "plan.html"
    monkeypatch.setattr(sys, "argv", ["sendtui", "--db", str(demo_db), "export", "plan",
                                      "--format", "html", "-o", str(out)])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("sendtui: ") and len(err.strip().splitlines()) == 1
    assert not out.exists()
