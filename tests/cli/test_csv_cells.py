"""CSV injection: a cell a spreadsheet would run as a formula (= + - @, tab, CR first) is
written as text, with a leading quote, in every CSV sendtui writes."""

from __future__ import annotations

import csv
import io

import pytest

from sendtui.exports.spreadsheet import safe_cell
from tests.cli.test_cli import GIAS, ok, run

BOTH_ENGINES = True  # each test on SQLite and on PostgreSQL (tests/conftest.py)

FORMULA = '=HYPERLINK("http://evil.example","click")'
HOSTILE = (FORMULA, "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx")


@pytest.mark.parametrize("text", HOSTILE)
def test_a_formula_is_kept_as_text(text):
    assert safe_cell(text) == "'" + text
    assert safe_cell("plain = fine") == "plain = fine" and safe_cell("") == ""


@pytest.fixture
def hostile_db(demo_target, tmp_path):
    """The demo with a formula in an evidence entry, an event, a person and a setting."""
    ok(run("evidence", "add", "--line", "A1", "--source", "document", "--text", FORMULA,
           db=demo_target))
    schedule = tmp_path / "schedule.csv"
    schedule.write_text("date,start,end,kind,title,setting_urn,people,location,notes\n"
                        "2026-12-01,17:00,17:30,meeting,@SUM(A1),,+Mallory Cmd,-2+3,=1+1\n")
    ok(run("import", "schedule", schedule, db=demo_target))
    gias = tmp_path / "gias.csv"
    gias.write_text(GIAS.read_text(encoding="utf-8-sig").replace(
        "Markham Valley Academy", "=Markham Valley Academy"), encoding="utf-8")
    ok(run("import", "settings", gias, db=demo_target))
    return demo_target


def cells(text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(text, newline="")) for c in row]


def assert_safe(found: list[str], *expected: str) -> None:
    assert not [c for c in found if c.startswith(("=", "+", "@", "\t", "\r"))]
    assert not [c for c in found if c.startswith("-") and not c.lstrip("-").isdigit()]
    for text in expected:
        assert "'" + text in found, text


def test_every_list_in_csv_is_safe(hostile_db):
    expected = {"evidence": [FORMULA], "events": ["@SUM(A1)", "+Mallory Cmd"],
                "people": ["+Mallory Cmd"], "settings": ["=Markham Valley Academy"],
                "lines": []}
    for what, texts in expected.items():
        assert_safe(cells(ok(run("list", what, "--format", "csv", db=hostile_db))), *texts)


def test_the_evidence_and_schedule_exports_in_csv_are_safe(hostile_db, tmp_path):
    ok(run("export", "evidence", "--format", "csv", "-o", tmp_path / "ev.csv", db=hostile_db))
    assert_safe(cells((tmp_path / "ev.csv").read_text(encoding="utf-8-sig")), FORMULA)
    ok(run("export", "schedule", "--format", "csv", "--day", "2026-12-01",
           "-o", tmp_path / "day.csv", db=hostile_db))
    assert_safe(cells((tmp_path / "day.csv").read_text(encoding="utf-8-sig")),
                "@SUM(A1)", "=1+1", "-2+3")
