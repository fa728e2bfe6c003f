"""The dashboard's care of the data: how long the evidence is kept (R), and erasing the
whole inspection for good when that time has come (P)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from sendtui.domain.retention import LONGEST, months_from
from sendtui.domain.words import sentence
from sendtui.errors import InvalidInput
from sendtui.ui.screens.common.erase import ask_and_erase
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled


class RetentionForm(FormScreen):
    """Dismisses with (months,), months None for no retention period; None when cancelled."""

    def __init__(self, months: int | None):
        super().__init__("How long the evidence is kept")
        self.months = months

    def body(self) -> ComposeResult:
        yield Static(f"Months after final feedback (1 to {LONGEST}), or none. When they "
                     "have passed, the dashboard says the evidence is due for erasure.",
                     classes="hint")
        yield from labelled("months", "Months (or none)", str(self.months or "none"))

    def check(self) -> tuple[int | None]:
        try:
            return (months_from(self.values()["months"]),)
        except InvalidInput as exc:
            raise Invalid({"months": sentence(str(exc))}) from None


def purge_inspection(screen) -> None:
    """Ask, then erase the open inspection for good; the next one (or the welcome) opens."""
    from sendtui.store import erasure, inspections

    app = screen.app
    store, ins = app.store, app.inspection
    found: list = []

    def purge():
        erased = erasure.purge(store, ins.id)
        others = inspections.all(store)
        found.append(inspections.find(store) if len(others) == 1 or any(
            i.last_opened_at for i in others) else None)
        return erased

    def done() -> None:
        if found:  # purged
            app.inspection_purged(found[0], f"Erased {ins.local_area} for good.")

    ask_and_erase(
        screen, f"the whole inspection of {ins.local_area}",
        "Every evidence entry, event, setting, person, marked name, draft, undo step and "
        "audit entry of this inspection leaves the store.", purge, done)
