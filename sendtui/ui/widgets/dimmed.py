"""The screen under a modal box, dimmed as Textual dims it, made cheaply and kept while
nothing below changes.

Textual renders the screen below through rich, tints every segment (2,000–3,000 at 120×40)
and splits them into lines again every time the box repaints itself (opening the capture box
takes two or three such repaints, 10–25 ms each). Here the screen below's own strips are
tinted a style at a time, by Textual's own code, and the lines are kept until the screen
below repaints a region (Textual then refreshes the box with that region:
`DimmedBelow.changed`) or the size changes. A test compares the lines with Textual's.
"""

from __future__ import annotations

from rich.segment import Segment
from rich.style import Style
from textual import events, on
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen
from textual.strip import Strip
from textual.visual import Visual


class DimmedBelow(Visual):
    """The dimmed screen below as lines, made once per (size, screen below, change)."""

    def __init__(self, box, shown: BackgroundScreen) -> None:
        self.box, self.shown = box, shown

    def render_strips(self, width, height, style, options):
        key = (width, height, self.shown.screen, style, getattr(self.box, "_below_changes", 0))
        kept = getattr(self.box, "_dimmed_below", None)
        if kept is None or kept[0] != key:
            kept = (key, self.lines(width, height, style.rich_style))
            self.box._dimmed_below = kept
        return kept[1]

    def lines(self, width: int, height: int | None, base: Style) -> list[Strip]:
        """What Textual makes of the screen below (RichVisual over BackgroundScreen, then
        the box's own style under each segment), from the strips the screen below already
        has: each style worked out once, no rich rendering, no splitting into lines."""
        tint, color = BackgroundScreen.process_segments, self.shown.color
        styles: dict = {}
        lines = []
        for strip in self.shown.screen._compositor.render_strips()[:height]:
            segments = []
            for text, segment_style, control in strip:
                if not text:
                    continue  # rich's line splitting drops empty segments
                final = styles.get(segment_style)
                if final is None:
                    dimmed = next(iter(tint([Segment(" ", segment_style)], color))).style
                    final = styles[segment_style] = base + dimmed if base else dimmed
                segments.append(Segment(text, final, None if base else control))
            lines.append(Strip(Segment.adjust_line_length(segments, width, pad=False)))
        return lines

    def get_optimal_width(self, rules, container_width: int) -> int:
        return container_width

    def get_height(self, rules, width: int) -> int:
        return self.box.size.height

    @staticmethod
    def changed(box, regions) -> None:
        """A region of the screen below was repainted (Textual refreshes the box with it)."""
        if regions:
            box._below_changes = getattr(box, "_below_changes", 0) + 1


class DimmedModal(ModalScreen):
    """A modal box over the screen below, dimmed the cheaper way (every box of the app).

    Its first resume does not restyle every widget again: they were styled as they were
    mounted a moment before, and nothing of the app's styling changes in between."""

    restyled_once = False

    @on(events.ScreenResume)
    def _first_resume(self, event: events.ScreenResume) -> None:
        if not self.restyled_once:
            self.restyled_once = True
            event.refresh_styles = False

    def render(self):
        shown = super().render()
        return DimmedBelow(self, shown) if type(shown) is BackgroundScreen else shown

    def refresh(self, *regions, **how):
        DimmedBelow.changed(self, regions)  # Textual passes the regions the screen below
        return super().refresh(*regions, **how)  # repainted
