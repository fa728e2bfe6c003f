"""The plan after the report (screen 9): the weaknesses in the framework's words, each with
its actions (owner, due, status, RAG); the team's own actions (keep-in-touch requests among
them); the versions of the plan and the report-backs to scrutiny. Every change is one
undoable action (u)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.binding import Binding

from sendtui.domain import actions as act
from sendtui.domain import plan as rules
from sendtui.domain.clock import london_to_utc, to_london
from sendtui.domain.words import sentence
from sendtui.errors import UserError
from sendtui.records import PersonRecord, PlanRecord
from sendtui.store import actions, people
from sendtui.store import plan as plans
from sendtui.ui.screens.common.columns import Column, fill
from sendtui.ui.screens.common.confirm import ConfirmScreen
from sendtui.ui.screens.common.list_screen import ListScreen
from sendtui.ui.screens.plan.forms import ActionForm, ReportBackForm, VersionForm, WeaknessForm

COLUMNS = [Column("What", 31), Column("Owner", 9), Column("Due", 11), Column("Status", 12),
           Column("RAG", 5)]
RAG_ORDER = ("", "red", "amber", "green")
VERDICT_ORDER = ("", "sufficient", "not-sufficient")
TEAM, VERSIONS, REPORTS = "Team actions", "Versions of the plan", "Report-backs to scrutiny"


def _short(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else ""


def short_due(due_at: dt.datetime | None, year: int) -> str:
    """`24 Nov` for a date-only due (17:00), else `1 Dec 10:00` (London); the year too when
    it is not this one."""
    if due_at is None:
        return ""
    local = to_london(due_at)
    text = f"{local.day} {local:%b}" + (f" {local.year}" if local.year != year else "")
    return text if local.time() == act.DAY_ENDS else f"{text} {local:%H:%M}"


@dataclass(frozen=True)
class Row:
    id: str
    kind: str  # weakness, action, version, report, heading
    record: object = None
    weakness_id: str | None = None  # the weakness an action (or the weakness) is under


class PlanScreen(ListScreen):
    HEADING = "Plan"
    TABLE = "plan"
    EMPTY = ("No actions or weaknesses yet: w adds a weakness of the report, a an action "
             "(t on the Week adds one from a meeting).")
    BINDINGS = [
        Binding("a", "add_action", "Add action", id="plan-add-action"),
        Binding("w", "add_weakness", "Add weakness", id="plan-add-weakness"),
        Binding("e,enter", "edit", "Edit", id="plan-edit"),
        Binding("space,t", "tick", "Tick", id="plan-tick", key_display="space",
                tooltip="Mark the action done, or open again"),
        Binding("r", "rag", "RAG", id="plan-rag", tooltip="Red, amber, green or none"),
        Binding("v", "verdict", "Verdict", id="plan-verdict", show=False,
                tooltip="Sufficient progress on the weakness, not sufficient, or none"),
        Binding("p", "add_version", "Plan version", id="plan-add-version", show=False),
        Binding("b", "add_report_back", "Report-back", id="plan-add-report-back", show=False),
        Binding("d", "remove", "Remove", id="plan-remove"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.plan = PlanRecord("")
        self.people: list[PersonRecord] = []
        self.rows: list[Row] = []

    @property
    def now(self) -> dt.datetime:
        return london_to_utc(self.app.today, dt.time(9))

    def listed(self) -> list[Row]:
        return self.rows

    def is_empty(self) -> bool:
        return not self.plan.weaknesses and not self.plan.team_actions

    def read_in_thread(self) -> tuple:
        ins_id = self.inspection.id
        return plans.read(self.store, ins_id), people.all(self.store, ins_id)

    def loaded(self, data: tuple, select: str | None = None) -> None:
        self.app.recount_overdue()  # the header's count follows a tick
        self.plan, self.people = data
        self.show(select)

    def show(self, select: str | None = None) -> None:
        row = self.table.cursor_row
        self.rows = list(self._rows())
        self.width_shown = self.app.size.width
        fill(self.table, COLUMNS, [(r.id, self._cells(r)) for r in self.rows], self.width_shown)
        self.put_cursor(select, row)
        self.show_summary()
        self.show_detail()

    def _rows(self):
        for w in self.plan.weaknesses:
            yield Row(w.id, "weakness", w, w.id)
            yield from (Row(a.id, "action", a, w.id) for a in w.actions)
        yield Row("team", "heading", TEAM)
        yield from (Row(a.id, "action", a) for a in self.plan.team_actions)
        yield Row("versions", "heading", VERSIONS)
        yield from (Row(v.id, "version", v) for v in self.plan.versions)
        yield Row("reports", "heading", REPORTS)
        yield from (Row(r.id, "report", r) for r in self.plan.report_backs)

    def _cells(self, row: Row) -> list[str]:
        r = row.record
        if row.kind == "heading":
            return [f"— {r} —", "", "", "", ""]
        if row.kind == "weakness":
            label = rules.weakness_label(self.plan.framework, r.kind)
            p = act.progress(list(r.actions), self.now)
            return [f"{label}: {r.title}", "", f"{p.done}/{p.total} done",
                    rules.VERDICT_SHORT.get(r.verdict, ""), ""]
        if row.kind == "action":
            status = "Overdue" if act.is_overdue(r, self.now) else act.STATUSES[r.status]
            return [f"  {'✓' if r.status == 'done' else '·'} {r.text}", r.owner,
                    short_due(r.due_at, self.app.today.year), status, act.RAGS.get(r.rag, "")]
        if row.kind == "version":
            return [f"{rules.PLAN_SHORT[r.kind]} v{r.version}", "", _short(r.submitted_on),
                    rules.fitness_short(r.decided_on, r.fit), ""]
        return [r.to, "", _short(r.on), "", ""]

    def summary(self) -> str:
        every = [a for w in self.plan.weaknesses for a in w.actions] + list(self.plan.team_actions)
        return (f"{len(self.plan.weaknesses)} weaknesses · actions "
                f"{act.progress(every, self.now).words()} · a action, w weakness, "
                f"p plan version, b report-back, ? all keys")

    def describe(self, row: Row) -> str:
        r = row.record
        if row.kind == "action":
            source = f" · from {r.source_title}" if r.source and r.source != "weakness" else ""
            return (f"{act.STATUSES[r.status]}, due {act.format_due(r.due_at) or 'any time'}"
                    f"{source} · {r.text}")
        if row.kind == "weakness":
            return f"{act.progress(list(r.actions), self.now).words()} · v: verdict"
        if row.kind == "version":
            return (f"{rules.PLAN_KINDS[r.kind]} v{r.version}: "
                    f"{rules.fitness_words(r.decided_on, r.fit)} {r.notes}")
        if row.kind == "report":
            return f"{r.on.isoformat()} to {r.to}: {r.notes}"
        return ""

    def open_selected(self) -> None:
        self.action_edit()

    # --- keys -------------------------------------------------------------------------------

    def action_add_action(self) -> None:
        row = self.selected()
        weakness_id = row.weakness_id if row else None
        under = f" under “{self._weakness(weakness_id).title}”" if weakness_id else ""

        def save(details) -> None:
            if details:
                self._write(lambda: actions.add(self.store, self.inspection.id,
                                                weakness_id=weakness_id, **details),
                            "Action added (u undoes).")

        self.app.push_screen(ActionForm(f"Add an action{under}", self.people), save)

    def action_add_weakness(self) -> None:
        def save(details) -> None:
            if details:
                self._write(lambda: plans.add_weakness(self.store, self.inspection.id,
                                                       details["title"], details["kind"]),
                            "Weakness added.")

        self.app.push_screen(WeaknessForm(self.plan.framework), save)

    def action_add_version(self) -> None:
        self._form(VersionForm(self.plan.framework), lambda d: plans.add_version(
            self.store, self.inspection.id, **d), "Plan version added.")

    def action_add_report_back(self) -> None:
        self._form(ReportBackForm(self.app.today), lambda d: plans.add_report_back(
            self.store, self.inspection.id, **d), "Report-back added.")

    def action_edit(self) -> None:
        row, ins = self.selected(), self.inspection.id
        if row is None or row.kind == "heading":
            return
        r = row.record
        if row.kind == "action":
            self._form(ActionForm("Edit the action", self.people, r), lambda d: actions.edit(
                self.store, ins, r.id, **d), "Action saved.", r.id)
        elif row.kind == "weakness":
            self._form(WeaknessForm(self.plan.framework, r), lambda d: plans.edit_weakness(
                self.store, ins, r.id, d["title"], d["kind"]), "Weakness saved.", r.id)
        elif row.kind == "version":
            self._form(VersionForm(self.plan.framework, r), lambda d: plans.edit_version(
                self.store, ins, r.id, **d), "Plan version saved.", r.id)
        else:
            self._form(ReportBackForm(self.app.today, r), lambda d: plans.edit_report_back(
                self.store, ins, r.id, **d), "Report-back saved.", r.id)

    def action_tick(self) -> None:
        row = self.selected()
        if row is None or row.kind != "action":
            self.notify("Put the cursor on an action to tick it.")
            return
        status = act.next_status(row.record.status)
        self._write(lambda: actions.set_status(self.store, self.inspection.id, row.id, status),
                    f"Action marked {act.STATUSES[status].lower()} (u undoes).", row.id)

    def action_rag(self) -> None:
        row = self.selected()
        if row is None or row.kind != "action":
            self.notify("Put the cursor on an action to rate it.")
            return
        rag = RAG_ORDER[(RAG_ORDER.index(row.record.rag) + 1) % len(RAG_ORDER)]
        self._write(lambda: actions.set_rag(self.store, self.inspection.id, row.id, rag),
                    f"Rated {act.RAGS.get(rag, 'none').lower()}.", row.id)

    def action_verdict(self) -> None:
        row = self.selected()
        if row is None or row.kind != "weakness":
            self.notify("Put the cursor on a weakness to record the verdict on it.")
            return
        verdict = VERDICT_ORDER[(VERDICT_ORDER.index(row.record.verdict) + 1) % 3]
        self._write(lambda: plans.set_verdict(self.store, self.inspection.id, row.id, verdict,
                                              self.app.today),
                    f"Verdict: {rules.VERDICTS.get(verdict, 'none').lower()}.", row.id)

    def action_remove(self) -> None:
        row, ins = self.selected(), self.inspection.id
        if row is None or row.kind == "heading":
            return
        remove = {"action": lambda: actions.remove(self.store, ins, row.id),
                  "weakness": lambda: plans.remove_weakness(self.store, ins, row.id),
                  "version": lambda: plans.remove_version(self.store, ins, row.id),
                  "report": lambda: plans.remove_report_back(self.store, ins, row.id)}
        what = {"action": "this action", "weakness": "this weakness and its actions",
                "version": "this plan version", "report": "this report-back"}[row.kind]

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(remove[row.kind], "Removed (u undoes).")

        self.app.push_screen(ConfirmScreen(f"Remove {what}?"), confirmed)

    # --- shared -------------------------------------------------------------------------------

    def _weakness(self, weakness_id: str):
        return next(w for w in self.plan.weaknesses if w.id == weakness_id)

    def _form(self, form, change, done: str, select: str | None = None) -> None:
        def save(details) -> None:
            if details:
                self._write(lambda: change(details), done, select)

        self.app.push_screen(form, save)

    def _write(self, change, done: str, select: str | None = None) -> None:
        """One change in the store (one undoable action), then read again."""
        try:
            changed = change()
        except UserError as exc:
            self.notify(sentence(str(exc)), severity="error")
            return
        self.refresh_data(select=select or (changed if isinstance(changed, str) else None))
        self.notify(done)
