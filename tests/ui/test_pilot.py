"""The app driven by the keys a coordinator presses, checked against the screen and the store.

Every test starts the app headless, waits for the store worker, then presses keys; what it
asserts is what the screen shows (table rows, texts) and what the store file holds.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.command import CommandList, CommandPalette
from textual.widgets import DataTable, Input, Select, Static

from sendtui.store import evidence, inspections, lines
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.area.people import PeopleScreen
from sendtui.ui.screens.area.settings import SettingsScreen
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.common.help import HelpScreen
from sendtui.ui.screens.common.key_date import KeyDateForm
from sendtui.ui.screens.evidence import EvidenceScreen
from sendtui.ui.screens.lines.form import LineForm
from sendtui.ui.screens.lines.lines import LinesScreen
from sendtui.ui.screens.start.dashboard import DashboardScreen
from sendtui.ui.screens.start.new_inspection import NewInspectionScreen
from sendtui.ui.screens.start.store_error import StoreErrorScreen
from sendtui.ui.screens.start.welcome import WelcomeScreen
from sendtui.ui.screens.week.week import WeekScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open, until

LINES_2016 = ["A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "B5", "B6", "C1", "C2", "C3"]
# The demo's lines as the Lines screen orders them: not yet triangulated (fewer than 3 source
# kinds) first, then the triangulated; framework order within each group.
LINES_ATTENTION = ["A3", "A4", "C2", "C3", "A1", "A2", "B1", "B2", "B3", "B4", "B5", "B6", "C1"]


# --- helpers ---------------------------------------------------------------------------------

def shown(widget: Static) -> str:
    """The plain text a Static shows (markup resolved)."""
    return str(widget.render())


def rows(table: DataTable) -> list[dict[str, str]]:
    """Every row as {column label: cell text}, in the order shown."""
    labels = [str(c.label) for c in table.ordered_columns]
    return [dict(zip(labels, map(str, table.get_row_at(i)))) for i in range(table.row_count)]


def row_keys(table: DataTable) -> list[str]:
    return [table.coordinate_to_cell_key((i, 0)).row_key.value for i in range(table.row_count)]


def table_on_screen(table: DataTable) -> list[str]:
    """The lines the terminal shows for a table (cells rendered: markup and all)."""
    return ["".join(segment.text for segment in table.render_line(y))
            for y in range(table.size.height)]


def tab_marked(screen) -> str:
    """The screen tab shown as current (in reverse): e.g. '5 Lines'."""
    return next(s for s in screen.query(".tabs")).content.split("[b reverse]")[1].split("[/]")[0].strip()


def stored(path: Path):
    """What the store file holds, read with a Store of its own after the app has closed."""
    store = Store.open(str(path))
    try:
        ins = inspections.find(store)
        return ins, inspections.key_dates(store, ins.id), lines.all(store, ins.id)
    finally:
        store.close()


# --- empty store: welcome and a new inspection -----------------------------------------------

async def test_new_inspection_by_keys_only(db_path):
    app = make_app(str(db_path), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert "Welcome to sendtui" in shown(app.screen.query_one(".heading", Static))

        await pilot.press("n")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, NewInspectionScreen)
        assert app.focused is form.query_one("#local-area", Input)
        assert "Type the call date" in shown(form.query_one("#warnings", Static))

        await pilot.press(*"Fenmarch")
        # The framework by keys: tab to the select, enter opens it, up to 2016, enter.
        await pilot.press("tab")
        select = form.query_one("#framework", Select)
        assert app.focused is select and select.value == "2023"
        await pilot.press("enter")
        await settled(pilot)
        assert select.expanded
        await pilot.press("up", "enter")
        await settled(pilot)
        assert select.value == "2016" and not select.expanded

        await pilot.press("tab", *"2020-13-40")
        await settled(pilot)
        notified = form.query_one("#notified", Input)
        assert app.focused is notified and notified.value == "2020-13-40"
        message = form.query_one("#notified-message", Static)
        assert "Not a date" in shown(message) and "2020-13-40" in shown(message)
        assert message.has_class("error")
        assert form.query_one("#preview", DataTable).row_count == 0

        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is form  # nothing created
        assert inspections.all(app.store) == []

        await pilot.press("ctrl+u", *"2020-03-02")
        await settled(pilot)
        assert shown(message) == "" and not message.has_class("error")
        preview = {r["Key date"]: r["When"] for r in rows(form.query_one("#preview", DataTable))}
        assert preview["Notification call (day 1)"] == "Mon 2 Mar 2020"
        assert preview["On site (days 6–10)"] == "Mon 9 Mar 2020 – Fri 13 Mar 2020"
        assert preview["Final feedback (day 10)"] == "Fri 13 Mar 2020"
        assert "ctrl+s to create" in shown(form.query_one("#warnings", Static))
        assert inspections.all(app.store) == []  # a preview only, until ctrl+s

        await pilot.press("ctrl+s")
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert "Fenmarch" in app.title and "2016" in app.title
        assert shown(screen.query_one("#today", Static)).startswith("Fenmarch · ")
        dates = {r["Key date"]: r["When"] for r in rows(screen.query_one("#key-dates", DataTable))}
        assert dates == {
            "Notification call (day 1)": "Mon 2 Mar 2020",
            "On site (days 6–10)": "Mon 9 Mar 2020 – Fri 13 Mar 2020",
            "Final feedback (day 10)": "Fri 13 Mar 2020",
        }
        assert app.screen_stack == [screen]  # the form is gone, not hidden under the dashboard

    ins, key_dates, lines = stored(db_path)
    assert (ins.local_area, ins.framework, ins.notified) == ("Fenmarch", "2016", dt.date(2020, 3, 2))
    assert {k.key: k.date for k in key_dates}["on-site"] == dt.date(2020, 3, 9)
    assert [line.code for line in lines] == LINES_2016


async def test_new_inspection_escape_goes_back_to_welcome(db_path):
    app = make_app(str(db_path), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        await pilot.press("n", *"Fenmarch", "escape")
        await settled(pilot)
        question = app.screen  # what was typed is not thrown away by one key
        assert shown(question.query_one("#question", Static)) == (
            "You have changes not saved. Save them before you close the form?")
        await pilot.press("k")  # keep editing: the name is still there
        await settled(pilot)
        assert app.screen.query_one("#local-area", Input).value == "Fenmarch"
        await pilot.press("escape", "d")
        await settled(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        assert inspections.all(app.store) == []


async def test_welcome_d_opens_the_2023_demo_in_its_second_week(db_path):
    app = make_app(str(db_path), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("d")
        await settled(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen)
        assert shown(screen.query_one("#today", Static)).startswith(
            "Wealdshire · Day 8 of 15 · on site in 3 working days · Wed 25 Nov 2026")
        assert app.sub_title == "Day 8 of 15 · 5 overdue"  # documents, consent, a request
    ins, _, lines = stored(db_path)
    assert (ins.local_area, ins.framework, len(lines)) == ("Wealdshire", "2023", 9)


# --- the demo: every screen by its number key ----------------------------------------------

async def test_number_keys_show_every_screen_with_its_data(demo_db, demo_store):
    ins = inspections.find(demo_store)
    entries = evidence.all(demo_store, ins.id)
    by_line = {line.code: line.evidence_count for line in lines.all(demo_store, ins.id)}
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(120, 30)) as pilot:  # the tab line's names in full
        await store_open(pilot)
        screen = app.screen
        assert isinstance(screen, DashboardScreen) and tab_marked(screen) == "1 Dashboard"
        counts = shown(screen.query_one("#counts", Static))
        assert "Settings  19" in counts and "People    14 (team 3, local 11)" in counts
        assert "Evidence  60" in counts

        await pilot.press("2")
        screen = app.screen
        assert isinstance(screen, WeekScreen) and tab_marked(screen) == "2 Week"
        assert shown(screen.query_one("#week-detail", Static)).startswith(
            "Mon 30 Nov 09:00–10:15 · Meeting · Opening meeting")
        assert len(screen.events) == 41 and len(screen.days) == 5

        await pilot.press("3")
        screen = app.screen
        assert isinstance(screen, SettingsScreen) and tab_marked(screen) == "3 Settings"
        settings = rows(screen.query_one("#settings", DataTable))
        assert len(settings) == 19
        assert shown(screen.query_one("#settings-summary", Static)).startswith(
            "19 settings: Early years 1 · Primary 6 · Secondary 3")
        assert "Wealdshire Learning Centre" in {s["Name"] for s in settings}

        await pilot.press("4")
        screen = app.screen
        assert isinstance(screen, PeopleScreen) and tab_marked(screen) == "4 People"
        people = rows(screen.query_one("#people", DataTable))
        assert len(people) == 14
        assert [p["Side"] for p in people].count("Team") == 3
        assert shown(screen.query_one("#people-summary", Static)) == (
            "Inspection team 3 · local contacts 11")

        await pilot.press("5")
        screen = app.screen
        assert isinstance(screen, LinesScreen) and tab_marked(screen) == "5 Lines"
        line_rows = rows(screen.query_one("#lines", DataTable))
        # the thin lines first (attention order), framework order within each group
        assert [line["Code"] for line in line_rows] == LINES_ATTENTION
        kind_columns = [" Doc", " Mtg", "  FG", " Vis", "  CF", " Web", " Sur", " Dat"]
        assert {line["Code"]: sum(int(line[k]) for k in kind_columns if line[k] != "·")
                for line in line_rows} == by_line
        assert sum(by_line.values()) == 60
        a1 = next(line for line in line_rows if line["Code"] == "A1")
        assert a1[" Kinds"].strip() == "4" and a1["Status"] == "✓ triangulated"
        assert shown(screen.query_one("#lines-summary", Static)).startswith("13 lines")

        await pilot.press("6")
        screen = app.screen
        assert isinstance(screen, EvidenceScreen) and tab_marked(screen) == "6 Evidence"
        grid = screen.query_one("#evidence", DataTable)
        assert grid.row_count == 60
        assert shown(screen.query_one("#evidence-summary", Static)) == "60 entries, newest first"
        newest_first = sorted(entries, key=lambda e: e.at, reverse=True)
        assert row_keys(grid) == [e.id for e in newest_first]
        assert rows(grid)[0]["When"] == "Thu 3 Dec 16:10"

        await pilot.press("1")
        assert isinstance(app.screen, DashboardScreen)
        assert app.screen_stack == [app.screen]  # switched, never stacked


async def test_evidence_hides_case_references(demo_db, demo_store):
    ins = inspections.find(demo_store)
    entries = sorted(evidence.all(demo_store, ins.id), key=lambda e: e.at, reverse=True)
    refs = {e.case_ref for e in entries if e.case_ref}
    assert len(refs) >= 5  # the demo has case files to hide
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(220, 80)) as pilot:  # every row and column on screen
        await store_open(pilot)
        await pilot.press("6")
        await settled(pilot)
        grid = app.screen.query_one("#evidence", DataTable)
        cells = [str(cell) for i in range(grid.row_count) for cell in grid.get_row_at(i)]
        assert not [cell for cell in cells if any(ref in cell for ref in refs)]
        # ...and each row with a case reference says so, in words, on the screen itself.
        screen_text = "\n".join(table_on_screen(grid))
        assert not any(ref in screen_text for ref in refs)
        assert screen_text.count("[case ref hidden]") == sum(1 for e in entries if e.case_ref)


# --- help, palette, theme --------------------------------------------------------------------

async def test_help_on_lines_lists_its_keys_and_the_apps(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        await pilot.press("5")
        await settled(pilot)
        await pilot.press("question_mark")
        await settled(pilot)
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert shown(help_screen.query_one(".heading", Static)) == "Keys: Lines of enquiry"
        keys = {r["Does"]: r["Key"] for r in rows(help_screen.query_one("#help-keys", DataTable))}
        assert keys["Add line"] == "a" and keys["Edit"].split(" / ")[0] == "e"
        assert keys["Remove"] == "d"
        for does, key in [("Help", "?"), ("Dashboard", "1"), ("Evidence", "6"), ("Theme", "^t")]:
            assert keys[does] == key
        assert "Quit" in keys and "palette" in keys

        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, LinesScreen)
        await pilot.press("question_mark", "question_mark")  # ? opens and closes it too
        await settled(pilot)
        assert isinstance(app.screen, LinesScreen)


async def test_ctrl_p_offers_the_lines_screen(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        await pilot.press("ctrl+p")
        await settled(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"Lines")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 0)
        offered = [str(commands.get_option_at_index(i).prompt)
                   for i in range(commands.option_count)]
        assert any(o.startswith("Lines") and "key 5" in o for o in offered), offered

        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, LinesScreen))
        assert app.screen_stack == [app.screen]


async def test_ctrl_t_toggles_the_theme(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        first = app.theme
        await pilot.press("ctrl+t")
        assert app.theme != first
        assert {first, app.theme} == {"textual-dark", "textual-light"}
        await pilot.press("ctrl+t")
        assert app.theme == first


async def test_a_first_visit_styles_its_screen_without_reparsing_the_css(demo_db):
    """Textual would re-read every stylesheet twice on a first visit (40–60 ms of stall);
    the new screen is still styled, in the theme chosen before it was first shown."""
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        reparsed = []
        reparse = app.stylesheet.reparse
        app.stylesheet.reparse = lambda: (reparsed.append(1), reparse())[1]
        await pilot.press("3")
        await settled(pilot)
        assert isinstance(app.screen, SettingsScreen) and not reparsed
        assert app.screen.styles.background.brightness > 0.5  # the light theme's


# --- lines: add, edit, remove ----------------------------------------------------------------

async def test_lines_add_edit_remove(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        ins = app.inspection
        await pilot.press("5")
        await settled(pilot)
        await pilot.press("a")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, LineForm)
        assert form.query_one("#code", Input).value == "X1"
        await pilot.press("tab", *"Joint working with health")
        await settled(pilot)
        assert form.query_one("#title", Input).value == "Joint working with health"
        await pilot.press("enter")
        await settled(pilot)

        screen = app.screen
        assert isinstance(screen, LinesScreen)
        grid = screen.query_one("#lines", DataTable)
        shown_lines = rows(grid)
        assert len(shown_lines) == 14
        added = shown_lines[grid.cursor_row]  # the cursor is on the new line
        assert grid.cursor_row == 0  # without evidence: it comes first
        assert added["Code"] == "X1" and added["Status"] == "✖ no evidence"
        assert added["Line of enquiry"] == "Joint working with health  (bespoke)"
        in_store = {line.code: line for line in lines.all(app.store, ins.id)}
        assert in_store["X1"].title == "Joint working with health" and in_store["X1"].is_bespoke

        await pilot.press("e")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, LineForm)
        assert shown(form.query_one(".heading", Static)) == "Edit line X1"
        assert form.query_one("#title", Input).value == "Joint working with health"
        # tab selects the whole title, so typing replaces it
        await pilot.press("tab", *"Joint commissioning with health", "enter")
        await settled(pilot)
        assert isinstance(app.screen, LinesScreen)
        edited = rows(grid)[grid.cursor_row]
        assert edited["Line of enquiry"] == "Joint commissioning with health  (bespoke)"
        in_store = {line.code: line for line in lines.all(app.store, ins.id)}
        assert in_store["X1"].title == "Joint commissioning with health"

        await pilot.press("d")
        await settled(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        assert shown(app.screen.query_one("#question", Static)) == "Remove line X1?"
        await pilot.press("n")  # no: nothing removed
        await settled(pilot)
        assert grid.row_count == 14
        await pilot.press("d", "y")
        await settled(pilot)
        assert isinstance(app.screen, LinesScreen)
        assert [r["Code"] for r in rows(grid)] == LINES_ATTENTION
        assert [line.code for line in lines.all(app.store, ins.id)] == LINES_2016


async def test_lines_enter_edits_the_selected_line(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        await pilot.press("5")
        await settled(pilot)
        await pilot.press("down", "enter")
        await settled(pilot)
        assert isinstance(app.screen, LineForm)
        assert shown(app.screen.query_one(".heading", Static)) == "Edit line A4"  # 2nd thin line
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, LinesScreen)


async def test_lines_duplicate_code_is_refused_in_words(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        ins = app.inspection
        await pilot.press("5")
        await settled(pilot)
        await pilot.press("a")
        await settled(pilot)
        form = app.screen
        # the code is selected on focus: typing replaces X1
        await pilot.press(*"b2", "tab", *"A second B2")
        await settled(pilot)
        assert form.query_one("#code", Input).value == "b2"
        message = form.query_one("#form-message", Static)
        assert shown(message) == "Line B2 already exists." and message.has_class("error")

        await pilot.press("enter")
        await settled(pilot)
        assert app.screen is form  # not saved, the form stays
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is form
        assert len(lines.all(app.store, ins.id)) == 13

        await pilot.press("escape", "d")  # asked first, then discarded
        await settled(pilot)
        assert isinstance(app.screen, LinesScreen)
        assert app.screen.query_one("#lines", DataTable).row_count == 13
    _, _, stored_lines = stored(demo_db)
    assert [line.code for line in stored_lines] == LINES_2016


# --- dashboard: a key date edited ------------------------------------------------------------

async def test_dashboard_edit_on_site_date(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        grid = app.screen.query_one("#key-dates", DataTable)
        assert rows(grid)[1]["Key date"] == "On site (days 6–10)"
        await pilot.press("down", "e")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, KeyDateForm)
        assert shown(form.query_one(".heading", Static)) == "Edit key date: On site (days 6–10)"
        assert form.query_one("#start", Input).value == "2026-11-30"
        assert form.query_one("#end", Input).value == "2026-12-04"

        await pilot.press(*"2026-12-31")  # the start is selected: typing replaces it
        await settled(pilot)
        message = form.query_one("#form-message", Static)
        assert shown(message) == "The end is before the start." and message.has_class("error")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is form  # refused, still open

        await pilot.press("ctrl+u", *"2026-12-01", "enter")  # enter: on to the end date
        assert app.screen is form
        await pilot.press("enter")  # enter in the last field saves
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        on_site = rows(app.screen.query_one("#key-dates", DataTable))[1]
        assert on_site["When"] == "Tue 1 Dec 2026 – Fri 4 Dec 2026"
        assert on_site["Rule"] == "set by hand"

        await pilot.press("enter")  # enter on a row edits it too
        await settled(pilot)
        assert isinstance(app.screen, KeyDateForm)
        await pilot.press("escape")
    _, key_dates, _ = stored(demo_db)
    assert {k.key: (k.date, k.end) for k in key_dates}["on-site"] == (
        dt.date(2026, 12, 1), dt.date(2026, 12, 4))


# --- a file that is not a store --------------------------------------------------------------

async def test_not_a_store_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"hello")
    app = make_app(str(path), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        screen = app.screen
        assert isinstance(screen, StoreErrorScreen)
        reason = shown(screen.query_one("#store-error-reason", Static))
        assert "not a sendtui store" in reason and "notes.db" in reason
        await pilot.press("1")  # no inspection: nothing to show, no crash
        await settled(pilot)
        assert app.screen is screen
    assert path.read_bytes() == b"hello"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.db"]


async def test_text_in_brackets_is_shown_as_typed(demo_db):
    """A title like "[draft] ... [/]" is the user's words, never markup that vanishes or crashes."""
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test() as pilot:
        await store_open(pilot)
        await pilot.press("5")
        await settled(pilot)
        await pilot.press("a", "tab", *"[draft] transition [/] at 19", "enter")
        await settled(pilot)
        grid = app.screen.query_one("#lines", DataTable)
        # the table cuts long titles short; the line under it shows the selected one in full
        assert "[draft] transitio" in "\n".join(table_on_screen(grid))
        assert "[draft] transition [/] at 19  (bespoke)" in shown(
            app.screen.query_one("#lines-detail", Static))
