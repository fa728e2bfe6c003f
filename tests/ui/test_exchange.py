"""The Exchange screen (X): what a coordinator presses to save a bundle on a memory stick,
take in Kwame's, and settle an entry both of them changed; what the store holds after."""

from __future__ import annotations

import datetime as dt
import stat

import pytest
from textual import events
from textual.widgets import DataTable, Static, TextArea

from sendtui.importers.bundle import read_bundle
from sendtui.store import audit, exchanged, inspections
from sendtui.store.repo import Store
from sendtui.store.revisions import all_revisions
from sendtui.ui.app import make_app
from sendtui.ui.screens.exchange.conflict import ConflictBox, EditBox
from sendtui.ui.screens.exchange.screen import ExchangeScreen
from sendtui.ui.screens.exchange.send import SendBox
from sendtui.ui.screens.exchange.take_in import TakeInBox
from tests.conftest import DEMO_TODAY
from tests.ui.conftest import settled, store_open, until
from tests.ui.laptops import HERE_TEXT, KWAMES_TEXT, PASSPHRASE, entry_text, kwames_laptop

SIZE = (80, 24)
FIXED_NOW = dt.datetime(2026, 11, 25, 14, 30, tzinfo=dt.timezone.utc)


def said(pilot, selector: str) -> str:
    return str(pilot.app.screen.query_one(selector, Static).render())


async def paste(pilot, text: str) -> None:
    pilot.app.focused.post_message(events.Paste(text))
    await settled(pilot)


async def open_exchange(pilot, *keys: str) -> None:
    await store_open(pilot)
    await pilot.press("X", *keys)
    await settled(pilot)


def listed(pilot) -> int:
    return pilot.app.screen.query_one("#exchange-conflicts", DataTable).row_count


def stored(path):
    store = Store.open(str(path))
    ins_id = inspections.find(store).id
    return store, ins_id


async def test_ctrl_p_offers_the_exchange(demo_db):
    from textual.command import CommandList, CommandPalette

    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await store_open(pilot)
        await pilot.press("ctrl+p")
        await settled(pilot)
        assert isinstance(app.screen, CommandPalette)
        await pilot.press(*"exchange")
        commands = app.screen.query_one(CommandList)
        await until(pilot, lambda: commands.option_count > 0)
        offered = [str(commands.get_option_at_index(i).prompt)
                   for i in range(commands.option_count)]
        assert any("Exchange with other laptops" in o and "key X" in o for o in offered)
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, ExchangeScreen))


async def test_save_a_bundle_on_a_stick(demo_db, tmp_path):
    stick = tmp_path / "STICK"
    stick.mkdir()
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_exchange(pilot, "e")
        assert isinstance(app.screen, SendBox)
        name = app.screen.query_one("#bundle-name").value
        assert name.startswith("wealdshire-test-laptop-") and name.endswith(".sendtui-bundle")
        await pilot.click("#bundle-folder")
        app.screen.query_one("#bundle-folder").value = ""
        await paste(pilot, f"{stick}/")
        await pilot.click("#bundle-passphrase")
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")
        await paste(pilot, "not the same")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "The two passphrases differ" in said(pilot, "#bundle-message")
        assert not list(stick.iterdir())
        app.screen.query_one("#bundle-again").value = ""
        await paste(pilot, PASSPHRASE)
        await pilot.press("enter")  # enter on the second passphrase saves
        await settled(pilot)
        assert isinstance(app.screen, ExchangeScreen)
    written = stick / name
    assert stat.S_IMODE(written.stat().st_mode) == 0o600
    bundle = read_bundle(written, PASSPHRASE, all_revisions())
    store, ins_id = stored(demo_db)
    try:
        assert bundle.manifest.inspection_id == ins_id
        assert any(e.action == "bundle exported" and "(encrypted)" in e.detail
                   for e in audit.entries(store, ins_id))
    finally:
        store.close()


async def test_unencrypted_only_when_ticked(demo_db, tmp_path):
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_exchange(pilot, "e")
        app.screen.query_one("#bundle-folder").value = f"{tmp_path}/"
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert "Type a passphrase twice, or tick the box" in said(pilot, "#bundle-message")
        box = app.screen.query_one("#bundle-plain")
        assert "X" not in str(box.render())  # not ticked: an empty box, not a dim X
        await pilot.click("#bundle-plain")
        assert "X" in str(box.render())
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, ExchangeScreen)
    written = next(tmp_path.glob("*.sendtui-bundle"))
    assert read_bundle(written, None, all_revisions()).tables


async def take_in_keys(pilot, bundle, passphrase: str) -> None:
    """i, the bundle's path, enter, the passphrase, enter: the preview (or the refusal)."""
    await pilot.press("i")
    await settled(pilot)
    await paste(pilot, str(bundle))
    await pilot.press("enter")  # on to the passphrase, not read yet
    await paste(pilot, passphrase)
    await pilot.press("enter")
    await settled(pilot)


