"""The form that adds or edits an information request. Its due is typed as a date-time
(`YYYY-MM-DD HH:MM`, or a date: 17:00) or as a rule that moves with its key date
(`2 working days after notified, 12:00`); not-held asks for a reason."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Input

from sendtui.domain import requests as rules
from sendtui.domain.clock import format_london, parse_time
from sendtui.domain.matching import did_you_mean, folded_name
from sendtui.domain.words import sentence
from sendtui.errors import InvalidInput, UserError
from sendtui.ui.screens.common.form import FormScreen, Invalid, field_row

DUE_HINT = "YYYY-MM-DD HH:MM, or e.g. 2 working days after notified, 12:00"


def due_text(request) -> str:
    """The request's due as the form shows it: its rule, else its instant."""
    if request is None or request.due_at is None and not request.due_anchor:
        return ""
    if request.due_anchor:
        at = parse_time(request.due_time) if request.due_time else rules.DAY_ENDS
        return rules.DueRule(request.due_anchor, request.due_days, at).words()
    return format_london(request.due_at)


class RequestForm(FormScreen):
    """The result: a dict of the store's `edit` arguments (title, kind, owner, due, where,
    notes, status, reason)."""

    BOX = "form wide-form"
    SCROLLS = True
    HINT = "enter: next field · ctrl+s saves · escape cancels"

    def __init__(self, request=None, people: frozenset[str] = frozenset(),
                 status: str | None = None) -> None:
        super().__init__("Edit the request" if request else "Add a request")
        self.request = request
        self.people = {folded_name(p): p for p in people}
        self.status = status or (request.status if request else "to-do")

    def body(self) -> ComposeResult:
        r = self.request
        for key, label, value, placeholder in [
                ("title", "Title", r.title if r else "", "what was asked for"),
                ("kind", "Kind", r.kind if r else "document", " · ".join(rules.KINDS)),
                ("owner", "Owner", r.owner if r else "", "a person's name, or empty"),
                ("due", "Due", due_text(r), DUE_HINT),
                ("state", "Status", self.status, " · ".join(rules.STATUSES)),
                ("reason", "Reason", r.reason if r else "", "why it is not held"),
                ("where", "Where", r.where if r else "", "a path, a link, on paper"),
                ("notes", "Notes", r.notes if r else "", "")]:
            yield field_row(label, key, Input(value=value, id=key, placeholder=placeholder,
                                              compact=True))

    def on_mount(self) -> None:
        if self.status == rules.NOT_HELD and not self.values()["reason"]:
            self.query_one("#reason", Input).focus()

    def check(self) -> dict:
        values, errors, found = self.values(), {}, {}
        checks = {
            "title": lambda: rules.checked_title(values["title"]),
            "kind": lambda: rules.checked_kind(values["kind"]),
            "owner": lambda: self._owner(values["owner"]),
            "due": lambda: rules.parse_due_rule(values["due"]) or rules.parse_due(
                values["due"]),
            "state": lambda: rules.checked_status(values["state"], values["reason"]),
        }
        for key, check in checks.items():
            try:
                found[key] = check()
            except UserError as exc:
                field = "reason" if key == "state" and "reason" in str(exc) else key
                errors[field] = sentence(str(exc))
        if errors:
            raise Invalid(errors)
        status, reason = found["state"]
        return {"title": found["title"], "kind": found["kind"], "owner": found["owner"],
                "due": found["due"], "where": values["where"].strip(),
                "notes": values["notes"].strip(), "status": status, "reason": reason}

    def _owner(self, text: str) -> str:
        name = folded_name(text)
        if name and name not in self.people:
            raise InvalidInput("no person has that name: add them on the People screen (4)"
                               f"{did_you_mean(text, self.people.values())}")
        return self.people.get(name, "")
