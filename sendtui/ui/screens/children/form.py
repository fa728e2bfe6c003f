"""Add or edit a tracked child or sampled case. The name, date of birth and case reference
go to the protected table; editing never shows them (blank keeps what is stored)."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult
from textual.widgets import Input, Select

from sendtui.domain import tracking as rules
from sendtui.domain.calendar import parse_date
from sendtui.domain.clock import format_london
from sendtui.domain.words import sentence
from sendtui.errors import CalendarError, InvalidInput, TimeError
from sendtui.records import EventRecord, TrackedChildRecord
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_row

NOT_ASKED = "not-asked"  # the Select's value for consent "" (not asked yet)
MEETING_KINDS = ("tracking-meeting", "case-sampling")


class ChildForm(FormScreen):
    """Dismisses with the keyword arguments of store.tracked.add (or edit), or None."""

    BOX = "form wide-form"
    SCROLLS = True
    HINT = "enter: next field · ctrl+s saves · escape cancels"

    def __init__(self, today: dt.date, events: list[EventRecord],
                 child: TrackedChildRecord | None = None) -> None:
        super().__init__(f"Edit {child.pseudonym}" if child else
                         "Add a tracked child or sampled case")
        self.today = today
        self.child = child
        self.events = [e for e in events if e.kind in MEETING_KINDS
                       or (child and e.id == child.event_id)]

    def body(self) -> ComposeResult:
        c = self.child
        yield field_row("Kind", "kind", Select(
            [(label, slug) for slug, label in rules.KINDS.items()], value=c.kind if c
            else "tracked", allow_blank=False, id="kind", compact=True))
        if c is None:
            yield self._input("Pseudonym", "pseudonym", "", "blank: the next CYP-NN")
            yield self._input("Name", "name", "", "the child's name: protected, never shown")
        keep = "blank: keep what is stored" if c else "optional"
        yield self._input("Born", "born", "", f"YYYY-MM-DD; {keep}")
        yield self._input("Case ref", "case-ref", "", keep)
        yield self._input("Selected", "selected", str(c.selected_on if c else self.today),
                          "YYYY-MM-DD")
        yield self._input("Docs due", "due", self._due_shown(),
                          "blank: 2 working days after selection, 17:00")
        yield field_row("Consent", "consent", Select(
            [(label, slug or NOT_ASKED) for slug, label in rules.CONSENT.items()],
            value=(c.consent if c else "") or NOT_ASKED, allow_blank=False, id="consent",
            compact=True))
        yield self._input("By whom", "consent-by", c.consent_by if c else "",
                          "e.g. parent, the young person")
        yield self._input("Uploaded", "uploaded", str(c.documents_uploaded or "") if c
                          else "", "YYYY-MM-DD the documents went up; blank: not yet")
        yield self._input("Sectors", "sectors", ", ".join(
            rules.SECTORS[s] for s in (c.sectors if c else ())),
            "education, health, social care")
        yield self._input("Invite", "professionals", c.professionals if c else "",
                          "the professionals to invite")
        yield field_row("Meeting", "meeting", Select(
            [(f"{format_london(e.start)} {e.title}", e.id) for e in self.events],
            value=c.event_id if c and c.event_id else Select.NULL,
            prompt="the tracking meeting (optional)", id="meeting", compact=True))

    def _input(self, label: str, key: str, value: str, placeholder: str):
        return field_row(label, key, Input(value, placeholder=placeholder, id=key,
                                           compact=True))

    def _due_shown(self) -> str:
        c = self.child
        if c is None or c.documents_due == rules.documents_due(c.selected_on):
            return ""
        return format_london(c.documents_due)

    def check(self) -> dict:
        v, errors, got = self.values(), {}, {}
        for key, field in (("born", "born"), ("selected", "selected_on"),
                           ("uploaded", "documents_uploaded")):
            try:
                got[field] = parse_date(v[key]) if v[key].strip() else None
            except CalendarError as exc:
                errors[key] = sentence(str(exc))
        if got.get("selected_on") is None and "selected" not in errors:
            errors["selected"] = "Give the day the child was selected."
        try:
            got["documents_due"] = rules.parse_due(v["due"]) if v["due"].strip() else None
        except (CalendarError, TimeError) as exc:
            errors["due"] = sentence(str(exc))
        try:
            got["sectors"] = rules.parse_sectors(v["sectors"])
        except InvalidInput as exc:
            errors["sectors"] = sentence(str(exc))
        if self.child is None and not v["name"].strip():
            errors["name"] = "Give the child's name: only the protected table keeps it."
        if errors:
            raise Invalid(errors)
        consent = self.query_one("#consent", Select).value
        meeting = self.query_one("#meeting", Select).value
        got.update(kind=self.query_one("#kind", Select).value,
                   consent="" if consent == NOT_ASKED else consent,
                   consent_by=v["consent-by"].strip(), professionals=v["professionals"].strip(),
                   event_id=None if meeting is Select.NULL else meeting,
                   case_ref=v["case-ref"].strip())
        if self.child is None:
            got.update(name=v["name"], pseudonym=v["pseudonym"].strip() or None)
        return got
