"""The event form: checked as you type, saved with ctrl+s; a visit's title follows its
setting until the user types their own."""

from __future__ import annotations

import datetime as dt

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Input, Select, Static

from sendtui.config import today
from sendtui.domain.calendar import parse_date
from sendtui.domain.clock import london_to_utc, parse_time
from sendtui.domain.dates import clock, local_date
from sendtui.domain.events import (
    ends_after_start,
    follows_setting,
    needs_setting,
    short_name,
    visitable,
)
from sendtui.domain.kinds import AUDIENCES, EVENT_KINDS, EVENT_STATUSES
from sendtui.errors import CalendarError, TimeError
from sendtui.records import PersonRecord, SettingRecord
from sendtui.store.events import EventInput
from sendtui.ui.screens.common.form import (
    FormScreen,
    Invalid,
    field_label,
    field_message,
    field_row,
)
from sendtui.ui.widgets.pickers import PeoplePicker, SettingPicker


class EventForm(FormScreen):
    """Add or edit one event; dismisses with an EventInput, or None on escape."""

    BOX = "form wide-form"
    SCROLLS = True
    HINT = "enter: next field (saves from Notes) · ctrl+s saves · escape cancels"
    MESSAGE_LINE = {"date": "when", "start": "when", "end": "when"}
    SHOW_PROBLEMS = "at once"

    def __init__(self, initial: EventInput, settings: list[SettingRecord],
                 people: list[PersonRecord], heading: str) -> None:
        super().__init__(heading)
        self.initial = initial
        self.settings = settings
        self.people = people
        self.kind = initial.kind
        chosen = next((s for s in settings if s.id == initial.setting_id), None)
        self.follows = follows_setting(self.kind, initial.title, chosen and chosen.name)

    def body(self) -> ComposeResult:
        e = self.initial
        yield from self._what(e)
        yield from self._when(e)
        yield field_row("Setting", "setting",
                        SettingPicker(self.settings, e.setting_id, id="setting-picker"))
        yield field_message("setting")
        yield field_row("People", "people",
                        PeoplePicker(self.people, e.person_ids, id="people-picker"))
        yield field_row("Audience", "audience", Select(
            [(label, slug) for slug, label in AUDIENCES.items()], value=e.audience
            or Select.NULL, prompt="Choose the audience", id="audience", compact=True))
        yield field_row("Location", "location", Input(
            e.location, placeholder="blank: the setting's address", id="location",
            compact=True))
        yield field_row("Notes", "notes", Input(e.notes, id="notes", compact=True))

    def _what(self, e: EventInput) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield field_label("Kind", "kind")
            yield Select([(label, slug) for slug, (label, _) in EVENT_KINDS.items()],
                         value=e.kind, allow_blank=False, id="kind", compact=True)
            yield field_label("Status", "status")
            yield Select([(s.capitalize(), s) for s in EVENT_STATUSES], value=e.status,
                         allow_blank=False, id="status", compact=True)
        yield field_row("Title", "title", Input(
            e.title, placeholder=_kind_label(e.kind), id="title", compact=True))

    def _when(self, e: EventInput) -> ComposeResult:
        with Horizontal(classes="field-row"):
            yield field_label("Date", "date")
            yield Input(local_date(e.start).isoformat(), placeholder="YYYY-MM-DD",
                        max_length=10, id="date", compact=True)
            yield field_label("Start", "start")
            yield Input(clock(e.start), placeholder="HH:MM", max_length=8, id="start",
                        compact=True)
            yield field_label("End", "end")
            yield Input(clock(e.end), placeholder="HH:MM", max_length=8, id="end",
                        compact=True)
            yield Static("", id="duration", markup=False)
        yield field_message("when")

    def on_mount(self) -> None:
        self._show_audience()
        self.changed()
        self.query_one("#kind").focus()

    def value(self, selector: str) -> str:
        return self.query_one(selector, Input).value

    @on(Select.Changed, "#kind")
    def _kind_changed(self, event: Select.Changed) -> None:
        before, self.kind = self.kind, event.value
        self.query_one("#title", Input).placeholder = _kind_label(self.kind)
        self._show_audience()
        self._title_follows()
        start, end, _ = self._times()
        # An end left at the old kind's usual length follows the new kind's.
        if start and end and _minutes(start, end) == EVENT_KINDS[before][1]:
            new_end = start + dt.timedelta(minutes=EVENT_KINDS[self.kind][1])
            self.query_one("#end", Input).value = clock(new_end)

    @on(SettingPicker.Changed)
    def _title_follows(self) -> None:
        """A title left at its default follows the kind and the setting."""
        if self.follows:
            self.query_one("#title", Input).value = self._default_title()

    @on(Input.Changed, "#title")
    def _title_typed(self, event: Input.Changed) -> None:
        setting = self.query_one(SettingPicker).setting
        self.follows = follows_setting(self.kind, event.value, setting and setting.name)

    def _default_title(self) -> str:
        setting = self.query_one(SettingPicker).setting
        return short_name(setting.name) if self.kind == "visit" and setting else ""

    def _show_audience(self) -> None:
        self.query_one("#audience-row").display = self.kind == "focus-group"

    def changed(self) -> None:
        start, end, _ = self._times()
        self.query_one("#duration", Static).update(
            f"{_minutes(start, end)} min" if start and end and ends_after_start(start, end) else "")

    def _times(self) -> tuple[dt.datetime | None, dt.datetime | None, dict[str, str]]:
        """Start and end as UTC instants (None where unreadable) and what is wrong."""
        errors = {}
        try:
            now = getattr(self.app, "today", None) or today()  # "friday" is from the app's today
            day = parse_date(self.value("#date"), today=now)
        except CalendarError:
            day = None
            errors["date"] = "The date must be a real day written YYYY-MM-DD, e.g. 2026-12-01."
        times = {}
        for key in ("start", "end"):
            try:
                times[key] = parse_time(self.value(f"#{key}"))
            except TimeError:
                errors[key] = f"The {key} must be a time written HH:MM, e.g. 09:30."
        if day is None:
            return None, None, errors
        start, end = (london_to_utc(day, times[k]) if k in times else None
                      for k in ("start", "end"))
        if start and end and not ends_after_start(start, end):
            errors["end"] = "The end must be after the start."
        return start, end, errors

    def check(self) -> EventInput:
        start, end, errors = self._times()
        setting = self.query_one(SettingPicker).setting
        if needs_setting(self.kind) and setting is None:
            errors["setting"] = "A visit needs a setting: type part of its name, URN or postcode."
        elif setting and not visitable(setting.status):
            errors["setting"] = f"{setting.name} is {setting.status}: pick another setting."
        if errors:
            raise Invalid(errors)
        return EventInput(
            kind=self.kind, title=" ".join(self.value("#title").split()) or _kind_label(self.kind),
            start=start, end=end, setting_id=setting.id if setting else None,
            audience=self._audience(), location=self.value("#location").strip(),
            notes=self.value("#notes").strip(), status=self.query_one("#status", Select).value,
            person_ids=self.query_one(PeoplePicker).person_ids)

    def _audience(self) -> str | None:
        if self.kind != "focus-group":
            return self.initial.audience  # not shown, so left as it was (e.g. a webinar's)
        audience = self.query_one("#audience", Select).value
        return None if audience == Select.NULL else audience


def _kind_label(kind: str) -> str:
    return EVENT_KINDS[kind][0]


def _minutes(start: dt.datetime, end: dt.datetime) -> int:
    return int((end - start).total_seconds() // 60)
