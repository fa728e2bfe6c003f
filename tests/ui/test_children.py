"""The Children screen (8) on the 2023 demo in its tracking week, driven by the keys a
coordinator presses: add a child, cycle consent, mark documents in, reveal one identity,
capture evidence against a child, undo."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Static

from sendtui.store import audit, inspections, tracked
from sendtui.store.repo import Store
from sendtui.ui.app import make_app
from sendtui.ui.screens.children.children import ChildrenScreen
from sendtui.ui.screens.children.form import ChildForm
from sendtui.ui.screens.evidence.capture import CaptureScreen
from sendtui.ui.screens.common.help import HelpScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open
from tests.ui.test_area_screens import rows, selected, shown
from tests.ui.test_demo_2023_dashboard import demo_2023
from tests.ui.test_snapshots import SIZE


@pytest.fixture
def demo(db_path):
    demo_2023(db_path)
    return db_path


def stored(db_path):
    s = Store.open(str(db_path))
    try:
        ins = inspections.find(s).id
        return tracked.all(s, ins), audit.entries(s, ins)
    finally:
        s.close()


async def children_screen(pilot) -> ChildrenScreen:
    await store_open(pilot)
    await pilot.press("8")
    await settled(pilot)
    assert isinstance(pilot.app.screen, ChildrenScreen)
    return pilot.app.screen


def detail(screen) -> str:
    return shown(screen.query_one("#children-detail", Static))


async def test_the_children_show_by_pseudonym_with_overdue_documents_in_words(demo):
    async with make_app(str(demo), today=DEMO_TODAY).run_test(size=(120, 30)) as pilot:
        screen = await children_screen(pilot)
        table = screen.query_one(DataTable)
        shown_rows = rows(table)
        assert [r["Child"] for r in shown_rows] == [f"CYP-0{n}" for n in range(1, 10)]
        assert shown_rows[4]["Docs due"] == "LATE 23 Nov"
        assert "Tracked 6 of 6 · sampled 3" in shown(screen.query_one("#children-summary"))
        await pilot.press("down")
        assert "no social care professional to invite" in detail(screen)
        assert "Evidence: 1 entry, newest 23 Nov 15:30 E3: CYP-02's tracking" in detail(screen)
        everything = " ".join(" ".join(r.values()) for r in shown_rows) + detail(screen)
        assert "Morrison" not in everything and "SS-20931" not in everything


async def test_a_seventh_tracked_child_is_refused_then_added_as_sampled(demo):
    async with make_app(str(demo), today=DEMO_TODAY).run_test(size=SIZE) as pilot:
        await children_screen(pilot)
        await pilot.press("a")
        await settled(pilot)
        form = pilot.app.screen
        assert isinstance(form, ChildForm)
        form.query_one("#name", Input).value = "Rowan Ashdown"
        form.query_one("#case-ref", Input).value = "EHC-50001"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(pilot.app.screen, ChildrenScreen)  # refused: said, nothing added
        assert len(stored(demo)[0]) == 9
        await pilot.press("a")
        await settled(pilot)
        form = pilot.app.screen
        form.query_one("#name", Input).value = "Rowan Ashdown"
        form.query_one("#kind").value = "sampled"
        await pilot.press("ctrl+s")
        await settled(pilot)
        screen = pilot.app.screen
        assert selected(screen.table)["Child"] == "CYP-10"
        assert selected(screen.table)["Docs due"] == "27 Nov"  # Wed 25 + 2 working days
        await pilot.press("u")
        await settled(pilot)
        assert len(stored(demo)[0]) == 9


async def test_consent_cycles_documents_tick_and_reveal_shows_one_child_audited(demo):
    async with make_app(str(demo), today=DEMO_TODAY).run_test(size=SIZE) as pilot:
        screen = await children_screen(pilot)
        await pilot.press("down", "down", "down", "down", "down")  # CYP-06: consent asked
        assert selected(screen.table)["Consent"] == "asked"
        await pilot.press("c")
        await settled(pilot)
        assert selected(screen.table)["Consent"] == "given"
        await pilot.press("i")
        await settled(pilot)
        assert selected(screen.table)["Docs in"] == "25 Nov"
        assert "Problems: no health professional to invite\n" in detail(screen)
        await pilot.press("r")
        await settled(pilot)
        assert "SHOWN: Maya Kowal · born Tue 5 Nov 2013 · case ref EHC-41208" in detail(screen)
        await pilot.press("up")
        assert "Kowal" not in detail(screen) and "withheld: r shows them" in detail(screen)
        await pilot.press("u")
        await settled(pilot)
        children, log = stored(demo)
        maya = next(c for c in children if c.pseudonym == "CYP-06")
        assert (maya.consent, maya.documents_uploaded) == ("given", None)
        assert [(e.action, e.detail) for e in log] == [
            ("identity shown", "CYP-06 on the Children screen")]


async def test_n_captures_evidence_against_the_highlighted_child(demo):
    async with make_app(str(demo), today=DEMO_TODAY).run_test(size=SIZE) as pilot:
        screen = await children_screen(pilot)
        await pilot.press("n")
        await settled(pilot)
        capture = pilot.app.screen
        assert isinstance(capture, CaptureScreen)
        assert capture.fields()["source"] == "tracking"
        await pilot.press(*"Therapy hours checked termly", "tab", *"E2", "enter")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert pilot.app.screen is screen
        assert "Evidence: 2 entries" in detail(screen)
        assert "Therapy hours checked termly" in detail(screen)


async def test_help_lists_the_children_keys(demo):
    async with make_app(str(demo), today=DEMO_TODAY).run_test(size=(100, 50)) as pilot:
        await children_screen(pilot)
        await pilot.press("question_mark")
        await settled(pilot)
        assert isinstance(pilot.app.screen, HelpScreen)
        grid = pilot.app.screen.query_one("#help-keys", DataTable)
        text = " ".join(str(c) for i in range(grid.row_count) for c in grid.get_row_at(i))
        for words in ("Consent", "Docs in", "Reveal", "Evidence", "Remove"):
            assert words in text, words
