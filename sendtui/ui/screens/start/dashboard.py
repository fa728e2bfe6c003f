"""Where the inspection stands: key dates, the day, what the store holds, and when its
evidence falls due for erasure."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Static

from sendtui.domain.dates import day, span
from sendtui.domain.kinds import SETTING_KINDS
from sendtui.domain.outcomes import AfterReport, Recorded, countdown
from sendtui.domain.words import sentence
from sendtui.errors import InvalidInput, NotFound
from sendtui.records import Retention
from sendtui.ui.screens.common.base import TaskScreen, table


class DashboardScreen(TaskScreen):
    HEADING = "Dashboard"
    BINDINGS = [
        Binding("e,enter", "edit_date", "Edit date", id="edit-key-date"),
        Binding("O", "record_outcome", "Outcome", id="record-outcome", key_display="O",
                tooltip="What the report said, and when it was received and published"),
        Binding("W", "reword", "Outcome wording", id="outcome-wording", key_display="W",
                show=False, tooltip="This inspection's outcome wording and the intervals that follow"),
        Binding("R", "retention", "Retention", id="set-retention", key_display="R",
                tooltip="How many months after final feedback the evidence is erased"),
        Binding("I", "import_files", "Import", id="dashboard-import", key_display="I",
                show=False, tooltip="Import settings (GIAS), people or a schedule from a CSV file"),
        Binding("P", "purge", "Purge", id="purge-inspection", key_display="P",
                tooltip="Erase this whole inspection for good (asks; no undo)"),
        Binding("s", "switch_inspection", "Switch inspection", id="dashboard-switch",
                show=False,  # 80 columns of footer are full: in ? and ^p
                tooltip="Open another inspection, or start a new one (ctrl+o from anywhere)"),
    ]

    dates: tuple = ()
    retention: Retention | None = None
    after: AfterReport | None = None
    today = None  # domain.today.Today, once read

    def body(self) -> ComposeResult:
        yield Static("", id="today", classes="banner")
        yield Static("", id="today-panel")
        yield Static("", id="retention", classes="message", markup=False)
        yield Static("", id="dashboard-conflicts", classes="message warning", markup=False)
        yield table("key-dates", "Key date", "When", "Rule")
        yield Static("", id="after-report")
        with Horizontal(id="dashboard"):
            yield Static("", id="counts")
            yield Static("", id="evidence-by-line")

    async def on_data_table_row_selected(self) -> None:
        """enter on a row (the table takes the key before the screen does)."""
        await self.run_action("edit_date")  # through the app: held until the store is open

    def on_mount(self) -> None:
        self.watch(self.app, "conflict_words", self._show_conflicts)
        first = self.app.first_look
        if self.store is None and first is not None:  # the store is still opening
            self.loaded((first.key_dates, first.counts, first.retention, first.after_report))
            self.call_after_refresh(self.app.first_look_shown.set)
        else:
            self.refresh_data()
        self.query_one("#key-dates").focus()

    def read_in_thread(self):
        from sendtui.store import inspections, outcomes
        from sendtui.store import retention as kept
        from sendtui.store.today import today

        ins_id = self.inspection.id
        return (inspections.key_dates(self.store, ins_id), inspections.counts(self.store, ins_id),
                kept.get(self.store, ins_id), outcomes.after_report(self.store, ins_id),
                today(self.store, ins_id, self.app.now()))

    def loaded(self, data) -> None:
        self.dates, counts, self.retention, self.after, *now = data
        if now:  # not in the first look painted before the store opened
            self.show_today(now[0])
        panel = self.query_one("#after-report", Static)
        panel.update(after_report_text(self.after, self.app.today) if self.after else "")
        panel.display = self.after is not None
        caption = self.app.day_caption(self.dates)
        self.query_one("#today", Static).update(Text(f"{self.inspection.local_area} · {caption}"))
        self._show_retention()
        dates = self.query_one("#key-dates", DataTable)
        dates.clear()
        for kd in self.dates:
            dates.add_row(kd.label, span(kd.date, kd.end), kd.rule, key=kd.key)
        kinds = ", ".join(f"{SETTING_KINDS.get(k, k).lower()} {n}"
                          for k, n in sorted(counts.settings_by_kind.items()))
        self.query_one("#counts", Static).update(
            f"[b]Settings[/]  {counts.settings}" + (f" ({kinds})" if kinds else "") +
            f"\n[b]People[/]    {counts.people} (team {counts.team}, local "
            f"{counts.people - counts.team})\n[b]Events[/]    {counts.events}"
            f"\n[b]Evidence[/]  {counts.evidence}" + (
                "\n[i]I imports the settings (GIAS), people or a schedule[/]"
                if not (counts.settings and counts.people) else ""))
        self.query_one("#evidence-by-line", Static).update(_by_line(counts.evidence_by_line))

    def show_today(self, today) -> None:
        from sendtui.ui.screens.start.today_panel import header_words, today_text

        self.today = today
        self.query_one("#today-panel", Static).update(today_text(today))
        self.app.overdue_words = header_words(today)

    def _show_conflicts(self, words: str) -> None:
        """Entries changed on two laptops at once (the header's "2 conflicts"), said here
        too, so that nobody misses them."""
        line = self.query_one("#dashboard-conflicts", Static)
        line.update(f"{words} to settle (a text changed on two laptops at once): X shows "
                    "both texts to choose from." if words else "")
        line.display = bool(words)

    def _show_retention(self) -> None:
        line = self.query_one("#retention", Static)
        text, due_now = retention_line(self.retention, self.app.today)
        line.update(text)
        line.display = bool(text)
        line.set_class(due_now, "warning")
        line.set_class(not due_now, "hint")

    def action_edit_date(self) -> None:
        from sendtui.ui.screens.common.key_date import KeyDateForm

        dates = self.query_one("#key-dates", DataTable)
        if not self.dates:
            return
        kd = self.dates[dates.cursor_row]

        def save(result) -> None:
            from sendtui.store import inspections

            if result is None:
                return
            try:
                inspections.set_key_date(self.store, self.inspection.id, kd.key, *result)
            except InvalidInput as exc:
                self.notify(str(exc), severity="error")
                return
            self.refresh_data()
            self.notify(f"{kd.label} saved.")

        self.app.push_screen(KeyDateForm(kd), save)

    def action_import_files(self) -> None:
        self.app.action_import_files()

    def action_record_outcome(self) -> None:
        from sendtui.store.outcomes import framework_of
        from sendtui.ui.screens.start.outcome import OutcomeForm

        by_key = {kd.key: kd.date for kd in self.dates}
        now = self.after.recorded if self.after else Recorded()

        def save(answer: dict | None) -> None:
            from sendtui.store import outcomes

            if not answer:
                return
            try:
                outcomes.record(self.store, self.inspection.id, **answer)
            except InvalidInput as exc:
                self.notify(str(exc), severity="error")
                return
            self.refresh_data()
            self.notify("Outcome recorded: the dates that follow are on the dashboard "
                        "(u undoes).")

        self.app.push_screen(OutcomeForm(framework_of(self.store, self.inspection.id), now,
                                         by_key.get("report-received"), by_key.get("published")),
                             save)

    def action_reword(self) -> None:
        from sendtui.store.outcomes import framework_of, reword
        from sendtui.ui.screens.start.wording import WordingForm

        framework = framework_of(self.store, self.inspection.id)
        if not framework.outcomes:
            self.notify(f"A {framework.name} has no outcomes to word.", severity="warning")
            return

        def save(answer) -> None:
            if answer is None:
                return
            try:
                reword(self.store, self.inspection.id, *answer)
            except (InvalidInput, NotFound) as exc:
                self.notify(sentence(str(exc)), severity="error")
                return
            self.refresh_data()
            self.notify("Outcome wording saved: the dates that follow are recomputed "
                        "(u undoes).")

        self.app.push_screen(WordingForm(framework), save)

    def action_retention(self) -> None:
        from sendtui.ui.screens.start.retention import RetentionForm

        if self.retention is None:  # not read yet
            self.app.bell()
            return

        def save(answer: tuple[int | None] | None) -> None:
            if answer is None or answer[0] == self.retention.months:
                return
            from sendtui.store import retention as kept

            (months,) = answer
            kept.set_months(self.store, self.inspection.id, months)
            self.refresh_data()
            self.notify("Retention period removed (u undoes)." if months is None else
                        f"Evidence due for erasure {months} months after final feedback "
                        "(u undoes).")

        self.app.push_screen(RetentionForm(self.retention.months), save)

    def action_switch_inspection(self) -> None:
        self.app.action_switch_inspection()

    def action_purge(self) -> None:
        from sendtui.ui.screens.start.retention import purge_inspection

        purge_inspection(self)


def retention_line(retention: Retention | None, today) -> tuple[str, bool]:
    """The dashboard's line on retention, and whether erasure is due (a warning)."""
    if retention is None or retention.months is None:
        return "", False
    if retention.due is None:
        return (f"Evidence is kept {retention.months} months after final feedback "
                "(R changes it).", False)
    if retention.due <= today:
        return (f"Evidence is due for erasure since {day(retention.due)}: run "
                "`sendtui purge --yes` or press P.", True)
    return (f"Evidence is due for erasure on {day(retention.due)}, {retention.months} months "
            "after final feedback (R changes it).", False)


def after_report_text(after: AfterReport, today) -> Text:
    """The panel: the outcome, then each date that follows with its countdown."""
    text = Text("After the report", style="bold")
    text.append(f"\n{after.outcome_label}" if after.outcome_label else
                "\nOutcome not recorded yet (O records it).", style="" if
                after.outcome_label else "italic")
    for kd in after.dates:
        left, overdue = countdown(kd, today, met_on=dict(after.met).get(kd.key))
        text.append(f"\n{kd.label}: {day(kd.date)} — ")
        text.append(left, style="bold red" if overdue else "bold")
    return text


def _by_line(by_line: dict[str, int]) -> str:
    """Evidence per line, one strand a row: `A1 5  A2 3  A3 —` (— for none yet)."""
    rows: dict[str, list[str]] = {}
    for code, n in by_line.items():
        rows.setdefault(code[0], []).append(f"{code} {n if n else '—'}")
    body = "\n".join("  ".join(cells) for cells in rows.values())
    return "[b]Evidence by line[/] (— none yet)\n" + body
