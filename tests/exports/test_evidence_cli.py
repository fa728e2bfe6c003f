"""`sendtui export evidence` on the command line."""

from __future__ import annotations

import stat
import sys

import pytest
from click.testing import CliRunner

from sendtui.cli import cli, main
from tests.exports.test_evidence_summary import CASE_REFS


def run(db, *args):
    return CliRunner().invoke(cli, ["--db", str(db), "export", "evidence", *map(str, args)])


def test_markdown_to_a_file_is_private_and_redacted(demo_db, tmp_path):
    out = tmp_path / "evidence.md"
    result = run(demo_db, "--format", "md", "-o", out)
    assert result.exit_code == 0, (result.stderr, result.exception)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Wealdshire — evidence summary\n")
    assert "Names marked sensitive and case references are withheld." in text
    assert not any(ref in text for ref in CASE_REFS)
    assert "Jamie Holt" not in text


def test_include_sensitive(demo_db, tmp_path):
    out = tmp_path / "evidence.csv"
    result = run(demo_db, "--format", "csv", "-o", out, "--include-sensitive")
    assert result.exit_code == 0, (result.stderr, result.exception)
    text = out.read_text(encoding="utf-8-sig")
    assert all(ref in text for ref in CASE_REFS) and "Jamie Holt" in text


def test_unknown_format_is_one_line_and_exit_2(demo_db, tmp_path, monkeypatch, capsys):
    out = tmp_path / "evidence.html"
    monkeypatch.setattr(sys, "argv", ["sendtui", "--db", str(demo_db), "export", "evidence",
                                      "--format", "html", "-o", str(out)])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.strip().splitlines()) == 1
    assert captured.err.startswith("sendtui: ") and "html" in captured.err
    assert not out.exists()
