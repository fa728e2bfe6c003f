"""The screen under a modal box, dimmed as Textual dims it, each style tinted once.

Textual tints every segment of the screen below (2,000–3,000 at 120×40, 10–15 ms) though a
screen has a few dozen styles: here each style is tinted once per paint, by Textual's own
code, and reused for the segments that share it.
"""

from __future__ import annotations

from rich.segment import Segment
from textual.renderables.background_screen import BackgroundScreen


class DimmedScreen(BackgroundScreen):
    @classmethod
    def process_segments(cls, segments, color):
        tint = super().process_segments
        tinted: dict = {}
        for segment in segments:
            text, style, control = segment
            if control:
                yield segment
                continue
            if style not in tinted:
                tinted[style] = next(iter(tint([Segment(" ", style)], color))).style
            yield Segment(text, tinted[style])


def dimmed(shown):
    """A screen's render(), its background tinted the cheaper way when it is a screen below."""
    if type(shown) is BackgroundScreen:
        return DimmedScreen(shown.screen, shown.color)
    return shown
