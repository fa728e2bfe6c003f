"""The 2023 demo opened on Mon 30 Nov 2026, day 1 of its on-site week: the dashboard shows the
three weeks, and the Lines screen its findings."""

from __future__ import annotations

import datetime as dt

from textual.widgets import DataTable, Static

from sendtui.demo import add_demo
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.start.dashboard import DashboardScreen
from tests.ui.conftest import store_open

ON_SITE_DAY_1 = dt.date(2026, 11, 30)


def demo_2023(db_path):
    s = Store.open(str(db_path))
    ins, _ = add_demo(s)
    s.close()
    return ins


async def test_the_dashboard_shows_the_three_weeks_and_today(db_path):
    demo_2023(db_path)
    app = make_app(str(db_path), today=ON_SITE_DAY_1)
    async with app.run_test(size=(120, 40)) as pilot:
        await store_open(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        table = screen.query_one("#key-dates", DataTable)
        rows = {key.value: [str(c) for c in table.get_row(key)[:2]] for key in table.rows}
        assert [rows[k][0] for k in ("set-up", "tracking", "on-site")] == [
            "Week 1: set-up and data request", "Week 2: tracking and case sampling",
            "Week 3: on-site fieldwork ending in final feedback"]
        assert [rows[k][1] for k in ("set-up", "tracking", "on-site", "final-feedback")] == [
            "Mon 16 Nov 2026 – Fri 20 Nov 2026", "Mon 23 Nov 2026 – Fri 27 Nov 2026",
            "Mon 30 Nov 2026 – Fri 4 Dec 2026", "Fri 4 Dec 2026"]
        assert rows["surveys"] == ["Surveys open (weeks 1–2)",
                                   "Mon 16 Nov 2026 – Fri 27 Nov 2026"]
        today = str(screen.query_one("#today", Static).render())
        assert today == "Wealdshire · Day 11 of 15 · Mon 30 Nov 2026"
        counts = str(screen.query_one("#counts", Static).render())
        assert "Evidence  43" in counts and "team 4" in counts
