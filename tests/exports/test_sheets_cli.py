"""`sendtui export schedule` on the command line: files written 0600, one-line refusals."""

from __future__ import annotations

import stat
import sys

import pytest

from sendtui import cli as cli_module
from tests.cli.test_cli import ok, own_error, run


def test_writes_a_day_sheet(demo_db, tmp_path):
    target = tmp_path / "monday.html"
    result = run("export", "schedule", "--format", "html", "-o", target, "--day", "2026-11-30",
                 db=demo_db)
    ok(result)
    assert f"wrote {target}" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    assert "Wealdshire — local area SEND inspection · Mon 30 Nov 2026" in html
    assert "Names marked sensitive and case references are withheld." in html


def test_to_stdout_with_sensitive_data(demo_db):
    result = run("export", "schedule", "--format", "md", "-o", "-", "--day", "2026-12-02",
                 "--include-sensitive", db=demo_db)
    md = ok(result)
    assert "CONTAINS SENSITIVE DATA" in md and "Jamie Holt" in md


def test_an_unknown_person_writes_nothing(demo_db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "sheet.csv"
    line = own_error(run("export", "schedule", "--format", "csv", "-o", target,
                         "--person", "Nobody Here", db=demo_db), 2)
    assert "Nobody Here" in line
    assert list(out.iterdir()) == []


def test_a_format_it_does_not_make_is_one_line(demo_db, tmp_path, monkeypatch, capsys):
    target = tmp_path / "sheet.pdf"
    monkeypatch.setattr(sys, "argv", ["sendtui", "--db", str(demo_db), "export", "schedule",
                                      "--format", "pdf", "-o", str(target)])
    with pytest.raises(SystemExit) as done:
        cli_module.main()
    assert done.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("sendtui: ") and "pdf" in err[0]
    assert not target.exists()
