"""The screen under a modal box, dimmed as Textual dims it: each style tinted once, and the
whole dimmed picture kept while nothing below changes.

Textual tints every segment of the screen below (2,000–3,000 at 120×40) and splits them
into lines again every time the box repaints itself (opening it takes two or three such
repaints, 10–25 ms each). Here each style is tinted once per paint, by Textual's own code,
and the lines are kept until the screen below repaints a region (Textual then refreshes the
box with that region: `DimmedBelow.changed`) or the size changes.
"""

from __future__ import annotations

from rich.segment import Segment
from textual import events, on
from textual.renderables.background_screen import BackgroundScreen
from textual.screen import ModalScreen
from textual.visual import RichVisual, Visual


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


class DimmedBelow(Visual):
    """The dimmed screen below as lines, rendered once per (size, screen below, change)."""

    def __init__(self, box, shown: BackgroundScreen) -> None:
        self.box, self.shown = box, shown

    def render_strips(self, width, height, style, options):
        key = (width, height, self.shown.screen, style, getattr(self.box, "_below_changes", 0))
        kept = getattr(self.box, "_dimmed_below", None)
        if kept is None or kept[0] != key:
            dimmed = DimmedScreen(self.shown.screen, self.shown.color)
            kept = (key, RichVisual(self.box, dimmed).render_strips(width, height, style,
                                                                    options))
            self.box._dimmed_below = kept
        return kept[1]

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
