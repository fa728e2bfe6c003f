"""Type-ahead pickers: type part of a name, move with up/down, enter picks, backspace unpicks."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.events import DescendantBlur
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from sendtui.domain.events import visitable
from sendtui.domain.matching import fold
from sendtui.records import PersonRecord, SettingRecord

MOST_MATCHES = 50


class QueryInput(Input):
    """An input whose backspace, when there is nothing to delete, falls to the picker's key."""

    def action_delete_left(self) -> None:
        if not self.value:
            raise SkipAction()
        super().action_delete_left()


class Matches(OptionList, can_focus=False):
    """The matches under the input; the input keeps the focus and up/down move the highlight."""


class TypeAhead(Vertical):
    """A picked-values line, a query input and its matches. Subclasses say what matches."""

    BINDINGS = [
        Binding("down", "move(1)", "Next match", id="picker-next"),
        Binding("up", "move(-1)", "Previous match", id="picker-previous"),
        Binding("escape", "close", "Close list", id="picker-close"),
    ]
    PLACEHOLDER = ""

    def compose(self) -> ComposeResult:
        yield Static("", classes="picked", markup=False)
        yield QueryInput(placeholder=self.PLACEHOLDER, compact=True)
        yield Matches()

    def on_mount(self) -> None:
        self._show_picked()

    @property
    def query_input(self) -> QueryInput:
        return self.query_one(QueryInput)

    @property
    def matches(self) -> Matches:
        return self.query_one(Matches)

    def focus(self, scroll_visible: bool = True) -> "TypeAhead":
        self.query_input.focus(scroll_visible)
        return self

    # --- what subclasses define ----------------------------------------------------------

    def candidates(self, query: str) -> list[tuple[str, str]]:
        """(id, prompt) of what the query matches, best first."""
        raise NotImplementedError

    def pick(self, value_id: str) -> None:
        raise NotImplementedError

    def unpick(self) -> bool:
        """Remove the last pick; False when nothing was picked."""
        raise NotImplementedError

    def picked_text(self) -> str:
        raise NotImplementedError

    # --- the list ------------------------------------------------------------------------

    @property
    def is_open(self) -> bool:
        return self.matches.display and self.matches.option_count > 0

    @on(Input.Changed)
    def _query_changed(self, event: Input.Changed) -> None:
        event.stop()
        query = event.value.strip()  # folded by candidates(): "sian" finds Siân
        found = self.candidates(query)[:MOST_MATCHES] if query else []
        self.matches.set_options(Option(Text(prompt), id=value_id) for value_id, prompt in found)
        self.matches.display = bool(found)
        self.matches.highlighted = 0 if found else None
        if found:
            self.call_after_refresh(self.scroll_visible)
        self.refresh_bindings()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        if self.is_open and self.matches.highlighted is not None:
            event.stop()
            self._choose(self.matches.get_option_at_index(self.matches.highlighted).id)

    @on(OptionList.OptionSelected)
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option.id)
        self.query_input.focus()

    @on(DescendantBlur)
    def _left(self) -> None:
        # A query left unpicked would look chosen when it is not: leaving clears it.
        self.query_input.value = ""

    def _choose(self, value_id: str) -> None:
        self.pick(value_id)
        self.query_input.value = ""
        self._show_picked()

    def _show_picked(self) -> None:
        line = self.query_one(".picked", Static)
        text = self.picked_text()
        line.update(text)
        line.display = bool(text)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action in ("move", "close"):
            return self.is_open
        if action == "unpick":
            return not self.query_input.value and bool(self.picked_text())
        return True

    def action_move(self, step: int) -> None:
        count = self.matches.option_count
        self.matches.highlighted = ((self.matches.highlighted or 0) + step) % count

    def action_close(self) -> None:
        self.query_input.value = ""

    def action_unpick(self) -> None:
        if self.unpick():
            self._show_picked()


class SettingPicker(TypeAhead):
    """One setting, found by part of its name, URN or postcode; closed ones are not offered."""

    BINDINGS = [Binding("backspace", "unpick", "Clear setting", id="setting-clear")]
    PLACEHOLDER = "type part of a name, URN or postcode"

    class Changed(Message):
        def __init__(self, picker: "SettingPicker", setting_id: str | None) -> None:
            super().__init__()
            self.picker = picker
            self.setting_id = setting_id

        @property
        def control(self) -> "SettingPicker":
            return self.picker

    def __init__(self, settings: list[SettingRecord], setting_id: str | None = None,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.offer(settings, setting_id)

    def offer(self, settings: list[SettingRecord], setting_id: str | None = None) -> None:
        """The settings to find from and the one picked (a screen's data, once loaded)."""
        self.by_id = {s.id: s for s in settings}
        self.offered = [s for s in settings if visitable(s.status)]
        self.setting_id = setting_id if setting_id in self.by_id else None
        if self.is_mounted:
            self._show_picked()

    @property
    def setting(self) -> SettingRecord | None:
        return self.by_id.get(self.setting_id) if self.setting_id else None

    def candidates(self, query: str) -> list[tuple[str, str]]:
        query = fold(query)
        squeezed = query.replace(" ", "")
        return [(s.id, setting_label(s)) for s in self.offered
                if query in fold(s.name) or squeezed in (s.urn or "")
                or squeezed in s.postcode.lower().replace(" ", "")]

    def pick(self, value_id: str) -> None:
        self.setting_id = value_id
        self.post_message(self.Changed(self, value_id))

    def unpick(self) -> bool:
        if self.setting_id is None:
            return False
        self.setting_id = None
        self.post_message(self.Changed(self, None))
        return True

    def picked_text(self) -> str:
        return setting_label(self.setting) if self.setting else ""


class PeoplePicker(TypeAhead):
    """Several people, found by part of a name, role or organisation; the team comes first."""

    BINDINGS = [Binding("backspace", "unpick", "Remove last person", id="people-remove-last")]
    PLACEHOLDER = "type part of a name to add someone"

    class Changed(Message):
        def __init__(self, picker: "PeoplePicker", person_ids: tuple[str, ...]) -> None:
            super().__init__()
            self.picker = picker
            self.person_ids = person_ids

        @property
        def control(self) -> "PeoplePicker":
            return self.picker

    def __init__(self, people: list[PersonRecord], person_ids: tuple[str, ...] = (),
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.people = sorted(people, key=lambda p: not p.is_team)  # stable: keeps the order given
        self.by_id = {p.id: p for p in people}
        self.person_ids = tuple(p for p in dict.fromkeys(person_ids) if p in self.by_id)

    def candidates(self, query: str) -> list[tuple[str, str]]:
        query = fold(query)
        return [(p.id, person_label(p)) for p in self.people if p.id not in self.person_ids
                and query in fold(f"{p.name}\n{p.role}\n{p.organisation}")]

    def pick(self, value_id: str) -> None:
        self._set(self.person_ids + (value_id,))

    def unpick(self) -> bool:
        if not self.person_ids:
            return False
        self._set(self.person_ids[:-1])
        return True

    def _set(self, person_ids: tuple[str, ...]) -> None:
        self.person_ids = person_ids
        self.post_message(self.Changed(self, person_ids))

    def picked_text(self) -> str:
        return "   ".join(f"{self.by_id[p].name} ×" for p in self.person_ids)


def setting_label(setting: SettingRecord) -> str:
    where = ", ".join(part for part in (setting.urn, setting.postcode) if part)
    return f"{setting.name} ({where})" if where else setting.name


def person_label(person: PersonRecord) -> str:
    side = " (team)" if person.is_team else ""
    return f"{person.name}{side} · {person.role}"
