"""Two clients on one store: what the other writes shows on the open screen within 2 s (the
week's problems panel included, on SQLite and on PostgreSQL), the cursor where it was; the
app's own writes do not make it read again (on PostgreSQL here; SQLite's in
test_two_instances.py)."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import replace

from textual.widgets import OptionList

from sendtui.records.incoming import EvidenceRow
from sendtui.store import events, evidence, inspections, people
from sendtui.store.events import EventInput
from sendtui.store.repo import Store
from sendtui.ui import watching
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.people import PeopleScreen
from sendtui.ui.screens.evidence.log import EvidenceScreen
from sendtui.ui.widgets.week_grid import WeekGrid
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import until
from tests.ui.test_area_screens import on_screen, typed
from tests.ui.test_week import event_titled, on_week, problems_listed

BOTH_ENGINES = True
SHOWN_WITHIN_S = 2.0


async def test_a_clash_made_by_another_client_shows_in_the_problems_panel(
        demo_target, demo_store):
    """The other client puts Helen on Fiona's case file review, at the time of her meeting."""
    ins = inspections.find(demo_store).id
    helen = next(p.id for p in people.all(demo_store, ins) if p.name == "Helen Marsden")
    review = event_titled(demo_store, "Case file review batch 1")
    app = make_app(demo_target, today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_week(pilot)
        panel = screen.query_one("#problems", OptionList)
        assert panel.border_title == "Problems (1)"  # the demo's standing warning
        under = screen.query_one(WeekGrid).event_under_cursor.id
        events.edit(demo_store, ins, review.id,
                    replace(EventInput.of(review), person_ids=(helen,)))
        await until(pilot, lambda: panel.border_title == "Problems (2)", SHOWN_WITHIN_S)
        assert any(line.startswith("✖ error  Helen Marsden is in two places at once")
                   and "Case file review batch 1" in line for line in problems_listed(screen))
        assert screen.query_one(WeekGrid).event_under_cursor.id == under


async def test_an_entry_added_by_another_client_shows_with_the_cursor_kept(
        pg_demo_database):
    """(On SQLite: tests/ui/test_two_instances.py.)"""
    other = Store.open(pg_demo_database, create=False)
    ins = inspections.find(other)
    app = make_app(pg_demo_database, today=DEMO_TODAY)
    async with app.run_test() as pilot:
        screen = await on_screen(pilot, "6", EvidenceScreen)
        await typed(pilot, "down", "down")
        before = screen.selected().id
        (new,) = evidence.add(other, ins.id, [EvidenceRow(
            at=dt.datetime.now(dt.UTC), line="B2", source="meeting",
            text="Said at the keep-in-touch meeting", setting_urn=None, case_ref=None,
            judgement=None, author="Kwame Mensah")]).ids
        await until(pilot, lambda: new in {e.id for e in screen.entries}, SHOWN_WITHIN_S)
        assert screen.selected().id == before
    other.close()


async def test_the_apps_own_writes_do_not_make_it_read_again(pg_demo_database, monkeypatch):
    """(On SQLite: tests/ui/test_two_instances.py.)"""
    told = []
    monkeypatch.setattr(watching.WatchesOthers, "on_others_changed",
                        lambda app, message: told.append(message))
    app = make_app(pg_demo_database, today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await on_screen(pilot, "4", PeopleScreen)
        await typed(pilot, "a", *"Priya Shah", "ctrl+s")  # on the UI thread
        worker = threading.Thread(target=people.add,
                                  args=(app.store, app.inspection.id, "Olu Adeyemi"))
        worker.start()  # and from another thread, as the app's workers write
        worker.join()
        await pilot.pause(4 * watching.WATCH_EVERY_S)
        assert told == []
