"""Who captured each entry: the laptop's user, asked once at first run, kept in profile.toml,
edited with U, written as the author of what is captured."""

from __future__ import annotations

from textual.widgets import Input, Static

from sendtui.config import Profile, load_profile, profile_file, save_profile
from sendtui.store import evidence
from sendtui.ui.app import make_app
from sendtui.ui.screens.evidence import capture
from sendtui.ui.screens.start.dashboard import DashboardScreen
from sendtui.ui.screens.start.profile import ProfileScreen
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import after, settled, store_open
from tests.ui.test_capture import LATE, open_capture


def first_run() -> None:
    profile_file().unlink()  # conftest's "asked already" profile


async def test_first_run_asks_once_and_escape_is_remembered(demo_db):
    first_run()
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        assert isinstance(app.screen, ProfileScreen)
        assert shown_heading(app.screen) == "Who is using this laptop?"
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
    assert load_profile() == Profile("", "", True)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        assert isinstance(app.screen, DashboardScreen)  # not asked again


async def test_the_answer_is_kept_and_fills_the_author_of_what_is_captured(demo_db,
                                                                           monkeypatch):
    monkeypatch.setattr(capture, "utc_now", lambda: LATE)  # the newest entry
    first_run()
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 40)) as pilot:
        await store_open(pilot)
        assert isinstance(app.screen, ProfileScreen)
        await pilot.press(*"Priya Shah", "enter", *"Lead HMI", "enter")
        await settled(pilot)
        assert isinstance(app.screen, DashboardScreen)
        assert load_profile() == Profile("Priya Shah", "Lead HMI", True)
        screen = await open_capture(pilot)
        await pilot.press(*"Parents value the new key worker.", "tab", *"b5", "enter",
                          "tab", "m", "ctrl+s")
        await settled(pilot)
        assert not isinstance(app.screen, type(screen))
        entry = evidence.all(app.store, app.inspection.id, limit=1)[0]
        assert entry.text == "Parents value the new key worker."
        assert entry.author == "Priya Shah (Lead HMI)"


async def test_U_edits_the_profile_from_any_screen(demo_db):
    save_profile(Profile("Priya Shah", "HMI"))
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("6", "U")
        await settled(pilot)
        form = app.screen
        assert isinstance(form, ProfileScreen) and shown_heading(form) == "Your profile"
        assert form.query_one("#name", Input).value == "Priya Shah"
        await pilot.press("tab")  # tab selects the role: typing replaces it
        await pilot.press(*"Lead HMI", "ctrl+s")
        await settled(pilot)
        assert not isinstance(app.screen, ProfileScreen)
    assert load_profile() == Profile("Priya Shah", "Lead HMI", True)


async def test_a_profile_needs_a_name(demo_db):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=(100, 30)) as pilot:
        await store_open(pilot)
        await pilot.press("U")
        await settled(pilot)
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, ProfileScreen)  # refused, still open
    assert load_profile() == Profile("", "", True)


def shown_heading(screen) -> str:
    return str(screen.query_one(".heading", Static).render())


def test_profile_screen_snapshot(snap_compare, demo_db):
    save_profile(Profile("Priya Shah", "Lead HMI"))
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=(80, 24),
                        run_before=after("U"))
