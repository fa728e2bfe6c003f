"""Every form, opened by its key as a coordinator would: Enter in the first field goes on to
the next and never saves, what was typed in a field is not replaced when Tab comes back to
it, and the field in focus carries the same mark in every form."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from sendtui.ui.app import make_app
from sendtui.ui.screens.common.confirm import UnsavedScreen
from sendtui.ui.screens.common.form import FormScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open

# (screen key, keys that open the form, the form)
FORMS = [
    ("1", "e", "KeyDateForm"), ("1", "R", "RetentionForm"), ("1", "W", "WordingForm"),
    ("1", "O", "OutcomeForm"), ("1", "x", "ExportDialog"),
    ("2", "a", "EventForm"), ("2", "f", "FreeSlotForm"),
    ("3", "a", "PlaceForm"),
    ("4", "a", "PersonForm"), ("4", "e", "PersonForm"), ("4", "b", "UnavailableForm"),
    ("5", "a", "LineForm"), ("5", "f", "FindingForm"),
    ("6", "e", "EvidenceEditor"),
    ("7", "a", "RequestForm"),
    ("9", "a", "ActionForm"), ("9", "w", "WeaknessForm"),
]


async def _open(pilot, screen_key: str, key: str, name: str) -> FormScreen:
    await pilot.press(screen_key)
    await settled(pilot)
    await pilot.press(key)
    await settled(pilot)
    form = pilot.app.screen
    assert type(form).__name__ == name, f"{screen_key} {key} opened {type(form).__name__}"
    return form


async def _close(pilot) -> None:
    for _ in range(4):
        if not isinstance(pilot.app.screen, FormScreen | UnsavedScreen):
            return
        await pilot.press("d" if isinstance(pilot.app.screen, UnsavedScreen) else "escape")
        await settled(pilot)
    raise AssertionError(f"{type(pilot.app.screen).__name__} would not close")


@pytest.fixture
async def pilot(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        yield pilot


async def test_enter_in_the_first_field_of_every_form_goes_on_and_never_saves(pilot):
    for screen_key, key, name in FORMS:
        form = await _open(pilot, screen_key, key, name)
        first, chain = pilot.app.focused, form.focus_chain
        if len(chain) > 1:  # in a form of one field, that field is the last: enter saves
            if isinstance(first, Input):
                await pilot.press("x")
            await pilot.press("enter")
            await settled(pilot)
            assert pilot.app.screen is form, f"enter in the first field of {name} closed it"
            if isinstance(first, Input):
                assert pilot.app.focused is chain[1], f"{name}: enter did not go on"
        await _close(pilot)


async def test_a_field_typed_in_keeps_its_text_when_tab_comes_back_to_it(pilot):
    form = await _open(pilot, "4", "b", "UnavailableForm")
    reason = form.query_one("#reason", Input)
    reason.focus()
    await pilot.press(*"Tribunal", "tab", "shift+tab", *" hearing")
    await settled(pilot)
    assert reason.value == "Tribunal hearing"
    start = form.query_one("#start", Input)  # a default, not typed: the next key replaces it
    start.focus()
    await pilot.press(*"13:00")
    assert start.value == "13:00"


async def test_the_field_in_focus_has_the_same_mark_in_every_form(pilot):
    marks = set()
    for screen_key, key, name in [("4", "a", "PersonForm"), ("7", "a", "RequestForm"),
                                  ("5", "a", "LineForm"), ("9", "a", "ActionForm")]:
        form = await _open(pilot, screen_key, key, name)
        fields = [f for f in form.query(Input) if f.display]
        focused = pilot.app.focused
        assert focused in fields
        other = next(f for f in fields if f is not focused)
        assert focused.styles.background != other.styles.background, name
        assert focused.styles.text_style.bold and not other.styles.text_style.bold
        marks.add(focused.styles.background)
        await _close(pilot)
    assert len(marks) == 1


async def test_keys_typed_fast_after_enter_land_in_the_next_field(pilot):
    """A burst of keys, as from a fast typist or a paste: the terminal delivers them all
    before the app has drawn a frame; enter moves on before the next key lands."""
    from textual import events

    form = await _open(pilot, "4", "a", "PersonForm")
    for key in [*"Kwame", "enter", *"Lead"]:
        pilot.app.post_message(events.Key(key, "\r" if key == "enter" else key))
    await settled(pilot)
    assert form.query_one("#name", Input).value == "Kwame"
    assert form.query_one("#role", Input).value == "Lead"


async def test_keys_typed_fast_after_tab_land_in_the_next_field(pilot):
    from textual import events

    form = await _open(pilot, "4", "a", "PersonForm")
    for key in [*"Ama", "tab", *"Lead", "tab", *"Council"]:
        pilot.app.post_message(events.Key(key, key if len(key) == 1 else None))
    await settled(pilot)
    assert [form.query_one(f"#{key}", Input).value for key in ("name", "role", "organisation")
            ] == ["Ama", "Lead", "Council"]
