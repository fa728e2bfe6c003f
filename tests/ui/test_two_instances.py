"""Two programs on one store: what the CLI (or a second app) writes shows in the open app
within 2 s, the cursor where it was, a form being typed in left alone; the app's own writes
do not make it read again."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
from pathlib import Path

from textual.widgets import DataTable, Input, Static

from sendtui.records.incoming import EvidenceRow
from sendtui.store import evidence, inspections, people
from sendtui.ui import watching
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.people import PeopleScreen
from sendtui.ui.screens.area.people_forms import PersonForm
from sendtui.ui.screens.evidence.log import EvidenceScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, until
from tests.ui.test_area_screens import on_screen, rows, selected, typed

SHOWN_WITHIN_S = 2.0
ROOT = Path(__file__).resolve().parents[2]


async def test_a_person_added_by_another_program_shows_with_the_cursor_kept(
        demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "4", PeopleScreen)
        grid = screen.query_one("#people", DataTable)
        await typed(pilot, "down", "down", "down", "down")
        before = selected(grid)["Name"]
        people.add(demo_store, ins.id, "Aaron Abbott", role="Headteacher")  # sorts first
        await until(pilot, lambda: "Aaron Abbott" in {r["Name"] for r in rows(grid)},
                    SHOWN_WITHIN_S)
        assert selected(grid)["Name"] == before


async def test_an_entry_added_by_another_program_shows_with_the_cursor_kept(
        demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "6", EvidenceScreen)
        await typed(pilot, "down", "down")
        before = screen.selected().id
        (new,) = evidence.add(demo_store, ins.id, [EvidenceRow(
            at=dt.datetime.now(dt.timezone.utc), line="B2", source="meeting",
            text="Said at the keep-in-touch meeting", setting_urn=None, case_ref=None,
            judgement=None, author="Kwame Mensah")]).ids
        await until(pilot, lambda: new in {e.id for e in screen.entries}, SHOWN_WITHIN_S)
        assert screen.selected().id == before


async def test_a_form_being_typed_in_is_left_alone_and_the_screen_under_it_reads_again(
        demo_db, demo_store):
    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"Priya Sh")
        form = app.screen
        assert isinstance(form, PersonForm)
        people.add(demo_store, ins.id, "Aaron Abbott")
        grid = screen.query_one("#people", DataTable)
        await until(pilot, lambda: "Aaron Abbott" in {r["Name"] for r in rows(grid)},
                    SHOWN_WITHIN_S)
        assert app.screen is form
        assert form.query(Input).first().value == "Priya Sh"


async def test_the_apps_own_writes_do_not_make_it_read_again(demo_db, monkeypatch):
    told = []
    monkeypatch.setattr(watching.WatchesOthers, "on_others_changed",
                        lambda app, message: told.append(message))
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"Priya Shah", "ctrl+s")  # on the UI thread
        ins = app.inspection.id
        worker = threading.Thread(target=people.add, args=(app.store, ins, "Olu Adeyemi"))
        worker.start()  # and from another thread, as the app's workers write
        worker.join()
        await pilot.pause(4 * watching.WATCH_EVERY_S)
        assert told == []


async def test_a_request_the_cli_adds_overdue_shows_in_the_header_and_on_the_dashboard(
        demo_db):
    """The coordinator's CLI beside the open app: a real second process."""
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await settled(pilot)
        before = app.overdue_words
        n = int(before.split()[0]) if before else 0
        done = subprocess.run(
            [sys.executable, "-m", "sendtui", "--db", str(demo_db), "requests", "add",
             "--title", "Minutes of the SEND partnership board", "--due", "2026-11-24 09:00"],
            env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True,
            timeout=120)
        assert done.returncode == 0, done.stderr
        await until(pilot, lambda: app.overdue_words == f"{n + 1} overdue", SHOWN_WITHIN_S)
        dashboard = app.screen
        await until(pilot, lambda: "Minutes of the SEND partnership board" in "\n".join(
            str(w.render()) for w in dashboard.query(Static)), SHOWN_WITHIN_S)


async def test_the_open_inspection_erased_by_another_program_closes_here_too(
        demo_db, demo_store):
    from sendtui.store.erasure import purge
    from sendtui.ui.screens.start.welcome import WelcomeScreen

    ins = inspections.find(demo_store)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        purge(demo_store, ins.id)
        told = f"Another program erased {ins.local_area} for good."
        await until(pilot, lambda: isinstance(app.screen, WelcomeScreen) and told in [
            n.message for n in app._notifications], SHOWN_WITHIN_S)
        assert app.inspection is None
        await pilot.press("1")  # no screen of the erased inspection is left to read it
        await settled(pilot)
        assert isinstance(app.screen, WelcomeScreen)
