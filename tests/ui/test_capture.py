"""Quick evidence capture: n from any screen, drafts that survive escape and kill -9."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from textual.widgets import DataTable, Static, TextArea

from sendtui.domain.clock import london_to_utc
from sendtui.store import events, evidence, inspections, lines
from sendtui.store.drafts import latest_draft
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.evidence import EvidenceScreen, capture
from sendtui.ui.screens.evidence.capture import CaptureScreen, KeyChoice, LinePicker
from sendtui.ui.screens.week.week import WeekScreen
from tests.conftest import DEMO_TODAY, ROOT
from tests.ui.conftest import settled, store_open, until
from tests.ui.test_pilot import rows, shown

# After the demo's last entry (Thu 3 Dec 16:10), so a new one is the newest.
LATE = london_to_utc(dt.date(2026, 12, 4), dt.time(11, 0))


@pytest.fixture
def late(monkeypatch):
    monkeypatch.setattr(capture, "utc_now", lambda: LATE)
    return LATE


def count_on(store, ins_id: str, code: str) -> int:
    return next(line.evidence_count for line in lines.all(store, ins_id) if line.code == code)


async def open_capture(pilot, *keys: str) -> CaptureScreen:
    await store_open(pilot)
    await pilot.press(*keys, "n")
    await until(pilot, lambda: isinstance(pilot.app.screen, CaptureScreen))
    await settled(pilot)  # its draft, lines and settings read
    return pilot.app.screen


async def test_capture_from_the_week_saves_and_lists_it_first(demo_db, late):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("2")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        ins = app.inspection.id
        before = count_on(app.store, ins, "B5")
        screen = await open_capture(pilot)
        assert app.screen.focused is screen.query_one(TextArea)
        await pilot.press(*"Parents said the website is hard to search.")
        await pilot.press("tab", *"local offer")
        await pilot.pause()
        picker = screen.query_one(LinePicker)
        assert picker.is_open
        await pilot.press("enter")
        await pilot.pause()
        assert picker.code == "B5"
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused is screen.query_one("#source", KeyChoice)
        await pilot.press("w")
        await pilot.pause()
        assert screen.query_one("#source", KeyChoice).value == "webinar"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, WeekScreen))
        assert count_on(app.store, ins, "B5") == before + 1
        assert "Evidence saved against B5" in [n.message for n in app._notifications]
        entry = evidence.all(app.store, ins, limit=1)[0]
        assert (entry.line_code, entry.source, entry.text, entry.at.replace(tzinfo=dt.timezone.utc)
                ) == ("B5", "webinar", "Parents said the website is hard to search.", LATE)
        assert entry.author == "" and entry.case_ref is None
        assert latest_draft(app.store, ins) is None  # the draft went with the save

        await pilot.press("6")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceScreen)
        first = rows(app.screen.query_one("#evidence", DataTable))[0]
        assert first["Line"] == "B5" and first["Note"].startswith("Parents said the website")


async def test_line_found_by_code_and_case_ref_and_judgement(demo_db, late):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot)
        await pilot.press(*"Plan reviewed", "tab", "b", "5", "enter", "tab", "d")
        await pilot.press("tab")  # the setting
        await pilot.press("tab", *"EHC-0042", "tab", "3")
        await pilot.pause()
        assert screen.fields()["line"] == "B5"
        assert screen.fields()["judgement"] == "concern"
        assert screen.fields()["case_ref"] == "EHC-0042"
        await pilot.press("4", "q")  # not a judgement: neither a screen key nor quit here
        await pilot.pause()
        assert app.screen is screen and screen.fields()["judgement"] == "concern"
        label = shown(next(w for w in screen.query(".field-hint") if "sensitive" in shown(w)))
        assert label == "sensitive: hidden in lists and exports"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        entry = evidence.all(app.store, app.inspection.id, limit=1)[0]
        assert (entry.source, entry.case_ref, entry.judgement) == ("document", "EHC-0042",
                                                                   "concern")


async def test_save_without_a_line_is_refused_in_words(demo_db, late):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot)
        before = inspections.counts(app.store, app.inspection.id).evidence
        await pilot.press(*"A note", "tab", "tab", "m", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        summary = shown(screen.query_one("#form-message", Static))
        assert summary == "Not saved: it needs a line of enquiry."
        assert "Pick a line of enquiry" in shown(screen.query_one("#line-message", Static))
        assert inspections.counts(app.store, app.inspection.id).evidence == before

        screen.query_one(TextArea).text = ""
        screen.query_one("#source", KeyChoice).choose(None)  # nothing given: all three named
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert shown(screen.query_one("#form-message", Static)) == (
            "Not saved: it needs a line of enquiry, a source and the text.")


async def test_escape_keeps_the_draft_and_n_brings_it_back(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot, "3")
        await pilot.press(*"Half a thought", "tab", *"b5", "enter")
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, CaptureScreen)
        assert "Draft kept: n brings it back" in [n.message for n in app._notifications]
        await app.workers.wait_for_complete()

        screen = await open_capture(pilot)
        assert screen.query_one(TextArea).text == "Half a thought"
        assert screen.query_one(LinePicker).code == "B5"
        assert "Draft restored" in [n.message for n in app._notifications]
        area = screen.query_one(TextArea)
        assert area.has_focus and area.cursor_location == area.document.end
        await pilot.press(*", finished")  # goes on where the draft stopped
        assert area.text == "Half a thought, finished"


async def test_typing_writes_the_draft_after_a_pause_not_per_key(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_capture(pilot)
        ins = app.inspection.id
        await pilot.press(*"abc")
        await pilot.pause()
        assert latest_draft(app.store, ins) is None  # not yet: debounced
        await pilot.pause(capture.DEBOUNCE + 0.3)
        await app.workers.wait_for_complete()
        assert latest_draft(app.store, ins)[1]["text"] == "abc"

        await pilot.press("tab", "tab")  # the source field: n is not text there
        await pilot.press("n")
        await pilot.pause()
        assert len([s for s in app.screen_stack if isinstance(s, CaptureScreen)]) == 1
        await pilot.press("shift+tab", "shift+tab")
        assert isinstance(app.screen.focused, TextArea)
        await pilot.press("escape")  # from the text itself
        await pilot.pause()
        assert not isinstance(app.screen, CaptureScreen)


async def test_steady_typing_is_saved_as_it_goes(demo_db):
    """A key every 0.1 s for 3 s never leaves a half-second pause, yet drafts are written
    while typing: a kill at any moment loses at most about a second of it."""
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_capture(pilot)
        ins = app.inspection.id
        typed_at: list[float] = []
        lags: list[float] = []
        for n in range(30):
            await pilot.press("abcdefghij"[n % 10])
            typed_at.append(time.monotonic())
            await pilot.pause(0.1)
            draft = latest_draft(app.store, ins)
            saved = len(draft[1]["text"]) if draft else 0
            if n >= 12:  # past the first second: the oldest unsaved key is under ~1 s old
                lags.append(time.monotonic() - typed_at[saved] if saved < len(typed_at)
                            else 0.0)
        assert latest_draft(app.store, ins) is not None  # before typing stopped
        assert max(lags) < capture.MAX_WAIT + 0.6, lags  # the write, and a busy machine



async def test_setting_comes_from_the_event_under_the_week_cursor(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("2")
        await pilot.pause()
        week = app.screen
        visit = next(e for e in week.events if e.kind == "visit" and e.setting_id)
        week.show_event(visit.id)
        await pilot.pause()
        screen = await open_capture(pilot)
        assert screen.fields()["setting"] == visit.setting_id


async def test_setting_comes_from_the_event_happening_now(demo_db, monkeypatch):
    store = Store.open(str(demo_db))
    ins = inspections.find(store).id
    visit = next(e for e in events.all(store, ins) if e.kind == "visit" and e.setting_id)
    store.close()
    monkeypatch.setattr(capture, "utc_now", lambda: visit.start + dt.timedelta(minutes=5))
    app = make_app(str(demo_db), today=visit.start.date())
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot)  # over the dashboard
        assert screen.fields()["setting"] == visit.setting_id


CRASH = textwrap.dedent("""
    import asyncio, datetime as dt, sys
    from sendtui.ui.app import make_app

    async def autopilot(pilot):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Seen before the crash")
        await pilot.pause()
        sys.__stdout__.write("typed\\n")
        sys.__stdout__.flush()
        await asyncio.sleep(60)

    make_app(sys.argv[1], today=dt.date(2026, 11, 25)).run(headless=True, auto_pilot=autopilot)
