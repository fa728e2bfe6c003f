"""Erase for good from the TUI: `E` on an entry (list and detail), an event, a marked name;
`P` on the dashboard; each asks for the word erase, and undo brings nothing back."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Input, Static

from sendtui.store import events, evidence, inspections, names, retention
from sendtui.store import models as m
from sendtui.ui.app import make_app
from sendtui.ui.screens.common.erase import EraseConfirm
from sendtui.ui.screens.common.help import HelpScreen
from sendtui.ui.screens.evidence import EvidenceDetail
from sendtui.ui.screens.evidence.names import MarkedNamesScreen
from sendtui.ui.screens.start.dashboard import DashboardScreen, retention_line
from sendtui.ui.screens.start.welcome import WelcomeScreen
from tests.conftest import DEMO_TODAY
from tests.store.test_erasure import found_in_files
from tests.ui.conftest import settled, until
from tests.ui.test_evidence_screen import evidence_screen
from tests.ui.test_pilot import row_keys, rows, shown
from tests.ui.test_week import detail, notices, on_week


async def confirm(pilot, word: str = "erase") -> EraseConfirm:
    await until(pilot, lambda: isinstance(pilot.app.screen, EraseConfirm))
    dialog = pilot.app.screen
    await pilot.press(*word, "enter")
    await settled(pilot)
    return dialog


def stored(app, model, row_id):
    with app.store.session() as s:
        return s.get(model, row_id)


async def test_erase_an_entry_from_the_list_asks_for_the_word(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await evidence_screen(pilot)
        grid = screen.query_one("#evidence", DataTable)
        gone = screen.entries[0]
        await pilot.press("E")
        dialog = await confirm(pilot, "yes")  # not the word: refused, nothing erased
        assert app.screen is dialog
        assert shown(dialog.query_one("#form-message", Static)) == (
            "Type the word erase to confirm, or escape.")
        assert "cannot be undone" in shown(dialog.query_one("#erase-warning", Static))
        await pilot.press("escape")
        await settled(pilot)
        assert stored(app, m.Evidence, gone.id).text == gone.text
        await pilot.press("E")
        await confirm(pilot)
        assert app.screen is screen and grid.row_count == 59
        assert gone.id not in row_keys(grid)
        assert f"Erased for good: evidence entry {gone.id[:8]}." in notices(app)
        assert stored(app, m.Evidence, gone.id).text == ""
        await pilot.press("u")
        await settled(pilot)
        assert gone.id not in row_keys(grid)
        assert found_in_files(demo_db, gone.text) == {gone.text: 0}


async def test_erase_from_the_detail_closes_it(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await evidence_screen(pilot)
        await pilot.press("down", "enter")
        await settled(pilot)
        assert isinstance(app.screen, EvidenceDetail)
        gone = app.screen.entry
        await pilot.press("E")
        await confirm(pilot)
        assert app.screen is screen
        assert gone.id not in row_keys(screen.query_one("#evidence", DataTable))
        assert evidence.versions(app.store, gone.id) == []


async def test_erase_the_event_under_the_cursor(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await on_week(pilot)
        event = screen.grid.event_under_cursor
        assert event.title.startswith("Opening meeting")
        await pilot.press("E")
        await confirm(pilot)
        assert all(e.id != event.id for e in events.all(app.store, app.inspection.id))
        assert detail(screen).startswith("Mon 30 Nov 09:00 · free")
        assert stored(app, m.Event, event.id).title == ""
        assert f"Erased for good: event {event.id[:8]}." in notices(app)
        await pilot.press("u")  # the log has nothing of it
        await settled(pilot)
        assert all(e.id != event.id for e in events.all(app.store, app.inspection.id))


async def test_marked_names_are_listed_by_pseudonym_and_one_is_erased(demo_db, demo_store):
    ins = inspections.find(demo_store).id
    names.add(demo_store, ins, "Tamsin Oddleigh", "CYP-77")
    entry = evidence.add(demo_store, ins, [_row("Tamsin Oddleigh was out of school")]).ids[0]
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await evidence_screen(pilot)
        await pilot.press("M")
        await settled(pilot)
        assert isinstance(app.screen, MarkedNamesScreen)
        grid = app.screen.query_one("#marked-names", DataTable)
        listed = {r["Pseudonym"]: r["Name"] for r in rows(grid)}
        assert listed["CYP-77"] == "hidden: r reveals"
        await pilot.press("r")
        await pilot.pause()
        assert {r["Pseudonym"]: r["Name"] for r in rows(grid)}["CYP-77"] == "Tamsin Oddleigh"
        grid.move_cursor(row=row_keys(grid).index("CYP-77"))
        await pilot.press("E")
        await confirm(pilot)
        assert isinstance(app.screen, MarkedNamesScreen)
        assert "CYP-77" not in row_keys(grid)
        assert stored(app, m.Evidence, entry).text == "CYP-77 was out of school"
        assert found_in_files(demo_db, "Oddleigh", "Tamsin") == {"Oddleigh": 0, "Tamsin": 0}


async def test_help_and_footer_show_the_erase_keys(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        await evidence_screen(pilot)
        await pilot.press("question_mark")
        await settled(pilot)
        assert isinstance(app.screen, HelpScreen)
        keys = {row[2]: (row[0], row[1]) for row in app.screen.keys}
        assert keys["evidence-erase"] == ("E", "Erase for good")
        assert keys["marked-names"] == ("M", "Marked names")
        await pilot.press("escape", "2")
        await settled(pilot)
        footer = {b.binding.id for b in app.screen.active_bindings.values() if b.binding.show}
        assert "erase-event" in footer


async def test_retention_reminder_and_purge_from_the_dashboard(demo_db, demo_store):
    ins = inspections.find(demo_store).id
    app = make_app(str(demo_db), today=dt.date(2027, 6, 7))
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        line = app.screen.query_one("#retention", Static)
        assert not line.display
        await pilot.press("R")
        await settled(pilot)
        months = app.screen.query_one("#months", Input)
        months.value = ""
        await pilot.press(*"6", "enter")
        await settled(pilot)
        assert retention.get(app.store, ins).months == 6
        assert line.display and shown(line) == (
            "Evidence is due for erasure since Fri 4 Jun 2027: run `sendtui purge --yes` or "
            "press P.")
        assert line.has_class("warning")
        await pilot.press("P")
        await confirm(pilot)
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen))
        await settled(pilot)
        assert app.inspection is None and inspections.all(app.store) == []
        assert found_in_files(demo_db, "Wealdshire") == {"Wealdshire": 0}
        await pilot.press("d")  # the demo again: its screens are new
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen) and app.inspection.id != ins


def test_the_retention_line_before_and_after_it_falls_due():
    due = retention.Retention(6, dt.date(2027, 6, 4))
    assert retention_line(due, dt.date(2027, 6, 3)) == (
        "Evidence is due for erasure on Fri 4 Jun 2027, 6 months after final feedback "
        "(R changes it).", False)
    assert retention_line(due, dt.date(2027, 6, 4))[1] is True
    assert retention_line(retention.Retention(None, None), dt.date(2030, 1, 1)) == ("", False)


def _row(text: str):
    from sendtui.domain.clock import utc_now
    from sendtui.records import EvidenceRow

    return EvidenceRow(utc_now(), "A1", "meeting", text, None, None, None, "")
