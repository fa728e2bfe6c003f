"""The screen under a form is dimmed exactly as Textual dims it, each style tinted once."""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen

from sendtui.ui.widgets.dimmed import DimmedScreen

SEGMENTS = [Segment("Week", Style(bold=True, color="red", bgcolor="black")),
            Segment(" 09:00 ", None), Segment("\x1b[2J", None, [(1,)]),
            Segment("Meeting", Style(color="#336699", bgcolor="#ffffff", meta={"x": 1})),
            Segment("Week", Style(bold=True, color="red", bgcolor="black")),
            Segment(" ", Style(italic=True))]


def test_dimmed_as_textual_dims():
    for color in (Color(0, 0, 0, 0.6), Color(255, 255, 255, 0.3), Color(0, 0, 0, 0)):
        assert (list(DimmedScreen.process_segments(SEGMENTS * 3, color))
                == list(BackgroundScreen.process_segments(SEGMENTS * 3, color)))
