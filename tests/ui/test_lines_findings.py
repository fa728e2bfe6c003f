"""Findings on the Lines screen: `f` adds one on the highlighted line (statement, polarity,
entries ticked with space); its row under the line says how secure it is in words."""

from __future__ import annotations

from textual.widgets import DataTable, Input, SelectionList, Static

from sendtui.store import findings
from sendtui.ui.app import make_app
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.lines.finding_form import FindingForm
from sendtui.ui.screens.lines.lines import LinesScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open
from tests.ui.test_pilot import rows, shown

STATEMENT = "Teaching plans rarely draw on EHC plan outcomes"


async def test_add_edit_and_remove_a_finding(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("5")
        await settled(pilot)
        screen = app.screen
        grid = screen.query_one("#lines", DataTable)
        assert rows(grid)[0]["Code"] == "A3"  # the highlighted line
        bindings = {b.id: b for b in screen.BINDINGS}
        assert bindings["add-finding"].key == "f"
        assert bindings["add-finding"].description == "Add finding"

        await pilot.press("f")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, FindingForm)
        assert shown(form.query_one(".heading", Static)) == "Add a finding on line A3"
        backing = form.query_one("#backing", SelectionList)
        on_line = findings.entries_on(app.store, app.inspection.id, screen.lines[0].id)
        assert backing.option_count == len(on_line) == 2
        await pilot.press(*STATEMENT, "tab", "3", "tab", "space", "down", "space")
        await settled(pilot)
        await pilot.press("ctrl+s")
        await settled(pilot)

        assert isinstance(app.screen, LinesScreen)
        shown_rows = rows(grid)
        added = shown_rows[grid.cursor_row]  # the cursor is on the new finding
        assert grid.cursor_row == 1 and added["Code"] == " └"
        assert added["Status"] == "▲ corroborated"  # a focus group and a visit
        assert added[" Kinds"] == "2" and added["  FG"] == "1" and added[" Vis"] == "1"
        assert added["Line of enquiry"].startswith(f"Concern · 2 entries: {STATEMENT}")
        detail = shown(screen.query_one("#lines-detail", Static))
        assert detail.splitlines()[0] == (
            "A3 · Concern · corroborated: 2 entries, 2 kinds, 1 short of secure")
        assert detail.splitlines()[2] == STATEMENT
        [stored] = findings.all(app.store, app.inspection.id)
        assert (stored.line_code, stored.text, stored.polarity) == ("A3", STATEMENT, "concern")
        assert {e.id for e in stored.backing} == {e.id for e in on_line}

        await pilot.press("t", "t")  # threshold 2: the same finding is secure
        await settled(pilot)
        assert rows(grid)[grid.cursor_row]["Status"] == "✓ secure"  # the cursor kept on it
        await pilot.press("t")  # back to 3
        await settled(pilot)

        await pilot.press("e")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, FindingForm)
        assert form.query_one("#statement", Input).value == STATEMENT
        assert len(form.query_one("#backing", SelectionList).selected) == 2
        await pilot.press("tab", "1", "tab", "space", "ctrl+s")  # a strength, one entry
        await settled(pilot)
        edited = rows(grid)[grid.cursor_row]
        assert edited["Status"] == "▲ single source"
        assert edited["Line of enquiry"].startswith("Strength · 1 entry")

        await pilot.press("d")
        await settled(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settled(pilot)
        assert findings.all(app.store, app.inspection.id) == []
        assert " └" not in [r["Code"] for r in rows(grid)]
        await pilot.press("u")  # undo brings it back
        await settled(pilot)
        assert rows(grid)[1]["Code"] == " └"


async def test_a_finding_needs_a_statement_and_a_polarity(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("5")
        await settled(pilot)
        await pilot.press("f")
        await settled(pilot)
        await pilot.press("ctrl+s")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, FindingForm)  # refused: still open
        said = shown(form.query_one("#form-message", Static))
        assert "statement" in said.lower() and "polarity" in said.lower()
        await pilot.press("escape")
        await settled(pilot)
        assert findings.all(app.store, app.inspection.id) == []
