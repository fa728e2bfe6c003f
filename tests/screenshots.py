"""Every screen of sendtui as an SVG in screenshots/ (`make screenshots`).

Run as `python -m tests.screenshots` from the repository root. Outside pytest: it builds its
own temporary stores (the demo, an empty one, a file that is not a store), points the user
data and config folders at a temporary folder, and runs the app headless at 100×30 on
Wed 25 Nov 2026 (day 3 of the demo inspection), so the pictures are the same on every machine.
"""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import os
import shutil
import sys
import tempfile
from pathlib import Path

from tests.ui.conftest import settled, until

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "screenshots"
SIZE = (100, 30)
TODAY = dt.date(2026, 11, 25)
NAMES = ("welcome", "new-inspection", "dashboard", "week", "settings", "people", "lines",
         "evidence", "help", "line-form", "store-error", "export", "dashboard-2023",
         "week-2023", "lines-findings", "finding-form", "place-form", "outcome-form",
         "after-the-report", "requests", "request-form", "children-2023", "plan",
         "switcher", "import-preview", "profile", "exchange", "exchange-conflict",
         "exchange-save")
ON_SITE_2023 = dt.date(2026, 11, 30)  # day 11 of the 2023 demo: the first on-site day


async def _ready(pilot) -> None:
    """Past the loading screen: the store worker has finished and its screen is up."""
    await settled(pilot)


SAVED: list[str] = []


async def _save(pilot, name: str) -> None:
    await settled(pilot)
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
    pilot.app.save_screenshot(filename=f"{name}.svg", path=str(OUT))
    SAVED.append(name)
    print(f"screenshots/{name}.svg  {type(pilot.app.screen).__name__}")


def _steady_cursors(screen) -> None:
    """Input cursors that do not blink: the picture does not depend on timing."""
    from textual.widgets import Input

    for field in screen.query(Input):
        field.cursor_blink = False


