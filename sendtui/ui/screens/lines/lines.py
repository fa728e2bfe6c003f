"""Lines of enquiry: how well each is triangulated; bespoke lines added, edited, removed;
the findings on each line under it.

The table counts evidence per source kind and shows each line's status in words (never colour
alone); the thin lines come first. `t` cycles the triangulation threshold for the session.
A finding's row counts its backing entries the same way and says how secure it is; `f` adds
one on the highlighted line, `e` and `d` edit and remove the highlighted line or finding.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.reactive import reactive
from textual.widgets import DataTable, Static

from sendtui.domain import triangulation as tri
from sendtui.domain.dates import short_day
from sendtui.domain.kinds import SOURCE_KINDS
from sendtui.errors import InvalidInput, NotFound
from sendtui.store import findings, inspections, lines
from sendtui.store.evidence_days import per_day
from sendtui.ui.screens.common.base import PlainTable
from sendtui.ui.screens.common.list_screen import ListScreen
from sendtui.ui.screens.lines import findings as shown_findings
from sendtui.ui.screens.lines.findings import FindingKeys, is_finding

# Column headers for the source kinds: 2–3 letters, in SOURCE_KINDS order.
SHORT_KINDS: dict[str, str] = {
    "document": "Doc", "meeting": "Mtg", "focus-group": "FG", "visit": "Vis",
    "case-file": "CF", "webinar": "Web", "survey": "Sur", "data": "Dat",
    "tracking": "Trk", "written-submission": "WS",
}
THRESHOLDS = (2, 3, 4)  # what `t` cycles through
MARKS = {
    tri.Status.NONE: "✖", tri.Status.SINGLE: "▲", tri.Status.CORROBORATED: "▲",
    tri.Status.TRIANGULATED: "✓",
}
# cell_padding is 0: right-justified counts and the widths below make the gaps
WIDTHS = {"code": 5, "kind": 4, "kinds": 7, "status": 16}
MIN_TITLE = 12


def status_cell(status: str) -> str:
    return f"{MARKS[status]} {status}"


class LinesScreen(FindingKeys, ListScreen):
    HEADING = "Lines of enquiry"
    TABLE = "lines"
    EMPTY = "No lines of enquiry: add a bespoke one with a."
    DETAIL = "hint"
    BINDINGS = [
        Binding("a", "add", "Add line", id="add-line"),
        Binding("f", "add_finding", "Add finding", id="add-finding",
                tooltip="A finding on the highlighted line, backed by its evidence"),
        Binding("e,enter", "edit", "Edit", id="edit-line"),
        Binding("d", "remove", "Remove", id="remove-line"),
        Binding("t", "threshold", "Threshold", id="triangulation-threshold", show=False),
    ]

    # The source kinds a line needs to count as triangulated; kept while the screen lives
    # (the session: screens are kept alive between number keys).
    threshold = reactive(tri.DEFAULT_THRESHOLD, init=False)

    def __init__(self) -> None:
        super().__init__()
        self.lines: list = []
        self.rows: list = []  # the lines, each followed by its findings, as the table shows

    def new_table(self) -> DataTable:
        return PlainTable(id="lines", cursor_type="row", zebra_stripes=True, cell_padding=0)

    def below_table(self) -> ComposeResult:
        yield Static("", id="lines-days", classes="hint", markup=False)

    def listed(self) -> list:
        return self.rows

    def is_empty(self) -> bool:
        return not self.lines

    def open_selected(self) -> None:
        self.action_edit()

    def watch_threshold(self) -> None:
        line = self.selected()
        self.refresh_data(select=line.id if line else None)

    def read_in_thread(self) -> tuple:
        """The lines, evidence entries per London day, the first on-site day and the
        findings. Both counts are passes over an index (no entry is read), side by side:
        SQLite lets go of Python while it counts."""
        ins_id = self.inspection.id
        with ThreadPoolExecutor(1) as pool:
            days = pool.submit(per_day, self.store, ins_id)
            found = lines.all(self.store, ins_id)
            on_site = next((k.date for k in inspections.key_dates(self.store, ins_id)
                            if k.key == "on-site"), None)
            stated = findings.all(self.store, ins_id)
            return found, days.result(), on_site, stated

    def loaded(self, data: tuple, select: str | None = None) -> None:
        found, days, on_site, stated = data
        self.lines = tri.attention_order(found, self.threshold)
        under: dict[str, list] = {}
        for finding in stated:
            under.setdefault(finding.line_id, []).append(finding)
        self.rows = [x for line in self.lines for x in (line, *under.get(line.id, ()))]
        self.show(select)
        self._show_days(days, on_site)

    def show(self, select: str | None = None) -> None:
        grid = self.table
        row = grid.cursor_row
        kinds = self.kinds_in_use()
        self._add_columns(grid, kinds)
        for line in self.rows:
            if is_finding(line):
                grid.add_row(*shown_findings.row(line, kinds, self.threshold), key=line.id)
                continue
            counts = [Text(str(line.by_source[s]) if line.by_source.get(s) else "·",
                           justify="right") for s in kinds]
            title = line.title + ("  (bespoke)" if line.is_bespoke else "")
            grid.add_row(
                Text(line.code), *counts,
                Text(str(tri.kinds(line.by_source)), justify="center"),
                Text(status_cell(tri.status(line.by_source, self.threshold))),
                Text(title, no_wrap=True, overflow="ellipsis"),
                key=line.id)
        self.put_cursor(select, row)
        self.show_summary()
        self.show_detail()

    def kinds_in_use(self) -> list[str]:
        """The source kinds with evidence on some line: a column each (ten columns of which
        most are empty would leave the titles no room at 80 columns)."""
        return [s for s in SHORT_KINDS if any(line.by_source.get(s) for line in self.lines)]

    def _add_columns(self, grid: DataTable, kinds: list[str]) -> None:
        """The title column takes the width left over; longer titles end in an ellipsis."""
        grid.clear(columns=True)
        code = max([WIDTHS["code"]] + [len(x.code) + 1 for x in self.lines])
        grid.add_column(Text("Code"), width=code, key="code")
        for slug in kinds:
            # header cells are not justified by the table: the label carries its own gap
            grid.add_column(SHORT_KINDS[slug].rjust(WIDTHS["kind"]), width=WIDTHS["kind"],
                            key=slug)
        grid.add_column(" Kinds", width=WIDTHS["kinds"], key="kinds")
        grid.add_column(Text("Status"), width=WIDTHS["status"], key="status")
        fixed = code + len(kinds) * WIDTHS["kind"] + WIDTHS["kinds"] + WIDTHS["status"]
        self.width_shown = self.app.size.width
        title = max(MIN_TITLE, self.width_shown - fixed - grid.styles.gutter.width)
        grid.add_column(Text("Line of enquiry"), width=title, key="title")

    def summary(self) -> str:
        statuses = [tri.status(line.by_source, self.threshold) for line in self.lines]
        done = statuses.count(tri.Status.TRIANGULATED)
        empty = statuses.count(tri.Status.NONE)
        return (f"{len(self.lines)} lines · {done} triangulated (≥{self.threshold} source "
                f"kinds) · {len(self.lines) - done - empty} not yet · {empty} without evidence")

    def describe(self, line) -> str:
        """The highlighted line in full, its sources in words (the legend of the columns);
        or the highlighted finding."""
        if is_finding(line):
            return shown_findings.describe(line, self.threshold)
        sources = " · ".join(f"{label} {line.by_source[slug]}"
                             for slug, label in SOURCE_KINDS.items() if line.by_source.get(slug))
        missing = self.threshold - tri.kinds(line.by_source)
        if not line.evidence_count:
            sources = "no evidence yet"
        if missing > 0:
            sources += f" — {missing} more kind{'s' if missing != 1 else ''} to triangulate"
        bespoke = "  (bespoke)" if line.is_bespoke else ""
        return f"{line.code}  {line.title}{bespoke}\n{sources}"

    def _show_days(self, days: dict, on_site) -> None:
        """Evidence entries per day; days before the on-site week summed as 'earlier'."""
        parts = []
        if on_site and any(d >= on_site for d in days):
            earlier = sum(n for d, n in days.items() if d < on_site)
            days = {d: n for d, n in days.items() if d >= on_site}
            if earlier:
                parts.append(f"earlier {earlier}")
        parts += [f"{short_day(d)} {n}" for d, n in days.items()]
        self.query_one("#lines-days", Static).update(
            "Daily: " + (" · ".join(parts) or "no evidence yet"))

    def action_threshold(self) -> None:
        now = self.threshold
        after = THRESHOLDS[(THRESHOLDS.index(now) + 1) % len(THRESHOLDS)] \
            if now in THRESHOLDS else tri.DEFAULT_THRESHOLD
        self.threshold = tri.check_threshold(after)
        self.notify(f"Triangulated at {after} or more source kinds (this session).")

    def action_add(self) -> None:
        from sendtui.ui.screens.lines.form import LineForm

        def save(result) -> None:
            if result:
                self._write(lambda: lines.add(self.store, self.inspection.id, *result),
                            "added")

        self.app.push_screen(LineForm(taken={line.code for line in self.lines}), save)

    def action_edit(self) -> None:
        from sendtui.ui.screens.lines.form import LineForm

        line = self.selected()
        if line is None:
            return
        if is_finding(line):
            self._edit_finding(line)
            return

        def save(result) -> None:
            if result:
                self._write(lambda: lines.edit(self.store, self.inspection.id, line.id,
                                                           *result), "saved")

        self.app.push_screen(LineForm(line, taken={x.code for x in self.lines}), save)

    def action_remove(self) -> None:
        from sendtui.ui.screens.common.confirm import ConfirmScreen

        line = self.selected()
        if line is None:
            return
        if is_finding(line):
            self._remove_finding(line)
            return
        kept = f" Its {line.evidence_count} evidence entries are kept." if line.evidence_count else ""

        def confirmed(yes: bool) -> None:
            if yes:
                self._write(lambda: lines.remove(self.store, self.inspection.id, line.id),
                            "removed", code=line.code)

        self.app.push_screen(ConfirmScreen(f"Remove line {line.code}?{kept}"), confirmed)

    def _write(self, change, verb: str, code: str | None = None) -> None:
        try:
            result = change()
        except (InvalidInput, NotFound) as exc:
            self.notify(str(exc), severity="error")
            return
        self.refresh_data(select=result.id if result else None)
        self.notify(f"Line {code or result.code} {verb}.")