async def test_take_in_shows_what_changes_then_ctrl_s_takes_it_in_once(demo_db, tmp_path):
    bundle, entry = kwames_laptop(demo_db, tmp_path)
    before = entry_text(demo_db, entry)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_exchange(pilot)
        assert "Last exchanged: never" in said(pilot, "#exchange-last")
        await take_in_keys(pilot, bundle, PASSPHRASE)
        assert isinstance(app.screen, TakeInBox)
        preview = said(pilot, "#bundle-preview")
        assert "From Kwame's laptop." in preview
        assert "evidence entries: 1 changed" in preview
        assert entry_text(demo_db, entry) == before  # nothing until ctrl+s
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, ExchangeScreen)
        assert entry_text(demo_db, entry) == KWAMES_TEXT
        assert "Last exchanged: Kwame's laptop today" in said(pilot, "#exchange-last")
        await take_in_keys(pilot, bundle, PASSPHRASE)
        assert "Nothing new" in said(pilot, "#bundle-preview")
        await pilot.press("escape")
        await settled(pilot)
        assert isinstance(app.screen, ExchangeScreen)


async def test_a_wrong_passphrase_is_one_line_and_changes_nothing(demo_db, tmp_path):
    bundle, entry = kwames_laptop(demo_db, tmp_path)
    before = entry_text(demo_db, entry)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_exchange(pilot)
        await take_in_keys(pilot, bundle, "blue kettle in the hall")
        message = said(pilot, "#bundle-take-message")
        assert message and "\n" not in message and "Traceback" not in message
        assert not app.screen.query_one("#bundle-preview").display
        await pilot.press("ctrl+s")  # reads again, refused again: nothing taken in
        await settled(pilot)
        await pilot.press("escape")
        await settled(pilot)
    assert entry_text(demo_db, entry) == before
    store, _ = stored(demo_db)
    try:
        assert exchanged.exchanges(store) == []
    finally:
        store.close()


@pytest.mark.parametrize(("keys", "text"), [
    (("o",), KWAMES_TEXT),
    (("b",), f"{HERE_TEXT}\n\n{KWAMES_TEXT}"),
])
async def test_settle_a_conflict(demo_db, tmp_path, keys, text):
    _, entry = kwames_laptop(demo_db, tmp_path, conflict=True)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_exchange(pilot)
        assert "1 conflict" in app.sub_title
        assert listed(pilot) == 1
        await pilot.press("enter")
        await settled(pilot)
        assert isinstance(app.screen, ConflictBox)
        assert said(pilot, "#conflict-entry") == HERE_TEXT
        assert said(pilot, "#conflict-other") == KWAMES_TEXT
        await pilot.press(*keys)
        await settled(pilot)
        assert isinstance(app.screen, ExchangeScreen)
        assert listed(pilot) == 0
        assert "conflict" not in app.sub_title
        assert entry_text(demo_db, entry) == text
        await pilot.press("u")  # undone: the conflict is back, the entry as it was
        await settled(pilot)
        assert listed(pilot) == 1
        assert entry_text(demo_db, entry) == HERE_TEXT


async def test_edit_the_two_into_one(demo_db, tmp_path):
    _, entry = kwames_laptop(demo_db, tmp_path, conflict=True)
    app = make_app(str(demo_db), today=DEMO_TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await open_exchange(pilot, "enter", "e")
        assert isinstance(app.screen, EditBox)
        area = app.screen.query_one(TextArea)
        assert area.text == f"{HERE_TEXT}\n\n{KWAMES_TEXT}"
        area.load_text("SENCO: annual reviews on time, EHC plan reviews late.")
        await pilot.press("ctrl+s")
        await settled(pilot)
        assert isinstance(app.screen, ExchangeScreen)
        assert listed(pilot) == 0
    assert entry_text(demo_db, entry) == "SENCO: annual reviews on time, EHC plan reviews late."


# --- snapshots ---------------------------------------------------------------------------

def fixed_exchanges(monkeypatch) -> None:
    """When the bundle was taken in, and now, fixed: the picture does not move with the clock."""
    from sendtui.ui.screens.exchange import screen

    monkeypatch.setattr(screen, "utc_now", lambda: FIXED_NOW)
    monkeypatch.setattr(exchanged, "exchanges",
                        lambda store: [("Kwame's laptop", FIXED_NOW - dt.timedelta(hours=1))])


def test_snapshot_take_in_preview(snap_compare, demo_db, tmp_path, monkeypatch):
    bundle, _ = kwames_laptop(demo_db, tmp_path)
    bundle.rename(tmp_path / "kwame.sendtui-bundle")
    monkeypatch.chdir(tmp_path)  # the path typed is the same on every run
    fixed_exchanges(monkeypatch)

    async def previewed(pilot) -> None:
        await open_exchange(pilot)
        await take_in_keys(pilot, "kwame.sendtui-bundle", PASSPHRASE)
        for field in pilot.app.screen.query("Input"):
            field.cursor_blink = False
        await settled(pilot)

    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=previewed)


def test_snapshot_conflicts_list(snap_compare, demo_db, tmp_path, monkeypatch):
    kwames_laptop(demo_db, tmp_path, conflict=True)
    fixed_exchanges(monkeypatch)
    assert snap_compare(make_app(str(demo_db), today=DEMO_TODAY), terminal_size=SIZE,
                        run_before=lambda pilot: open_exchange(pilot))
