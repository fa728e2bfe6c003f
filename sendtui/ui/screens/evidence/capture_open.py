"""Opening the capture box (`n` from any screen) at once, filling it once its data is read,
throwing its draft away."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from sendtui.ui.screens.evidence import capture
from sendtui.ui.screens.evidence.capture import DRAFT_LOCK, WAITING, CaptureScreen
from sendtui.ui.widgets.key_choice import KeyChoice
from sendtui.ui.widgets.line_picker import LinePicker
from sendtui.ui.widgets.pickers import SettingPicker


def context_of(app) -> tuple[str | None, object | None]:
    """(setting id, event) the screen under the capture box points at: the event under the
    week's cursor and its setting, or the setting highlighted on the Settings screen."""
    from sendtui.records import SettingRecord

    grid = getattr(app.screen, "grid", None)
    event = getattr(grid, "event_under_cursor", None)
    if event is not None:
        return event.setting_id, event
    selected = getattr(app.screen, "selected", None)
    thing = selected() if callable(selected) else None
    return (thing.id, None) if isinstance(thing, SettingRecord) else (None, None)


def open_capture(app, tracked: tuple[str, str] | None = None) -> None:
    """Push the capture box over whatever screen is up (once); refresh that screen after.
    `tracked`: (id, pseudonym) of the tracked child the entry is captured against."""
    if app.inspection is None or app.store is None or isinstance(app.screen, CaptureScreen):
        app.bell()
        return
    # capture.utc_now looked up here so that tests can set the clock
    setting_id, event = context_of(app)
    screen = CaptureScreen(setting_id, capture.utc_now(), tracked, event)
    under = app.screen

    def closed(code: str | None) -> None:
        if code is None:
            return
        app.notify(f"Evidence saved against {code}")
        refresh = getattr(under, "refresh_data", None)
        if callable(refresh) and under is app.screen:
            refresh()

    app.push_screen(screen, closed)


def fill(screen: CaptureScreen, lines, settings, text: str) -> None:
    """The fields from `screen.initial` and the text given (the cursor at its end); open."""
    f = screen.initial
    area = screen.query_one("#capture-text", TextArea)
    if text != area.text:
        area.load_text(text)
        area.move_cursor(area.document.end)
    screen.query_one(LinePicker).offer(lines, f["line"] or None)
    screen.query_one(SettingPicker).offer(settings, f["setting"] or None)
    screen.query_one("#source", KeyChoice).choose(f["source"] or None)
    screen.query_one("#case-ref", Input).value = f["case_ref"]
    screen.query_one("#judgement", KeyChoice).choose(f["judgement"] or None)
    screen.query(WAITING).set(disabled=False)
    screen.show_event()


def ask_to_throw_away(screen: CaptureScreen) -> None:
    """Throw the text away (asked first): the draft leaves the store too."""
    from sendtui.ui.screens.common.confirm import ConfirmScreen

    if screen.reading:  # the draft to throw away is not known yet
        screen.app.bell()
        return

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        screen.stop_timer()
        with DRAFT_LOCK:
            screen.saved = True  # no draft write after this
            if screen.draft_id:
                from sendtui.store.drafts import discard_draft

                discard_draft(screen.app.store, screen.draft_id)
        screen.dismiss(None)
        screen.app.notify("Draft thrown away")

    screen.app.push_screen(ConfirmScreen("Throw away this evidence? The text cannot be "
                                         "brought back."), answered)
