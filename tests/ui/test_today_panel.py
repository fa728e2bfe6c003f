"""The dashboard opens on Today: what is overdue and due, and the day's events to come —
read again when the clock moves (SENDTUI_TODAY), at 80×24."""

from __future__ import annotations

from textual.widgets import Static

from sendtui.ui.app import make_app
from sendtui.ui.screens.start.dashboard import DashboardScreen
from tests.ui.conftest import store_open
from tests.ui.test_demo_2023_dashboard import demo_2023


async def panel(db_path) -> tuple[str, str]:
    app = make_app(str(db_path))  # today from SENDTUI_TODAY, as a rehearsal sets it
    async with app.run_test(size=(80, 24)) as pilot:
        await store_open(pilot)
        assert isinstance(app.screen, DashboardScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        return str(app.screen.query_one("#today-panel", Static).render()), app.sub_title


async def test_the_today_panel_follows_the_clock(db_path, monkeypatch):
    demo_2023(db_path)
    monkeypatch.setenv("SENDTUI_TODAY", "2026-11-20")  # the end of week 1
    text, header = await panel(db_path)
    assert text.startswith("Today, Fri 20 Nov · nothing overdue,")
    assert "overdue" not in header

    monkeypatch.setenv("SENDTUI_TODAY", "2026-11-30")  # the first on-site morning
    text, header = await panel(db_path)
    assert text.startswith("Today, Mon 30 Nov · 11 overdue, nothing due today, 10 events to come")
    assert "  Overdue    CYP-05: documents not in — was due Mon 23 Nov 17:00" in text
    assert "  Next       09:00–10:15  Leaders' meeting" in text
    assert header == "Day 11 of 15 · 11 overdue"
