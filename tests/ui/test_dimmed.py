"""The screen under a form is dimmed exactly as Textual dims it, each style tinted once."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.app import App
from textual.renderables.background_screen import BackgroundScreen
from textual.widgets import Static

from sendtui.ui.widgets.dimmed import DimmedModal, DimmedScreen

SEGMENTS = [Segment("Week", Style(bold=True, color="red", bgcolor="black")),
            Segment(" 09:00 ", None), Segment("\x1b[2J", None, [(1,)]),
            Segment("Meeting", Style(color="#336699", bgcolor="#ffffff", meta={"x": 1})),
            Segment("Week", Style(bold=True, color="red", bgcolor="black")),
            Segment(" ", Style(italic=True))]


def test_dimmed_as_textual_dims():
    for color in (Color(0, 0, 0, 0.6), Color(255, 255, 255, 0.3), Color(0, 0, 0, 0)):
        assert (list(DimmedScreen.process_segments(SEGMENTS * 3, color))
                == list(BackgroundScreen.process_segments(SEGMENTS * 3, color)))


class Below(App):
    def compose(self):
        yield Static("before the box", id="below")


class Box(DimmedModal):
    DEFAULT_CSS = "Box { align: center bottom; } Box > Static { width: 8; height: 1; }"

    def compose(self):
        yield Static("the box")


async def test_the_dimmed_screen_below_follows_what_changes_under_the_box():
    """The dimmed picture is kept while the box repaints itself, and painted again when the
    screen below changes a region."""
    app = Below()
    async with app.run_test(size=(40, 5)) as pilot:
        box = Box()
        app.push_screen(box)
        await pilot.pause()
        assert "before the box" in shown(app)
        kept = box._dimmed_below
        box.refresh()
        await pilot.pause()
        assert box._dimmed_below is kept  # the box alone repainted: the picture kept
        app.screen_stack[0].query_one("#below", Static).update("after a change")
        await pilot.pause()
        await pilot.pause()
        assert "after a change" in shown(app)
        assert box._dimmed_below is not kept


def shown(app) -> str:
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())