""")


def wait_for_draft(db, text: str, timeout: float = 10.0) -> None:
    """Until the running app's draft (saved after a pause in typing) is in the file."""
    store = Store.open(str(db))
    try:
        ins = inspections.find(store, None).id
        deadline = time.monotonic() + timeout
        while (latest_draft(store, ins) or (None, {}))[1].get("text") != text:
            assert time.monotonic() < deadline, "the draft was never saved"
            time.sleep(0.05)
    finally:
        store.close()


def test_draft_survives_kill_9(demo_db):
    child = subprocess.Popen([sys.executable, "-c", CRASH, str(demo_db)], cwd=ROOT,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "typed", child.stderr.read()
        wait_for_draft(demo_db, "Seen before the crash")
        os.kill(child.pid, signal.SIGKILL)
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait(10)
    assert child.returncode == -signal.SIGKILL
    store = Store.open(str(demo_db))
    try:
        _, fields = latest_draft(store, inspections.find(store).id)
        assert fields["text"] == "Seen before the crash"
    finally:
        store.close()


# --- how it looks ----------------------------------------------------------------------------

async def filled(pilot) -> None:
    await open_capture(pilot)
    area = pilot.app.screen.query_one(TextArea)
    area.cursor_blink = False
    await pilot.press(*"Parents said the local offer website is hard to search on a phone.")
    await pilot.press("tab", *"local offer", "enter", "tab", "w")
    await pilot.pause()


def test_capture_snapshot(snap_compare, demo_db, late):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=(80, 24),
                        run_before=filled)


