"""Finding free time in the week: who and how long (the form), then a list of the free
slots found across the on-site days; enter on one opens the event form there."""

from __future__ import annotations

import datetime as dt

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from sendtui.domain.dates import clock, local_date, short_day
from sendtui.records import PersonRecord
from sendtui.store import planning
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_message, field_row
from sendtui.ui.screens.week import text as words
from sendtui.ui.widgets.dimmed import DimmedModal
from sendtui.ui.widgets.footer import KeysFooter
from sendtui.ui.widgets.pickers import PeoplePicker
from sendtui.ui.widgets.week_layout import ColumnKey

MOST_SLOTS = 8
Slot = tuple[dt.datetime, dt.datetime]


class FreeSlotForm(FormScreen):
    """Who must be free and for how long; dismisses with (person_ids, minutes), or None."""

    HINT = "enter on Minutes or ctrl+s finds · escape cancels"
    SHOW_PROBLEMS = "at once"
    ASKS_BEFORE_CLOSING = False  # a question asked of the week, not data to keep

    def __init__(self, people: list[PersonRecord], preselected: tuple[str, ...] = ()) -> None:
        super().__init__("Find a free slot")
        self.people = people
        self.preselected = preselected

    def body(self) -> ComposeResult:
        yield field_row("People", "people",
                        PeoplePicker(self.people, self.preselected, id="people-picker"))
        yield field_message("people")
        yield field_row("Minutes", "minutes", Input(
            "60", placeholder="15 to 600", max_length=3, restrict=r"[0-9]*", id="minutes",
            compact=True))
        yield field_message("minutes")

    def on_mount(self) -> None:
        self.query_one(PeoplePicker).focus()

    def check(self) -> tuple[tuple[str, ...], int]:
        errors = {}
        person_ids = self.query_one(PeoplePicker).person_ids
        if not person_ids:
            errors["people"] = "Pick at least one person: type part of a name, then enter."
        text = self.query_one("#minutes", Input).value
        minutes = int(text) if text.isascii() and text.isdigit() else 0
        if not 15 <= minutes <= 600:
            errors["minutes"] = "Minutes must be a whole number from 15 to 600."
        if errors:
            raise Invalid(errors)
        return person_ids, minutes


class FreeSlotList(DimmedModal):
    """The slots found; dismisses with the one chosen (enter), or None (escape)."""

    DEFAULT_CSS = """
    FreeSlotList { align: center middle; }
    FreeSlotList OptionList { height: auto; max-height: 10; }
    """
    BINDINGS = [Binding("escape", "close", "Close", id="free-slots-close")]

    def __init__(self, heading: str, slots: list[Slot]) -> None:
        super().__init__()
        self.heading = heading
        self.slots = slots

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.heading, classes="heading", markup=False)
            yield OptionList(*(Option(slot_line(*slot), id=str(n))
                               for n, slot in enumerate(self.slots)), id="free-slots")
            yield Static("enter: add an event in that slot · escape: close", classes="hint")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, message: OptionList.OptionSelected) -> None:
        self.dismiss(self.slots[int(message.option.id)])

    def action_close(self) -> None:
        self.dismiss(None)


def slot_line(start: dt.datetime, end: dt.datetime) -> str:
    return f"{short_day(local_date(start))}  {clock(start)}–{clock(end)}"


class FreeSlots:
    """Mixed into WeekScreen: `f` asks who and how long, lists the free slots found (in a
    worker), and enter on one opens the event form with those people at that time."""

    def action_free_slot(self) -> None:
        if self.busy():
            return
        event, key = self.grid.event_under_cursor, self.grid.cursor_key
        chosen = event.person_ids if event else (key.person_id,) if key.person_id else ()

        def asked(answer) -> None:
            if answer:
                self.find_free_slots(*answer, self.app.now())

        self.app.push_screen(FreeSlotForm(self.people, chosen), asked)

    @work(thread=True, exclusive=True, group="free-slot")
    def find_free_slots(self, person_ids: tuple[str, ...], minutes: int,
                        after: dt.datetime) -> None:
        """Search the store in a thread; the list opens on the UI thread."""
        slots = planning.free_slots(self.store, self.inspection.id, person_ids, minutes, after,
                                    MOST_SLOTS)
        self.app.call_from_thread(self._free_slots_found, person_ids, minutes, slots)

    def _free_slots_found(self, person_ids: tuple[str, ...], minutes: int,
                          slots: list[Slot]) -> None:
        names = words.names_of(person_ids, self.people)
        if not slots:
            self.notify(f"No {minutes} free minutes for {names} in working hours from now "
                        "to the end of the on-site week.", severity="warning", timeout=8)
            return

        def chosen(slot: Slot | None) -> None:
            if slot:
                self._show_slot(slot[0], person_ids)
                self.add_event(*slot, person_ids)

        self.app.push_screen(FreeSlotList(f"Free for {names}: {minutes} min", slots), chosen)

    def _show_slot(self, start: dt.datetime, person_ids: tuple[str, ...]) -> None:
        self.day = local_date(start)
        person = person_ids[0] if self.by_person else None
        self.grid.move_to(ColumnKey(self.day, person), start)
