"""`sendtui export ics` on the command line: a valid file or stdout, one-line refusals."""

from __future__ import annotations

import stat

from icalendar import Calendar

from tests.cli.test_cli import ok, own_error, refused, run


def test_one_persons_calendar_to_a_file(demo_db, tmp_path):
    target = tmp_path / "helen.ics"
    result = run("export", "ics", "-o", target, "--person", "Helen Marsden", db=demo_db)
    assert ok(result) == ""
    assert f"wrote {target}" in result.stderr
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    cal = Calendar.from_ical(target.read_bytes())
    assert str(cal["X-WR-CALNAME"]) == "Wealdshire SEND inspection — Helen Marsden"
    events = cal.walk("VEVENT")
    assert events
    for ev in events:
        found = ev["ATTENDEE"] if isinstance(ev["ATTENDEE"], list) else [ev["ATTENDEE"]]
        assert "mailto:helen.marsden@ofsted.example.gov.uk" in {str(a) for a in found}


def test_to_stdout(demo_db):
    result = run("export", "ics", "-o", "-", "--from", "2026-11-30", "--to", "2026-11-30",
                 db=demo_db)
    ok(result)
    assert result.stderr == ""
    data = result.stdout_bytes
    assert data.startswith(b"BEGIN:VCALENDAR\r\n")
    assert len(Calendar.from_ical(data).walk("VEVENT")) == 11


def test_an_unknown_person_writes_nothing(demo_db, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    target = out / "nobody.ics"
    line = own_error(run("export", "ics", "-o", target, "--person", "Nobody Here",
                         db=demo_db), 2)
    assert line == "sendtui: no person is called 'Nobody Here'"
    assert list(out.iterdir()) == []


def test_a_range_that_ends_before_it_starts(demo_db, tmp_path):
    target = tmp_path / "backwards.ics"
    line = own_error(run("export", "ics", "-o", target, "--from", "2026-12-05",
                         "--to", "2026-12-01", db=demo_db), 2)
    assert "2026-12-01" in line and "2026-12-05" in line
    assert not target.exists()


def test_a_bad_date(demo_db, tmp_path):
    target = tmp_path / "x.ics"
    line = refused(run("export", "ics", "-o", target, "--from", "1 Dec", db=demo_db), 2)
    assert "1 Dec" in line
    assert not target.exists()
