"""The plan's forms: an action (also from the week, on an event), a weakness, a version of
the plan, a report-back to scrutiny. Each checks with the domain's rules as you type."""

from __future__ import annotations

import datetime as dt

from textual.app import ComposeResult

from sendtui.domain import actions as act
from sendtui.domain import plan as rules
from sendtui.domain.calendar import parse_date
from sendtui.domain.matching import called
from sendtui.domain.words import sentence
from sendtui.errors import UserError
from sendtui.records import PersonRecord
from sendtui.ui.screens.common.form import FormScreen, Invalid, labelled


def owner_of(name: str, people: list[PersonRecord]) -> str | None:
    """The person named (or the one whose name starts so); "" is nobody."""
    if not name.split():
        return None
    found = called(people, name, key=lambda p: p.name)
    if len(found) != 1:
        raise Invalid({"owner": "Nobody of that name: add them on the People screen (4)."
                       if not found else "Several people's names start so: type more."})
    return found[0].id


def _checked(key: str, read, text: str):
    try:
        return read(text)
    except UserError as exc:
        raise Invalid({key: sentence(str(exc))}) from None


def _date(text: str) -> dt.date | None:
    return parse_date(text) if text.strip() else None


class ActionForm(FormScreen):
    """Text, owner, due; status and RAG too when `full`. The result: a dict of them."""

    def __init__(self, heading: str, people: list[PersonRecord], action=None,
                 full: bool = True) -> None:
        super().__init__(heading)
        self.people, self.action, self.full = people, action, full

    def body(self) -> ComposeResult:
        a = self.action
        yield from labelled("text", "What is to be done", a.text if a else "")
        yield from labelled("owner", "Owner (a person's name, or blank)",
                            a.owner if a else "")
        yield from labelled("due", "Due (YYYY-MM-DD HH:MM London, or a date: 17:00)",
                            act.format_due(a.due_at) if a else "")
        if self.full:
            yield from labelled("status", f"Status: {', '.join(act.STATUSES)}",
                                a.status if a else "open")
            yield from labelled("rag", "RAG: red, amber, green or blank",
                                a.rag if a else "")

    def check(self) -> dict:
        values = self.values()
        text = _checked("text", act.tidy_text, values["text"])
        result = {"text": text, "owner_id": owner_of(values["owner"], self.people),
                  "due_at": _checked("due", act.parse_due, values["due"])}
        if self.full:
            result["status"] = _checked("status", act.check_status, values["status"].strip())
            result["rag"] = _checked("rag", act.check_rag, values["rag"])
        return result


class WeaknessForm(FormScreen):
    """Kind (when the framework has more than one) and title."""

    def __init__(self, framework: str, weakness=None) -> None:
        super().__init__("Edit the weakness" if weakness else "Add a weakness")
        self.framework, self.weakness = framework, weakness
        self.kinds = rules.weakness_kinds(framework)

    def body(self) -> ComposeResult:
        w = self.weakness
        if len(self.kinds) > 1:
            words = "; ".join(f"{k}: {label}" for k, label in self.kinds.items())
            yield from labelled("kind", f"Kind ({words})", w.kind if w else rules.PRIORITY)
        yield from labelled("title", "Title, as the report words it", w.title if w else "")

    def check(self) -> dict:
        values = self.values()
        kind = values.get("kind", rules.PRIORITY).strip()
        return {"kind": _checked("kind", lambda k: rules.check_kind(self.framework, k), kind),
                "title": _checked("title", rules.tidy_title, values["title"])}


class VersionForm(FormScreen):
    """A version of the WSOA, APP or priority action plan and its fitness decision."""

    def __init__(self, framework: str, version=None) -> None:
        super().__init__("Edit the plan version" if version else "Add a version of the plan")
        self.framework, self.version = framework, version

    def body(self) -> ComposeResult:
        v = self.version
        first = rules.FIRST_PLAN.get(self.framework, "wsoa")
        for key, text, value in [
                ("kind", f"Plan: {', '.join(rules.PLAN_KINDS)}", v.kind if v else first),
                ("version", "Version", v.version if v else "1"),
                ("submitted", "Submitted on (YYYY-MM-DD)", _iso(v.submitted_on if v else None)),
                ("decided", "Fitness decision on (blank: awaited)",
                 _iso(v.decided_on if v else None)),
                ("fit", "Fit for purpose? yes or no", "" if not v or v.fit is None
                 else "yes" if v.fit else "no"),
                ("resubmitted", "Resubmitted on", _iso(v.resubmitted_on if v else None)),
                ("notes", "Notes", v.notes if v else "")]:
            yield from labelled(key, text, value)

    def check(self) -> dict:
        values = self.values()
        dates = {key: _checked(key, _date, values[key])
                 for key in ("submitted", "decided", "resubmitted")}
        fit = values["fit"].strip().lower()
        if fit not in ("", "yes", "no") or (dates["decided"] and not fit):
            raise Invalid({"fit": "Say yes or no: was the plan found fit for purpose?"})
        try:
            rules.check_version_dates(dates["submitted"], dates["decided"],
                                      dates["resubmitted"])
        except UserError as exc:
            raise Invalid(sentence(str(exc))) from None
        return {"kind": _checked("kind", rules.check_plan_kind, values["kind"].strip()),
                "version": _checked("version", lambda t: rules.tidy_title(t, "a plan version"),
                                    values["version"]),
                "submitted_on": dates["submitted"], "decided_on": dates["decided"],
                "fit": None if not fit else fit == "yes",
                "resubmitted_on": dates["resubmitted"],
                "notes": _checked("notes", rules.tidy_note, values["notes"])}


class ReportBackForm(FormScreen):
    def __init__(self, today: dt.date, report=None) -> None:
        super().__init__("Edit the report-back" if report else "Add a report-back to scrutiny")
        self.today, self.report = today, report

    def body(self) -> ComposeResult:
        r = self.report
        yield from labelled("on", "Date (YYYY-MM-DD)", _iso(r.on if r else self.today))
        yield from labelled("to", "To whom (a committee, a board)", r.to if r else "")
        yield from labelled("notes", "Notes", r.notes if r else "")

    def check(self) -> dict:
        values = self.values()
        on = _checked("on", parse_date, values["on"])
        return {"on": on,
                "to": _checked("to", lambda t: rules.tidy_title(t, "a report-back"),
                               values["to"]),
                "notes": _checked("notes", rules.tidy_note, values["notes"])}


def _iso(day: dt.date | None) -> str:
    return day.isoformat() if day else ""
