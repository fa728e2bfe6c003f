"""The screen under a box is dimmed exactly as Textual dims it, the picture kept while the
screen below stays the same."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual.app import App
from textual.color import Color
from textual.renderables.background_screen import BackgroundScreen
from textual.visual import RichVisual
from textual.widgets import DataTable, Input, Static

from sendtui.ui.widgets.dimmed import DimmedBelow, DimmedModal


class Below(App):
    def compose(self):
        yield Static("before the box", id="below")
        yield Static(Text.assemble(("bold red", "bold red"), " plain ",
                                   ("a link", "link https://example.org"), " ",
                                   ("click", Style(meta={"@click": "app.bell"}))))
        yield Input(value="typed")
        table = DataTable(zebra_stripes=True)
        table.add_columns("when", "what")
        for n in range(12):
            table.add_row(f"{n}:00", f"visit {n} — ünïcode 漢字")
        yield table


class OneLine(App):
    def compose(self):
        yield Static("before the box", id="below")


class Box(DimmedModal):
    DEFAULT_CSS = "Box { align: center bottom; } Box > Static { width: 8; height: 1; }"

    def compose(self):
        yield Static("the box")


async def test_dimmed_as_textual_dims():
    app = Below()
    async with app.run_test(size=(50, 16)) as pilot:
        box = Box()
        app.push_screen(box)
        await pilot.pause()
        below = app.screen_stack[0]
        for theme in ("textual-dark", "textual-light"):
            app.theme = theme
            await pilot.pause()
            for color in (box.styles.background, Color(255, 255, 255, 0.3), Color(0, 0, 0, 0)):
                shown = BackgroundScreen(below, color)
                for width, height in ((50, 16), (30, 9)):
                    textual = RichVisual(box, shown).render_strips(width, height,
                                                                   box.visual_style, None)
                    mine = DimmedBelow(box, shown).lines(width, height,
                                                         box.visual_style.rich_style)
                    assert [list(s) for s in mine] == [list(s) for s in textual]


async def test_the_dimmed_screen_below_follows_what_changes_under_the_box():
    """The dimmed picture is kept while the box repaints itself, and made again when the
    screen below changes a region."""
    app = OneLine()
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