async def test_a_setting_without_urn_is_linked_too(demo_db, late):
    from sendtui.store import models as m

    store = Store.open(str(demo_db))
    with store.session() as s:
        store.insert(s, None, m.Setting(inspection_id=inspections.find(store).id, urn=None,
                                        name="Little Acorns Childminding", kind="early-years"))
    store.close()
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_capture(pilot)
        await pilot.press(*"Visit note", "tab", *"b5", "enter", "tab", "v", "tab",
                          *"little acorns", "enter", "ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        entry = evidence.all(app.store, app.inspection.id, limit=1)[0]
        assert (entry.text, entry.setting_name) == ("Visit note", "Little Acorns Childminding")


async def test_capture_over_the_evidence_screen_shows_the_entry_at_once(demo_db, late):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_capture(pilot, "6")
        await pilot.press(*"Seen at once", "tab", "b", "5", "enter", "tab", "d", "ctrl+s")
        await pilot.pause()
        evidence = app.screen
        assert type(evidence).__name__ == "EvidenceScreen"
        assert evidence.entries[0].text == "Seen at once"


async def test_a_marked_name_or_case_ref_in_the_text_earns_a_warning_by_pseudonym(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot)
        warning = screen.query_one("#sensitive-warning", Static)
        await pilot.press(*"Met the family; ")
        await pilot.pause()
        assert not warning.display
        await pilot.press(*"jamie holt said the plan EHC-2291 was late")
        await pilot.pause()
        assert warning.display
        said = str(warning.render())
        assert "CYP-03" in said and "case reference" in said
        assert "jamie" not in said.lower()


async def test_a_childs_first_name_alone_earns_the_warning_too(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot)
        warning = screen.query_one("#sensitive-warning", Static)
        await pilot.press(*"Priya was out of school")
        await pilot.pause()
        said = str(warning.render())
        assert warning.display and "CYP-07" in said and "priya" not in said.lower()


async def test_ctrl_g_throws_the_draft_away_after_asking(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_capture(pilot)
        await pilot.press(*"Not worth keeping")
        await pilot.press("escape")  # closed: the draft is kept
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        await until(pilot, lambda: latest_draft(app.store, app.inspection.id) is not None)
        screen = await open_capture(pilot)
        assert screen.query_one(TextArea).text == "Not worth keeping"
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("n")  # "no": nothing happens
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("ctrl+g")
        await pilot.pause()
        await pilot.press("y")
        await until(pilot, lambda: not isinstance(app.screen, CaptureScreen))
        assert latest_draft(app.store, app.inspection.id) is None
        assert "Draft thrown away" in [n.message for n in app._notifications]
        screen = await open_capture(pilot)
        assert screen.query_one(TextArea).text == ""


async def test_keys_typed_while_the_box_loads_go_into_its_text(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        under = app.screen
        with capture.DRAFT_LOCK:  # the box's read waits here: it is still loading
            await pilot.press("n", *"Seen 2 q at once")
            screen = app.screen
            assert isinstance(screen, CaptureScreen) and screen.reading
            assert screen.query_one(LinePicker).disabled  # the fields wait for the load
        await settled(pilot)
        assert app.screen is screen and app.screen_stack[-2] is under
        assert not screen.reading and not screen.query_one(LinePicker).disabled
        assert screen.query_one(TextArea).text == "Seen 2 q at once"
        await until(pilot, lambda: latest_draft(app.store, app.inspection.id) is not None)
        assert latest_draft(app.store, app.inspection.id)[1]["text"] == "Seen 2 q at once"


async def test_keys_typed_while_a_draft_loads_follow_its_text(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await open_capture(pilot)
        await pilot.press(*"Half a thought", "tab", *"b5", "enter", "escape")
        await settled(pilot)
        with capture.DRAFT_LOCK:
            await pilot.press("n", *"and more")
        await settled(pilot)
        screen = app.screen
        assert screen.query_one(TextArea).text == "Half a thought\nand more"
        assert screen.query_one(LinePicker).code == "B5"
        assert "Draft restored: what you typed follows it" in [
            n.message for n in app._notifications]
        await pilot.press(*"!")  # the cursor is at the end
        assert screen.query_one(TextArea).text == "Half a thought\nand more!"
