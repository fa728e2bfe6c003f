"""Opening the capture box (`n` from any screen) with the latest draft or the setting now."""

from __future__ import annotations

from sendtui.store import events, lines, settings
from sendtui.ui.screens.evidence import capture
from sendtui.ui.screens.evidence.capture import DRAFT_LOCK, CaptureScreen


def setting_now(app) -> str | None:
    """The setting of the event under the week's cursor, else of an event happening now."""
    grid = getattr(app.screen, "grid", None)
    event = getattr(grid, "event_under_cursor", None)
    if event is not None:
        return event.setting_id
    now = capture.utc_now()  # looked up here so that tests can set the clock
    happening = [e for e in events.all(app.store, app.inspection.id)
                 if e.start <= now < e.end and e.status != "cancelled" and e.setting_id]
    return happening[0].setting_id if happening else None


def open_capture(app) -> None:
    """Push the capture box over whatever screen is up (once); refresh that screen after."""
    from sendtui.store.drafts import latest_draft
    from sendtui.store.names import redactor

    if app.inspection is None or app.store is None or isinstance(app.screen, CaptureScreen):
        app.bell()
        return
    ins = app.inspection.id
    with DRAFT_LOCK:  # a write still in flight (escape just now) lands first
        draft = latest_draft(app.store, ins)
    screen = CaptureScreen(lines.all(app.store, ins), settings.all(app.store, ins),
                           None if draft else setting_now(app), draft, redactor(app.store, ins))
    under = app.screen

    def closed(code: str | None) -> None:
        if code is None:
            return
        app.notify(f"Evidence saved against {code}")
        refresh = getattr(under, "refresh_data", None)
        if callable(refresh) and under is app.screen:
            refresh()

    app.push_screen(screen, closed)
