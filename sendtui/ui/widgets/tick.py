"""A checkbox that is empty when not ticked: Textual's shows a dim X then, which reads as
ticked at a glance."""

from __future__ import annotations

from textual.widgets import Checkbox


class Tick(Checkbox):
    @property
    def BUTTON_INNER(self) -> str:  # noqa: N802 - Textual's name for it
        return "X" if self.value else " "