async def _shoot(folder: Path) -> None:
    from sendtui.demo import add_demo
    from sendtui.store.repo import Store
    from sendtui.ui.app import make_app

    demo = folder / "demo.db"
    store = Store.open(str(demo))
    add_demo(store, "2016")
    store.close()
    empty = folder / "empty.db"  # not created yet: the app makes it
    not_a_store = folder / "notes.db"
    not_a_store.write_bytes(b"hello, this is not a store\n")

    app = make_app(str(empty), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await _save(pilot, "welcome")
        await pilot.press("n")
        await pilot.pause()
        _steady_cursors(app.screen)
        await pilot.press(*"Fenmarch", "tab", "tab", *"2026-11-23")
        await _save(pilot, "new-inspection")

    app = make_app(str(demo), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await _save(pilot, "dashboard")
        await pilot.press("question_mark")
        await _save(pilot, "help")
        await pilot.press("escape")
        for key, name in (("2", "week"), ("3", "settings"), ("4", "people"), ("5", "lines")):
            await pilot.press(key)
            await _save(pilot, name)
        await pilot.press("a")
        await pilot.pause()
        _steady_cursors(app.screen)
        await pilot.press("tab", *"How well health and care plans are joined up")
        await _save(pilot, "line-form")
        await pilot.press("escape", "d", "6")  # the typed line is discarded (asked first)
        await _save(pilot, "evidence")
        await pilot.press("9")
        await _save(pilot, "plan")
        await pilot.press("U")
        await pilot.pause()
        _steady_cursors(app.screen)
        await _save(pilot, "profile")
        await pilot.press("escape")
        await _week(pilot)
        await _evidence(pilot)
        await _requests(pilot)
        await _import_preview(pilot)

    await _inspection_2023(folder)
    await _switcher(folder)
    await _exchange(folder)
    _briefing_pack_pages(demo, folder)

    app = make_app(str(not_a_store), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await _save(pilot, "store-error")


async def _inspection_2023(folder: Path) -> None:
    """The 2023 demo on its first on-site day: three weeks, findings, places, the outcome."""
    from sendtui.demo import add_demo
    from sendtui.store import outcomes
    from sendtui.store.repo import Store
    from sendtui.ui.app import make_app

    path = folder / "demo-2023.db"
    store = Store.open(str(path))
    ins, _ = add_demo(store, "2023")
    store.close()
    app = make_app(str(path), today=ON_SITE_2023)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await _save(pilot, "dashboard-2023")
        for key, name in (("2", "week-2023"), ("8", "children-2023"),
                          ("5", "lines-findings")):
            await pilot.press(key)
            await _save(pilot, name)
        for keys, name in ((("f",), "finding-form"), (("escape", "3", "a"), "place-form"),
                           (("escape", "1", "O"), "outcome-form")):
            await pilot.press(*keys)
            await settled(pilot)
            _steady_cursors(pilot.app.screen)
            await _save(pilot, name)
    store = Store.open(str(path))
    outcomes.record(store, ins.id, outcome=2, received=dt.date(2027, 1, 18),
                    published=dt.date(2027, 1, 25))
    store.close()
    app = make_app(str(path), today=dt.date(2027, 2, 1))
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await _save(pilot, "after-the-report")


async def _switcher(folder: Path) -> None:
    """Both demos in one store: `s` on the dashboard lists them, the open one marked."""
    from sendtui.demo import add_demo
    from sendtui.store.repo import Store
    from sendtui.ui.app import make_app

    path = folder / "two.db"
    store = Store.open(str(path))
    add_demo(store, "2016")
    add_demo(store, "2023")
    store.close()
    app = make_app(str(path), today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _ready(pilot)
        await pilot.press("s")
        await _save(pilot, "switcher")


async def _week(pilot) -> None:
    """The planner: by person, a clash made by moving a meeting, the forms."""
    await pilot.press("2", "v")
    await _save(pilot, "week-by-person")
    await pilot.press(*"jjjjjj", "m", "l", "enter")
    await _save(pilot, "week-problem")
    await pilot.press("u", "v", "a")
    await pilot.pause()
    _steady_cursors(pilot.app.screen)
    await _save(pilot, "event-form")
    await pilot.press("escape", "f")
    await pilot.pause()
    _steady_cursors(pilot.app.screen)
    await _save(pilot, "free-slot")
    await pilot.press("escape")


async def _evidence(pilot) -> None:
    """Capture from anywhere, the detail of an entry, a search."""
    await pilot.press("n")
    await pilot.pause()
    _steady_cursors(pilot.app.screen)
    await pilot.press(*"Parents said the local offer is hard to find on a phone.")
    await _save(pilot, "capture")
    await pilot.press("escape", "6", "slash", *"camhs")
    summary = pilot.app.screen.query_one("#evidence-summary")
    await until(pilot, lambda: "“camhs”" in str(summary.render())  # after the debounce,
                and "ranking" not in str(summary.render()))  # and every match ranked
    pilot.app.screen.table.move_cursor(row=0)  # the best (the cursor keeps the entry it was on)
    await pilot.pause()
    await _save(pilot, "evidence-search")
    await pilot.press("escape", "enter")
    await pilot.pause()
    await _save(pilot, "evidence-detail")
    await pilot.press("escape", "M")
    await _save(pilot, "marked-names")
    await pilot.press("E")
    await pilot.pause()
    _steady_cursors(pilot.app.screen)
    await _save(pilot, "erase-confirm")
    await pilot.press("escape", "escape", "2", "x")
    await pilot.pause()
    _steady_cursors(pilot.app.screen)
    await _save(pilot, "export")
    await pilot.press("escape")


async def _requests(pilot) -> None:
    """The information requests: overdue first; the form editing the one under the cursor."""
    await pilot.press("7")
    await _save(pilot, "requests")
    await pilot.press("e")
    await pilot.pause()
    _steady_cursors(pilot.app.screen)
    await _save(pilot, "request-form")
    await pilot.press("escape")


async def _import_preview(pilot) -> None:
    """Settings, i: the GIAS fixture's preview over the demo (relative path: from the root)."""
    await pilot.press("3", "i")
    await settled(pilot)
    _steady_cursors(pilot.app.screen)
    fixture = ROOT / "tests" / "fixtures" / "gias_wealdshire.csv"
    await pilot.press(*os.path.relpath(fixture), "enter")
    await _save(pilot, "import-preview")
    await pilot.press("escape")


async def _exchange(folder: Path) -> None:
    """X on a demo store that took in Kwame's bundle: one entry both laptops changed; the
    conflict side by side; e, the box that saves a bundle. The clock is fixed."""
    from unittest import mock

    from sendtui.demo import add_demo
    from sendtui.store import conflicts, exchanged
    from sendtui.store.repo import Store
    from sendtui.ui.app import make_app
    from sendtui.ui.screens.exchange import screen, send
    from tests.ui.laptops import kwames_laptop

    here = folder / "exchange.db"
    store = Store.open(str(here))
    add_demo(store, "2016")
    store.close()
    kwames_laptop(here, folder, conflict=True)
    now = dt.datetime(2026, 11, 25, 14, 5, tzinfo=dt.timezone.utc)
    took_in = [("Kwame's laptop", now - dt.timedelta(hours=20))]
    listed = conflicts.open_conflicts

    def written_then(store, ins_id):
        return [dataclasses.replace(c, saved_at=now - dt.timedelta(hours=21))
                for c in listed(store, ins_id)]

    with mock.patch.object(screen, "utc_now", lambda: now), \
            mock.patch.object(send, "utc_now", lambda: now), \
            mock.patch.object(exchanged, "exchanges", lambda store: took_in), \
            mock.patch.object(conflicts, "open_conflicts", written_then):
        app = make_app(str(here), today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await _ready(pilot)
            await pilot.press("X")
            await _save(pilot, "exchange")
            await pilot.press("enter")
            await _save(pilot, "exchange-conflict")
            await pilot.press("escape", "e")
            await settled(pilot)
            _steady_cursors(app.screen)
            await _save(pilot, "exchange-save")


def _briefing_pack_pages(demo: Path, folder: Path) -> None:
    """The HTML briefing pack printed to PDF by Chromium (A4, print CSS), its first two pages
    as PNGs: skipped, saying so, where Chromium or pdftoppm (poppler-utils) is missing."""
    import subprocess

    from sendtui.exports import ExportRequest, render
    from sendtui.store import inspections
    from sendtui.store.briefing import gather
    from sendtui.store.repo import Store

    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None or shutil.which("pdftoppm") is None:
        print("screenshots/briefing-pack-*.png  skipped: apt-get install chromium poppler-utils")
        return
    store = Store.open(str(demo))
    html, pdf = folder / "pack.html", folder / "pack.pdf"
    html.write_bytes(render(gather(store, inspections.find(store).id, TODAY),
                            ExportRequest("pack", "html")))
    store.close()
    subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", f"--user-data-dir={folder / 'chromium'}",
                    "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.as_uri()],
                   check=True, capture_output=True, timeout=120)
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", str(pdf),
                    str(OUT / "briefing-pack")], check=True, timeout=60)
    for page in sorted(OUT.glob("briefing-pack-*.png")):
        print(f"screenshots/{page.name}  the HTML briefing pack printed to A4")


def main() -> int:
    # A fixed name (not a random one): the store-error screen shows the file's path.
    folder = Path(tempfile.gettempdir()) / "sendtui-screenshots"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(mode=0o700)
    try:
        # Never the user's own store, config or key overrides.
        os.environ["XDG_DATA_HOME"] = str(folder / "data")
        os.environ["XDG_CONFIG_HOME"] = str(folder / "config")
        os.environ["HOME"] = "/home/inspector"  # the Documents folder the export dialog shows
        for name in ("SENDTUI_DB", "SENDTUI_TODAY"):
            os.environ.pop(name, None)
        from sendtui.config import Profile, save_profile

        save_profile(Profile("Priya Shah", "Lead HMI"))  # no first-run question in the pictures
        OUT.mkdir(exist_ok=True)
        asyncio.run(_shoot(folder))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    missing = [n for n in NAMES if n not in SAVED]
    if missing:
        print(f"missing: {', '.join(missing)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
