"""Opening: the dashboard shows the store's data before the store has fully opened, keys
pressed meanwhile are done once it has, and damage found after opening is said."""

from __future__ import annotations

import sqlite3
import threading

from textual.widgets import Static

from sendtui.store.glance import first_look
from sendtui.ui.app import make_app
from sendtui.ui.opening import OpensStore
from sendtui.ui.screens.start.dashboard import DashboardScreen
from sendtui.ui.screens.week.week import WeekScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, until


def hold_the_full_opening(monkeypatch) -> threading.Event:
    """The full opening waits until the returned event is set (SQLAlchemy still loading)."""
    go = threading.Event()
    real = OpensStore._open_fully

    def slow(self):
        go.wait(timeout=10)
        real(self)

    monkeypatch.setattr(OpensStore, "_open_fully", slow)
    return go


async def test_the_dashboard_shows_the_data_before_the_store_opens(demo_db, monkeypatch):
    go = hold_the_full_opening(monkeypatch)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, DashboardScreen))
        assert app.store is None
        counts = str(app.screen.query_one("#counts", Static).render())
        assert "Evidence  60" in counts and "Events    41" in counts
        assert "Wealdshire" in app.title
        await pilot.press("2")  # needs the store: held, not lost
        await pilot.pause()
        assert isinstance(app.screen, DashboardScreen)
        go.set()
        await until(pilot, lambda: isinstance(app.screen, WeekScreen))
        await settled(pilot)


def test_no_first_look_at_an_older_schema_or_a_url(demo_db, tmp_path):
    assert first_look(str(demo_db), None).counts.evidence == 60
    assert first_look(f"sqlite:///{demo_db}", None) is None
    assert first_look(str(tmp_path / "missing.db"), None) is None
    with sqlite3.connect(demo_db) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0001'")
    conn.close()
    assert first_look(str(demo_db), None) is None


async def test_damage_found_after_opening_is_said(demo_db, monkeypatch):
    monkeypatch.setattr("sendtui.store.damage.damage", lambda store: "integrity check: page 9")
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await settled(pilot)
        said = [n.message for n in app._notifications]
        assert any("The store is damaged (integrity check: page 9)" in m for m in said), said
