"""Correcting an evidence entry from the list and from the detail: line, judgement and the
rest, each correction a version the detail's history shows."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static, TextArea

from sendtui.store import evidence as ev
from sendtui.store import inspections
from sendtui.ui.app import make_app
from sendtui.ui.screens.evidence import EvidenceDetail, EvidenceEditor
from sendtui.ui.widgets.key_choice import KeyChoice
from sendtui.ui.widgets.line_picker import LinePicker
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled
from tests.ui.test_evidence_screen import evidence_screen
from tests.ui.test_pilot import rows, shown


async def test_e_on_the_list_corrects_line_and_judgement_and_the_history_shows_it(
        demo_db, demo_store):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await evidence_screen(pilot)
        first = screen.entries[0]
        await pilot.press("e")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, EvidenceEditor)
        assert form.query_one(TextArea).text == first.text
        assert form.query_one(LinePicker).code == first.line_code
        new_line = "B3" if first.line_code != "B3" else "B5"
        await pilot.press("tab")  # to the line: backspace unpicks, then type and pick
        await pilot.press("backspace", *new_line.lower(), "enter")
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # source, setting, event, ref, judgement
        assert isinstance(app.focused, KeyChoice) and app.focused.id == "judgement"
        await pilot.press("1")  # strength
        await settled(pilot)
        assert form.query_one(LinePicker).code == new_line
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is screen
        row = rows(screen.query_one("#evidence", DataTable))[0]
        assert row["Line"] == new_line and row["Judgement"] == "Strength"

        await pilot.press("enter")
        await settled(pilot)
        detail = app.screen
        assert isinstance(detail, EvidenceDetail)
        history = shown(detail.query_one("#detail-versions", Static)).splitlines()
        assert history[-1].strip().startswith(f"line {first.line_code} → {new_line}")
        assert history[-1].strip().endswith("→ Strength")
        assert f"Line       {new_line}" in shown(detail.query_one("#detail-fields", Static))
    ins = inspections.find(demo_store).id
    assert ev.versions(demo_store, first.id)[-1].note.startswith(f"line {first.line_code}")
    assert next(e for e in ev.all(demo_store, ins) if e.id == first.id).judgement == "strength"


async def test_e_in_the_detail_corrects_the_case_ref_without_naming_it(demo_db, demo_store):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await evidence_screen(pilot)
        entry = screen.entries[0]
        await pilot.press("enter")
        await settled(pilot)
        detail = app.screen
        await pilot.press("e")
        await settled(pilot)
        ref = app.screen.query_one("#case-ref", Input)
        assert ref.password  # sensitive: dots on screen
        ref.value = "CF-2026-0042"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert app.screen is detail
        history = shown(detail.query_one("#detail-versions", Static))
        assert "case ref added" in history and "0042" not in history
    ins = inspections.find(demo_store).id
    assert next(e for e in ev.all(demo_store, ins) if e.id == entry.id).case_ref == (
        "CF-2026-0042")
