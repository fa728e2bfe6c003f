"""Lines screen triangulation: thin lines first, status in words, `t` for the threshold."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from sendtui.ui.app import make_app
from sendtui.ui.screens.lines.lines import LinesScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open
from tests.ui.test_pilot import LINES_ATTENTION, rows, shown, table_on_screen

NOT_YET = ["A3", "A4", "C2", "C3"]  # two source kinds each in the demo


async def lines_screen(pilot):
    await store_open(pilot)
    await pilot.press("5")
    await settled(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, LinesScreen)
    return screen


async def test_thin_lines_come_first_with_their_status_in_words(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await lines_screen(pilot)
        table = rows(screen.query_one("#lines", DataTable))
        assert [r["Code"] for r in table] == LINES_ATTENTION
        assert [r["Code"] for r in table[:4]] == NOT_YET
        assert {r["Status"] for r in table[:4]} == {"▲ corroborated"}
        assert {r["Status"] for r in table[4:]} == {"✓ triangulated"}
        assert shown(screen.query_one("#lines-summary", Static)) == (
            "13 lines · 9 triangulated (≥3 source kinds) · 4 not yet · 0 without evidence")
        detail = shown(screen.query_one("#lines-detail", Static))
        assert detail.startswith("A3  It shapes the planning of teaching and other support")
        assert "Focus group 1 · Visit 1 — 1 more kind to triangulate" in detail
        # fits 80 columns: every row ends inside the table, long titles end in an ellipsis
        on_screen = table_on_screen(screen.query_one("#lines", DataTable))
        # a column per source kind in use (the demo has no tracking or written submissions)
        assert on_screen[0].startswith("Code  Doc Mtg  FG Vis  CF Web Sur Dat Kinds Status")
        assert all(len(line.rstrip()) <= 78 for line in on_screen)
        assert on_screen[1].rstrip().endswith("…")


async def test_t_cycles_the_threshold_and_the_summary_follows(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await lines_screen(pilot)
        summary = screen.query_one("#lines-summary", Static)
        grid = screen.query_one("#lines", DataTable)
        bindings = {b.id: b for b in screen.BINDINGS}
        assert bindings["triangulation-threshold"].description == "Threshold"

        await pilot.press("t")  # 3 → 4
        await settled(pilot)
        assert shown(summary) == (
            "13 lines · 6 triangulated (≥4 source kinds) · 7 not yet · 0 without evidence")
        assert [r["Code"] for r in rows(grid)][:7] == ["A2", "A3", "A4", "B4", "B5", "C2", "C3"]
        assert rows(grid)[grid.cursor_row]["Code"] == "A3"  # the cursor stays on its line

        await pilot.press("t")  # 4 → 2
        await settled(pilot)
        assert shown(summary) == (
            "13 lines · 13 triangulated (≥2 source kinds) · 0 not yet · 0 without evidence")
        assert {r["Status"] for r in rows(grid)} == {"✓ triangulated"}

        await pilot.press("4")  # the threshold holds for the session

        await settled(pilot)

        await pilot.press("5")
        await settled(pilot)
        assert "(≥2 source kinds)" in shown(app.screen.query_one("#lines-summary", Static))
        await pilot.press("t")  # 2 → 3
        await settled(pilot)
        assert "9 triangulated (≥3 source kinds)" in shown(
            app.screen.query_one("#lines-summary", Static))


async def test_day_by_day_progress_names_the_on_site_days(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await lines_screen(pilot)
        days = shown(screen.query_one("#lines-days", Static))
        assert days == ("Daily: earlier 13 · Mon 30 Nov 15 · Tue 1 Dec 10 · Wed 2 Dec 12 · "
                        "Thu 3 Dec 10")
        assert "Mon 30 Nov" in days
        assert len(days) <= 78  # one line at 80 columns
