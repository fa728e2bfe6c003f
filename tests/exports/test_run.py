"""`exports.run`: one export start to finish, the same for the command line and the dialog."""

from __future__ import annotations

import stat
import subprocess
import sys

import pytest

from sendtui.errors import FileRefused
from sendtui.exports import ExportRequest, render, run


def test_writes_a_private_file_and_says_what_it_wrote(briefing, tmp_path):
    notes = []
    request = ExportRequest("schedule", "md")
    done = run(request, tmp_path / "week.md", lambda: briefing, lambda *note: notes.append(note))
    assert done.path == tmp_path / "week.md"
    assert done.size == len(done.path.read_bytes())
    assert done.path.read_bytes() == render(briefing, request)
    assert stat.S_IMODE(done.path.stat().st_mode) == 0o600
    assert notes == []  # nothing sensitive left the store


def test_names_leaving_the_store_are_recorded_with_the_file_name(briefing, tmp_path):
    notes = []
    run(ExportRequest("evidence", "csv", include_sensitive=True), tmp_path / "ev.csv",
        lambda: briefing, lambda *note: notes.append(note))
    assert notes == [("evidence csv exported with names and case references", "ev.csv")]


def test_to_stdout_there_is_no_path(briefing, capfdbinary):
    notes = []
    done = run(ExportRequest("ics", "ics", include_sensitive=True), "-", lambda: briefing,
               lambda *note: notes.append(note))
    assert done.path is None and capfdbinary.readouterr().out.startswith(b"BEGIN:VCALENDAR")
    assert notes == [("ics ics exported with names and case references", "to stdout")]


def test_an_existing_file_is_kept_unless_replacing_is_asked_for(briefing, tmp_path):
    mine = tmp_path / "week.md"
    mine.write_text("mine")
    request = ExportRequest("schedule", "md", include_sensitive=True)
    notes = []
    with pytest.raises(FileRefused, match="already exists"):
        run(request, mine, lambda: briefing, lambda *note: notes.append(note))
    assert mine.read_text() == "mine" and notes == []
    run(request, mine, lambda: briefing, lambda *note: notes.append(note), overwrite=True)
    assert mine.read_text() != "mine" and len(notes) == 1


def test_the_exports_load_without_the_store():
    probe = ("import sys, sendtui.exports, sendtui.exports.runner\n"
             "print(sorted(m for m in sys.modules if m.startswith(('sendtui.store', 'sqla'))))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"


def test_opening_the_inspection_does_not_change_what_an_export_says(demo_store):
    from sendtui.store import inspections
    from sendtui.store.briefing import gather
    from tests.conftest import DEMO_TODAY

    ins = inspections.find(demo_store, None).id
    before = gather(demo_store, ins, DEMO_TODAY).as_of
    inspections.mark_opened(demo_store, ins)
    assert gather(demo_store, ins, DEMO_TODAY).as_of == before
