"""What the campaign's children run besides the command line: writers through the store API
and the capture box, and a look at what the app shows. Each prints one line per entry it has
been told is saved (its id, or the text for the capture box), flushed at once, so that what a
kill leaves in the output file is exactly what was acknowledged."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import signal
import sys

DEMO_TODAY = dt.date(2026, 11, 25)


def say(line: str) -> None:
    """A line on the real stdout at once (the app redirects sys.stdout while it runs)."""
    import os

    os.write(1, (line + "\n").encode("utf-8"))


def api_writer(db: str, prefix: str, size: str = "0", limit: str = "1000000",
               ro: str = "") -> None:
    """Evidence through the store API, one entry per transaction, until killed, `limit`
    entries, or a failure (then one line on stderr and the command line's exit code). With
    `ro`, SIGUSR1 makes the store read-only under it (`make_read_only`)."""
    from sendtui.domain.clock import utc_now
    from sendtui.errors import exit_code_for
    from sendtui.records import EvidenceRow
    from sendtui.store import evidence, inspections
    from sendtui.store.repo import Store

    if ro:
        read_only_on_signal(db)
    try:
        store = Store.open(db)
        ins = inspections.find(store).id
        filler = " lorem" * (int(size) // 6)
        for k in range(int(limit)):
            row = EvidenceRow(utc_now(), "B5", "document", f"{prefix} {k}{filler}", None, None,
                              None, "")
            say(evidence.add(store, ins, [row]).ids[0])
    except Exception as exc:  # noqa: BLE001 - an unexpected one is a traceback, as it should
        code = exit_code_for(exc)
        if code is None:
            raise
        sys.stderr.write(f"sendtui: {exc}\n")
        raise SystemExit(code) from None


def tui_writer(db: str, prefix: str, ro: str = "") -> None:
    """The capture box, again and again: n, the text, line B5, source document, ctrl+s,
    until a save fails; then what the screen shows. With `ro`, SIGUSR1 makes the store
    read-only under the app (`make_read_only`)."""
    from sendtui.ui.app import make_app

    if ro:
        read_only_on_signal(db)

    async def autopilot(pilot) -> None:
        from tests.ui.conftest import settled

        await settled(pilot)
        say("ready")
        k = 0
        while True:
            saved = await capture_once(pilot, f"{prefix} {k}")
            if saved is None:
                break
            say("saved " + json.dumps(saved))
            k += 1
        say("screen: " + json.dumps(screen_text(pilot.app)))
        pilot.app.exit()

    app = make_app(db, today=DEMO_TODAY)
    app.run(headless=True, size=(100, 40), auto_pilot=autopilot)
    sys.exit(app.return_code or 0)


async def capture_once(pilot, text: str) -> str | None:
    """One entry through the capture box: the text it saved (a draft left by an earlier run
    comes back first, and what is typed follows it); None if it was not saved."""
    from textual.widgets import TextArea

    from sendtui.ui.screens.evidence.capture import CaptureScreen
    from tests.ui.conftest import settled

    app = pilot.app
    await pilot.press("n")
    if not await waited(pilot, lambda: isinstance(app.screen, CaptureScreen)):
        return None
    await settled(pilot)
    before = {n.identity for n in app._notifications}  # (they expire: not by position)
    await pilot.press(*text, "tab", "b", "5", "enter", "tab", "d")
    boxed = app.screen.query_one(TextArea).text
    await pilot.press("ctrl+s")
    saved = await waited(pilot, lambda: not isinstance(app.screen, CaptureScreen), 2.0)
    news = [n.message for n in app._notifications if n.identity not in before]
    return boxed if saved and any(m.startswith("Evidence saved") for m in news) else None


async def waited(pilot, condition, timeout: float = 5.0) -> bool:
    for _ in range(int(timeout / 0.02)):
        if condition():
            return True
        await pilot.pause(0.02)
    return condition()


def screen_text(app) -> dict:
    """What a user sees: the screen's text, and the notifications shown."""
    from textual.widgets import Static

    shown = [str(w.render()) for w in app.screen.query(Static) if w.display]
    return {"screen": type(app.screen).__name__,
            "text": "\n".join(t for t in shown if t.strip()),
            "notifications": [[n.severity, n.message] for n in app._notifications]}


def tui_look(db: str, today: str = "") -> None:
    """Start the app, let it settle, print what it shows, quit."""
    from sendtui.ui.app import make_app

    async def autopilot(pilot) -> None:
        from tests.ui.conftest import settled

        await settled(pilot)
        await asyncio.sleep(0.1)
        say("screen: " + json.dumps(screen_text(pilot.app)))
        pilot.app.exit()

    from sendtui.errors import UserError

    day = dt.date.fromisoformat(today) if today else None
    try:
        app = make_app(db, today=day)
    except UserError as exc:  # as `sendtui` says it before the app starts (open_app)
        print(f"sendtui: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    app.run(headless=True, size=(100, 40), auto_pilot=autopilot)


def read_only_on_signal(db: str) -> None:
    """Ready for SIGUSR1 to make the store read-only; the permission override dropped now,
    so that chmod then counts for root too."""
    from tests.faults.fs import drop_root_override

    drop_root_override()
    signal.signal(signal.SIGUSR1, lambda *_: make_read_only(db))


def make_read_only(db: str) -> None:
    """The store's files as a read-only filesystem would leave them to a running program:
    every descriptor this process has on the store file, its -wal or -journal is swapped for a
    read-only one, so the next write fails (EBADF) as on a filesystem remounted read-only. The
    -shm stays mapped, as the kernel would keep it."""
    import os

    names = {db, db + "-wal", db + "-journal"}
    for fd in map(int, os.listdir("/proc/self/fd")):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in names:
            ro = os.open(target, os.O_RDONLY)
            os.dup2(ro, fd)
            os.close(ro)
    say("read-only")


def tui_enter(db: str, text: str, case_ref: str, kept: str = "", thrown: str = "") -> None:
    """Through the capture box: an entry with a case reference; then a draft kept (escape)
    and a draft thrown away (ctrl+g, y). Prints what was done."""
    from sendtui.ui.app import make_app

    async def autopilot(pilot) -> None:
        from sendtui.ui.screens.evidence.capture import CaptureScreen
        from tests.ui.conftest import settled

        app = pilot.app
        await settled(pilot)
        await open_box(pilot)
        await pilot.press(*text, "tab", "b", "5", "enter", "tab", "d", "tab", "tab", *case_ref,
                          "ctrl+s")
        if await waited(pilot, lambda: not isinstance(app.screen, CaptureScreen)):
            say("saved")
        for draft, keys in ((kept, ["escape"]), (thrown, ["ctrl+g", "y"])):
            if draft:
                await open_box(pilot)
                await pilot.press(*draft)
                await pilot.pause(1.5)  # the draft is written after a pause in typing
                await app.workers.wait_for_complete()
                for key in keys:
                    await pilot.press(key)
                    await pilot.pause(0.2)
                await app.workers.wait_for_complete()
                say("kept" if keys == ["escape"] else "thrown away")
        app.exit()

    make_app(db, today=DEMO_TODAY).run(headless=True, size=(100, 40), auto_pilot=autopilot)


async def open_box(pilot) -> None:
    from sendtui.ui.screens.evidence.capture import CaptureScreen
    from tests.ui.conftest import settled

    await pilot.press("n")
    await waited(pilot, lambda: isinstance(pilot.app.screen, CaptureScreen))
    await settled(pilot)


def api_churn(db: str, evidence_id: str, text: str) -> None:
    """An entry edited twice (versions, undo log) through the store API."""
    from sendtui.store import evidence, inspections
    from sendtui.store.repo import Store

    store = Store.open(db)
    ins = inspections.find(store).id
    evidence.edit(store, ins, evidence_id, text + " (edited)")
    evidence.edit(store, ins, evidence_id, text + " (edited again)")
    store.close()
    say("edited")


def api_delete(db: str, evidence_id: str) -> None:
    """An entry deleted (a tombstone) through the store API."""
    from sendtui.store import evidence, inspections
    from sendtui.store.repo import Store

    store = Store.open(db)
    evidence.remove(store, inspections.find(store).id, evidence_id)
    store.close()
    say("deleted")


def tui_typist(db: str) -> None:
    """The capture box typed into without a pause until killed; after each key, when (the
    system's monotonic clock, shared with the parent) and how many characters are typed."""
    import time

    from sendtui.ui.app import make_app

    words = "parents said the plan arrived late and the review was missed "

    async def autopilot(pilot) -> None:
        from tests.ui.conftest import settled

        await settled(pilot)
        await open_box(pilot)
        typed = 0
        while True:
            await pilot.press(words[typed % len(words)])
            typed += 1
            say(f"typed {time.monotonic():.3f} {typed}")

    make_app(db, today=DEMO_TODAY).run(headless=True, size=(100, 40), auto_pilot=autopilot)
