"""What each screen looks like at 80×24 (pytest-textual-snapshot).

Update after a deliberate change of look with `pytest tests/ui --snapshot-update`, then open
the SVGs in tests/ui/__snapshots__/test_snapshots/ and check them by eye.

Deterministic by construction: today is fixed (DEMO_TODAY), each test gets a fresh store, the
store worker has finished before any key is pressed, and input cursors do not blink.
"""

from __future__ import annotations

from textual.widgets import Input

from sendtui.ui.app import make_app
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import after, settled, store_open

SIZE = (80, 24)


async def new_inspection_typed(pilot) -> None:
    await store_open(pilot)
    await pilot.press("n")
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False  # a steady cursor: the same picture however slow the run
    await pilot.press(*"Fenmarch", "tab", "tab", *"2026-11-23")
    await pilot.pause()


def test_welcome(snap_compare, db_path):
    assert snap_compare(make_app(str(db_path), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=store_open)


def test_new_inspection(snap_compare, db_path):
    assert snap_compare(make_app(str(db_path), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=new_inspection_typed)


def test_dashboard(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=store_open)


def test_help_on_dashboard(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), press=["question_mark"],
                        terminal_size=SIZE, run_before=store_open)


def test_week(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after("2"))


def test_settings(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after("3"))


def test_people(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after("4"))


def test_plan(snap_compare, demo_db):
    """The 2016 demo's WSOA: two significant weaknesses with their actions, the team's
    actions (one overdue on 25 Nov), then the plan's versions and report-backs."""
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after("9"))


def add_findings(db) -> None:
    """Two findings on the demo's thinnest line, A3 (a visit and a focus group, both judged
    areas for development): a concern backed by both, and a strength backed by the focus
    group, which the visit contradicts."""
    from sendtui.store import findings, inspections, lines
    from sendtui.store.repo import Store

    store = Store.open(str(db))
    ins = inspections.find(store).id
    a3 = next(x for x in lines.all(store, ins) if x.code == "A3")
    on_a3 = [e.id for e in findings.entries_on(store, ins, a3.id)]
    findings.add(store, ins, a3.id, "Plans rarely shape teaching", "concern", on_a3)
    findings.add(store, ins, a3.id, "SENCOs use plan outcomes", "strength", on_a3[1:])
    store.close()


def test_lines(snap_compare, demo_db):
    """The strength highlighted: the detail under the table says what contradicts it."""
    add_findings(demo_db)
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after("5", "down", "down"))


def test_evidence(snap_compare, demo_db):
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after("6"))


def test_export_dialog(snap_compare, demo_db, monkeypatch):
    monkeypatch.setenv("HOME", "/home/inspector")  # the Documents folder shown in the dialog

    async def opened(pilot) -> None:
        await store_open(pilot)
        await pilot.press("2")
        await settled(pilot)
        await pilot.press("x")
        await settled(pilot)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False
        await pilot.pause()

    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=opened)


def test_requests(snap_compare, demo_db):
    """Overdue first, in red and saying so; then by due; the finished last."""
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after("7"))


def test_children_2023(snap_compare, db_path):
    """The 2023 demo in its tracking week: six tracked children, three sampled cases, CYP-05's
    documents late (in red and in words), the first child's details under the table."""
    from tests.ui.test_demo_2023_dashboard import demo_2023

    demo_2023(db_path)
    assert snap_compare(make_app(str(db_path), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=after("8"))
