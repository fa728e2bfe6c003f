"""The Requests screen (7), driven by the keys a coordinator presses: what it shows and what
the store holds afterwards."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from sendtui.domain.today import morning_of
from sendtui.store import inspections, requests
from sendtui.ui.app import make_app
from sendtui.ui.screens.requests.form import RequestForm
from sendtui.ui.screens.requests.requests import RequestsScreen
from tests.conftest import DEMO_TODAY
from tests.ui.test_area_screens import on_screen, rows, selected, shown, typed

NOW = morning_of(DEMO_TODAY)  # Wed 25 Nov 2026, 09:00


def stored(app, title):
    return next(r for r in requests.all(app.store, app.inspection.id, NOW) if r.title == title)


async def test_7_shows_overdue_first_and_t_ticks_a_request_sent(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_screen(pilot, "7", RequestsScreen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        before = int(app.sub_title.split(" · ")[1].split()[0])  # everything overdue: 3
        grid = screen.query_one("#requests", DataTable)
        first, second = rows(grid)[:2]
        assert (first["Due"], first["Status"], first["Title"]) == (
            "Tue 24 Nov 16:00", "overdue", "Case-file logins for HMI")
        assert second["Status"] == "overdue"
        assert "2 overdue" in shown(screen.query_one("#requests-summary", Static))
        await typed(pilot, "t")
        assert stored(app, "Case-file logins for HMI").status == "sent"
        assert rows(grid)[0]["Title"] == "Webinar sign-up numbers"  # the sent one went down
        assert rows(grid)[-1]["Status"] in ("sent", "not-held")
        assert "1 overdue" in shown(screen.query_one("#requests-summary", Static))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sub_title == f"Day 3 of 10 · {before - 1} overdue"  # the header follows
        await typed(pilot, "u")
        assert stored(app, "Case-file logins for HMI").status == "in-progress"
        assert rows(grid)[0]["Title"] == "Case-file logins for HMI"
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.sub_title == f"Day 3 of 10 · {before} overdue"  # the undo counts again


async def test_space_marks_rows_and_t_ticks_them_all_at_once(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_screen(pilot, "7", RequestsScreen)
        grid = screen.query_one("#requests", DataTable)
        titles = [r["Title"] for r in rows(grid)[2:5]]
        await typed(pilot, "down", "down", "space", "space", "space")
        assert [r["✓"] for r in rows(grid)[:6]] == ["", "", "✓", "✓", "✓", ""]
        assert "3 marked" in shown(screen.query_one("#requests-summary", Static))
        await typed(pilot, "t")
        assert {stored(app, t).status for t in titles} == {"sent"}
        assert "marked" not in shown(screen.query_one("#requests-summary", Static))
        await typed(pilot, "u")  # one undo for the three
        assert {stored(app, t).status for t in titles} == {"to-do"}


async def test_o_and_s_filter_by_owner_and_status(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_screen(pilot, "7", RequestsScreen)
        grid = screen.query_one("#requests", DataTable)
        await typed(pilot, "o")  # the first owner by name
        assert {r["Owner"] for r in rows(grid)} == {"Gareth Llewellyn"}
        await typed(pilot, "o", "o", "o", "o", "o")  # past the last owner: nobody's
        assert {r["Owner"] for r in rows(grid)} == {"—"}
        await typed(pilot, "o", "s", "s", "s")  # everybody's, status sent
        assert {r["Status"] for r in rows(grid)} == {"sent"} and grid.row_count == 2
        assert "status: sent" in shown(screen.query_one("#requests-summary", Static))


async def test_edit_to_not_held_asks_for_a_reason_then_r_reopens(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await on_screen(pilot, "7", RequestsScreen)
        grid = screen.query_one("#requests", DataTable)
        title = selected(grid)["Title"]
        await typed(pilot, "e")
        form = app.screen
        assert isinstance(form, RequestForm)
        form.query_one("#state", Input).value = "not-held"
        await typed(pilot, "ctrl+s")
        assert app.screen is form  # refused: no reason
        assert "needs a reason" in str(form.query_one("#form-message", Static).render())
        form.query_one("#reason", Input).value = "Never asked of us before"
        await typed(pilot, "ctrl+s")
        assert isinstance(app.screen, RequestsScreen)
        assert (stored(app, title).status, stored(app, title).reason) == (
            "not-held", "Never asked of us before")
        await typed(pilot, "r")
        assert stored(app, title).status == "to-do" and stored(app, title).reason == ""


async def test_a_added_with_a_due_counted_from_a_key_date_follows_it(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_screen(pilot, "7", RequestsScreen)
        await typed(pilot, "a")
        form = app.screen
        for key, value in {"title": "EHC plan audit", "kind": "document",
                           "owner": "rachel thornton",
                           "due": "2 working days after notified, 10:00"}.items():
            form.query_one(f"#{key}", Input).value = value
        await typed(pilot, "ctrl+s")
        added = stored(app, "EHC plan audit")
        assert (added.owner, added.due_anchor) == ("Rachel Thornton", "notified")
        assert f"{added.due_at:%Y-%m-%d %H:%M}" == "2026-11-25 10:00"  # GMT: London = UTC
        inspections.set_key_date(app.store, app.inspection.id, "notified",
                                 DEMO_TODAY)  # Wed → Fri 27 Nov
        assert f"{stored(app, 'EHC plan audit').due_at:%Y-%m-%d}" == "2026-11-27"


async def test_question_mark_lists_every_key_of_the_screen(demo_db):
    from sendtui.ui.screens.common.help import HelpScreen

    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await on_screen(pilot, "7", RequestsScreen)
        await typed(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {r["Does"]: r["Key"] for r in rows(app.screen.query_one("#help-keys",
                                                                      DataTable))}
        assert {does: keys.get(does) for does in (
            "Mark", "Sent", "In progress", "Reopen", "Owner", "Status", "Add", "Edit",
            "Remove", "Requests", "Undo")} == {
            "Mark": "space", "Sent": "t", "In progress": "p", "Reopen": "r", "Owner": "o",
            "Status": "s", "Add": "a", "Edit": "e", "Remove": "d", "Requests": "7",
            "Undo": "u / ^z"}
        assert all(b.id and b.description for b in RequestsScreen.BINDINGS)
