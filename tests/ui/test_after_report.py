"""The dashboard's "After the report": O records what the report said, and the panel counts
down to every date that follows (a Pilot test by keys; a snapshot of the panel)."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Input, Static

from sendtui.store import inspections
from sendtui.store import outcomes as recorded
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.start.dashboard import DashboardScreen
from sendtui.ui.screens.start.outcome import OutcomeForm
from tests.ui.conftest import settled, store_open

TODAY = dt.date(2024, 8, 20)
SIZE = (80, 24)


def inspection_2023(path, **outcome) -> str:
    store = Store.open(str(path))
    try:
        ins = inspections.create(store, "Fenmarch", "2023", dt.date(2024, 5, 20)).id
        if outcome:
            recorded.record(store, ins, **outcome)
        return ins
    finally:
        store.close()


async def test_recording_a_2023_outcome_shows_what_follows(db_path):
    ins = inspection_2023(db_path)
    app = make_app(str(db_path), today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        panel = app.screen.query_one("#after-report", Static)
        assert not panel.display  # nothing to show before the report
        await pilot.press("O")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, OutcomeForm)
        assert "3  There are widespread and/or systemic failings" in str(
            form.query_one(".hint", Static).render())
        form.query_one("#outcome", Input).value = "3"
        form.query_one("#received", Input).value = "2024-07-15"
        form.query_one("#published", Input).value = "2024-07-22"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        text = str(app.screen.query_one("#after-report", Static).render())
        assert panel.display
        assert "There are widespread and/or systemic failings" in text
        assert "Priority action plan due: Tue 27 Aug 2024 — 4 working days to go" in text
        assert "Monitoring inspection (about 18 months): Thu 15 Jan 2026 — in about 17 months" in text
        assert "Report published: Mon 22 Jul 2024 — 21 working days ago" in text
    store = Store.open(str(db_path))
    try:
        keys = {k.key for k in inspections.key_dates(store, ins)}
    finally:
        store.close()
    assert {"priority-action-plan", "monitoring-inspection"} <= keys


async def test_a_bad_answer_is_refused_in_words(db_path):
    inspection_2023(db_path)
    app = make_app(str(db_path), today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("O")
        await settled(pilot)
        app.screen.query_one("#received", Input).value = "2024-02-30"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, OutcomeForm)  # refused, still open
        await pilot.press("escape")


def test_after_the_report_panel(snap_compare, db_path):
    inspection_2023(db_path, outcome=3, received=dt.date(2024, 7, 15),
                    published=dt.date(2024, 7, 22))
    assert snap_compare(make_app(str(db_path), today=dt.date(2024, 9, 2)), terminal_size=(80, 40),
                        run_before=store_open)


async def test_w_rewords_the_outcome_and_its_intervals(db_path):
    from sendtui.ui.screens.start.wording import WordingForm

    inspection_2023(db_path, outcome=3, received=dt.date(2024, 7, 15))
    app = make_app(str(db_path), today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        await pilot.press("W")
        await settled(pilot)
        assert isinstance(app.screen, WordingForm)
        field = app.screen.query_one("#every-3-priority-action-plan", Input)
        field.value = "0"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, WordingForm)  # refused, said in words
        assert "1 to 250 working days" in str(
            app.screen.query_one("#every-3-priority-action-plan-label").render()) or \
            "1 to 250 working days" in " ".join(
                str(m.render()) for m in app.screen.query(".message"))
        field.value = "20"
        app.screen.query_one("#label-3", Input).value = "Widespread failings"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        text = str(app.screen.query_one("#after-report", Static).render())
        assert "Widespread failings" in text
        assert "Priority action plan due: Mon 12 Aug 2024" in text


async def test_a_plan_submitted_meets_its_deadline_on_the_panel_and_in_today(db_path):
    from sendtui.store import plan

    ins = inspection_2023(db_path, outcome=3, received=dt.date(2024, 7, 15))
    app = make_app(str(db_path), today=TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        today = str(app.screen.query_one("#today-panel", Static).render())
        assert "Plan: Priority action plan due — was due Tue 27 Aug" not in today  # not yet
        assert "Priority action plan due: Tue 27 Aug 2024 — 4 working days to go" in str(
            app.screen.query_one("#after-report", Static).render())
    store = Store.open(str(db_path))
    try:
        plan.add_version(store, ins, "priority-action-plan", "1",
                         submitted_on=dt.date(2024, 8, 23))
    finally:
        store.close()
    app = make_app(str(db_path), today=dt.date(2024, 9, 2))
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        text = str(app.screen.query_one("#after-report", Static).render())
        assert "Priority action plan due: Tue 27 Aug 2024 — done Fri 23 Aug 2024" in text
        assert "Strategic plan updated: Tue 27 Aug 2024 — overdue by 4 working days" in text
        late = [(i.what, i.text) for i in app.screen.today.overdue]
        assert ("Plan", "Strategic plan updated") in late  # 6 seeded requests and it
        assert len(late) == 7 and "7 overdue" in app.sub_title
