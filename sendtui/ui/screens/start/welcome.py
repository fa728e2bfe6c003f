"""No inspection yet: start a new one or open the demo."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

INTRO = ("sendtui plans the fieldwork of a local area SEND inspection: key dates in working "
         "days, the on-site week, settings, people, lines of enquiry and evidence.")


class WelcomeScreen(Screen):
    BINDINGS = [
        Binding("n", "new", "New inspection", id="new-inspection"),
        Binding("d", "demo", "Open the demo", id="open-demo"),
        Binding("q", "app.quit", "Quit", id="quit"),
    ]

    def __init__(self, problem: str | None = None):
        super().__init__()
        self.problem = problem

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="welcome", classes="panel"):
            yield Static("Welcome to sendtui", classes="heading")
            yield Static(INTRO, classes="hint")
            if self.problem:
                yield Static(self.problem, classes="error", markup=False)
            yield OptionList(
                Option("New inspection  (n)", id="new"),
                Option("Open the demo: Wealdshire, a fictional local area  (d)", id="demo"),
                id="choices",
            )
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.run_action(event.option.id)

    def action_new(self) -> None:
        from sendtui.ui.screens.start.new_inspection import NewInspectionScreen

        self.app.push_screen(NewInspectionScreen())

    def action_demo(self) -> None:
        from sendtui.demo import add_demo

        inspection, _ = add_demo(self.app.store)
        self.app.open_inspection(inspection)
