"""The Export dialog: x from anywhere, a file in the Documents folder, nothing replaced
without asking, names only after a second question."""

from __future__ import annotations

import os
from pathlib import Path

from textual.widgets import Input, Select, Static

from sendtui.store.audit import entries
from sendtui.ui.app import make_app
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.export import ExportDialog
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open, until
from tests.ui.test_pilot import shown


def documents() -> Path:
    return Path(os.environ["HOME"]) / "Documents"


async def open_dialog(pilot, *keys: str) -> ExportDialog:
    await store_open(pilot)
    await pilot.press(*keys, "x")
    await until(pilot, lambda: isinstance(pilot.app.screen, ExportDialog))
    await settled(pilot)
    return pilot.app.screen


async def choose(pilot, dialog: ExportDialog, select_id: str, value: str) -> None:
    dialog.query_one(f"#{select_id}", Select).value = value
    await settled(pilot)


async def test_x_on_the_week_exports_tomorrows_sheets_to_documents(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_dialog(pilot, "2")
        # Tomorrow with events (the on-site week starts Mon 30 Nov) is chosen; HTML sheets.
        assert dialog.query_one("#days", Select).value == "2026-11-30"
        path = Path(dialog.query_one("#path", Input).value)
        assert path == documents() / "wealdshire-schedule-20261130.html"
        assert "Day sheets for everyone, Mon 30 Nov 2026." in shown(dialog.query_one("#scope"))
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert path.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
        assert oct(path.stat().st_mode & 0o777) == "0o600"
        assert any(str(path) in n.message for n in app._notifications)


async def test_an_existing_file_is_replaced_only_when_the_user_says_yes(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_dialog(pilot)
        await choose(pilot, dialog, "what", "ics")
        path = Path(dialog.query_one("#path", Input).value)
        assert path.suffix == ".ics"
        assert dialog.query_one("#sensitive", Select).disabled  # calendars never hold names
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("mine")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("n")
        await settled(pilot)
        assert app.screen is dialog and path.read_text() == "mine"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("y")
        await until(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert path.read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")


async def test_names_are_included_only_after_a_second_question(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_dialog(pilot, "6")
        await choose(pilot, dialog, "what", "evidence")
        await choose(pilot, dialog, "format", "md")
        assert not dialog.query_one("#days-row").display  # the summary covers every day
        await choose(pilot, dialog, "sensitive", "included")
        path = Path(dialog.query_one("#path", Input).value)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        assert "case references" in shown(app.screen.query_one("#question", Static))
        await pilot.press("y")
        await until(pilot, lambda: not isinstance(app.screen, ExportDialog))
        text = path.read_text(encoding="utf-8")
        assert "EHC-3107" in text and "CONTAINS SENSITIVE DATA" in text
        logged = entries(app.store, app.inspection.id)
        assert [(e.action, e.detail) for e in logged] == [
            ("evidence md exported with names and case references", path.name)]


async def test_a_wrong_file_name_is_explained_and_nothing_is_written(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_dialog(pilot)
        field = dialog.query_one("#path", Input)
        field.value = str(documents() / "sheets.pdf")
        await settled(pilot)
        assert "should end in .html" in shown(dialog.query_one("#path-message"))
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is dialog
        assert not (documents() / "sheets.pdf").exists()
        await pilot.press("escape")
        await settled(pilot)
        assert not isinstance(app.screen, ExportDialog)


async def test_a_file_name_the_user_typed_keeps_its_name_and_follows_the_format(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_dialog(pilot)
        field = dialog.query_one("#path", Input)
        field.value = str(documents() / "monday.html")
        await settled(pilot)
        await choose(pilot, dialog, "format", "docx")
        assert field.value == str(documents() / "monday.docx")
        await choose(pilot, dialog, "what", "ics")
        assert field.value == str(documents() / "monday.ics")


async def test_a_link_or_a_fifo_is_refused_and_left_alone(demo_db, tmp_path):
    target = tmp_path / "elsewhere.html"
    target.write_text("not mine to replace")
    link = tmp_path / "link.html"
    link.symlink_to(target)
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_dialog(pilot)
        for path, says in ((link, "is a symbolic link"), (fifo, "is a FIFO")):
            dialog.query_one("#path", Input).value = str(path)
            await settled(pilot)
            assert says in shown(dialog.query_one("#path-message"))
            await pilot.press("ctrl+s")
            await settled(pilot)
            assert app.screen is dialog
        assert link.is_symlink() and target.read_text() == "not mine to replace"


async def test_the_dialog_opens_with_the_last_export_of_the_session(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_dialog(pilot)
        await choose(pilot, dialog, "format", "md")
        who = dialog.query_one("#who", Select)
        person = next(value for _, value in who._options if value)
        await choose(pilot, dialog, "who", person)
        await choose(pilot, dialog, "days", "2026-12-01")
        path = documents() / "tuesday-for-one.md"
        dialog.query_one("#path", Input).value = str(path)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ExportDialog))
        assert path.exists()

        await pilot.press("2")  # another screen: the choice is the app's, not the screen's
        again = await open_dialog(pilot)
        assert {key: again.query_one(f"#{key}", Select).value
                for key in ("what", "format", "who", "days", "sensitive")} == {
            "what": "schedule", "format": "md", "who": person, "days": "2026-12-01",
            "sensitive": "withheld"}
        assert again.query_one("#path", Input).value == str(path)
        await choose(pilot, again, "what", "evidence")  # a typed name follows the format
        assert again.query_one("#path", Input).value == str(path)
        await pilot.press("escape")
        await settled(pilot)


async def test_a_suggested_name_kept_from_last_time_still_follows_the_choices(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        dialog = await open_dialog(pilot)
        await choose(pilot, dialog, "what", "evidence")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: not isinstance(app.screen, ExportDialog))
        again = await open_dialog(pilot)
        assert again.query_one("#what", Select).value == "evidence"
        assert not again.query_one("#who-row").display  # evidence has no who or days
        await choose(pilot, again, "what", "plan")
        assert Path(again.query_one("#path", Input).value).name.startswith("wealdshire-plan-")
